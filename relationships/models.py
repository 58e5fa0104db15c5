from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

MAX_TRAITS = 8
MAX_TRAIT_LENGTH = 30
MAX_INTERESTS = 12
MAX_INTEREST_LENGTH = 40
MAX_BACKSTORY_LENGTH = 2000


@deconstructible
class ShortTextListValidator:
    """A JSON list of at most `max_items` non-blank strings of at most `max_length`."""

    def __init__(self, *, max_items: int, max_length: int):
        self.max_items = max_items
        self.max_length = max_length

    def __call__(self, value):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError("Must be a list of strings.")
        if len(value) > self.max_items:
            raise ValidationError(f"At most {self.max_items} items.")
        for item in value:
            if not item.strip() or len(item) > self.max_length:
                raise ValidationError(f"Each item must be 1 to {self.max_length} characters.")

    def __eq__(self, other):
        return (
            isinstance(other, ShortTextListValidator)
            and (self.max_items, self.max_length) == (other.max_items, other.max_length)
        )


class Partner(models.Model):
    """A virtual partner as its user designed it."""

    class Gender(models.TextChoices):
        FEMALE = "female"
        MALE = "male"
        NONBINARY = "nonbinary"

    class RelationshipMode(models.TextChoices):
        FRIEND = "friend"
        ROMANTIC = "romantic"
        MENTOR = "mentor"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(max_length=40)
    gender = models.CharField(max_length=16, choices=Gender.choices)
    personality = models.JSONField(
        default=list,
        blank=True,
        validators=[ShortTextListValidator(max_items=MAX_TRAITS, max_length=MAX_TRAIT_LENGTH)],
    )
    speaking_style = models.CharField(max_length=200, blank=True)
    interests = models.JSONField(
        default=list,
        blank=True,
        validators=[
            ShortTextListValidator(max_items=MAX_INTERESTS, max_length=MAX_INTEREST_LENGTH)
        ],
    )
    backstory = models.TextField(max_length=MAX_BACKSTORY_LENGTH, blank=True)
    relationship_mode = models.CharField(
        max_length=16, choices=RelationshipMode.choices, default=RelationshipMode.FRIEND
    )
    greeting = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [models.Index(fields=["owner", "-created_at", "-id"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.owner_id})"
