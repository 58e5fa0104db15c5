from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from project.errors import ApplicationError
from project.events import session_refresh_on_commit
from relationships.models import Partner, Relationship
from safety.data_rights import partner_files_delete_on_commit

PARTNER_FIELDS = frozenset(Partner.DESIGN_FIELDS)


def _check_mode_allowed(*, owner: User, relationship_mode: str) -> None:
    if relationship_mode == Partner.RelationshipMode.ROMANTIC and owner.is_minor:
        raise ValidationError(
            {"relationship_mode": ["Romantic partners are only available to adults."]}
        )


@transaction.atomic
def partner_create(
    *,
    owner: User,
    name: str,
    gender: str,
    personality: list[str] | None = None,
    speaking_style: str = "",
    interests: list[str] | None = None,
    backstory: str = "",
    relationship_mode: str = Partner.RelationshipMode.FRIEND,
    greeting: str = "",
) -> Partner:
    """Create a partner for `owner`, holding at most HEARTH_MAX_PARTNERS_PER_USER.

    The owner's row is locked while counting, so parallel requests cannot pass the cap.
    """
    User.objects.select_for_update().filter(pk=owner.pk).first()
    limit = settings.HEARTH_MAX_PARTNERS_PER_USER
    if Partner.objects.filter(owner=owner).count() >= limit:
        raise ApplicationError("partner_limit", f"You can design at most {limit} partners.")
    partner = Partner(
        owner=owner,
        name=name,
        gender=gender,
        personality=personality or [],
        speaking_style=speaking_style,
        interests=interests or [],
        backstory=backstory,
        relationship_mode=relationship_mode,
        greeting=greeting,
    )
    _check_mode_allowed(owner=owner, relationship_mode=partner.relationship_mode)
    partner.full_clean()
    partner.save()
    Relationship.objects.create(partner=partner)
    return partner


def partner_update(*, partner: Partner, **changes) -> Partner:
    unknown = set(changes) - PARTNER_FIELDS
    if unknown:
        raise ValueError(f"not partner fields: {sorted(unknown)}")
    if "relationship_mode" in changes:
        _check_mode_allowed(owner=partner.owner, relationship_mode=changes["relationship_mode"])
    for name, value in changes.items():
        setattr(partner, name, value)
    partner.full_clean()
    partner.save(update_fields=[*changes, "updated_at"])
    session_refresh_on_commit(user_id=partner.owner_id, partner_id=partner.pk, parts=("partner",))
    return partner


def partner_delete(*, partner: Partner) -> None:
    """Delete the partner and everything that hangs off it (cascade), its stored files too
    (every app's, through the data-rights registry)."""
    with transaction.atomic():
        partner_files_delete_on_commit(partner=partner)
        partner.delete()
