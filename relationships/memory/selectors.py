from django.conf import settings
from django.db.models import QuerySet
from project.errors import get_or_not_found

from accounts.models import User
from relationships.memory.facts import Recalled, memories_for_prompt
from relationships.models import ConversationSummary, Memory, Partner
from relationships.partners.selectors import partner_get_for

# Memories considered for one prompt; the newest, then chosen by relevance.
PROMPT_MEMORY_ROWS = 200


def memory_list_for(*, user: User, partner_id: int) -> QuerySet[Memory]:
    """What a partner remembers about the user (404 for another user's partner)."""
    return Memory.objects.filter(partner=partner_get_for(user=user, partner_id=partner_id))


def memory_get_for(*, user: User, partner_id: int, memory_id: int) -> Memory:
    return get_or_not_found(Memory, pk=memory_id, partner_id=partner_id, partner__owner=user)


def prompt_memory_rows(*, partner: Partner) -> tuple[list[Recalled], str]:
    """What a prompt may draw on: the newest PROMPT_MEMORY_ROWS memories and the rolling summary."""
    memories = [
        Recalled(kind, text, event_date, created_at)
        for kind, text, event_date, created_at in Memory.objects.filter(partner=partner).values_list(
            "kind", "text", "event_date", "created_at"
        )[:PROMPT_MEMORY_ROWS]
    ]
    summary = ConversationSummary.objects.filter(partner=partner).values_list("text", flat=True).first()
    return memories, summary or ""


def prompt_memory(*, partner: Partner, query: str) -> tuple[list[str], str]:
    """(memories most relevant to `query` within MEMORY_PROMPT_CHARS, the rolling summary)."""
    memories, summary = prompt_memory_rows(partner=partner)
    return memories_for_prompt(memories, query=query, budget_chars=settings.MEMORY_PROMPT_CHARS), summary
