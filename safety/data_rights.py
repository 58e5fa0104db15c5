"""Keep the general, delete the rest: retention, export and erasure (docs/safety.md)."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import Device, User
from avatars.models import Avatar, Selfie
from avatars.services import files_delete_on_commit, selfie_files_of
from moments.models import MomentComment, MomentLike
from project.events import send_event_on_commit, user_group
from project.media import media_url
from project.redis import redis_client
from relationships.models import ConversationSummary, Memory, Message, Partner, XPEvent

logger = logging.getLogger(__name__)


def retention_enforce(*, days: int, now: datetime.datetime | None = None) -> dict:
    """Erase the text of messages older than `days`, and summaries of conversation not
    touched since. Mood labels and valences, counts, XP and the memories the user sees
    and controls stay. Idempotent."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    erased = Message.objects.filter(created_at__lt=cutoff).exclude(text="").update(text="")
    summaries, _ = ConversationSummary.objects.filter(updated_at__lt=cutoff).delete()
    return {"messages": erased, "summaries": summaries}


def _dt(value) -> str | None:
    return value.isoformat() if value else None


def user_export(*, user: User) -> dict:
    """Everything Hearth holds about the user, as JSON-ready data. Selfies are signed links."""
    partners = list(Partner.objects.filter(owner=user).select_related("relationship").order_by("id"))
    avatars = {a.partner_id: a.config for a in Avatar.objects.filter(partner__owner=user)}
    by_partner: dict[int, dict] = {}
    for partner in partners:
        relationship = getattr(partner, "relationship", None)
        by_partner[partner.pk] = {
            "id": partner.pk,
            "created_at": _dt(partner.created_at),
            **{field: getattr(partner, field) for field in Partner.DESIGN_FIELDS},
            "avatar": avatars.get(partner.pk),
            "relationship": {
                "xp": relationship.xp,
                "streak_days": relationship.streak_days,
                "last_active_on": _dt(relationship.last_active_on),
            }
            if relationship
            else None,
            "messages": [],
            "memories": [],
            "xp_events": [],
            "moment_comments": [],
            "moment_likes": [],
            "selfies": [],
        }
    for m in Message.objects.filter(partner__owner=user).order_by("created_at", "id"):
        by_partner[m.partner_id]["messages"].append(
            {
                "id": m.id, "role": m.role, "text": m.text or None, "mood": m.mood or None,
                "valence": m.valence, "proactive_kind": m.proactive_kind or None,
                "created_at": _dt(m.created_at),
            }
        )
    for memory in Memory.objects.filter(partner__owner=user).order_by("created_at", "id"):
        by_partner[memory.partner_id]["memories"].append(
            {"id": memory.id, "kind": memory.kind, "text": memory.text, "created_at": _dt(memory.created_at)}
        )
    for event in XPEvent.objects.filter(relationship__partner__owner=user).select_related("relationship"):
        by_partner[event.relationship.partner_id]["xp_events"].append(
            {"source": event.source, "amount": event.amount, "reason": event.reason, "created_at": _dt(event.created_at)}
        )
    for comment in MomentComment.objects.filter(moment__partner__owner=user).select_related("moment"):
        by_partner[comment.moment.partner_id]["moment_comments"].append(
            {"moment_id": comment.moment_id, "author": comment.author_type, "text": comment.text,
             "created_at": _dt(comment.created_at)}
        )
    for like in MomentLike.objects.filter(user=user).select_related("moment"):
        by_partner[like.moment.partner_id]["moment_likes"].append(
            {"moment_id": like.moment_id, "created_at": _dt(like.created_at)}
        )
    for selfie in Selfie.objects.filter(partner__owner=user).order_by("created_at", "id"):
        by_partner[selfie.partner_id]["selfies"].append(
            {"id": selfie.id, "destination": selfie.destination, "status": selfie.status,
             "caption": selfie.caption, "partner_caption": selfie.partner_caption,
             "image_url": media_url(selfie.image.name) if selfie.image else None,
             "created_at": _dt(selfie.created_at)}
        )
    return {
        "exported_at": _dt(timezone.now()),
        "profile": {
            "id": user.pk, "username": user.username, "email": user.email,
            "display_name": user.display_name, "birth_date": _dt(user.birth_date),
            "time_zone": user.time_zone, "country": user.country,
            "proactive_messages": user.proactive_messages, "usage_notices": user.usage_notices,
            "date_joined": _dt(user.date_joined),
        },
        "devices": [{"platform": d.platform, "active": d.active, "created_at": _dt(d.created_at)}
                    for d in Device.objects.filter(user=user)],
        "partners": list(by_partner.values()),
    }


def user_erase(*, user: User) -> None:
    """Erase the user: every row (partners and all under them cascade), their tokens,
    their media files and their keys in Redis. The access token they hold fails at
    once (its user is gone) and their open sockets are closed after commit."""
    user_id = user.pk
    with transaction.atomic():
        # Listed inside the transaction; a selfie finishing meanwhile finds its row gone
        # and deletes its own picture (avatars.services.selfie_compose).
        files_delete_on_commit(selfie_files_of(Selfie.objects.filter(partner__owner=user)))
        OutstandingToken.objects.filter(user=user).delete()  # and their blacklist entries
        send_event_on_commit(user_group(user_id), {"type": "session.end"})
        user.delete()
        transaction.on_commit(lambda: _erase_redis(user_id))


def _erase_redis(user_id: int) -> None:
    try:
        client = redis_client()
        # The chat keys all start with the user's id (relationships/chat/limits.py).
        keys = list(client.scan_iter(match=f"hearth:chat:{user_id}:*", count=1000))
        keys.append(f"hearth:presence:{user_id}")
        client.delete(*keys)
    except Exception:  # they expire on their own (a day at most)
        logger.warning("could not delete the Redis keys of an erased user", exc_info=True)
