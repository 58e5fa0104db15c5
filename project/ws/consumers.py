"""The base of every Hearth socket: authentication, frame parsing and error frames."""

import asyncio
import contextlib
import json
import logging
from urllib.parse import parse_qs

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from rest_framework import serializers

from project.api.errors import flatten_fields
from project.ws.auth import user_for_access_token
from project.ws.presence import HEARTBEAT, presence_clear, presence_mark

logger = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403


def _credentials_in_query(query_string: bytes) -> bool:
    names = parse_qs(query_string.decode("latin1"), keep_blank_values=True)
    return any(
        word in name.lower() for name in names for word in ("token", "jwt", "auth", "key")
    )


class AuthFrame(serializers.Serializer):
    token = serializers.CharField(max_length=4096)


class AuthenticatedJsonConsumer(AsyncJsonWebsocketConsumer):
    """Accepts, authenticates, then dispatches JSON frames by `type`.

    Subclasses set `frame_types` ({type: (serializer class, handler name)}) and
    implement `on_authenticated()`, which may close the socket (e.g. 4403).
    A frame that is not JSON, not an object, of an unknown type or with bad
    fields gets an `error` frame and the socket stays open.
    """

    frame_types: dict[str, tuple[type[serializers.Serializer], str]] = {}

    async def connect(self):
        self.user = None
        self._auth_timer = None
        self._presence = None
        self._closing = False
        await self.accept()
        if _credentials_in_query(self.scope.get("query_string", b"")):
            await self.send_error("token_in_url", "Send the token in an auth frame or header.")
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if self.scope.get("auth_header"):
            user = self.scope.get("user")
            if user is None or not user.is_authenticated:
                await self.close(code=CLOSE_UNAUTHENTICATED)
                return
            await self._authenticated(user)
            return
        self._auth_timer = asyncio.create_task(self._close_unless_authenticated())

    async def disconnect(self, code):
        if self._auth_timer is not None:
            self._auth_timer.cancel()
        await self._leave_presence()

    async def _leave_presence(self):
        task, self._presence = self._presence, None
        if task is None:
            return
        # Not awaited: a Redis call may swallow the cancel, and a close must never wait on
        # it. The stop flag ends the loop either way; a mark that lands after the clear
        # below expires within presence.TTL.
        self._presence_stop.set()
        task.cancel()
        try:
            await asyncio.wait_for(presence_clear(self.user.pk, self.channel_name), timeout=0.5)
        except Exception:
            logger.warning("could not clear presence", exc_info=True)  # it expires by itself

    async def _close_unless_authenticated(self):
        await asyncio.sleep(settings.HEARTH_WS_AUTH_TIMEOUT)
        if self.user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)

    async def _authenticated(self, user):
        self.user = user
        if self._auth_timer is not None:
            self._auth_timer.cancel()
            self._auth_timer = None
        self._presence_stop = asyncio.Event()
        try:
            # Marked before the socket is ready, so a user who sees `ready` gets no push.
            await asyncio.wait_for(presence_mark(self.user.pk, self.channel_name), timeout=1)
        except Exception:
            logger.warning("could not mark presence", exc_info=True)
        self._presence = asyncio.create_task(self._keep_presence())
        try:
            await self.on_authenticated()
        except BaseException:
            # Channels calls no disconnect for a consumer that dies here.
            await self._leave_presence()
            raise

    async def _keep_presence(self):
        """While the socket is open the user counts as online (no push notifications)."""
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._presence_stop.wait(), HEARTBEAT)
            if self._presence_stop.is_set() or asyncio.current_task().cancelling():
                return  # (redis-py can swallow a cancel that lands mid-command)
            try:
                await presence_mark(self.user.pk, self.channel_name)
            except Exception:
                logger.warning("could not mark presence", exc_info=True)

    async def on_authenticated(self):
        raise NotImplementedError

    # --- frames ---------------------------------------------------------------

    async def close(self, code=None, reason=None):
        self._closing = True
        await self._leave_presence()
        await super().close(code=code, reason=reason)

    async def receive(self, text_data=None, bytes_data=None):
        if self._closing:
            return  # frames that were in flight when we decided to close
        if text_data is None:
            await self.refuse_frame("bad_frame", "Frames are JSON text.")
            return
        try:
            frame = json.loads(text_data)
        except (ValueError, RecursionError):
            await self.refuse_frame("bad_json", "The frame is not valid JSON.")
            return
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            await self.refuse_frame("bad_frame", "A frame is a JSON object with a string `type`.")
            return
        await self.receive_json(frame)

    async def refuse_frame(self, code: str, detail: str):
        """An unusable frame: an error frame, or before authentication, the end of the socket."""
        if self.user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
        else:
            await self.send_error(code, detail)

    async def receive_json(self, content, **kwargs):
        frame_type = content["type"]
        if self.user is None:
            await self._receive_auth(frame_type, content)
            return
        if frame_type == "auth":
            await self.send_error("already_authenticated", "This socket is authenticated.")
            return
        if frame_type not in self.frame_types:
            await self.send_error("unknown_type", f"Unknown frame type '{frame_type[:40]}'.")
            return
        serializer_class, handler_name = self.frame_types[frame_type]
        data = await self.validate_frame(serializer_class, content)
        if data is None:
            return
        try:
            await getattr(self, handler_name)(data)
        except Exception:
            # A fault behind a frame (a Redis timeout, a bug) must not end the socket.
            logger.exception("websocket frame handler failed", extra={"frame_type": frame_type})
            await self.send_error("server_error", "Something went wrong; try again.", retryable=True)

    async def _receive_auth(self, frame_type, content):
        if frame_type != "auth":
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        data = await self.validate_frame(AuthFrame, content)
        user = await user_for_access_token(data["token"]) if data else None
        if user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        await self._authenticated(user)

    async def validate_frame(self, serializer_class, content) -> dict | None:
        payload = {key: value for key, value in content.items() if key != "type"}
        serializer = serializer_class(data=payload)
        if serializer.is_valid():
            return serializer.validated_data
        await self.send_error(
            "invalid_frame",
            f"The '{content['type']}' frame has missing or invalid fields.",
            fields=flatten_fields(serializer.errors),
        )
        return None

    async def send_error(self, code: str, detail: str, *, retryable: bool = False, **extra):
        await self.send_json(
            {"type": "error", "code": code, "detail": detail, "retryable": retryable, **extra}
        )
