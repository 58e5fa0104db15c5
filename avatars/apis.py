from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from project.api.views import ApiView

from avatars import catalog, render, scenes
from avatars.models import Avatar
from avatars.selectors import avatar_config_of, selfie_get_for, selfie_list_for
from avatars.serializers import (
    AvatarImageQuerySerializer,
    AvatarInputSerializer,
    AvatarSerializer,
    CatalogSerializer,
    DestinationSerializer,
    SelfieInputSerializer,
    SelfieQueuedSerializer,
    SelfieSerializer,
)
from avatars.services import avatar_png, avatar_set, selfie_delete, selfie_request
from project.api.negotiation import BinaryContentNegotiation
from project.api.pagination import CreatedCursorPagination, paginated_response
from project.api.schema import errors
from project.api.serializers import ErrorSerializer
from project.errors import ApplicationError
from project.media import media_response
from relationships.progression.features import FeatureCode, feature_require
from relationships.partners.selectors import partner_get_for
from relationships.mood.selectors import partner_expression

MISSING = {401: ErrorSerializer, 404: ErrorSerializer}
# Slack for the multipart envelope around a photo of UPLOAD_MAX_BYTES.
MULTIPART_OVERHEAD = 64 * 1024


class AvatarCatalogApi(ApiView):
    @extend_schema(responses={200: CatalogSerializer, 401: ErrorSerializer}, tags=["avatars"])
    def get(self, request):
        """The layer kinds, their options and colours, the expressions and sizes."""
        return Response(CatalogSerializer(catalog.catalog()).data)


def _avatar_answer(partner, avatar: Avatar | None) -> Response:
    data = {
        "partner_id": partner.pk,
        "config": avatar_config_of(partner),
        "expression": partner_expression(partner),
        "image_url": reverse("partner-avatar-image", args=[partner.pk]),
        "updated_at": avatar.updated_at if avatar else None,
    }
    return Response(AvatarSerializer(data).data)


class PartnerAvatarApi(ApiView):
    @extend_schema(responses={200: AvatarSerializer, **MISSING}, tags=["avatars"])
    def get(self, request, partner_id: int):
        """The partner's look (the default until one is chosen)."""
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        return _avatar_answer(partner, Avatar.objects.filter(partner=partner).first())

    @extend_schema(
        request=AvatarInputSerializer,
        responses={200: AvatarSerializer, **errors(422)},
        tags=["avatars"],
    )
    def put(self, request, partner_id: int):
        """Choose the look: kinds left out keep the default. Outfits are modest for minors."""
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        serializer = AvatarInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        avatar = avatar_set(partner=partner, config=serializer.validated_data["config"])
        return _avatar_answer(partner, avatar)


class PartnerAvatarImageApi(ApiView):
    content_negotiation_class = BinaryContentNegotiation
    query_serializer_class = AvatarImageQuerySerializer

    @extend_schema(
        responses={
            (200, "image/png"): OpenApiTypes.BINARY,
            304: OpenApiResponse(description="Not modified (If-None-Match)."),
        },
        tags=["avatars"],
    )
    def get(self, request, partner_id: int):
        """The avatar as a PNG. Deterministic and cached; revalidate with If-None-Match."""
        expression = self.query.get("expression")
        size = int(self.query["size"])
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        expression = expression or partner_expression(partner)
        config = avatar_config_of(partner)
        key = render.avatar_key(config, expression=expression, size=size)
        etag = f'"{key}"'
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        else:
            png = avatar_png(config=config, key=key, expression=expression, size=size)
            response = HttpResponse(png, content_type="image/png")
        response["ETag"] = etag
        # Private (it is the user's), and checked with the ETag before each use.
        response["Cache-Control"] = "private, no-cache"
        patch_vary_headers(response, ["Authorization"])
        return response


class DestinationListApi(ApiView):
    @extend_schema(responses={200: DestinationSerializer(many=True), 401: ErrorSerializer}, tags=["selfies"])
    def get(self, request):
        """Where a vacation selfie can be taken."""
        return Response(DestinationSerializer(scenes.DESTINATIONS, many=True).data)


class PartnerSelfieListApi(ApiView):
    pagination_class = CreatedCursorPagination
    parser_classes = [MultiPartParser]

    @extend_schema(
        responses={200: SelfieSerializer(many=True), **MISSING}, tags=["selfies"]
    )
    def get(self, request, partner_id: int):
        """The gallery: this partner's selfies, newest first."""
        selfies = selfie_list_for(user=request.user, partner_id=partner_id)
        return paginated_response(request=request, view=self, queryset=selfies, serializer_class=SelfieSerializer)

    @extend_schema(
        request={"multipart/form-data": SelfieInputSerializer},
        responses={
            202: SelfieQueuedSerializer,
            400: ErrorSerializer,
            403: ErrorSerializer,
            413: ErrorSerializer,
            422: ErrorSerializer,
            429: ErrorSerializer,
            **MISSING,
        },
        tags=["selfies"],
    )
    def post(self, request, partner_id: int):
        """Take a vacation selfie. 202: a worker makes it; `selfie.ready` follows on the socket.
        403 feature_locked below the vacation_selfies level."""
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        feature_require(partner=partner, code=FeatureCode.VACATION_SELFIES)
        # Refuse an oversized body before Django reads and parses it.
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > settings.UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD:
            raise ApplicationError(
                "upload_too_large", "The photo is too large.", fields={"photo": ["The photo is too large."]}
            )
        serializer = SelfieInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        photo = serializer.validated_data.get("photo")
        selfie = selfie_request(
            partner=partner,
            destination=serializer.validated_data["destination"],
            caption=serializer.validated_data["caption"],
            photo=photo,
            photo_size=photo.size if photo is not None else None,
        )
        return Response(SelfieQueuedSerializer(selfie).data, status=status.HTTP_202_ACCEPTED)


class SelfieDetailApi(ApiView):
    @extend_schema(responses={200: SelfieSerializer, **MISSING}, tags=["selfies"])
    def get(self, request, selfie_id: int):
        """A selfie's status (`queued`, `running`, `done`, `failed` with a reason) and image."""
        return Response(SelfieSerializer(selfie_get_for(user=request.user, selfie_id=selfie_id)).data)

    @extend_schema(responses={204: None, **MISSING}, tags=["selfies"])
    def delete(self, request, selfie_id: int):
        """Delete a selfie, its picture and the Moment that shared it."""
        selfie_delete(selfie=selfie_get_for(user=request.user, selfie_id=selfie_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SelfieImageApi(ApiView):
    content_negotiation_class = BinaryContentNegotiation

    @extend_schema(responses={(200, "image/jpeg"): OpenApiTypes.BINARY, **MISSING}, tags=["selfies"])
    def get(self, request, selfie_id: int):
        """The picture, with the Bearer token (image_url is the same, signed, for <img> tags)."""
        selfie = selfie_get_for(user=request.user, selfie_id=selfie_id)
        if not selfie.image:
            raise Http404
        return media_response(selfie.image.name)
