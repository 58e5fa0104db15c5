from django.db.models import QuerySet
from project.errors import get_or_not_found

from accounts.models import User
from relationships.models import Partner


def partner_list_for(*, user: User) -> QuerySet[Partner]:
    return Partner.objects.filter(owner=user)


def partner_get_for(*, user: User, partner_id: int) -> Partner:
    """The user's own partner, or NotFound: another user's id looks like no partner at all."""
    return get_or_not_found(Partner.objects.select_related("owner"), pk=partner_id, owner=user)
