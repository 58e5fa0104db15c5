import datetime
import zoneinfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from project.events import Frame, Push, frame, user_event_on_commit
from project.llm import LLMError
from project.llm.complete import complete
from relationships.chat.prompt import system_prompt
from relationships.models import Memory, Message, Partner
from relationships.proactive.rules import (
    NO_PRESSURE,
    Preferences,
    Situation,
    clean_proactive,
    due_kind,
    kind_instruction,
)
from relationships.memory.selectors import prompt_memory
from relationships.progression.features import FeatureCode, feature_lock
from relationships.progression.selectors import relationship_of
from relationships.chat.services import message_payload

# A remembered plan is followed up from the day after it, for this long.
FOLLOWUP_WITHIN = datetime.timedelta(days=3)


def _situation(partner: Partner, now: datetime.datetime) -> tuple[Preferences, Situation]:
    user = partner.owner
    local = now.astimezone(zoneinfo.ZoneInfo(user.time_zone))
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    last_user = (
        Message.objects.filter(partner=partner, role=Message.Role.USER).values_list("created_at", flat=True).first()
    )
    proactive = Message.objects.filter(partner=partner).exclude(proactive_kind="")
    today = list(proactive.filter(created_at__gte=day_start).values_list("proactive_kind", flat=True))
    since_user = proactive.filter(created_at__gt=last_user) if last_user else proactive
    followup = (
        Memory.objects.filter(
            partner=partner,
            kind__in=(Memory.Kind.PLAN, Memory.Kind.DATE),
            followed_up_at__isnull=True,
            event_date__lt=local.date(),
            event_date__gte=local.date() - FOLLOWUP_WITHIN,
        )
        .order_by("-event_date", "-id")
        .first()
    )
    prefs = Preferences(
        enabled=user.proactive_messages,
        good_morning_at=user.good_morning_at,
        good_night_at=user.good_night_at,
        quiet_start=user.quiet_hours_start,
        quiet_end=user.quiet_hours_end,
    )
    situation = Situation(
        now=local,
        last_user_message_at=last_user.astimezone(local.tzinfo) if last_user else None,
        sent_today=frozenset(today),
        count_today=len(today),
        unanswered=since_user.count(),
        due_followup=followup,
        checked_in_since_last_message=since_user.filter(proactive_kind="checkin").exists(),
    )
    return prefs, situation


def _forced_kind(situation: Situation) -> str:
    if situation.due_followup is not None:
        return "followup"
    hour = situation.now.hour
    if 5 <= hour < 12:
        return "morning"
    if hour >= 21 or hour < 5:
        return "night"
    return "checkin"


def proactive_prompt(*, partner: Partner, kind: str, now: datetime.datetime, situation: Situation) -> list[dict]:
    user = partner.owner
    memories, summary = prompt_memory(partner=partner, query="")
    since = now - situation.last_user_message_at if situation.last_user_message_at else None
    system = system_prompt(
        partner=partner,
        user_name=user.display_name or user.username,
        now=now,
        time_zone=user.time_zone,
        since_last_exchange=since,
        memories=memories,
        summary=summary,
    )
    instruction = kind_instruction(
        kind,
        followup_fact=situation.due_followup.text if situation.due_followup else None,
        quiet_days=since.days if since else None,
    )
    system += "\nYou are writing first, not replying. " + NO_PRESSURE
    return [{"role": "system", "content": system}, {"role": "user", "content": f"({instruction})"}]


def proactive_send(
    *, partner: Partner, force: bool = False, now: datetime.datetime | None = None
) -> Message | None:
    """Write first to the user, if a message is due (or `force`: an operator asks now).

    Never when the user turned proactive messages off, even forced. Otherwise `force`
    skips the schedule, quiet hours, the daily limit and the feature's level. Idempotent
    per (partner, local day, kind) for scheduled messages. The message is stored like
    any other and reaches the user's open sockets as `message.proactive`, or their
    devices by push if none is open. The LLM writes it; if the model fails or its text
    carries guilt or pressure, a fixed kind message is sent instead.
    """
    now = now or timezone.now()
    user = partner.owner
    if not user.proactive_messages:
        return None
    prefs, situation = _situation(partner, now)
    if force:
        kind = _forced_kind(situation)
        key = None
    else:
        if feature_lock(relationship=relationship_of(partner), code=FeatureCode.PROACTIVE_MESSAGES) is not None:
            return None
        kind = due_kind(
            prefs,
            situation,
            max_per_day=settings.PROACTIVE_MAX_PER_DAY,
            checkin_after_days=settings.PROACTIVE_CHECKIN_AFTER_DAYS,
        )
        if kind is None:
            return None
        key = f"{partner.pk}:{situation.now.date().isoformat()}:{kind}"
        if Message.objects.filter(proactive_key=key).exists():
            return None
    try:
        text = clean_proactive(
            complete(proactive_prompt(partner=partner, kind=kind, now=now, situation=situation), max_tokens=120),
            kind,
        )
    except LLMError:
        text = clean_proactive("", kind)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                partner=partner,
                role=Message.Role.PARTNER,
                text=text,
                finish_reason=Message.FinishReason.STOP,
                proactive_kind=kind,
                proactive_key=key,
            )
            if kind == "followup":
                Memory.objects.filter(pk=situation.due_followup.pk).update(followed_up_at=now)
            user_event_on_commit(
                user_id=user.pk,
                frame=frame(
                    Frame.MESSAGE_PROACTIVE, partner_id=partner.pk, message=message_payload(message)
                ),
                push=Push(
                    kind=Frame.MESSAGE_PROACTIVE,
                    title=partner.name,
                    body=f"{partner.name} sent you a message.",
                    data={"partner_id": partner.pk, "message_id": message.pk},
                ),
            )
    except IntegrityError:  # the same scheduled message, sent meanwhile by another run
        return None
    return message


def partners_for_proactive():
    """Partners whose users take proactive messages and who have talked at all."""
    return (
        Partner.objects.filter(owner__proactive_messages=True, owner__is_active=True)
        .filter(Q(messages__role=Message.Role.USER))
        .distinct()
        .values_list("pk", flat=True)
    )
