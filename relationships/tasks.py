from celery import shared_task

from relationships.models import Message
from relationships.services.progression import exchange_award


@shared_task(acks_late=True)
def award_exchange(message_id: int) -> int:
    """XP for an answered user message. Idempotent (the ledger's keys): a rerun adds nothing.
    Returns the XP added."""
    message = Message.objects.select_related("partner").filter(pk=message_id, role=Message.Role.USER).first()
    if message is None:
        return 0
    return sum(award.amount for award in exchange_award(user_message=message))
