from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
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

    # What the partner designer sets (the API's input, the service's whitelist).
    DESIGN_FIELDS = (
        "name",
        "gender",
        "personality",
        "speaking_style",
        "interests",
        "backstory",
        "relationship_mode",
        "greeting",
    )

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


# The newest messages a chat prompt may carry (it trims them by tokens); the rolling summary
# covers the older ones.
PROMPT_HISTORY_ROWS = 60


class Message(models.Model):
    """One turn of a conversation. A partner's reply is stored once, when it ends."""

    class Role(models.TextChoices):
        USER = "user"
        PARTNER = "partner"

    class FinishReason(models.TextChoices):
        STOP = "stop"
        LENGTH = "length"
        CANCELLED = "cancelled"
        INTERRUPTED = "interrupted"
        ERROR = "error"

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="messages")
    role = models.CharField(max_length=8, choices=Role.choices)
    text = models.TextField()
    # The sending device's id for a user message: a resend is recognised, never stored twice.
    client_id = models.CharField(max_length=64, null=True, blank=True)
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    finish_reason = models.CharField(max_length=12, choices=FinishReason.choices, blank=True)
    # A user message's mood (relationships/mood/analysis.py): coarse, and kept when the text is erased.
    mood = models.CharField(max_length=10, blank=True)
    valence = models.FloatField(null=True, blank=True)
    # A partner message written first, not in reply (good morning, check-in, follow-up).
    proactive_kind = models.CharField(max_length=12, blank=True)
    # One proactive message per (partner, local day, kind), however often beat runs.
    proactive_key = models.CharField(max_length=80, unique=True, null=True, blank=True)
    prompt_tokens = models.PositiveIntegerField(null=True, blank=True)
    completion_tokens = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [models.Index(fields=["partner", "-created_at", "-id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "client_id"],
                condition=models.Q(client_id__isnull=False),
                name="relationships_message_client_id_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} message {self.pk} to partner {self.partner_id}"


class Level(models.Model):
    """One rung of the intimacy ladder. Operators edit the ladder in the admin."""

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=40)
    hearts = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(3)], help_text="0 to 3"
    )
    xp_required = models.PositiveIntegerField(unique=True)
    # A romantic level and every level above it are not on a minor's ladder.
    romantic = models.BooleanField(default=False, help_text="Minors' ladders stop below the first romantic level.")

    class Meta:
        ordering = ("number",)

    def __str__(self) -> str:
        return f"{self.number}. {self.name} ({'♥' * self.hearts or '–'}, {self.xp_required} XP)"


class Feature(models.Model):
    """Something a relationship unlocks at a level (the partner's Moments, selfies...)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60)
    description = models.CharField(max_length=200, blank=True)
    required_level = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ("required_level", "code")

    def __str__(self) -> str:
        return f"{self.code} (level {self.required_level})"


class Relationship(models.Model):
    """A user's bond with one partner: XP totals. The level is derived from XP and the ladder."""

    partner = models.OneToOneField(Partner, on_delete=models.CASCADE, related_name="relationship")
    xp = models.PositiveIntegerField(default=0)
    # Earned on `xp_day` (UTC) from capped sources; a new day starts from zero.
    xp_day = models.DateField(null=True, blank=True)
    xp_on_day = models.PositiveIntegerField(default=0)
    # Consecutive UTC days with an exchange, ending on `last_active_on`. A gap
    # restarts the streak at 1; it never takes XP or levels away.
    streak_days = models.PositiveIntegerField(default=0)
    last_active_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"relationship with {self.partner}"


class XPEvent(models.Model):
    """The append-only ledger of XP: every award, with its source and a unique key."""

    class Source(models.TextChoices):
        MESSAGE = "message"
        STREAK = "streak"
        MOMENT_LIKE = "moment_like"
        MOMENT_COMMENT = "moment_comment"
        SELFIE = "selfie"
        GRANT = "grant"

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="events")
    source = models.CharField(max_length=20, choices=Source.choices)
    amount = models.PositiveIntegerField()
    # One unit of work earns once: a retried task or a double click changes nothing.
    idempotency_key = models.CharField(max_length=120, unique=True)
    reason = models.CharField(max_length=200, blank=True)
    xp_after = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [models.Index(fields=["relationship", "-created_at", "-id"])]

    def __str__(self) -> str:
        return f"+{self.amount} XP ({self.source}) to relationship {self.relationship_id}"


# What a memory can be about: the one list, for the rules, the model's answer and prompt, and here.
class MemoryKind(models.TextChoices):
    PET = "pet"
    PERSON = "person"
    LIKE = "like"
    DISLIKE = "dislike"
    PLAN = "plan"
    DATE = "date"
    JOB = "job"
    PLACE = "place"
    OTHER = "other"


# Kinds a partner asks about afterwards ("how did the interview go?").
DATED_KINDS = frozenset({MemoryKind.PLAN, MemoryKind.DATE})


class Memory(models.Model):
    """A fact the user shared, in the third person, kept for the prompt. The user sees,
    edits and deletes each one; it is stored as a statement, never as an instruction."""

    Kind = MemoryKind

    class Origin(models.TextChoices):
        LLM = "llm"
        RULES = "rules"
        USER = "user"

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="memories")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.CharField(max_length=200)
    # Lower-cased, spaced text: the same fact told twice is one memory.
    key = models.CharField(max_length=200)
    source_message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="memories"
    )
    origin = models.CharField(max_length=6, choices=Origin.choices)
    # When a remembered plan happens (user's local date), for a follow-up afterwards.
    event_date = models.DateField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = [models.UniqueConstraint(fields=["partner", "key"], name="relationships_memory_once")]

    def __str__(self) -> str:
        return f"memory {self.pk} of partner {self.partner_id}"


class ConversationSummary(models.Model):
    """A rolling summary of the conversation older than the prompt's window."""

    partner = models.OneToOneField(Partner, on_delete=models.CASCADE, related_name="summary")
    text = models.TextField(max_length=2000)
    # The newest message the summary covers; later ones are summarised next time.
    covers_until = models.ForeignKey(Message, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
