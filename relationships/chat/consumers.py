"""`/ws/chat/{partner_id}/`: the transport of the chat (protocol in docs/websocket-protocol.md).

The consumer authenticates, loads the socket's session, and relays frames: those a turn
yields (relationships/chat/turn.py, where every rule of a turn lives) and those events carry
for the user (project/events.py). It holds no policy of its own.
"""

import asyncio
import logging

from django.conf import settings
from rest_framework import serializers

from project.api.serializers import StrictCharField
from project.errors import NotFound
from project.events import PROTOCOL_VERSION, Frame, frame, user_group
from project.llm import get_llm_client
from project.ws.consumers import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, AuthenticatedJsonConsumer
from relationships.chat.session import session_load
from relationships.chat.turn import Turn
from safety.disclosure import notices

logger = logging.getLogger(__name__)


class MessageFrame(serializers.Serializer):
    client_id = StrictCharField(max_length=64)
    text = StrictCharField(trim_whitespace=False, required=False, allow_blank=True, default="")
    # A voice note uploaded first (POST /api/partners/{id}/attachments/): text is then optional.
    attachment_id = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)

    def validate(self, data):
        if not data.get("text", "").strip() and data.get("attachment_id") is None:
            raise serializers.ValidationError({"text": ["A message needs some text."]})
        return data


class CancelFrame(serializers.Serializer):
    pass


class ChatConsumer(AuthenticatedJsonConsumer):
    frame_types = {
        "message": (MessageFrame, "on_message"),
        "cancel": (CancelFrame, "on_cancel"),
    }

    async def connect(self):
        self.session = None
        self.group = None
        self.closed = False
        self._relays: set[asyncio.Task] = set()
        await super().connect()

    async def on_authenticated(self):
        partner_id = self.scope["url_route"]["kwargs"]["partner_id"]
        try:
            self.session = await session_load(user=self.user, partner_id=partner_id)
        except NotFound:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = user_group(self.user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.send_json(self.session.notices.opening())  # before anything the partner says
        await self.send_json(
            frame(
                Frame.READY,
                protocol_version=PROTOCOL_VERSION,
                **self.session.ready,
                limits={"max_message_chars": settings.CHAT_MAX_MESSAGE_CHARS},
                notices=notices(mood_tracking=self.session.user.mood_tracking),
            )
        )

    async def disconnect(self, code):
        self.closed = True
        if self.session is not None:
            # Nobody is listening: stop generating first, keep what was written.
            if self.session.turn is not None:
                self.session.turn.stop("interrupted")
            if self._relays:
                await asyncio.gather(*self._relays, return_exceptions=True)
            await self.session.close()
        if self.group:
            try:
                await self.channel_layer.group_discard(self.group, self.channel_name)
            except Exception:  # the group entries expire on their own (channels_redis group_expiry)
                logger.warning("could not leave the user's group", exc_info=True)
        await super().disconnect(code)  # presence last: the turn is stopped first

    # --- client frames -----------------------------------------------------------

    async def on_message(self, data):
        turn = Turn(
            self.session, client_id=data["client_id"], text=data["text"], llm=get_llm_client(),
            origin=self.channel_name, attachment_id=data.get("attachment_id"),
        )
        task = asyncio.create_task(self._relay(turn))
        self._relays.add(task)
        task.add_done_callback(self._relays.discard)

    async def on_cancel(self, data):
        turn = self.session.turn
        if turn is None:
            await self.send_error("nothing_to_cancel", "No reply is being written.")
        else:
            turn.stop("cancelled")

    async def _relay(self, turn: Turn):
        try:
            async for sent in turn.run():
                if self.closed:
                    continue  # drained all the same: the turn finishes and stores what it has
                try:
                    await self.send_json(sent)
                except OSError:  # the client vanished under a send (uvicorn's ClientDisconnected)
                    self.closed = True
                    turn.stop("interrupted")
        except Exception:  # a bug must not kill the socket or lose the user's message
            logger.exception("chat turn failed")
            if not self.closed:
                await self.send_error("server_error", "Something went wrong; try again.", retryable=True)

    # --- channel-layer events ------------------------------------------------------

    async def user_event(self, event):
        """A frame for this user's sockets (project/events.py), relayed as it was built:
        to every socket, or only those on the partner it names, never back to its origin."""
        if event.get("origin") == self.channel_name or self.session is None:
            return
        if event.get("partner_id") is not None and event["partner_id"] != self.session.partner.pk:
            return
        sent = event["frame"]
        self.session.heard_frame(sent)
        if sent["type"] == Frame.MESSAGE_PROACTIVE:
            for notice in self.session.notices.before_partner_speaks():  # never without it
                await self.send_json(notice)
        await self.send_json(sent)

    async def session_refresh(self, event):
        """Another process changed something this socket's session holds."""
        if self.session is None:
            return
        if event.get("partner_id") is None or event["partner_id"] == self.session.partner.pk:
            self.session.refresh(event["parts"])

    async def session_end(self, event):
        """The user erased their account: every socket of theirs closes."""
        await self.close(code=CLOSE_UNAUTHENTICATED)
