import uuid

from django.db import models

from relationships.models import Partner


def _private_name(prefix: str, extension: str) -> str:
    # Random names: a file's path says nothing about whose it is and cannot be guessed.
    return f"{prefix}/{uuid.uuid4().hex}.{extension}"


class Avatar(models.Model):
    """The look a user chose for a partner: one option (and colour) per layer kind.

    A partner without a row wears `catalog.default_config()`.
    """

    partner = models.OneToOneField(Partner, on_delete=models.CASCADE, related_name="avatar")
    config = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"avatar of {self.partner}"


class Selfie(models.Model):
    """A virtual-vacation picture of the user with the partner, made by a worker."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="selfies")
    destination = models.CharField(max_length=40)
    # What the user wrote about the trip; the partner's own line is drawn on the picture.
    caption = models.CharField(max_length=200, blank=True)
    partner_caption = models.CharField(max_length=200, blank=True)
    expression = models.CharField(max_length=16, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    failure_reason = models.CharField(max_length=200, blank=True)
    # The user's photo, already decoded, stripped and re-encoded at upload; deleted
    # once the selfie is made (or has failed for good).
    photo = models.FileField(max_length=120, blank=True)
    image = models.FileField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(fields=["partner", "-created_at", "-id"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"selfie {self.pk} of {self.partner} ({self.status})"

    @staticmethod
    def new_photo_name() -> str:
        return _private_name("uploads", "jpg")

    @staticmethod
    def new_image_name() -> str:
        return _private_name("selfies", "jpg")
