from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from project.events import send_event_on_commit, user_group
from relationships.models import Feature, Partner, Relationship, XPEvent
from relationships.selectors.progression import ladder, level_of


@dataclass(frozen=True)
class Award:
    amount: int  # what was added (0: a repeated key, or the day's cap was reached)
    xp: int
    level_before: int
    level_after: int
    duplicate: bool = False


def relationship_ensure(*, partner: Partner) -> Relationship:
    relationship, _ = Relationship.objects.get_or_create(partner=partner)
    return relationship


def xp_award(
    *, partner: Partner, source: str, amount: int, idempotency_key: str, reason: str = ""
) -> Award:
    """Add XP to the partner's relationship once per `idempotency_key`.

    Atomic: the relationship row is locked while the ledger row is written and
    the totals change, so concurrent awards never lose or double XP. Sources
    other than operators' grants count against PROGRESSION_DAILY_XP_CAP per UTC
    day. After commit, the user's sockets hear `progress.update`, and `level.up`
    when a threshold was crossed.
    """
    if amount < 0:
        raise ValueError("XP is never taken away")
    relationship_ensure(partner=partner)
    try:
        with transaction.atomic():
            return _award(partner, source, amount, idempotency_key, reason)
    except IntegrityError:  # the same key, racing on another relationship row
        return _award_repeated(partner)


def _award_repeated(partner: Partner) -> Award:
    relationship = Relationship.objects.get(partner=partner)
    number = _level_number(relationship.xp)
    return Award(0, relationship.xp, number, number, duplicate=True)


def _level_number(xp: int, levels=None) -> int:
    current, _ = level_of(xp, ladder() if levels is None else levels)
    return current.number if current else 0


def _award(partner, source, amount, idempotency_key, reason) -> Award:
    relationship = Relationship.objects.select_for_update().get(partner=partner)
    levels = ladder()
    before = _level_number(relationship.xp, levels)
    if XPEvent.objects.filter(idempotency_key=idempotency_key).exists():
        return Award(0, relationship.xp, before, before, duplicate=True)
    today = timezone.now().date()
    if relationship.xp_day != today:
        relationship.xp_day, relationship.xp_on_day = today, 0
    if source != XPEvent.Source.GRANT:
        amount = min(amount, max(0, settings.PROGRESSION_DAILY_XP_CAP - relationship.xp_on_day))
        relationship.xp_on_day += amount
    relationship.xp += amount
    relationship.save(update_fields=["xp", "xp_day", "xp_on_day", "updated_at"])
    if amount:
        XPEvent.objects.create(
            relationship=relationship,
            source=source,
            amount=amount,
            idempotency_key=idempotency_key,
            reason=reason,
            xp_after=relationship.xp,
        )
    after = _level_number(relationship.xp, levels)
    _announce(partner, relationship, amount, before, after, levels)
    return Award(amount, relationship.xp, before, after)


def _announce(partner, relationship, amount, before, after, levels) -> None:
    group = user_group(partner.owner_id)
    _, following = level_of(relationship.xp, levels)
    send_event_on_commit(
        group,
        {
            "type": "progress.update",
            "partner_id": partner.pk,
            "xp": relationship.xp,
            "level": after,
            "xp_delta": amount,
            "xp_for_next_level": following.xp_required if following else None,
        },
    )
    if after > before:
        level = next(level for level in levels if level.number == after)
        unlocked = list(
            Feature.objects.filter(required_level__gt=before, required_level__lte=after)
            .values_list("code", flat=True)
        )
        send_event_on_commit(
            group,
            {
                "type": "level.up",
                "partner_id": partner.pk,
                "level": after,
                "name": level.name,
                "hearts": level.hearts,
                "unlocked": unlocked,
            },
        )
