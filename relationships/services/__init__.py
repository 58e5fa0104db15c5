from relationships.services.chat import message_accept, reply_record
from relationships.services.partners import partner_create, partner_delete, partner_update
from relationships.services.progression import relationship_ensure, xp_award

__all__ = [
    "message_accept",
    "partner_create",
    "partner_delete",
    "partner_update",
    "relationship_ensure",
    "reply_record",
    "xp_award",
]
