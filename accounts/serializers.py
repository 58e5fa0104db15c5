import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Device, User, validate_time_zone
from accounts.services import minimum_birth_date
from project.api.serializers import ClockTimeField, EmailField, StrictCharField, StrictInputMixin
from project.errors import UNPROCESSABLE
from safety.disclosure import notices



class RegisterSerializer(StrictInputMixin, serializers.Serializer):
    username = serializers.RegexField(
        r"^[\w.@+-]+\Z",
        max_length=150,
        min_length=3,
        error_messages={"invalid": "Use letters, digits and @ . + - _ only."},
    )
    email = EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128, trim_whitespace=False)
    birth_date = serializers.DateField()

    def validate_username(self, value):
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError("This username is taken.", code=UNPROCESSABLE)
        return value

    def validate_email(self, value):
        if User.objects.filter(email__iexact=value).exists():
            raise serializers.ValidationError("An account with this email exists.", code=UNPROCESSABLE)
        return value

    def validate_birth_date(self, value):
        today = timezone.localdate()
        if value > today:
            raise serializers.ValidationError("Birth date cannot be in the future.", code=UNPROCESSABLE)
        if value > minimum_birth_date(today):
            raise serializers.ValidationError("You must be at least 13 years old to use Hearth.", code=UNPROCESSABLE)
        if value.year < 1900:
            raise serializers.ValidationError("Enter your real birth date.", code=UNPROCESSABLE)
        return value



class NoticesSerializer(serializers.Serializer):
    ai = serializers.CharField()
    minors = serializers.CharField(help_text="Companion chatbots may not be suitable for some minors (SB 243).")
    emotion_recognition = serializers.CharField(help_text="Hearth infers moods from messages (EU AI Act Art. 50).")
    mood_tracking = serializers.BooleanField()
    crisis_protocol_url = serializers.CharField(help_text="The published crisis protocol (SB 243).")


# Empty (no country: the default crisis lines) or two ASCII letters; stored upper case.
COUNTRY_PATTERN = r"^([A-Za-z]{2})?$"
# Wall-clock times are "HH:MM[:SS]" strings on the wire (ClockTimeField), not RFC 3339 times.
FIELD_MAPPING = {**serializers.ModelSerializer.serializer_field_mapping, models.TimeField: ClockTimeField}


class UserSerializer(serializers.ModelSerializer):
    serializer_field_mapping = FIELD_MAPPING
    is_minor = serializers.BooleanField(read_only=True)
    notices = serializers.SerializerMethodField(help_text="What every client shows the user.")

    class Meta:
        model = User
        fields = ("id", "username", *User.PROFILE_FIELDS, "birth_date", "is_minor", "date_joined", "notices")
        read_only_fields = fields

    @extend_schema_field(NoticesSerializer)
    def get_notices(self, user) -> dict:
        return notices(mood_tracking=user.mood_tracking)


class ProfileUpdateSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a user may change about themselves: nothing that grants rights or age."""

    serializer_field_mapping = FIELD_MAPPING

    class Meta:
        model = User
        fields = ("id", "username", *User.PROFILE_FIELDS, "birth_date", "is_staff", "is_superuser", "date_joined")
        read_only_fields = (
            "id",
            "username",
            "birth_date",
            "is_staff",
            "is_superuser",
            "date_joined",
        )
        # The time zone is checked once, in validate_time_zone: a name the schema allows
        # (any string) that is no IANA zone is a 422.
        extra_kwargs = {"time_zone": {"validators": []}}

    email = EmailField(max_length=254, required=False)

    country = serializers.RegexField(
        COUNTRY_PATTERN, max_length=2, required=False, allow_blank=True, help_text="ISO 3166 alpha-2, or empty."
    )

    def validate_email(self, value):
        user = self.instance
        if User.objects.filter(email__iexact=value).exclude(pk=user.pk).exists():
            raise serializers.ValidationError("An account with this email exists.", code=UNPROCESSABLE)
        return value

    def validate_country(self, value):
        if not re.fullmatch(COUNTRY_PATTERN, value):
            raise serializers.ValidationError("A two-letter country code (ISO 3166), e.g. US or GB.")
        return value.upper()

    def validate_time_zone(self, value):
        try:
            validate_time_zone(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages, code=UNPROCESSABLE) from exc
        return value


class DeviceInputSerializer(StrictInputMixin, serializers.Serializer):
    platform = serializers.ChoiceField(choices=Device.Platform.choices)
    token = StrictCharField(max_length=4096)


class DeviceDeleteSerializer(StrictInputMixin, serializers.Serializer):
    token = StrictCharField(max_length=4096)


class DeviceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Device
        fields = ("id", "platform", "active", "created_at", "updated_at")
        read_only_fields = fields


class RegisteredSerializer(UserSerializer):
    notice = serializers.CharField(help_text="Show it at sign-up: AI partners; not suitable for some minors.")

    class Meta(UserSerializer.Meta):
        fields = (*UserSerializer.Meta.fields, "notice")
        read_only_fields = fields


class EraseSerializer(StrictInputMixin, serializers.Serializer):
    password = serializers.CharField(max_length=128, trim_whitespace=False)
