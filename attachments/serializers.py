from rest_framework import serializers

from attachments.models import Attachment
from project.api.serializers import StrictInputMixin
from project.media import media_url


class AttachmentInputSerializer(StrictInputMixin, serializers.Serializer):
    file = serializers.FileField(allow_empty_file=False, max_length=200)


class AttachmentSerializer(serializers.ModelSerializer):
    """An attachment as its owner sees it; `url` is signed and expires (MEDIA_URL_TTL)."""

    url = serializers.SerializerMethodField()
    transcript = serializers.SerializerMethodField(help_text="Once `status` is ready.")
    language = serializers.SerializerMethodField()
    error_code = serializers.SerializerMethodField(help_text="Why a `failed` transcription failed.")
    message_id = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = Attachment
        fields = (
            "id", "kind", "status", "duration_s", "transcript", "language", "error_code", "url", "message_id",
            "created_at",
        )
        read_only_fields = fields

    def get_url(self, attachment) -> str | None:
        return media_url(attachment.file.name) if attachment.file else None

    def get_transcript(self, attachment) -> str | None:
        return attachment.transcript if attachment.status == Attachment.Status.READY else None

    def get_language(self, attachment) -> str | None:
        return attachment.language or None

    def get_error_code(self, attachment) -> str | None:
        return attachment.error_code or None
