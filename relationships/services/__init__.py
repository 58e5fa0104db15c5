from relationships.services.chat import message_accept, reply_record
from relationships.services.partners import partner_create, partner_delete, partner_update

__all__ = [
    "message_accept",
    "partner_create",
    "partner_delete",
    "partner_update",
    "reply_record",
]
