from django.conf import settings
from django.db.models import QuerySet
from project.errors import get_or_not_found

from accounts.models import User
from relationships.memory.facts import choose_for_prompt
from relationships.models import ConversationSummary, Memory, Partner
from relationships.partners.selectors import partner_get_for

# Memories considered for one prompt; the newest, then chosen by relevance.
PROMPT_MEMORY_ROWS = 200


def memory_list_for(*, user: User, partner_id: int) -> QuerySet[Memory]:
    """What a partner remembers about the user (404 for another user's partner)."""
    return Memory.objects.filter(partner=partner_get_for(user=user, partner_id=partner_id))


def memory_get_for(*, user: User, partner_id: int, memory_id: int) -> Memory:
    return get_or_not_found(Memory, pk=memory_id, partner_id=partner_id, partner__owner=user)


def prompt_memory(*, partner: Partner, query: str) -> tuple[list[str], str]:
    """(memories most relevant to `query` within MEMORY_PROMPT_CHARS, the rolling summary)."""
    memories = list(
        Memory.objects.filter(partner=partner).only("kind", "text", "event_date", "created_at")[:PROMPT_MEMORY_ROWS]
    )
    chosen = choose_for_prompt(memories, query=query, budget_chars=settings.MEMORY_PROMPT_CHARS)
    summary = ConversationSummary.objects.filter(partner=partner).values_list("text", flat=True).first()
    return [_dated(memory) for memory in chosen], summary or ""


def _dated(memory: Memory) -> str:
    # "on Friday" means nothing a week later: the day it resolved to goes with it.
    return f"{memory.text} ({memory.event_date:%A %d %B %Y})" if memory.event_date else memory.text
