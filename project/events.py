"""The one way a user hears of something: a frame to their open sockets, after commit, and a
push to their devices when no socket is open.

A client never hears of a row that was rolled back. Group names are built here, on the
server, from ids the caller has already authorised. Every frame a socket can receive is a
member of `Frame` and is built once, by the code that knows what happened; consumers relay it
as it is (docs/websocket-protocol.md).
"""

import dataclasses
from enum import StrEnum

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from project.jobs import enqueue_on_commit


# The websocket protocol's version, sent in `ready` (docs/websocket-protocol.md).
PROTOCOL_VERSION = 2


class Frame(StrEnum):
    """The type of every frame the server sends. Events are `noun.verb`; the rest are the
    session's own frames (ready, error) and notices required by law (docs/safety.md)."""

    READY = "ready"
    ERROR = "error"
    AI_DISCLOSURE = "ai_disclosure"
    USAGE_NOTICE = "usage_notice"
    CRISIS_REFERRAL = "crisis_referral"
    MESSAGE_ACCEPTED = "message.accepted"
    ATTACHMENT_TRANSCRIBING = "attachment.transcribing"
    ATTACHMENT_READY = "attachment.ready"
    REPLY_START = "reply.start"
    REPLY_DELTA = "reply.delta"
    REPLY_END = "reply.end"
    REPLY_AUDIO = "reply.audio"
    MESSAGE_NEW = "message.new"
    MESSAGE_PROACTIVE = "message.proactive"
    PROGRESS_UPDATE = "progress.update"
    LEVEL_UP = "level.up"
    MOMENT_NEW = "moment.new"
    MOMENT_REPLY = "moment.reply"
    SELFIE_READY = "selfie.ready"
    SELFIE_FAILED = "selfie.failed"


def frame(kind: Frame, **fields) -> dict:
    """A frame as the client receives it."""
    return {"type": kind.value, **fields}


@dataclasses.dataclass(frozen=True)
class Push:
    """A push notification: who wrote and what kind of thing happened, never the words (lock
    screens are public and push services are third parties)."""

    kind: str  # "proactive", "moment.reply", "level.up", "selfie.ready"
    title: str
    body: str
    data: dict = dataclasses.field(default_factory=dict)  # ids only, for the app to open the right screen


# The channel-layer event that carries a frame; consumers handle it in `user_event`.
USER_EVENT = "user.event"
# Closes every socket of the user (their account was erased).
SESSION_END = "session.end"
# Tells the user's sockets to reload part of what they hold (relationships/chat/session.py).
SESSION_REFRESH = "session.refresh"


def user_group(user_id: int) -> str:
    """Every open socket of one user."""
    return f"user.{user_id}"


def _event(frame: dict, partner_id: int | None, origin: str | None) -> dict:
    return {"type": USER_EVENT, "frame": frame, "partner_id": partner_id, "origin": origin}


def user_event_on_commit(
    *,
    user_id: int,
    frame: dict,
    partner_id: int | None = None,
    origin: str | None = None,
    push: Push | None = None,
) -> None:
    """Once the transaction commits, send `frame` to the user's open sockets: all of them, or
    only those on `partner_id`'s conversation, never back to the socket `origin`. With
    `push`, the user's devices are notified too if no socket of theirs is open then
    (the worker checks presence when it sends).

    Call from sync code (a service, a task, the admin); outside a transaction it sends at once.
    """
    event = _event(frame, partner_id, origin)
    group = user_group(user_id)
    transaction.on_commit(lambda: _group_send(group, event), robust=True)
    if push is not None:
        enqueue_on_commit("accounts.tasks.push_notify_task", user_id, dataclasses.asdict(push))


async def user_event_send(
    *, user_id: int, frame: dict, partner_id: int | None = None, origin: str | None = None
) -> None:
    """`user_event_on_commit` from the event loop, for a consumer whose database call that
    wrote the row has returned (and so committed): the database thread never waits on Redis."""
    await get_channel_layer().group_send(user_group(user_id), _event(frame, partner_id, origin))


def session_end_on_commit(*, user_id: int) -> None:
    """Close every socket of the user once the transaction commits."""
    group = user_group(user_id)
    transaction.on_commit(lambda: _group_send(group, {"type": SESSION_END}), robust=True)


def session_refresh_on_commit(*, user_id: int, parts: tuple[str, ...], partner_id: int | None = None) -> None:
    """Once the transaction commits, tell the user's chat sockets (those on `partner_id`, or
    all) that `parts` ("partner", "profile", "memories") changed: they reload them. Nothing
    reaches the client."""
    group = user_group(user_id)
    event = {"type": SESSION_REFRESH, "parts": list(parts), "partner_id": partner_id}
    transaction.on_commit(lambda: _group_send(group, event), robust=True)


def _group_send(group: str, event: dict) -> None:
    """Where every event leaves for the channel layer from sync code (tests capture it here)."""
    async_to_sync(get_channel_layer().group_send)(group, event)
