"""Engagement figures for operators (admin): aggregates only, never message text."""

import datetime
from collections import Counter

from django.db.models import Count
from django.db.models.functions import ExtractHour, TruncDate
from django.utils import timezone

from relationships.models import Message, Relationship
from relationships.progression.selectors import ladder, level_number

SESSION_GAP = datetime.timedelta(minutes=30)


def conversation_turns_per_session(*, since: datetime.datetime) -> float | None:
    """User turns per session (messages less than 30 minutes apart); XiaoIce reported 23.

    Reads (partner, time, role) of the window's messages in time order: one
    query, no text.
    """
    rows = (
        Message.objects.filter(created_at__gte=since)
        .order_by("partner_id", "created_at")
        .values_list("partner_id", "created_at", "role")
    )
    sessions = turns = 0
    last_partner, last_at = None, None
    for partner_id, created_at, role in rows.iterator(chunk_size=2000):
        if partner_id != last_partner or created_at - last_at >= SESSION_GAP:
            sessions += 1
        if role == Message.Role.USER:
            turns += 1
        last_partner, last_at = partner_id, created_at
    return round(turns / sessions, 1) if sessions else None


def active_users_per_day(*, days: int = 14) -> list[tuple[datetime.date, int]]:
    since = timezone.now() - datetime.timedelta(days=days)
    rows = (
        Message.objects.filter(created_at__gte=since, role=Message.Role.USER)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(users=Count("partner__owner", distinct=True))
        .order_by("day")
    )
    return [(row["day"], row["users"]) for row in rows]


def messages_by_hour(*, since: datetime.datetime) -> list[int]:
    """User messages per hour of the day (UTC), 0 to 23."""
    counts = dict(
        Message.objects.filter(created_at__gte=since, role=Message.Role.USER)
        .annotate(hour=ExtractHour("created_at"))
        .values_list("hour")
        .annotate(n=Count("id"))
        .values_list("hour", "n")
    )
    return [counts.get(hour, 0) for hour in range(24)]


def relationships_per_level() -> list[tuple[str, int]]:
    levels = ladder()
    counts = Counter()
    for xp in Relationship.objects.values_list("xp", flat=True).iterator(chunk_size=2000):
        counts[level_number(xp, levels)] += 1
    return [(f"{level.number}. {level.name}", counts.get(level.number, 0)) for level in levels]


def engagement_summary(*, days: int = 14) -> dict:
    since = timezone.now() - datetime.timedelta(days=days)
    return {
        "days": days,
        "cps": conversation_turns_per_session(since=since),
        "active_users": active_users_per_day(days=days),
        "by_hour": messages_by_hour(since=since),
        "per_level": relationships_per_level(),
    }
