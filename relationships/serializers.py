from rest_framework import serializers

from project.api.serializers import QueryIntegerField, StrictCharField, StrictInputMixin
from project.errors import UNPROCESSABLE
from relationships.attachment import attachment_payload
from relationships.models import (
    MAX_BACKSTORY_LENGTH,
    MAX_INTEREST_LENGTH,
    MAX_INTERESTS,
    MAX_TRAIT_LENGTH,
    MAX_TRAITS,
    Level,
    Memory,
    Message,
    Partner,
    XPEvent,
)


def _short_text_list(*, max_items: int, max_length: int, noun: str):
    return serializers.ListField(
        child=StrictCharField(max_length=max_length, min_length=1),
        max_length=max_items,
        required=False,
        error_messages={"max_length": f"At most {max_items} {noun}."},
    )


def _unique_case_insensitive(values: list[str], noun: str) -> list[str]:
    seen = set()
    for value in values:
        if value.casefold() in seen:
            raise serializers.ValidationError(f"'{value}' is listed twice among the {noun}.", code=UNPROCESSABLE)
        seen.add(value.casefold())
    return values


class PartnerSerializer(serializers.ModelSerializer):
    personality = serializers.ListField(child=serializers.CharField())
    interests = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Partner
        fields = ("id", *Partner.DESIGN_FIELDS, "created_at", "updated_at")
        read_only_fields = fields


class PartnerInputSerializer(StrictInputMixin, serializers.Serializer):
    name = serializers.CharField(max_length=40, min_length=1)
    gender = serializers.ChoiceField(choices=Partner.Gender.choices)
    personality = _short_text_list(
        max_items=MAX_TRAITS, max_length=MAX_TRAIT_LENGTH, noun="personality traits"
    )
    speaking_style = serializers.CharField(max_length=200, required=False, allow_blank=True)
    interests = _short_text_list(
        max_items=MAX_INTERESTS, max_length=MAX_INTEREST_LENGTH, noun="interests"
    )
    backstory = serializers.CharField(
        max_length=MAX_BACKSTORY_LENGTH, required=False, allow_blank=True
    )
    relationship_mode = serializers.ChoiceField(
        choices=Partner.RelationshipMode.choices, required=False
    )
    greeting = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def validate_personality(self, value):
        return _unique_case_insensitive(value, "personality traits")

    def validate_interests(self, value):
        return _unique_case_insensitive(value, "interests")


class MessageSerializer(serializers.ModelSerializer):
    """A conversation turn, as the history API and `message.new` frames show it."""

    finish_reason = serializers.SerializerMethodField()
    mood = serializers.SerializerMethodField(help_text="A user message's mood label (relationships/mood/analysis.py).")
    proactive_kind = serializers.SerializerMethodField(
        help_text="morning, night, checkin or followup: the partner wrote first."
    )
    attachment = serializers.SerializerMethodField(
        help_text="What a user message carried: {id, kind, status, transcript, duration_s, url (signed)}, or null."
    )

    class Meta:
        model = Message
        fields = (
            "id", "role", "text", "client_id", "reply_to", "finish_reason", "mood", "proactive_kind",
            "attachment", "created_at",
        )
        read_only_fields = fields

    def get_finish_reason(self, message) -> str | None:
        return message.finish_reason or None

    def get_mood(self, message) -> str | None:
        return message.mood or None

    def get_proactive_kind(self, message) -> str | None:
        return message.proactive_kind or None

    def get_attachment(self, message) -> dict | None:
        return attachment_payload(message)


class LevelSerializer(serializers.ModelSerializer):
    level = serializers.IntegerField(source="number")

    class Meta:
        model = Level
        fields = ("level", "name", "hearts", "xp_required")


class LockedFeatureSerializer(serializers.Serializer):
    code = serializers.CharField()
    required_level = serializers.IntegerField()


class RelationshipProgressSerializer(serializers.Serializer):
    level = serializers.IntegerField()
    level_name = serializers.CharField()
    hearts = serializers.IntegerField()
    xp = serializers.IntegerField()
    xp_for_next_level = serializers.IntegerField(allow_null=True)
    unlocked_features = serializers.ListField(child=serializers.CharField())
    locked_features = LockedFeatureSerializer(many=True)
    streak_days = serializers.IntegerField()
    xp_today = serializers.IntegerField()
    daily_cap = serializers.IntegerField()


class XPEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = XPEvent
        fields = ("id", "source", "amount", "reason", "xp_after", "created_at")


class MemorySerializer(serializers.ModelSerializer):
    source_message_id = serializers.IntegerField(allow_null=True, read_only=True)

    class Meta:
        model = Memory
        fields = ("id", "kind", "text", "source_message_id", "origin", "event_date", "created_at", "updated_at")
        read_only_fields = fields


class MemoryInputSerializer(StrictInputMixin, serializers.Serializer):
    text = StrictCharField(max_length=200)


class MoodDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    messages = serializers.IntegerField()
    valence = serializers.FloatField(allow_null=True, help_text="Mean valence, -1 (negative) to 1.")
    dominant = serializers.CharField()
    moods = serializers.DictField(child=serializers.IntegerField(), help_text="Messages per mood label.")


class MoodQuerySerializer(StrictInputMixin, serializers.Serializer):
    days = QueryIntegerField(min_value=1, max_value=365, default=30, help_text="Days back from today, 1 to 365.")
