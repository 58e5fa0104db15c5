from relationships.selectors.chat import (
    message_find,
    message_list_for,
    prompt_history,
    relationship_summary,
)
from relationships.selectors.partners import partner_get_for, partner_list_for

__all__ = [
    "message_find",
    "message_list_for",
    "partner_get_for",
    "partner_list_for",
    "prompt_history",
    "relationship_summary",
]
