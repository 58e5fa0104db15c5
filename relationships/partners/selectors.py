from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from relationships.models import Partner


def partner_list_for(*, user: User) -> QuerySet[Partner]:
    return Partner.objects.filter(owner=user)


def partner_get_for(*, user: User, partner_id: int) -> Partner:
    """The user's own partner, or Http404: another user's id looks like no partner at all."""
    return get_object_or_404(Partner.objects.select_related("owner"), pk=partner_id, owner=user)
