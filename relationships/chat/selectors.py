from django.db.models import Count, Max, QuerySet

from accounts.models import User
from relationships.attachment import attachment_related
from relationships.models import PROMPT_HISTORY_ROWS, Message, Partner
from relationships.partners.selectors import partner_get_for



def message_list_for(*, user: User, partner_id: int) -> QuerySet[Message]:
    """The user's conversation with one of their partners (404 for anyone else's), each
    message with its attachment, if any, in the same query."""
    partner = partner_get_for(user=user, partner_id=partner_id)
    return Message.objects.filter(partner=partner).select_related(*attachment_related())


def message_find(*, partner: Partner, client_id: str) -> Message | None:
    try:
        return Message.objects.get(partner=partner, client_id=client_id)
    except Message.DoesNotExist:
        return None


def prompt_history(*, partner: Partner) -> list[Message]:
    """The latest turns, oldest first, bounded in rows; prompt building bounds them in tokens."""
    rows = list(
        Message.objects.filter(partner=partner).exclude(text="")[:PROMPT_HISTORY_ROWS]
    )
    rows.reverse()
    return rows


def relationship_summary(*, partner: Partner) -> dict:
    stats = Message.objects.filter(partner=partner).aggregate(
        messages=Count("id"), last_message_at=Max("created_at")
    )
    return {
        "since": partner.created_at.isoformat(),
        "messages": stats["messages"],
        "last_message_at": stats["last_message_at"].isoformat() if stats["last_message_at"] else None,
    }
