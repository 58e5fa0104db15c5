import datetime
import zoneinfo

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import User
from relationships.models import Message, Partner
from relationships.partners.selectors import partner_get_for

# The partner's face follows the user's feeling of the last hours (a sad message
# gets a sad, sympathetic face); at the user's night it looks sleepy.
EXPRESSION_OF_MOOD = {
    "joy": "happy",
    "love": "love",
    "sadness": "sad",
    "fear": "sad",
    "surprise": "surprised",
    "anger": "neutral",
    "neutral": "neutral",
}
EXPRESSION_WINDOW = datetime.timedelta(hours=6)
EXPRESSION_MESSAGES = 3
MOOD_LABELS = ("joy", "love", "surprise", "neutral", "sadness", "fear", "anger")


def mood_timeline_for(*, user: User, partner_id: int, days: int) -> list[dict]:
    """Per local day (the user's time zone), oldest first: messages, mean valence, and counts
    per mood label, over the last `days` days. One query."""
    partner = partner_get_for(user=user, partner_id=partner_id)
    tz = zoneinfo.ZoneInfo(user.time_zone)
    since = timezone.now() - datetime.timedelta(days=days)
    rows = (
        Message.objects.filter(partner=partner, role=Message.Role.USER, created_at__gte=since)
        .exclude(mood="")
        .annotate(day=TruncDate("created_at", tzinfo=tz))
        .values("day")
        .annotate(
            messages=Count("id"),
            valence=Avg("valence"),
            **{label: Count("id", filter=Q(mood=label)) for label in MOOD_LABELS},
        )
        .order_by("day")
    )
    timeline = []
    for row in rows:
        counts = {label: row[label] for label in MOOD_LABELS if row[label]}
        timeline.append(
            {
                "date": row["day"],
                "messages": row["messages"],
                "valence": round(row["valence"], 3) if row["valence"] is not None else None,
                "dominant": max(counts, key=lambda label: (counts[label], label == "neutral")) if counts else "neutral",
                "moods": counts,
            }
        )
    return timeline


def partner_expression(partner: Partner, *, now: datetime.datetime | None = None) -> str:
    """How the partner's avatar looks now: sleepy in the user's night, else following the
    feeling of the user's last messages of the last hours, else neutral."""
    now = now or timezone.now()
    local = now.astimezone(zoneinfo.ZoneInfo(partner.owner.time_zone))
    if local.hour < 6:
        return "sleepy"
    moods = (
        Message.objects.filter(
            partner=partner, role=Message.Role.USER, created_at__gte=now - EXPRESSION_WINDOW
        )
        .exclude(mood="")
        .values_list("mood", flat=True)[:EXPRESSION_MESSAGES]
    )
    # The newest feeling of the last few messages: "I don't know what to do" after two
    # sad ones still meets a sad, sympathetic face.
    felt = next((mood for mood in moods if mood != "neutral"), "neutral")
    return EXPRESSION_OF_MOOD.get(felt, "neutral")
