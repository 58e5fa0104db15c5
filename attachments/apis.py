from django.conf import settings
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from attachments.selectors import attachment_get_for
from attachments.serializers import AttachmentInputSerializer, AttachmentSerializer
from attachments.services import attachment_retry, attachment_upload, too_large
from project.api.negotiation import BinaryContentNegotiation
from project.api.schema import errors
from project.api.views import ApiView
from project.media import media_response
from relationships.partners.selectors import partner_get_for

# Slack for the multipart envelope around a file of UPLOAD_MAX_BYTES.
MULTIPART_OVERHEAD = 64 * 1024


class AttachmentListApi(ApiView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": AttachmentInputSerializer},
        responses={201: AttachmentSerializer, **errors(413)},
        tags=["chat"],
    )
    def post(self, request, partner_id: int):
        """Upload a voice note (AAC/M4A, Opus or Vorbis in Ogg or WebM, MP3, WAV; at most
        VOICE_MAX_SECONDS) or an image (JPEG, PNG, WebP, HEIC/HEIF; at most UPLOAD_MAX_PIXELS).
        201 `uploaded`: a worker transcribes the note, or decodes, screens and describes the
        image; send its id as a chat message's `attachment_id`. 400 unsupported_audio,
        voice_too_long, image_unsupported, image_too_many_pixels, image_undecodable;
        413 upload_too_large."""
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        # Refuse an oversized body before Django parses it.
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD:
            raise too_large(settings.UPLOAD_MAX_BYTES)
        serializer = AttachmentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        attachment = attachment_upload(owner=request.user, partner=partner, upload=upload, size=upload.size)
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)


class AttachmentDetailApi(ApiView):
    @extend_schema(responses={200: AttachmentSerializer}, tags=["chat"])
    def get(self, request, partner_id: int, attachment_id: int):
        """An attachment's status (`uploaded`, `transcribing`, `ready` with its transcript, or
        `failed` with an error_code) and a signed `url` of its file."""
        attachment = attachment_get_for(user=request.user, partner_id=partner_id, attachment_id=attachment_id)
        return Response(AttachmentSerializer(attachment).data)


class AttachmentRetryApi(ApiView):
    @extend_schema(request=None, responses={200: AttachmentSerializer}, tags=["chat"])
    def post(self, request, partner_id: int, attachment_id: int):
        """Transcribe a `failed` voice note, or process a `failed` image, again (nothing happens
        to one that is not failed). 400 audio_undecodable or an image's refusal code: trying
        again cannot help."""
        attachment = attachment_get_for(user=request.user, partner_id=partner_id, attachment_id=attachment_id)
        return Response(AttachmentSerializer(attachment_retry(attachment=attachment)).data)


class AttachmentFileApi(ApiView):
    content_negotiation_class = BinaryContentNegotiation

    @extend_schema(
        responses={(200, "audio/*"): OpenApiTypes.BINARY, (200, "image/jpeg"): OpenApiTypes.BINARY}, tags=["chat"]
    )
    def get(self, request, partner_id: int, attachment_id: int):
        """The file, with the Bearer token (`url` is the same, signed, for <audio> tags)."""
        attachment = attachment_get_for(user=request.user, partner_id=partner_id, attachment_id=attachment_id)
        if not attachment.shown_file:
            raise Http404
        return media_response(attachment.shown_file)
