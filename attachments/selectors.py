from accounts.models import User
from attachments.models import Attachment
from project.errors import get_or_not_found


def attachment_get_for(*, user: User, partner_id: int, attachment_id: int) -> Attachment:
    """The user's own attachment sent to that partner, or NotFound: another user's id, or an
    id under another partner, looks like no attachment at all."""
    return get_or_not_found(Attachment, pk=attachment_id, owner=user, partner_id=partner_id)
