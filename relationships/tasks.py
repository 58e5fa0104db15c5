from celery import shared_task

from project.llm import LLMError

from relationships.models import Message, Partner
from relationships.memory.services import conversation_summarize, memories_extract, summary_due
from relationships.proactive.services import partners_for_proactive, proactive_send
from relationships.progression.services import exchange_award


@shared_task(acks_late=True)
def exchange_award_task(message_id: int) -> int:
    """XP for an answered user message. Idempotent (the ledger's keys): a rerun adds nothing.
    Returns the XP added."""
    message = Message.objects.select_related("partner").filter(pk=message_id, role=Message.Role.USER).first()
    if message is None:
        return 0
    return sum(award.amount for award in exchange_award(user_message=message))


@shared_task(acks_late=True)
def exchange_remember_task(message_id: int) -> int:
    """Memories from an answered user message (idempotent: a fact is stored once), then
    the rolling summary if enough conversation has left the prompt. Returns facts stored."""
    message = (
        Message.objects.select_related("partner__owner")
        .filter(pk=message_id, role=Message.Role.USER)
        .exclude(text="")
        .first()
    )
    if message is None:
        return 0
    stored = memories_extract(message=message)
    if summary_due(partner=message.partner):
        conversation_summarize_task.delay(message.partner_id)
    return len(stored)


@shared_task(acks_late=True, autoretry_for=(LLMError,), retry_backoff=60, retry_backoff_max=900, max_retries=5)
def conversation_summarize_task(partner_id: int) -> bool:
    """Fold older conversation into the summary. Idempotent: it covers up to a message id."""
    partner = Partner.objects.filter(pk=partner_id).first()
    return partner is not None and conversation_summarize(partner=partner) is not None


@shared_task
def proactive_due_task() -> int:
    """Beat, every 5 minutes: one task per partner who may be due a first message."""
    partner_ids = list(partners_for_proactive())
    for partner_id in partner_ids:
        proactive_send_task.delay(partner_id)
    return len(partner_ids)


@shared_task(acks_late=True)
def proactive_send_task(partner_id: int) -> int | None:
    """Write first if something is due. Idempotent per (partner, local day, kind)."""
    partner = Partner.objects.select_related("owner").filter(pk=partner_id).first()
    if partner is None:
        return None
    message = proactive_send(partner=partner)
    return message.pk if message else None
