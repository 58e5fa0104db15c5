import contextlib
from dataclasses import dataclass
from unittest import mock

import pytest
from django.core.cache import cache

from project.redis import redis_client
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from tests.factories import PartnerFactory, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Throttle counters live in the cache and chat limits in Redis; each test starts with none.
    cache.clear()
    redis_client().flushdb()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


def access_token_for(user) -> str:
    return str(RefreshToken.for_user(user).access_token)


@pytest.fixture
def auth_api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    return client


@pytest.fixture
def partner(user):
    return PartnerFactory(owner=user)


@pytest.fixture
def others_partner(other_user):
    return PartnerFactory(owner=other_user)


def assert_error(response, status: int, code: str) -> dict:
    """The one REST error shape, with the expected status and code."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) >= {"error"}
    error = body["error"]
    assert set(error) >= {"code", "detail", "fields"}
    assert error["code"] == code, error
    assert isinstance(error["detail"], str) and error["detail"]
    assert isinstance(error["fields"], dict)
    return error


@pytest.fixture
def seeded_ladder(transactional_db):
    """The ladder and features as the data migration seeds them.

    Transactional tests flush the database, seeded rows included; those that
    need the ladder ask for this (the migration's own seeding, idempotent).
    """
    from importlib import import_module

    from django.apps import apps

    import_module("relationships.migrations.0004_seed_ladder").seed(apps, None)
    import_module("relationships.migrations.0007_level_romantic").mark_romantic(apps, None)


def script_llm(monkeypatch, module, answer: str):
    """Replace `module.complete` with a scripted model: it records each prompt in `.calls`,
    answers `.answer`, and with `.fail = True` is unreachable (LLMError)."""
    from project.llm import LLMError

    def complete(messages, **kwargs):
        complete.calls.append(messages)
        if complete.fail:
            raise LLMError("llm_unavailable", "down", retryable=True)
        return complete.answer

    complete.answer, complete.fail, complete.calls = answer, False, []
    monkeypatch.setattr(module, "complete", complete)
    return complete


async def chat_socket(user, partner_id, headers=None, disclosed=True):
    """A chat socket authenticated by an auth frame. With `disclosed`, the AI disclosure,
    which must come first, is read and checked; `ready` is the next frame."""
    from asgiref.sync import sync_to_async
    from channels.testing import WebsocketCommunicator

    from project.asgi import application

    ws = WebsocketCommunicator(application, f"/ws/chat/{partner_id}/", headers=headers or [])
    connected, _ = await ws.connect()
    assert connected
    token = await sync_to_async(access_token_for)(user)
    await ws.send_json_to({"type": "auth", "token": token})
    if disclosed:
        disclosure = await ws.receive_json_from()
        assert disclosure["type"] == "ai_disclosure", disclosure  # before anything else
    return ws


@dataclass(frozen=True)
class SentEvent:
    """One event that left for users' sockets (project/events.py), after commit."""

    group: str
    type: str  # the frame's type, or a control event's ("session.end")
    frame: dict | None
    partner_id: int | None
    origin: str | None


@contextlib.contextmanager
def capture_events():
    """Every event sent from sync code to users' sockets while the block runs, in order, as
    Zulip's capture_send_event_calls does: what was sent and to whom, without a channel layer.
    Events are sent after commit, so run the code under django_capture_on_commit_callbacks."""
    sent: list[SentEvent] = []

    def record(group, event):
        frame = event.get("frame")
        kind = frame["type"] if frame else event["type"]
        sent.append(SentEvent(group, kind, frame, event.get("partner_id"), event.get("origin")))

    with mock.patch("project.events._group_send", side_effect=record):
        yield sent


def system_text(messages: list[dict]) -> str:
    """Everything a chat prompt tells the model as system messages (the stable part and the turn's)."""
    return "\n".join(m["content"] for m in messages if m["role"] == "system")


def conversation(messages: list[dict]) -> list[dict]:
    """The turns a chat prompt carries (no system messages)."""
    return [m for m in messages if m["role"] != "system"]
