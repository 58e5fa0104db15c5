"""One chat turn, without a transport: a user message in, protocol frames out.

`Turn.run()` is an async generator of the frames the client receives, in order
(docs/websocket-protocol.md). A socket only relays them; a test drives a turn directly.

    SCREENING  the crisis screen (the referral comes first, whatever follows), the notices due
    ADMITTING  one Redis script: resend, rate, budget, the in-flight slot (or `busy`)
    ASKING     the model is asked at once; meanwhile the message is stored, then accepted
    STREAMING  the model's words pass the output screen and go out as they are released
    FINISHING  shielded: the reply is stored, the slot released, `reply.end` sent
    DONE

Every admitted turn goes through FINISHING exactly once, also when it is stopped (`cancel`,
a disconnect) at any state, when the model fails, or when storing fails: so each
`reply.start` gets one `reply.end`, and the slot and the token reservation are released.
The message is durable before `message.accepted` is sent.
"""

import asyncio
import contextlib
import logging
import time
import uuid

from django.conf import settings
from django.utils import timezone

from project.db import db_call
from project.events import Frame, frame
from project.llm import StreamEnd
from project.llm.client import estimate_tokens
from project.llm.priority import chat_turn_ended, chat_turn_started
from relationships.chat import limits
from relationships.chat.budget import SentenceEnd, reply_budget
from relationships.chat.services import message_mood
from relationships.chat.session import ChatSession, Line
from relationships.chat.states import (
    NEXT,
    READ_AHEAD,
    SERVER_ERROR,
    STOP,
    WITHHELD,
    TurnState,
    error_frame,
    in_flight,
    in_flight_add,
)
from relationships.chat.side import background, crisis_referral_count_quietly, message_announce_later, quietly
from relationships.chat.store import turn_message_find, turn_message_store, turn_reply_store, turn_usage
from safety.output import OutputScreen
from safety.screen import screen_message
from safety.services import crisis_referral_frame

logger = logging.getLogger(__name__)

class Turn:
    def __init__(self, session: ChatSession, *, client_id: str, text: str, llm, origin: str | None = None):
        self.session = session
        self.client_id = client_id
        self.text = text
        self.llm = llm
        self.origin = origin  # the socket's channel: announcements skip it
        self.reply_id = uuid.uuid4().hex
        self.state = TurnState.SCREENING
        self.history: list[TurnState] = [TurnState.SCREENING]
        self.stop_reason: str | None = None  # "cancelled" or "interrupted", once asked
        self._queue: asyncio.Queue = asyncio.Queue()  # the model's items, and STOP
        # Deltas read ahead of the screen at most: the upstream is read no faster than the
        # client is served, and a tripped screen stops the model before it writes much more.
        self._room = asyncio.Semaphore(READ_AHEAD)
        self._producer: asyncio.Task | None = None
        self._admitted_at = 0.0
        self._reserved = 0
        self._counted = False

    # --- control -------------------------------------------------------------------

    def stop(self, reason: str) -> bool:
        """Ask the turn to stop (once): the model is closed, what was written is kept, and the
        turn ends with `reply.end` `reason`. False once it is finishing (too late to matter)."""
        if self.state in (TurnState.FINISHING, TurnState.DONE):
            return False
        if self.stop_reason is None:
            self.stop_reason = reason
            if self._producer is not None:
                self._producer.cancel()  # closing the stream closes the upstream request
            self._queue.put_nowait(STOP)
        return True

    def _enter(self, state: TurnState) -> None:
        assert state in NEXT[self.state], f"{self.state} -> {state}"
        self.state = state
        self.history.append(state)

    # --- the turn --------------------------------------------------------------------

    async def run(self):
        session = self.session
        try:
            # SCREENING: before anything else, the LLM included: the referral does not depend
            # on the model, the rate limit or the database being up.
            signal = screen_message(self.text, context=session.screen_context(now=timezone.now()))
            if signal is not None:
                session.language = signal.language
                yield crisis_referral_frame(user=session.user, language=signal.language, category=signal.category)
                await self._count_referral(signal.language, signal.category)
            limit = settings.CHAT_MAX_MESSAGE_CHARS
            if len(self.text) > limit:
                self._enter(TurnState.DONE)
                yield error_frame("message_too_long", f"A message holds at most {limit} characters.", limit=limit)
                return
            if session.turn is not None or in_flight() >= settings.CHAT_MAX_TURNS_PER_PROCESS:
                self._enter(TurnState.DONE)
                yield error_frame("busy", "A reply is still being written.", retryable=True, retry_after=1)
                return
            session.turn = self  # from here a new message is busy, until reply.end
            for notice in session.notices.before_reply(usage_notices=session.user.usage_notices):
                yield notice

            # ADMITTING
            self.budget = reply_budget(
                speaking_style=session.partner.speaking_style,
                text=self.text,
                crisis=signal is not None,
                ceiling=settings.LLM_MAX_TOKENS,
                sized=settings.CHAT_REPLY_BUDGET,
            )
            self._enter(TurnState.ADMITTING)
            self._count(+1)
            admission = await self._admit()
            if not admission.admitted:
                for sent in await self._not_admitted(admission):
                    yield sent
                return

            # ASKING: the model first; the message is stored while it thinks.
            self._enter(TurnState.ASKING)
            now = timezone.now()
            mood = message_mood(self.text, crisis=signal is not None, tracking=session.user.mood_tracking)
            prompt = session.prompt(
                text=self.text, mood=mood.label, valence=mood.valence, crisis=signal and signal.category, now=now,
                reply_words=self.budget.words or None,
            )
            if self.stop_reason is None:
                self._producer = asyncio.create_task(self._produce(prompt))
                background(self._quietly(chat_turn_started(self.reply_id)))  # the worker gives way
            stored = await self._store_message(mood, crisis=signal is not None)
            if stored is None or not stored.created:
                async for sent in self._finish_unstored(stored):
                    yield sent
                return
            message = stored.message
            yield frame(Frame.MESSAGE_ACCEPTED, client_id=self.client_id, message_id=message.pk, duplicate=False)
            yield frame(Frame.REPLY_START, reply_id=self.reply_id)
            self._announce_later(message)

            # STREAMING
            self._enter(TurnState.STREAMING)
            parts: list[str] = []
            end = None
            async for item in self._stream():
                if isinstance(item, StreamEnd):
                    end = item
                    break
                parts.append(item)
                yield frame(Frame.REPLY_DELTA, reply_id=self.reply_id, seq=len(parts), text=item)
            # FINISHING
            async for sent in self._finish(message, prompt, "".join(parts), end):
                yield sent
        finally:
            if self.state is not TurnState.DONE:
                await self._abandon()

    # --- the stages --------------------------------------------------------------------

    async def _admit(self) -> limits.Admission:
        self._admitted_at = time.time()
        self._reserved = estimate_tokens(self.text) + settings.CHAT_HISTORY_TOKEN_BUDGET + self.budget.tokens
        return await limits.chat_admit(
            user_id=self.session.user.pk,
            partner_id=self.session.partner.pk,
            client_id=self.client_id,
            reply_id=self.reply_id,
            reserve_tokens=self._reserved,
            now=self._admitted_at,
        )

    async def _not_admitted(self, admission: limits.Admission) -> list[dict]:
        self._close_without_reply()
        self._enter(TurnState.DONE)
        if admission.refusal is not None:
            refusal = admission.refusal
            return [error_frame(refusal.code, refusal.detail, retryable=True, retry_after=refusal.retry_after)]
        message_id = admission.message_id or await self._stored_id()
        return [frame(Frame.MESSAGE_ACCEPTED, client_id=self.client_id, message_id=message_id, duplicate=True)]

    async def _stored_id(self, attempts: int = 20) -> int | None:
        """The id a resend's message was stored with (it may still be being stored elsewhere)."""
        for _ in range(attempts):
            found = await db_call(turn_message_find, partner=self.session.partner, client_id=self.client_id)
            if found is not None:
                return found.pk
            await asyncio.sleep(0.05)
        return None

    async def _store_message(self, mood, *, crisis: bool):
        """Store the user message (shielded: a disconnect meanwhile does not lose it)."""
        store = db_call(
            turn_message_store,
            partner=self.session.partner,
            client_id=self.client_id,
            text=self.text,
            mood=mood,
            crisis=crisis,
        )
        try:
            stored = await asyncio.shield(store)
        except Exception:
            logger.exception("could not store a chat message")
            return None
        if stored.created:
            self.session.heard(stored.message)
            await self._quietly(
                limits.chat_stored(
                    user_id=self.session.user.pk,
                    partner_id=self.session.partner.pk,
                    client_id=self.client_id,
                    message_id=stored.message.pk,
                )
            )
        return stored

    async def _produce(self, prompt: list[dict]) -> None:
        stream = self.llm.stream_chat(prompt, max_tokens=self.budget.tokens, temperature=settings.LLM_TEMPERATURE)
        try:
            async with contextlib.aclosing(stream):  # closing it closes the upstream request
                async for item in stream:
                    await self._room.acquire()
                    self._queue.put_nowait(item)
                    if isinstance(item, StreamEnd):
                        return
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug in the client must not hang the turn
            logger.exception("the model stream failed")
            self._queue.put_nowait(StreamEnd("error", error=SERVER_ERROR))

    async def _stream(self):
        """What the output screen releases, then the StreamEnd (the stop's, if stopped)."""
        if self.stop_reason is not None:
            yield StreamEnd(self.stop_reason)
            return
        screen = OutputScreen()
        ending = SentenceEnd(self.budget.tokens)  # a reply cut off by its budget ends on a sentence
        loop = asyncio.get_running_loop()
        renewed = loop.time()
        while True:
            item = await self._queue.get()
            self._room.release()
            if item is STOP:
                yield StreamEnd(self.stop_reason)
                return
            if isinstance(item, StreamEnd):
                rest = screen.finish()
                if screen.tripped:
                    yield StreamEnd("error", error=WITHHELD)
                    return
                rest = (ending.feed(rest) if rest else "") + ending.finish(item.finish_reason)
                if rest:
                    yield rest
                yield item
                return
            released = screen.feed(item)
            if screen.tripped:
                self._producer.cancel()  # stop the model at once
                yield StreamEnd("error", error=WITHHELD)
                return
            if released and (released := ending.feed(released)):
                yield released
            if loop.time() - renewed > limits.IN_FLIGHT_RENEW_SECONDS:
                renewed = loop.time()
                await self._quietly(
                    limits.chat_renew(
                        user_id=self.session.user.pk, partner_id=self.session.partner.pk, reply_id=self.reply_id
                    )
                )

    async def _finish(self, message, prompt: list[dict], text: str, end: StreamEnd | None):
        self._enter(TurnState.FINISHING)
        end = end or StreamEnd(self.stop_reason or "interrupted")
        if self._producer is not None:
            self._producer.cancel()
        usage = turn_usage(prompt=prompt, text=text, end=end)
        # Shielded: the turn closes properly even if the socket's task is cancelled meanwhile.
        reply = await asyncio.shield(self._close(message, text, end, usage))
        if end.error is not None:
            extra = {"retry_after": end.error.retry_after} if end.error.retry_after else {}
            yield error_frame(end.error.code, end.error.detail, retryable=end.error.retryable, **extra)
        if end.error is WITHHELD:
            yield crisis_referral_frame(user=self.session.user, language=self.session.language)
            await self._count_referral(self.session.language, "model_output")
        yield frame(
            Frame.REPLY_END,
            reply_id=self.reply_id,
            message_id=reply.pk if reply else None,
            finish_reason=end.finish_reason,
            usage=usage.as_dict(),
        )
        self._close_without_reply()  # reply.end is sent: the next message may come
        self._enter(TurnState.DONE)
        if reply is not None:
            self._announce_later(reply)
        self.session.refresh_stale()

    async def _close(self, message, text: str, end: StreamEnd, usage) -> "object | None":
        """Store the reply, then free the slot (so the next turn's prompt, on any process,
        includes it); the slot is freed even if storing fails. Never raises."""
        reply = None
        try:
            reply = await db_call(turn_reply_store, message=message, text=text, end=end, usage=usage)
        except Exception:
            logger.exception("could not store a chat reply")
        if reply is not None:
            self.session.heard(reply)
        await self._release(used=usage.prompt_tokens + usage.completion_tokens)
        await self._quietly(chat_turn_ended(self.reply_id))
        return reply

    async def _finish_unstored(self, stored):
        """The message was not stored (a fault) or was a resend racing on another socket: the
        model is stopped and nothing is generated or charged."""
        self._enter(TurnState.FINISHING)
        if self._producer is not None:
            self._producer.cancel()
        await asyncio.shield(self._release(used=0))
        await self._quietly(chat_turn_ended(self.reply_id))
        if stored is None:
            await self._quietly(
                limits.chat_stored(
                    user_id=self.session.user.pk, partner_id=self.session.partner.pk,
                    client_id=self.client_id, message_id=None,
                )
            )
            yield error_frame("server_error", "Something went wrong; try again.", retryable=True)
        else:
            yield frame(
                Frame.MESSAGE_ACCEPTED, client_id=self.client_id, message_id=stored.message.pk, duplicate=True
            )
        self._close_without_reply()
        self._enter(TurnState.DONE)

    async def _release(self, *, used: int) -> None:
        await self._quietly(
            limits.chat_release(
                user_id=self.session.user.pk,
                partner_id=self.session.partner.pk,
                reply_id=self.reply_id,
                reserved=self._reserved,
                used=used,
                admitted_at=self._admitted_at,
            )
        )

    async def _abandon(self) -> None:
        """The generator was closed or failed before DONE: free what the turn holds."""
        if self._producer is not None:
            self._producer.cancel()
        if self.state in (TurnState.ASKING, TurnState.STREAMING):
            await asyncio.shield(self._release(used=0))
            await self._quietly(chat_turn_ended(self.reply_id))
        self._close_without_reply()
        self.state = TurnState.DONE
        self.history.append(TurnState.DONE)

    def _close_without_reply(self) -> None:
        if self.session.turn is self:
            self.session.turn = None
        self._count(-1)

    def _count(self, step: int) -> None:
        if (step > 0) != self._counted:
            self._counted = step > 0
            in_flight_add(step)

    # --- on the side -------------------------------------------------------------------

    def _announce_later(self, message) -> None:
        session = self.session
        message_announce_later(user_id=session.user.pk, partner_id=session.partner.pk, message=message, origin=self.origin)

    async def _count_referral(self, language: str, category: str) -> None:
        await crisis_referral_count_quietly(user=self.session.user, language=language, category=category)

    _quietly = staticmethod(quietly)
