"""What avatars keeps about a user, for export and erasure (safety/registry.py): the partner's
look, and the selfies with their files (pictures, and photos not yet composed)."""

from avatars.models import Avatar, Selfie
from project.media import media_url
from safety.registry import UserData


def selfie_files(selfies) -> list[str]:
    """The stored files of these selfies."""
    return [name for pair in selfies.values_list("image", "photo") for name in pair if name]


def _export_partners(user) -> dict[int, dict]:
    partners: dict[int, dict] = {}
    for avatar in Avatar.objects.filter(partner__owner=user):
        partners.setdefault(avatar.partner_id, {})["avatar"] = avatar.config
    for selfie in Selfie.objects.filter(partner__owner=user).order_by("created_at", "id"):
        partners.setdefault(selfie.partner_id, {}).setdefault("selfies", []).append(
            {"id": selfie.id, "destination": selfie.destination, "status": selfie.status,
             "caption": selfie.caption, "partner_caption": selfie.partner_caption,
             "image_url": media_url(selfie.image.name) if selfie.image else None,
             "created_at": selfie.created_at.isoformat()}
        )
    return partners


USER_DATA = UserData(
    app="avatars",
    models=(Avatar, Selfie),
    export_partners=_export_partners,
    partner_defaults={"avatar": None, "selfies": []},
    user_files=lambda user: selfie_files(Selfie.objects.filter(partner__owner=user)),
    partner_files=lambda partner: selfie_files(Selfie.objects.filter(partner=partner)),
)
