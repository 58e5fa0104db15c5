import datetime
import functools
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(f"'{value}' is not a known IANA time zone.")


def age_on(birth_date: datetime.date, today: datetime.date) -> int:
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


class HearthUserManager(UserManager):
    def get_by_natural_key(self, username):
        # Usernames are unique ignoring case (see Meta), so a phone keyboard's
        # capital first letter still logs in.
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A person using the app. `birth_date` drives the protections for minors."""

    # What a user may change about themselves (the API's input, the service's whitelist).
    PROFILE_FIELDS = (
        "email", "display_name", "time_zone", "proactive_messages", "good_morning_at",
        "good_night_at", "quiet_hours_start", "quiet_hours_end", "country", "usage_notices",
        "mood_tracking", "voice_replies",
    )

    class VoiceReplies(models.TextChoices):
        AUTO = "auto"  # by voice when the user sent a voice note
        ALWAYS = "always"
        NEVER = "never"

    objects = HearthUserManager()

    email = models.EmailField("email address")
    birth_date = models.DateField(null=True, blank=True)
    display_name = models.CharField(max_length=60, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    # ISO 3166 code for crisis resources (blank: CRISIS_DEFAULT_COUNTRY).
    country = models.CharField(max_length=2, blank=True)
    # A notice after HEALTHY_SESSION_MINUTES of one session (docs/safety.md).
    usage_notices = models.BooleanField(default=True)
    # Moods inferred from messages (EU AI Act Art. 50: the user is told, and may say no).
    mood_tracking = models.BooleanField(default=True)
    # Whether the partner's replies also come as synthesized speech (docs/voice.md).
    voice_replies = models.CharField(max_length=6, choices=VoiceReplies.choices, default=VoiceReplies.AUTO)
    # Partners may write first (docs/companion.md); all local times in `time_zone`.
    proactive_messages = models.BooleanField(default=True)
    good_morning_at = models.TimeField(null=True, blank=True, default=datetime.time(8, 30))
    good_night_at = models.TimeField(null=True, blank=True, default=datetime.time(22, 0))
    quiet_hours_start = models.TimeField(default=datetime.time(23, 0))
    quiet_hours_end = models.TimeField(default=datetime.time(8, 0))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                condition=~models.Q(email=""),
            )
        ]

    @property
    def age(self) -> int | None:
        if self.birth_date is None:
            return None
        return age_on(self.birth_date, timezone.localdate())

    @property
    def is_minor(self) -> bool:
        age = self.age
        return age is not None and age < settings.HEARTH_ADULT_AGE


class Device(models.Model):
    """A phone or browser that receives push notifications when no socket is open."""

    class Platform(models.TextChoices):
        ANDROID = "android"
        IOS = "ios"
        WEB = "web"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="devices")
    platform = models.CharField(max_length=8, choices=Platform.choices)
    # The provider's registration token: a device belongs to whoever registered it last.
    token = models.CharField(max_length=4096)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-updated_at", "-id")

    def __str__(self) -> str:
        return f"{self.platform} device of {self.user_id}"
