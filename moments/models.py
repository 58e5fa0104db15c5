from django.conf import settings
from django.db import models

from relationships.models import Partner

MAX_MOMENT_LENGTH = 1000
MAX_COMMENT_LENGTH = 500


class Moment(models.Model):
    """A post on the partner's own feed."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="moments")
    text = models.TextField(max_length=MAX_MOMENT_LENGTH)
    # A vacation selfie the user shared here; its picture is the post's image.
    selfie = models.OneToOneField(
        "avatars.Selfie", null=True, blank=True, on_delete=models.CASCADE, related_name="moment"
    )
    hidden = models.BooleanField(default=False, help_text="Hidden by an operator (moderation).")
    # One post per partner and time slot, whoever retries the generation.
    slot_key = models.CharField(max_length=80, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [models.Index(fields=["partner", "hidden", "-created_at", "-id"])]

    def __str__(self) -> str:
        return f"moment {self.pk} of {self.partner}"


class MomentLike(models.Model):
    moment = models.ForeignKey(Moment, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=["moment", "user"], name="moments_like_once_per_user")
        ]


class MomentComment(models.Model):
    class Author(models.TextChoices):
        USER = "user"
        PARTNER = "partner"

    moment = models.ForeignKey(Moment, on_delete=models.CASCADE, related_name="comments")
    author_type = models.CharField(max_length=8, choices=Author.choices)
    text = models.TextField(max_length=MAX_COMMENT_LENGTH)
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "id")  # newest last, as a conversation reads
        indexes = [models.Index(fields=["moment", "created_at", "id"])]
        constraints = [
            # The partner answers a comment once, however often its task runs.
            models.UniqueConstraint(
                fields=["reply_to"],
                condition=models.Q(author_type="partner"),
                name="moments_comment_one_partner_reply",
            )
        ]
