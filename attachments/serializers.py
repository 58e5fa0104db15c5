from rest_framework import serializers

from attachments.models import Attachment
from project.api.serializers import StrictInputMixin
from project.media import media_url


class AttachmentInputSerializer(StrictInputMixin, serializers.Serializer):
    file = serializers.FileField(allow_empty_file=False, max_length=200)


class AttachmentSerializer(serializers.ModelSerializer):
    """An attachment as its owner sees it; `url` is signed and expires (MEDIA_URL_TTL)."""

    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField(help_text="An image's, at most 320 px, once `status` is ready.")
    transcript = serializers.SerializerMethodField(help_text="A voice note's, once `status` is ready.")
    language = serializers.SerializerMethodField()
    error_code = serializers.SerializerMethodField(help_text="Why a `failed` transcription or image failed.")
    message_id = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = Attachment
        fields = (
            "id", "kind", "status", "duration_s", "width", "height", "transcript", "language", "error_code", "url",
            "thumbnail_url", "message_id", "created_at",
        )
        read_only_fields = fields

    def get_url(self, attachment) -> str | None:
        return media_url(attachment.shown_file) if attachment.shown_file else None

    def get_thumbnail_url(self, attachment) -> str | None:
        return media_url(attachment.thumbnail.name) if attachment.thumbnail else None

    def get_transcript(self, attachment) -> str | None:
        ready = attachment.status == Attachment.Status.READY
        return attachment.transcript if ready and attachment.kind == Attachment.Kind.VOICE else None

    def get_language(self, attachment) -> str | None:
        return attachment.language or None

    def get_error_code(self, attachment) -> str | None:
        return attachment.error_code or None
