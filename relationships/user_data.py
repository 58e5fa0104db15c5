"""What relationships keeps about a user, for retention, export and erasure (safety/registry.py)."""

import datetime

from relationships.chat.limits import user_keys_pattern
from relationships.models import ConversationSummary, Memory, Message, Partner, Relationship, XPEvent
from safety.registry import UserData


def _dt(value) -> str | None:
    return value.isoformat() if value else None


def _export_partners(user) -> dict[int, dict]:
    partners = {}
    for partner in Partner.objects.filter(owner=user).select_related("relationship").order_by("id"):
        relationship = getattr(partner, "relationship", None)
        partners[partner.pk] = {
            "id": partner.pk,
            "created_at": _dt(partner.created_at),
            **{field: getattr(partner, field) for field in Partner.DESIGN_FIELDS},
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
        }
    for m in Message.objects.filter(partner__owner=user).order_by("created_at", "id"):
        partners[m.partner_id]["messages"].append(
            {
                "id": m.id, "role": m.role, "text": m.text or None, "mood": m.mood or None,
                "valence": m.valence, "proactive_kind": m.proactive_kind or None,
                "created_at": _dt(m.created_at),
            }
        )
    for memory in Memory.objects.filter(partner__owner=user).order_by("created_at", "id"):
        partners[memory.partner_id]["memories"].append(
            {"id": memory.id, "kind": memory.kind, "text": memory.text, "created_at": _dt(memory.created_at)}
        )
    events = XPEvent.objects.filter(relationship__partner__owner=user).select_related("relationship")
    for event in events:
        partners[event.relationship.partner_id]["xp_events"].append(
            {"source": event.source, "amount": event.amount, "reason": event.reason, "created_at": _dt(event.created_at)}
        )
    return partners


def _retention(cutoff: datetime.datetime) -> dict[str, int]:
    """Message text and the summaries of conversations not touched since `cutoff`. Moods,
    counts, XP and the memories the user sees and controls stay."""
    erased = Message.objects.filter(created_at__lt=cutoff).exclude(text="").update(text="")
    summaries, _ = ConversationSummary.objects.filter(updated_at__lt=cutoff).delete()
    return {"messages": erased, "summaries": summaries}


def _emotions_forget(user) -> None:
    Message.objects.filter(partner__owner=user).exclude(mood="", valence=None).update(mood="", valence=None)


USER_DATA = UserData(
    app="relationships",
    models=(Partner, Message, Memory, ConversationSummary, Relationship, XPEvent),
    export_partners=_export_partners,
    redis_patterns=lambda user_id: [user_keys_pattern(user_id)],
    retention=_retention,
    emotions_forget=_emotions_forget,
)
