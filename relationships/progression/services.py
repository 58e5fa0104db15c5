import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from project.events import Frame, Push, frame, user_event_on_commit
from relationships.models import Feature, Message, Partner, Relationship, XPEvent
from relationships.progression.scoring import message_xp, streak_xp
from relationships.progression.selectors import ladder, level_number, level_of

# How many of the user's earlier messages a new one is compared with for repeats.
RECENT_FOR_REPEATS = 10


@dataclass(frozen=True)
class Award:
    amount: int  # what was added (0: a repeated key, or the day's cap was reached)
    xp: int
    level_before: int
    level_after: int
    duplicate: bool = False
    frames: tuple = ()  # for the user's sockets after commit


def relationship_ensure(*, partner: Partner) -> Relationship:
    relationship, _ = Relationship.objects.get_or_create(partner=partner)
    return relationship


def xp_award(
    *,
    partner: Partner,
    source: str,
    amount: int,
    idempotency_key: str,
    reason: str = "",
) -> Award:
    """Add XP to the partner's relationship once per `idempotency_key`.

    Atomic: the relationship row is locked while the ledger row is written and
    the totals change, so concurrent awards never lose or double XP. Sources
    other than operators' grants count against PROGRESSION_DAILY_XP_CAP per UTC
    day. After commit, the user's sockets hear `progress.update`, and `level.up`
    when a threshold was crossed (and the user's devices a push, if no socket is open).
    """
    if amount < 0:
        raise ValueError("XP is never taken away")
    relationship_ensure(partner=partner)
    try:
        with transaction.atomic():
            award = _award(partner, source, amount, idempotency_key, reason)
            for sent in award.frames:
                if sent["type"] == Frame.LEVEL_UP:  # every socket hears it, or a push
                    user_event_on_commit(
                        user_id=partner.owner_id,
                        frame=sent,
                        push=Push(
                            kind=Frame.LEVEL_UP,
                            title=partner.name,
                            body=f"You and {partner.name} are now: {sent['name']}.",
                            data={"partner_id": partner.pk, "level": sent["level"]},
                        ),
                    )
                else:  # shown on this partner's conversation only
                    user_event_on_commit(user_id=partner.owner_id, frame=sent, partner_id=partner.pk)
            return award
    except IntegrityError:  # the same key, racing on another relationship row
        return _award_repeated(partner)


def _award_repeated(partner: Partner) -> Award:
    relationship = Relationship.objects.get(partner=partner)
    number = level_number(relationship.xp, ladder(minor=partner.owner.is_minor))
    return Award(0, relationship.xp, number, number, duplicate=True)


def _award(partner, source, amount, idempotency_key, reason) -> Award:
    relationship = Relationship.objects.select_for_update().get(partner=partner)
    levels = ladder(minor=partner.owner.is_minor)
    before = level_number(relationship.xp, levels)
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
    after = level_number(relationship.xp, levels)
    frames = _frames(partner, relationship, amount, before, after, levels)
    return Award(amount, relationship.xp, before, after, frames=frames)


def _frames(partner, relationship, amount, before, after, levels) -> tuple:
    _, following = level_of(relationship.xp, levels)
    frames = [
        frame(
            Frame.PROGRESS_UPDATE,
            partner_id=partner.pk,
            xp=relationship.xp,
            level=after,
            xp_delta=amount,
            xp_for_next_level=following.xp_required if following else None,
        )
    ]
    if after > before:
        level = next(level for level in levels if level.number == after)
        unlocked = list(
            Feature.objects.filter(required_level__gt=before, required_level__lte=after)
            .values_list("code", flat=True)
        )
        frames.append(
            frame(
                Frame.LEVEL_UP,
                partner_id=partner.pk,
                level=after,
                name=level.name,
                hearts=level.hearts,
                unlocked=unlocked,
            )
        )
    return tuple(frames)


def exchange_award(*, user_message: Message) -> list[Award]:
    """XP for a user message the partner answered: its substance (once per message)
    and, on the relationship's first exchange of a UTC day, the streak bonus.

    Consecutive days lengthen the streak; a gap restarts it at 1 and takes nothing away.
    """
    partner = user_message.partner
    recent = list(
        Message.objects.filter(
            partner=partner, role=Message.Role.USER, created_at__lt=user_message.created_at
        ).values_list("text", flat=True)[:RECENT_FOR_REPEATS]
    )
    awards = [
        xp_award(
            partner=partner,
            source=XPEvent.Source.MESSAGE,
            amount=message_xp(user_message.text, recent),
            idempotency_key=f"message:{user_message.pk}",
        )
    ]
    today = timezone.now().date()
    with transaction.atomic():  # the award above made sure the relationship exists
        relationship = Relationship.objects.select_for_update().get(partner=partner)
        first_today = relationship.last_active_on != today
        if first_today:
            yesterday = today - datetime.timedelta(days=1)
            continued = relationship.last_active_on == yesterday
            relationship.streak_days = relationship.streak_days + 1 if continued else 1
            relationship.last_active_on = today
            relationship.save(update_fields=["streak_days", "last_active_on", "updated_at"])
    if first_today:
        awards.append(
            xp_award(
                partner=partner,
                source=XPEvent.Source.STREAK,
                amount=streak_xp(relationship.streak_days),
                idempotency_key=f"streak:{partner.pk}:{today.isoformat()}",
                reason=f"day {relationship.streak_days} in a row",
            )
        )
    return awards
