"""Websocket authentication and frame handling, through the real websocket stack."""

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.urls import path
from rest_framework import serializers
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from project.asgi import build_websocket_app
from project.ws.consumers import AuthenticatedJsonConsumer

pytestmark = pytest.mark.django_db(transaction=True)


class EchoFrame(serializers.Serializer):
    text = serializers.CharField(max_length=20)


class ProbeConsumer(AuthenticatedJsonConsumer):
    frame_types = {"echo": (EchoFrame, "on_echo")}

    async def on_authenticated(self):
        await self.send_json({"type": "ready", "user_id": self.user.pk})

    async def on_echo(self, data):
        await self.send_json({"type": "echo", "text": data["text"]})


app = build_websocket_app([path("ws/probe/", ProbeConsumer.as_asgi())])


def token_for(user) -> str:
    return str(AccessToken.for_user(user))


async def open_socket(path="/ws/probe/", headers=()):
    communicator = WebsocketCommunicator(app, path, headers=list(headers))
    connected, close_code = await communicator.connect()
    return communicator, connected, close_code


async def assert_closed_with(communicator, code):
    message = await communicator.receive_output(timeout=2)
    assert message == {"type": "websocket.close", "code": code}


async def test_first_frame_auth_gets_ready(user):
    ws, connected, _ = await open_socket()
    assert connected
    await ws.send_json_to({"type": "auth", "token": token_for(user)})
    assert await ws.receive_json_from() == {"type": "ready", "user_id": user.pk}
    await ws.disconnect()


async def test_bearer_header_auth_gets_ready_at_once(user):
    ws, connected, _ = await open_socket(
        headers=[(b"authorization", f"Bearer {token_for(user)}".encode())]
    )
    assert connected
    assert await ws.receive_json_from() == {"type": "ready", "user_id": user.pk}
    await ws.disconnect()


async def test_no_auth_within_the_deadline_closes_4401(user, settings):
    settings.HEARTH_WS_AUTH_TIMEOUT = 0.5
    ws, connected, _ = await open_socket()
    assert connected
    await assert_closed_with(ws, 4401)


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "auth", "token": "not-a-jwt"},
        {"type": "auth"},
        {"type": "echo", "text": "hi"},
    ],
)
async def test_a_bad_first_frame_closes_4401(user, frame):
    ws, _, _ = await open_socket()
    await ws.send_json_to(frame)
    message = await ws.receive_output(timeout=2)
    if message["type"] == "websocket.send":  # the invalid auth frame is explained first
        assert '"invalid_frame"' in message["text"]
        message = await ws.receive_output(timeout=2)
    assert message == {"type": "websocket.close", "code": 4401}


async def test_a_refresh_token_is_not_accepted(user):
    ws, _, _ = await open_socket()
    refresh = await sync_to_async(RefreshToken.for_user)(user)  # writes an OutstandingToken
    await ws.send_json_to({"type": "auth", "token": str(refresh)})
    await assert_closed_with(ws, 4401)


async def test_a_bad_bearer_header_closes_4401(user):
    ws, connected, _ = await open_socket(headers=[(b"authorization", b"Bearer nope")])
    assert connected
    await assert_closed_with(ws, 4401)


async def test_an_inactive_user_is_refused(user):
    token = token_for(user)
    user.is_active = False
    await user.asave()
    ws, _, _ = await open_socket()
    await ws.send_json_to({"type": "auth", "token": token})
    await assert_closed_with(ws, 4401)


async def test_a_token_in_the_query_string_is_refused_even_if_valid(user):
    ws, connected, _ = await open_socket(path=f"/ws/probe/?token={token_for(user)}")
    assert connected
    error = await ws.receive_json_from()
    assert error["type"] == "error" and error["code"] == "token_in_url"
    await assert_closed_with(ws, 4401)


async def test_an_allowed_browser_origin_is_accepted(user):
    ws, connected, _ = await open_socket(headers=[(b"origin", b"http://localhost:8000")])
    assert connected
    await ws.send_json_to({"type": "auth", "token": token_for(user)})
    assert (await ws.receive_json_from())["type"] == "ready"
    await ws.disconnect()


@pytest.mark.parametrize("origin", [b"https://evil.example", b"null"])
async def test_a_foreign_browser_origin_is_refused_at_the_handshake(user, origin):
    ws, connected, _ = await open_socket(
        headers=[(b"origin", origin), (b"authorization", f"Bearer {token_for(user)}".encode())]
    )
    assert not connected


async def test_a_missing_origin_is_accepted_and_still_needs_a_token(user, settings):
    settings.HEARTH_WS_AUTH_TIMEOUT = 0.5
    ws, connected, _ = await open_socket()
    assert connected
    await assert_closed_with(ws, 4401)


async def test_bad_frames_get_error_frames_and_the_socket_lives(user):
    ws, _, _ = await open_socket(headers=[(b"authorization", f"Bearer {token_for(user)}".encode())])
    await ws.receive_json_from()  # ready

    await ws.send_to(text_data="{not json")
    assert (await ws.receive_json_from())["code"] == "bad_json"
    await ws.send_to(text_data="[1, 2]")
    assert (await ws.receive_json_from())["code"] == "bad_frame"
    await ws.send_to(bytes_data=b"\x00\x01")
    assert (await ws.receive_json_from())["code"] == "bad_frame"
    await ws.send_json_to({"type": "dance"})
    assert (await ws.receive_json_from())["code"] == "unknown_type"
    await ws.send_json_to({"type": "echo"})
    error = await ws.receive_json_from()
    assert error["code"] == "invalid_frame"
    assert error["retryable"] is False
    assert "text" in error["fields"]
    await ws.send_json_to({"type": "auth", "token": token_for(user)})
    assert (await ws.receive_json_from())["code"] == "already_authenticated"

    await ws.send_json_to({"type": "echo", "text": "still here"})
    assert await ws.receive_json_from() == {"type": "echo", "text": "still here"}
    await ws.disconnect()


@pytest.mark.parametrize("text", ["{not json", "[1]", '"auth"', "[" * 100_000])
async def test_garbage_before_auth_closes_4401(user, text):
    ws, _, _ = await open_socket()
    await ws.send_to(text_data=text)
    await assert_closed_with(ws, 4401)


@pytest.mark.parametrize("query", ["access_token=x", "Token=x", "jwt=x", "authorization=x"])
async def test_any_credential_like_query_parameter_is_refused(user, query):
    ws, _, _ = await open_socket(path=f"/ws/probe/?{query}")
    assert (await ws.receive_json_from())["code"] == "token_in_url"
    await assert_closed_with(ws, 4401)


async def test_absurdly_nested_json_after_auth_is_an_error_frame(user):
    ws, _, _ = await open_socket(headers=[(b"authorization", f"Bearer {token_for(user)}".encode())])
    await ws.receive_json_from()
    await ws.send_to(text_data="[" * 100_000)
    assert (await ws.receive_json_from())["code"] == "bad_json"
    await ws.send_json_to({"type": "echo", "text": "alive"})
    assert (await ws.receive_json_from())["text"] == "alive"
    await ws.disconnect()
