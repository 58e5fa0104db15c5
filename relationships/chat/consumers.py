"""`/ws/chat/{partner_id}/`: stream the partner's replies (protocol in docs/websocket-protocol.md)."""

import asyncio
import contextlib
import logging
import uuid

from channels.db import database_sync_to_async
from django.conf import settings
from django.http import Http404
from rest_framework import serializers

from project.api.serializers import StrictCharField
from project.events import chat_group, send_event
from project.llm import LLMError, StreamEnd, get_llm_client
from project.llm.client import estimate_tokens
from project.ws.consumers import CLOSE_FORBIDDEN, AuthenticatedJsonConsumer
from relationships.chat.turns import turn_begin, turn_end, turn_usage
from relationships.models import Message
from relationships.selectors import partner_get_for, relationship_summary
from relationships.serializers import PartnerSerializer
from relationships.services.chat import message_event

logger = logging.getLogger(__name__)

PROTOCOL_VERSION = 1


class MessageFrame(serializers.Serializer):
    client_id = StrictCharField(max_length=64)
    text = StrictCharField(trim_whitespace=False)

    def validate_text(self, value):
        if not value.strip():
            raise serializers.ValidationError("A message needs some text.")
        return value


class CancelFrame(serializers.Serializer):
    pass


class ChatConsumer(AuthenticatedJsonConsumer):
    frame_types = {
        "message": (MessageFrame, "on_message"),
        "cancel": (CancelFrame, "on_cancel"),
    }

    async def connect(self):
        self.partner = None
        self.group = None
        self.reply_task: asyncio.Task | None = None
        self.stop_requested = False
        self.stop_reason = "cancelled"
        self.closed = False
        await super().connect()

    async def on_authenticated(self):
        partner_id = self.scope["url_route"]["kwargs"]["partner_id"]
        ready = await self._load(partner_id)
        if ready is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = chat_group(self.user.pk, self.partner.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.send_json(ready)

    @database_sync_to_async
    def _load(self, partner_id: int) -> dict | None:
        try:
            self.partner = partner_get_for(user=self.user, partner_id=partner_id)
        except Http404:
            return None
        return {
            "type": "ready",
            "protocol_version": PROTOCOL_VERSION,
            "partner": PartnerSerializer(self.partner).data,
            "relationship": relationship_summary(partner=self.partner),
            "limits": {"max_message_chars": settings.CHAT_MAX_MESSAGE_CHARS},
        }

    async def disconnect(self, code):
        await super().disconnect(code)
        self.closed = True
        # Nobody is listening: stop generating first, keep what was written.
        self._stop_reply("interrupted")
        if self.reply_task and not self.reply_task.done():
            with contextlib.suppress(asyncio.CancelledError):
                await self.reply_task
        if self.group:
            try:
                await self.channel_layer.group_discard(self.group, self.channel_name)
            except Exception:  # the group entry expires on its own (channels_redis group_expiry)
                logger.warning("could not leave the chat group", exc_info=True)

    # --- client frames -----------------------------------------------------------

    async def on_message(self, data):
        client_id, text = data["client_id"], data["text"]
        limit = settings.CHAT_MAX_MESSAGE_CHARS
        if len(text) > limit:
            await self.send_error("message_too_long", f"A message holds at most {limit} characters.", limit=limit)
            return
        if self.reply_task and not self.reply_task.done():
            await self.send_error("busy", "A reply is still being written.", retryable=True, retry_after=1)
            return
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
        )
        if start.refusal is not None:
            refusal = start.refusal
            await self.send_error(refusal.code, refusal.detail, retryable=True, retry_after=refusal.retry_after)
            return
        message = start.message or start.duplicate
        await self.send_json(
            {
                "type": "message.accepted",
                "client_id": client_id,
                "message_id": message.pk,
                "duplicate": start.duplicate is not None,
            }
        )
        if start.duplicate is not None:
            return
        self.stop_requested = False
        self.reply_task = asyncio.create_task(self._reply(message, start.prompt, reply_id, reserve))
        # The model is being asked meanwhile: this announcement costs the reply nothing.
        await send_event(*message_event(message, origin=self.channel_name))

    async def on_cancel(self, data):
        if not self._stop_reply("cancelled"):
            await self.send_error("nothing_to_cancel", "No reply is being written.")

    # --- the reply -----------------------------------------------------------------

    def _stop_reply(self, reason: str) -> bool:
        """Cancel the reply in flight once; a second stop request changes nothing."""
        if not self.reply_task or self.reply_task.done() or self.stop_requested:
            return False
        self.stop_requested = True
        self.stop_reason = reason
        self.reply_task.cancel()
        return True

    async def _reply(self, message: Message, prompt: list[dict], reply_id: str, reserved: int):
        parts: list[str] = []
        end: StreamEnd | None = None
        await self.send_json({"type": "reply.start", "reply_id": reply_id})
        try:
            stream = get_llm_client().stream_chat(
                prompt, max_tokens=settings.LLM_MAX_TOKENS, temperature=settings.LLM_TEMPERATURE
            )
            async with contextlib.aclosing(stream):  # closing it closes the upstream request
                async for item in stream:
                    if isinstance(item, StreamEnd):
                        end = item
                        break
                    parts.append(item)
                    await self.send_json(
                        {"type": "reply.delta", "reply_id": reply_id, "seq": len(parts), "text": item}
                    )
        except asyncio.CancelledError:
            end = StreamEnd(self.stop_reason)
        except OSError:
            # The client vanished under a send (uvicorn's ClientDisconnected is an
            # OSError; the LLM client's own network errors never escape it).
            end = StreamEnd("interrupted")
        except Exception:  # a bug must not kill the socket or lose the user's message
            logger.exception("chat reply failed")
            end = StreamEnd("error", error=LLMError("server_error", "The reply failed.", retryable=True))
        # Shielded: what was written is stored even if the socket goes away meanwhile.
        await asyncio.shield(self._finish(message, prompt, reply_id, reserved, "".join(parts), end))

    async def _finish(self, message, prompt, reply_id, reserved, text: str, end: StreamEnd):
        usage = turn_usage(prompt=prompt, text=text, end=end)
        reply = await database_sync_to_async(turn_end)(
            user=self.user,
            partner=self.partner,
            message=message,
            reply_id=reply_id,
            reserved=reserved,
            text=text,
            end=end,
            usage=usage,
        )
        if reply is not None:
            await send_event(*message_event(reply, origin=self.channel_name))
        if self.closed:
            return
        if end.error:
            extra = {"retry_after": end.error.retry_after} if end.error.retry_after else {}
            await self.send_error(end.error.code, end.error.detail, retryable=end.error.retryable, **extra)
        await self.send_json(
            {
                "type": "reply.end",
                "reply_id": reply_id,
                "message_id": reply.pk if reply else None,
                "finish_reason": end.finish_reason,
                "usage": usage.as_dict(),
            }
        )

    # --- channel-layer events ------------------------------------------------------

    async def chat_message(self, event):
        """A finished message from another of this user's sockets on this partner."""
        if event.get("origin") != self.channel_name:
            await self.send_json({"type": "message.new", "message": event["message"]})
