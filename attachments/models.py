import uuid

from django.conf import settings
from django.db import models

from relationships.models import Message, Partner


class Attachment(models.Model):
    """A file the user sent to a partner, stored privately; a chat message may carry it.

    A voice note is transcribed by the worker (`uploaded` -> `transcribing` -> `ready` or
    `failed` with `error_code`); the audio is kept after a failure so it can be tried again.
    """

    class Kind(models.TextChoices):
        VOICE = "voice"
        IMAGE = "image"

    class Status(models.TextChoices):
        UPLOADED = "uploaded"
        TRANSCRIBING = "transcribing"
        READY = "ready"
        FAILED = "failed"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attachments")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="attachments")
    # The user message that carried it (one message, once), or the partner's reply it reads
    # aloud (ai_generated); the message keeps its text if the attachment goes.
    message = models.OneToOneField(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachment"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    # Empty once retention has deleted the audio (VOICE_RETENTION_DAYS).
    file = models.FileField(max_length=120, blank=True)
    container = models.CharField(max_length=16)  # wav, ogg, webm, mp3, m4a
    codec = models.CharField(max_length=16)
    size_bytes = models.PositiveIntegerField()
    duration_s = models.FloatField(null=True, blank=True)
    transcript = models.TextField(blank=True)
    language = models.CharField(max_length=8, blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Synthesized speech (a partner's reply read aloud), not the user's recording.
    ai_generated = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(fields=["owner", "partner", "-created_at"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} attachment {self.pk} ({self.status})"

    @staticmethod
    def new_file_name(extension: str) -> str:
        # Random names: a path says nothing about whose file it is and cannot be guessed.
        return f"attachments/{uuid.uuid4().hex}.{extension}"
