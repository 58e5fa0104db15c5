"""The database steps of a chat turn, each one call on the database pool (project/db.py).

A turn makes two of them, and neither stands between the user and the model: the model is
asked first, and the user message is stored while it thinks (`turn_message_store`); the
reply is stored once it ends (`turn_reply_store`). Nothing here waits on Redis or the model.
"""

from dataclasses import dataclass

from django.db import transaction

from project.jobs import enqueue_on_commit
from project.llm import StreamEnd, Usage
from project.llm.client import estimate_tokens
from relationships.attachment import attachment_link, attachment_replied
from relationships.chat.selectors import message_find
from relationships.chat.services import message_accept, reply_record
from relationships.models import Message, Partner
from relationships.mood.analysis import Mood


@dataclass(frozen=True)
class Stored:
    message: Message
    created: bool  # False: that client id was stored before (a resend racing on another socket)


def turn_message_store(
    *, partner: Partner, client_id: str, text: str, mood: Mood, crisis: bool, attachment_id: int | None = None
) -> Stored:
    """Store the user message once per (partner, client id); a resend returns the stored one.
    A message with an attachment carries it (linked in the same transaction)."""
    if attachment_id is None:
        message, created = message_accept(
            partner=partner, client_id=client_id, text=text, announce=False, crisis=crisis, mood=mood
        )
        return Stored(message, created)
    with transaction.atomic():
        message, created = message_accept(
            partner=partner, client_id=client_id, text=text, announce=False, crisis=crisis, mood=mood
        )
        if created:
            attachment_link(message=message, attachment_id=attachment_id)
    return Stored(message, created)


def turn_message_find(*, partner: Partner, client_id: str) -> Message | None:
    return message_find(partner=partner, client_id=client_id)


def turn_usage(*, prompt: list[dict], text: str, end: StreamEnd) -> Usage:
    """What the turn used: the server's count, an estimate, or nothing if nothing was written."""
    if end.usage:
        return end.usage
    if text:
        prompt_tokens = sum(estimate_tokens(_text_of(m["content"])) for m in prompt)
        return Usage(prompt_tokens, estimate_tokens(text), estimated=True)
    return Usage(0, 0, estimated=True)  # nothing generated: nothing charged


def turn_reply_store(*, message: Message, text: str, end: StreamEnd, usage: Usage) -> Message | None:
    """Store the reply (if any) with why it ended. When the partner answered in full (stop or
    length), the worker is asked after commit to award the exchange's XP and to remember what
    the user shared: both are slow, and neither is the turn's business."""
    reply = reply_record(
        user_message=message, text=text, finish_reason=end.finish_reason, usage=usage, announce=False
    )
    if reply is not None and end.finish_reason in ("stop", "length"):
        enqueue_on_commit("relationships.tasks.exchange_award_task", message.pk)
        enqueue_on_commit("relationships.tasks.exchange_remember_task", message.pk)
        attachment_replied(message=message, reply=reply)
    return reply


def _text_of(content) -> str:
    # A vision turn's user line is a list of parts; an image is counted as its text parts only.
    if isinstance(content, str):
        return content
    return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
