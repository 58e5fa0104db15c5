"""The two database-side steps of a chat turn, each one call from the consumer.

A consumer's `database_sync_to_async` calls share one thread per process, so a
turn makes exactly two of them: one before the model is asked, one after it
has answered. Nothing in either waits on the channel layer.
"""

import time
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import User
from project.llm import StreamEnd, Usage
from project.jobs import enqueue_on_commit
from project.llm.client import estimate_tokens
from relationships.chat.limits import Refusal, chat_admit, chat_release
from relationships.chat.prompt import build_messages
from relationships.models import Message, Partner
from relationships.chat.selectors import message_find, prompt_history
from relationships.progression.selectors import relationship_level
from relationships.chat.services import message_accept, reply_record
from relationships.memory.selectors import prompt_memory


@dataclass(frozen=True)
class TurnStart:
    """Exactly one of: `duplicate` (stored before), `refusal`, or `message` with its `prompt`."""

    message: Message | None = None
    prompt: list[dict] | None = None
    admitted_at: float = 0.0
    duplicate: Message | None = None
    refusal: Refusal | None = None


def turn_begin(
    *,
    user: User,
    partner: Partner,
    client_id: str,
    text: str,
    reply_id: str,
    reserve_tokens: int,
    history_budget_tokens: int,
    crisis: bool = False,
) -> TurnStart:
    """Recognise a resend, admit the message (rate, budget, in-flight slot), store it and
    build the prompt. An admitted turn holds its slot until `turn_end` releases it."""
    existing = message_find(partner=partner, client_id=client_id)
    if existing is not None:
        return TurnStart(duplicate=existing)
    admitted_at = time.time()
    refusal = chat_admit(
        user_id=user.pk,
        partner_id=partner.pk,
        reply_id=reply_id,
        reserve_tokens=reserve_tokens,
        now=admitted_at,
    )
    if refusal is not None:
        return TurnStart(refusal=refusal)
    admitted = dict(
        user_id=user.pk,
        partner_id=partner.pk,
        reply_id=reply_id,
        reserved=reserve_tokens,
        admitted_at=admitted_at,
    )
    try:
        message, created = message_accept(
            partner=partner, client_id=client_id, text=text, announce=False, crisis=crisis
        )
        if not created:  # the same client_id raced in on another socket
            chat_release(**admitted, used=0)
            return TurnStart(duplicate=message)
        memories, summary = prompt_memory(partner=partner, query=text)
        prompt = build_messages(
            partner=partner,
            user_name=user.display_name or user.username,
            time_zone=user.time_zone,
            history=prompt_history(partner=partner),
            now=timezone.now(),
            history_budget_tokens=history_budget_tokens,
            level=relationship_level(partner=partner),  # the tone warms as intimacy grows
            memories=memories,
            summary=summary,
            crisis=crisis,
        )
    except BaseException:
        chat_release(**admitted, used=0)
        raise
    return TurnStart(message=message, prompt=prompt, admitted_at=admitted_at)


def turn_usage(*, prompt: list[dict], text: str, end: StreamEnd) -> Usage:
    """What the turn used: the server's count, an estimate, or nothing if nothing was written."""
    if end.usage:
        return end.usage
    if text:
        prompt_tokens = sum(estimate_tokens(m["content"]) for m in prompt)
        return Usage(prompt_tokens, estimate_tokens(text), estimated=True)
    return Usage(0, 0, estimated=True)  # nothing generated: nothing charged


@dataclass(frozen=True)
class TurnEnd:
    reply: Message | None


def turn_end(
    *,
    user: User,
    partner: Partner,
    message: Message,
    reply_id: str,
    reserved: int,
    admitted_at: float,
    text: str,
    end: StreamEnd,
    usage: Usage,
) -> TurnEnd:
    """Store the reply (if any), enqueue the exchange's XP award when the partner
    answered in full (stop or length), then release the in-flight slot and charge
    what was used.

    The slot is freed only after the reply is stored, so the next turn's prompt
    (on any process) includes it; it is freed even if storing fails.
    """
    try:
        reply = reply_record(
            user_message=message,
            text=text,
            finish_reason=end.finish_reason,
            usage=usage,
            announce=False,
        )
        if reply is not None and end.finish_reason in ("stop", "length"):
            # XP is the worker's job: a dozen queries this process's one database
            # thread need not wait on. Its progress events reach the sockets by the
            # channel layer.
            enqueue_on_commit("relationships.tasks.exchange_award_task", message.pk)
            # What the user shared is remembered by the worker too (the LLM is slow).
            enqueue_on_commit("relationships.tasks.exchange_remember_task", message.pk)
        return TurnEnd(reply)
    finally:
        chat_release(
            user_id=user.pk,
            partner_id=partner.pk,
            reply_id=reply_id,
            reserved=reserved,
            used=usage.prompt_tokens + usage.completion_tokens,
            admitted_at=admitted_at,
        )
