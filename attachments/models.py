import uuid

from django.conf import settings
from django.db import models

from relationships.models import Message, Partner


class Attachment(models.Model):
    """A file the user sent to a partner, stored privately; a chat message may carry it.

    A voice note is transcribed by the worker (`uploaded` -> `transcribing` -> `ready` or
    `failed` with `error_code`); the audio is kept after a failure so it can be tried again.
    An image is decoded, screened and described by the worker (`uploaded` -> `processing` ->
    `ready` or `failed`): the upload is replaced by a metadata-free JPEG, and an image that
    cannot be decoded or that the NSFW policy refuses is deleted.
    """

    class Kind(models.TextChoices):
        VOICE = "voice"
        IMAGE = "image"

    class Status(models.TextChoices):
        UPLOADED = "uploaded"
        TRANSCRIBING = "transcribing"
        PROCESSING = "processing"
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
    # Empty once retention has deleted the audio (VOICE_RETENTION_DAYS) or the image
    # (CHAT_RETENTION_DAYS), or once a refused image is deleted.
    file = models.FileField(max_length=120, blank=True)
    thumbnail = models.FileField(max_length=120, blank=True)  # an image's, at most 320 px
    container = models.CharField(max_length=16)  # wav, ogg, webm, mp3, m4a; jpeg, png, webp, heif
    codec = models.CharField(max_length=16)
    size_bytes = models.PositiveIntegerField()
    duration_s = models.FloatField(null=True, blank=True)
    transcript = models.TextField(blank=True)
    # An image's: what offline perception found (perception_describe, for a text-only model)
    # and the words OCR read in it (for the crisis screen too).
    description = models.TextField(blank=True)
    ocr_text = models.TextField(blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)  # of the stored copy
    height = models.PositiveIntegerField(null=True, blank=True)
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

    @property
    def shown_file(self) -> str:
        """The stored file the owner is shown: a voice note's audio; an image's clean copy once
        `ready` (the upload it came as, with its metadata, waits only for the worker)."""
        if self.kind == self.Kind.IMAGE and self.status != self.Status.READY:
            return ""
        return self.file.name if self.file else ""

    @staticmethod
    def new_file_name(extension: str) -> str:
        # Random names: a path says nothing about whose file it is and cannot be guessed.
        return f"attachments/{uuid.uuid4().hex}.{extension}"
