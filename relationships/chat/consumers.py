"""`/ws/chat/{partner_id}/`: stream the partner's replies (protocol in docs/websocket-protocol.md)."""

import asyncio
import contextlib
import logging
import time
import uuid
from dataclasses import dataclass

from channels.db import database_sync_to_async
from django.conf import settings
from project.errors import NotFound
from rest_framework import serializers

from project.api.serializers import StrictCharField
from project.events import Frame, user_event_send, user_group
from project.llm import LLMError, StreamEnd, get_llm_client
from project.llm.client import estimate_tokens
from project.ws.consumers import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, AuthenticatedJsonConsumer
from relationships.chat.limits import IN_FLIGHT_RENEW_SECONDS, chat_renew
from relationships.chat.turns import turn_begin, turn_end, turn_usage
from relationships.models import Message
from relationships.chat.selectors import relationship_summary
from relationships.partners.selectors import partner_get_for
from relationships.serializers import PartnerSerializer
from relationships.chat.services import message_new_frame
from safety.output import OutputScreen
from safety.screen import screen_message
from safety.disclosure import disclosure_due, disclosure_frame, usage_notice_frame
from safety.services import crisis_referral_count, crisis_referral_frame, user_country

logger = logging.getLogger(__name__)

PROTOCOL_VERSION = 2  # 2: event frames named noun.verb (docs/websocket-protocol.md)

# A reply the output screen stopped (self-harm instructions or encouragement).
WITHHELD = LLMError("reply_withheld", "The reply was withheld because it was not safe to send.", retryable=False)


def wall_clock() -> float:
    """Seconds since the epoch; the disclosure and usage notices are timed by it (tests set it)."""
    return time.time()


class MessageFrame(serializers.Serializer):
    client_id = StrictCharField(max_length=64)
    text = StrictCharField(trim_whitespace=False)

    def validate_text(self, value):
        if not value.strip():
            raise serializers.ValidationError("A message needs some text.")
        return value


class CancelFrame(serializers.Serializer):
    pass


@dataclass(eq=False)
class _Turn:
    """One admitted message and its reply, from admission until reply.end."""

    message: Message
    client_id: str
    prompt: list[dict]
    reply_id: str
    reserved: int
    admitted_at: float
    task: asyncio.Task | None = None
    running: bool = False
    stop_requested: bool = False
    stop_reason: str = "interrupted"  # a stop nobody asked for (e.g. server shutdown)
    finishing: bool = False


class ChatConsumer(AuthenticatedJsonConsumer):
    frame_types = {
        "message": (MessageFrame, "on_message"),
        "cancel": (CancelFrame, "on_cancel"),
    }

    async def connect(self):
        self.partner = None
        self.group = None
        self.disclosed_at: float | None = None
        self.usage_noticed_at: float | None = None
        self.session_started = 0.0
        self.language = "en"  # of the user's last screened crisis message, for referrals
        self.turn: _Turn | None = None  # open from admission until reply.end is sent
        self.closed = False
        await super().connect()

    async def on_authenticated(self):
        partner_id = self.scope["url_route"]["kwargs"]["partner_id"]
        ready = await self._load(partner_id)
        if ready is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = user_group(self.user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        self.session_started = wall_clock()
        await self._disclose()  # before anything else the partner says
        await self.send_json(ready)

    async def _disclose(self):
        """The AI disclosure (with a break reminder for minors), now and every three hours."""
        self.disclosed_at = wall_clock()
        await self.send_json(disclosure_frame(minor=self.user.is_minor))

    async def _before_reply(self):
        """Clock-based notices that must come before the partner's next words."""
        now = wall_clock()
        if disclosure_due(self.disclosed_at, now):
            await self._disclose()
        interval = settings.HEALTHY_SESSION_MINUTES * 60
        if (
            self.user.usage_notices
            and interval > 0
            and now - self.session_started >= interval
            and (self.usage_noticed_at is None or now - self.usage_noticed_at >= interval)
        ):
            self.usage_noticed_at = now
            await self.send_json(usage_notice_frame(int((now - self.session_started) // 60)))

    async def _refer(self, *, language: str, category: str):
        """The fixed crisis referral, at once; then one more in the aggregate count."""
        await self.send_json(crisis_referral_frame(user=self.user, language=language))
        try:
            await database_sync_to_async(crisis_referral_count)(
                country=user_country(self.user), language=language, category=category
            )
        except Exception:  # counting must never cost the user the referral or their message
            logger.warning("could not count a crisis referral", exc_info=True)

    @database_sync_to_async
    def _load(self, partner_id: int) -> dict | None:
        try:
            self.partner = partner_get_for(user=self.user, partner_id=partner_id)
        except NotFound:
            return None
        return {
            "type": "ready",
            "protocol_version": PROTOCOL_VERSION,
            "partner": PartnerSerializer(self.partner).data,
            "relationship": relationship_summary(partner=self.partner),
            "limits": {"max_message_chars": settings.CHAT_MAX_MESSAGE_CHARS},
        }

    async def disconnect(self, code):
        self.closed = True
        # Nobody is listening: stop generating first, keep what was written.
        turn = self.turn
        if turn is not None:
            self._stop_turn("interrupted")
            with contextlib.suppress(asyncio.CancelledError):
                await turn.task
        if self.group:
            try:
                await self.channel_layer.group_discard(self.group, self.channel_name)
            except Exception:  # the group entries expire on their own (channels_redis group_expiry)
                logger.warning("could not leave the chat groups", exc_info=True)
        await super().disconnect(code)  # presence last: the turn is stopped first

    # --- client frames -----------------------------------------------------------

    async def on_message(self, data):
        client_id, text = data["client_id"], data["text"]
        # Screened before anything else, the LLM included: the referral does not
        # depend on the model, the rate limit or the database being up.
        signal = screen_message(text)
        if signal is not None:
            self.language = signal.language
            await self._refer(language=signal.language, category=signal.category)
        limit = settings.CHAT_MAX_MESSAGE_CHARS
        if len(text) > limit:
            await self.send_error("message_too_long", f"A message holds at most {limit} characters.", limit=limit)
            return
        if self.turn is not None:
            await self.send_error("busy", "A reply is still being written.", retryable=True, retry_after=1)
            return
        await self._before_reply()
        reply_id = uuid.uuid4().hex
        reserve = estimate_tokens(text) + settings.CHAT_HISTORY_TOKEN_BUDGET + settings.LLM_MAX_TOKENS
        start = await database_sync_to_async(turn_begin)(
            user=self.user,
            partner=self.partner,
            client_id=client_id,
            text=text,
            reply_id=reply_id,
            reserve_tokens=reserve,
            history_budget_tokens=settings.CHAT_HISTORY_TOKEN_BUDGET,
            crisis=signal is not None,
        )
        if start.refusal is not None:
            refusal = start.refusal
            await self.send_error(refusal.code, refusal.detail, retryable=True, retry_after=refusal.retry_after)
            return
        if start.duplicate is not None:
            await self.send_json(
                {"type": "message.accepted", "client_id": client_id, "message_id": start.duplicate.pk, "duplicate": True}
            )
            return
        # From here the turn holds the in-flight slot and a token reservation:
        # its task always ends in _finish, which releases both and sends reply.end.
        turn = _Turn(start.message, client_id, start.prompt, reply_id, reserve, start.admitted_at)
        self.turn = turn
        turn.task = asyncio.create_task(self._run_turn(turn))
        try:  # the model is being asked meanwhile: this costs the reply nothing
            await self._announce(start.message)
        except Exception:
            logger.warning("could not announce a message to the other devices", exc_info=True)

    async def on_cancel(self, data):
        if not self._stop_turn("cancelled"):
            await self.send_error("nothing_to_cancel", "No reply is being written.")

    # --- the reply -----------------------------------------------------------------

    def _stop_turn(self, reason: str) -> bool:
        """Ask the open turn to stop (once). False when there is no turn to stop."""
        turn = self.turn
        if turn is None:
            return False
        if not turn.stop_requested and not turn.finishing:
            turn.stop_requested = True
            turn.stop_reason = reason
            # A task that has not started yet sees the flag when it starts: a
            # coroutine cancelled before its first step would skip its `finally`.
            if turn.running:
                turn.task.cancel()
        return True

    async def _run_turn(self, turn: "_Turn"):
        # Only text the output screen released is sent and stored: the deltas the
        # client saw concatenate to the stored reply, and a withheld reply leaves
        # nothing unsafe in either.
        parts: list[str] = []
        screen = OutputScreen()
        end: StreamEnd | None = None
        try:
            turn.running = True
            if turn.stop_requested:
                raise asyncio.CancelledError
            await self.send_json(
                {"type": "message.accepted", "client_id": turn.client_id, "message_id": turn.message.pk, "duplicate": False}
            )
            await self.send_json({"type": "reply.start", "reply_id": turn.reply_id})
            loop = asyncio.get_running_loop()
            renewed = loop.time()
            stream = get_llm_client().stream_chat(
                turn.prompt, max_tokens=settings.LLM_MAX_TOKENS, temperature=settings.LLM_TEMPERATURE
            )
            async with contextlib.aclosing(stream):  # closing it closes the upstream request
                async for item in stream:
                    if isinstance(item, StreamEnd):
                        end = item
                        break
                    released = screen.feed(item)
                    if screen.tripped:
                        break  # closing the stream stops the model
                    if released:
                        await self._delta(turn, parts, released)
                    if loop.time() - renewed > IN_FLIGHT_RENEW_SECONDS:
                        await database_sync_to_async(chat_renew)(
                            user_id=self.user.pk, partner_id=self.partner.pk, reply_id=turn.reply_id
                        )
                        renewed = loop.time()
            if not screen.tripped:
                rest = screen.finish()
                if rest and not screen.tripped:
                    await self._delta(turn, parts, rest)
            if screen.tripped:
                end = StreamEnd("error", error=WITHHELD)
                await self._refer(language=self.language, category="model_output")
        except asyncio.CancelledError:
            end = StreamEnd(turn.stop_reason)
        except OSError:
            # The client vanished under a send (uvicorn's ClientDisconnected is an
            # OSError; the LLM client's own network errors never escape it).
            end = StreamEnd("interrupted")
        except Exception:  # a bug must not kill the socket or lose the user's message
            logger.exception("chat reply failed")
            end = StreamEnd("error", error=LLMError("server_error", "The reply failed.", retryable=True))
        finally:
            end = end or StreamEnd(turn.stop_reason)
            # Shielded: the turn is closed properly even if this task is cancelled meanwhile.
            await asyncio.shield(self._finish(turn, "".join(parts), end))

    async def _delta(self, turn: "_Turn", parts: list[str], text: str):
        parts.append(text)
        await self.send_json({"type": "reply.delta", "reply_id": turn.reply_id, "seq": len(parts), "text": text})

    async def _finish(self, turn: "_Turn", text: str, end: StreamEnd):
        """Store what was written, release the slot, send reply.end, announce. Never raises."""
        turn.finishing = True
        try:
            usage = turn_usage(prompt=turn.prompt, text=text, end=end)
            try:
                closed = await database_sync_to_async(turn_end)(
                    user=self.user,
                    partner=self.partner,
                    message=turn.message,
                    reply_id=turn.reply_id,
                    reserved=turn.reserved,
                    admitted_at=turn.admitted_at,
                    text=text,
                    end=end,
                    usage=usage,
                )
                reply = closed.reply
            except Exception:
                logger.exception("could not close a chat turn")
                reply = None
            if not self.closed:
                try:
                    if end.error:
                        extra = {"retry_after": end.error.retry_after} if end.error.retry_after else {}
                        await self.send_error(
                            end.error.code, end.error.detail, retryable=end.error.retryable, **extra
                        )
                    await self.send_json(
                        {
                            "type": "reply.end",
                            "reply_id": turn.reply_id,
                            "message_id": reply.pk if reply else None,
                            "finish_reason": end.finish_reason,
                            "usage": usage.as_dict(),
                        }
                    )
                except OSError:
                    pass  # the client is gone; the reply is stored
            self.turn = None  # the next message may come now
            if reply is not None:
                try:
                    await self._announce(reply)
                except Exception:
                    logger.warning("could not announce a reply to the other devices", exc_info=True)
        finally:
            if self.turn is turn:
                self.turn = None

    async def _announce(self, message: Message) -> None:
        """`message.new` to the user's other sockets on this partner (any process)."""
        await user_event_send(
            user_id=self.user.pk, frame=message_new_frame(message), partner_id=self.partner.pk, origin=self.channel_name
        )

    # --- channel-layer events ------------------------------------------------------

    async def user_event(self, event):
        """A frame for this user's sockets (project/events.py), relayed as it was built:
        to every socket, or only those on the partner it names, never back to its origin."""
        if event.get("origin") == self.channel_name:
            return
        if event.get("partner_id") is not None and event["partner_id"] != self.partner.pk:
            return
        if event["frame"]["type"] == Frame.MESSAGE_PROACTIVE and disclosure_due(self.disclosed_at, wall_clock()):
            await self._disclose()  # the partner's words never come without it
        await self.send_json(event["frame"])

    async def session_end(self, event):
        """The user erased their account: every socket of theirs closes."""
        await self.close(code=CLOSE_UNAUTHENTICATED)
