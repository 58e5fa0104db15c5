import datetime
import logging

from django.db.models import QuerySet

from accounts.models import User
from relationships.models import Feature, Level, Partner, Relationship, XPEvent
from relationships.partners.selectors import partner_get_for

logger = logging.getLogger(__name__)


def ladder(*, minor: bool = False) -> list[Level]:
    """The levels, lowest first; for a minor, only those below the first romantic level."""
    levels = list(Level.objects.all())
    if minor:
        first_romantic = next((i for i, level in enumerate(levels) if level.romantic), len(levels))
        levels = levels[:first_romantic]
    return levels


def level_of(xp: int, levels: list[Level]) -> tuple[Level | None, Level | None]:
    """(the level `xp` reaches, the next one) on `levels`, lowest first.

    Derived, never stored: editing the ladder re-levels every relationship at once.
    """
    current, following = None, None
    for level in levels:
        if level.xp_required <= xp:
            current = level
        elif following is None:
            following = level
    return current, following


def level_number(xp: int, levels: list[Level]) -> int:
    """The number of the level `xp` reaches on `levels` (0 below the lowest)."""
    current, _ = level_of(xp, levels)
    return current.number if current else 0


def relationship_of(partner: Partner) -> Relationship:
    """The partner's relationship; a zero one (unsaved) if none was stored yet."""
    try:
        return partner.relationship
    except Relationship.DoesNotExist:
        return Relationship(partner=partner)


def relationship_level(*, partner: Partner) -> int:
    """The relationship's level now (fresh from the database: a long-lived consumer's
    partner object would otherwise keep the XP it first saw)."""
    xp = Relationship.objects.filter(partner=partner).values_list("xp", flat=True).first() or 0
    return level_number(xp, ladder(minor=partner.owner.is_minor))


def relationship_get_for(*, user: User, partner_id: int) -> Relationship:
    return relationship_of(partner_get_for(user=user, partner_id=partner_id))


def relationship_progress(*, relationship: Relationship, daily_cap: int, today) -> dict:
    """Everything the app shows about a relationship's progress (two queries)."""
    levels = ladder(minor=relationship.partner.owner.is_minor)
    current, following = level_of(relationship.xp, levels)
    number = current.number if current else 0
    features = list(Feature.objects.all())
    return {
        "level": number,
        "level_name": current.name if current else "",
        "hearts": current.hearts if current else 0,
        "xp": relationship.xp,
        "xp_for_next_level": following.xp_required if following else None,
        "unlocked_features": [f.code for f in features if f.required_level <= number],
        "locked_features": [
            {"code": f.code, "required_level": f.required_level}
            for f in features
            if f.required_level > number
        ],
        "streak_days": (
            relationship.streak_days
            if relationship.last_active_on in (today, today - datetime.timedelta(days=1))
            else 0  # the streak is over; nothing else is
        ),
        "xp_today": relationship.xp_on_day if relationship.xp_day == today else 0,
        "daily_cap": daily_cap,
    }


def xp_events_for(*, user: User, partner_id: int) -> QuerySet[XPEvent]:
    relationship = relationship_get_for(user=user, partner_id=partner_id)
    return XPEvent.objects.filter(relationship_id=relationship.pk) if relationship.pk else XPEvent.objects.none()
