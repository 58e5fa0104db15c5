from django.db.models import QuerySet
from project.errors import get_or_not_found

from accounts.models import User
from avatars import catalog
from avatars.models import Avatar, Selfie
from relationships.models import Partner
from relationships.mood.selectors import partner_expression


def avatar_config_of(partner: Partner) -> dict:
    """The look to draw: the stored choice or the default, always modest for a minor.

    Applying modesty here, not only on input, keeps a look chosen before the birth
    date was known (or a catalog change) safe.
    """
    try:
        config = catalog.validate_config(partner.avatar.config, minor=False)
    except (Avatar.DoesNotExist, catalog.AvatarConfigError):
        # No look chosen, or one the catalog no longer offers.
        config = catalog.default_config()
    return catalog.modest_config(config) if partner.owner.is_minor else config


def selfie_expression(partner: Partner) -> str:
    """The partner's face in a selfie follows its mood (the conversation's), except that
    on a trip together a neutral or sleepy face becomes a happy one."""
    expression = partner_expression(partner)
    return "happy" if expression in ("neutral", "sleepy") else expression


def selfie_list_for(*, user: User, partner_id: int) -> QuerySet[Selfie]:
    """The gallery of one of the user's partners (404 for another user's partner)."""
    partner = get_or_not_found(Partner, pk=partner_id, owner=user)
    return Selfie.objects.filter(partner=partner)


def selfie_get_for(*, user: User, selfie_id: int) -> Selfie:
    """One of the user's selfies, or NotFound: another user's id looks like no selfie."""
    return get_or_not_found(Selfie.objects.select_related("partner"), pk=selfie_id, partner__owner=user)
