"""The safety protocol as a client sees it on the chat socket (docs/safety.md)."""

import asyncio
import json
import datetime
import logging

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from relationships.chat import consumers
from relationships.models import Message
from safety import disclosure
from safety.disclosure import AI_DISCLOSURE, BREAK_REMINDER, DISCLOSURE_INTERVAL
from safety.models import CrisisReferralCount
from tests.conftest import system_text
from tests.project.llm.upstream import sse
from tests.relationships.test_chat_consumer import (  # noqa: F401  (fixtures)
    connect,
    frames_until,
    reply_stream,
    upstream,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def clock(monkeypatch):
    """The consumers' wall clock, moved by hand."""

    class Clock:
        now = 1_800_000_000.0

        def __call__(self):
            return self.now

    frozen = Clock()
    monkeypatch.setattr(disclosure, "wall_clock", frozen)
    return frozen


async def chat(ws, text, client_id):
    await ws.send_json_to({"type": "message", "client_id": client_id, "text": text})
    return await frames_until(ws, "reply.end")


async def test_the_disclosure_comes_first_and_again_after_three_hours(user, partner, upstream, clock):
    ws = await connect(user, partner.pk, disclosed=False)
    first = await ws.receive_json_from()
    assert first == {"type": "ai_disclosure", "text": AI_DISCLOSURE, "break_reminder": None}
    assert (await ws.receive_json_from())["type"] == "ready"

    clock.now += DISCLOSURE_INTERVAL - 60
    frames = await chat(ws, "Hello!", "c1")
    assert "ai_disclosure" not in [f["type"] for f in frames]

    clock.now += 120  # three hours since the last disclosure
    frames = await chat(ws, "Still here", "c2")
    types = [f["type"] for f in frames]
    assert types.index("ai_disclosure") < types.index("reply.start")
    await ws.disconnect()


async def test_a_proactive_message_after_three_hours_comes_after_a_new_disclosure(user, partner, upstream, clock):
    from project.events import Frame, frame, user_event_send

    ws = await connect(user, partner.pk)
    await ws.receive_json_from()  # ready
    proactive = frame(Frame.MESSAGE_PROACTIVE, partner_id=partner.pk, message={"id": 1, "text": "Good morning!"})

    await user_event_send(user_id=user.pk, frame=proactive)
    assert (await ws.receive_json_from())["type"] == "message.proactive"  # disclosed moments ago

    clock.now += DISCLOSURE_INTERVAL
    await user_event_send(user_id=user.pk, frame=proactive)
    assert (await ws.receive_json_from())["type"] == "ai_disclosure"
    assert (await ws.receive_json_from()) == proactive
    await ws.disconnect()


async def test_a_minor_always_gets_the_break_reminder_with_it(user, partner, upstream, clock):
    user.birth_date = timezone.localdate() - datetime.timedelta(days=15 * 365)
    user.usage_notices = False  # a minor's break reminder is not theirs to turn off
    await sync_to_async(user.save)()
    ws = await connect(user, partner.pk, disclosed=False)
    assert (await ws.receive_json_from())["break_reminder"] == BREAK_REMINDER
    await ws.receive_json_from()
    clock.now += DISCLOSURE_INTERVAL
    frames = await chat(ws, "hi", "c1")
    [again] = [f for f in frames if f["type"] == "ai_disclosure"]
    assert again["break_reminder"] == BREAK_REMINDER
    await ws.disconnect()


async def test_a_long_session_gets_a_usage_notice_unless_turned_off(user, partner, upstream, clock, settings):
    settings.HEALTHY_SESSION_MINUTES = 60
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    clock.now += 59 * 60
    assert "usage_notice" not in [f["type"] for f in await chat(ws, "hi", "c1")]
    clock.now += 2 * 60
    [notice] = [f for f in await chat(ws, "hi again", "c2") if f["type"] == "usage_notice"]
    assert notice["minutes"] == 61
    assert "usage_notice" not in [f["type"] for f in await chat(ws, "more", "c3")]  # once an hour
    await ws.disconnect()

    user.usage_notices = False
    await sync_to_async(user.save)()
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    clock.now += 5 * 3600
    assert "usage_notice" not in [f["type"] for f in await chat(ws, "hi", "c4")]
    await ws.disconnect()


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself tonight",
        "honestly everyone would be better off without me",
        "i wanna kms",
        "I don't want to be alive anymore",
    ],
)
async def test_a_crisis_message_gets_the_referral_at_once_even_with_the_llm_down(user, partner, upstream, text):
    upstream.responses = [httpx.ConnectError("connection refused")]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    loop = asyncio.get_running_loop()
    sent = loop.time()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": text})
    referral = await ws.receive_json_from(timeout=1)
    assert loop.time() - sent < 1.0
    assert referral["type"] == "crisis_referral"
    assert "988" in referral["text"] and any("988" in (r.get("phone") or "") for r in referral["resources"])
    frames = await frames_until(ws, "reply.end")
    assert frames[-1]["finish_reason"] == "error"  # the model is down; the referral did not wait for it
    stored = await Message.objects.aget(role="user")
    assert stored.mood == "sadness" and stored.valence <= -0.8  # the mood timeline shows it
    # Counted for the yearly report, with nothing that says who.
    [row] = await sync_to_async(list)(CrisisReferralCount.objects.all())
    assert (row.country, row.count) == ("US", 1)
    assert {f.name for f in CrisisReferralCount._meta.fields} == {"id", "day", "country", "language", "category", "count"}
    await ws.disconnect()


async def test_the_partners_reply_to_a_crisis_message_gets_a_safety_instruction(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await chat(ws, "I have been cutting myself again", "c1")
    system = upstream.requests[-1].read().decode()
    assert "SAFETY:" in system and "988" in system
    await chat(ws, "Thanks, I feel a bit better", "c2")
    assert "SAFETY:" not in upstream.requests[-1].read().decode()
    await ws.disconnect()


async def test_the_referral_follows_the_users_country(user, partner, upstream):
    user.country = "GB"
    await sync_to_async(user.save)()
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "I want to end my life"})
    referral = await ws.receive_json_from(timeout=1)
    assert "116 123" in referral["text"] and referral["resources"][0]["name"] == "Samaritans"
    assert "988" not in referral["text"]
    await frames_until(ws, "reply.end")
    # The partner is told the same line: one table for both.
    system = system_text(json.loads(upstream.requests[-1].read())["messages"])
    assert "116 123 (Samaritans)" in system and "988" not in system and "999" in system
    await ws.disconnect()


async def test_a_reply_carrying_self_harm_instructions_is_cut_before_any_fragment(user, partner, upstream):
    harmful = "I understand. The most painless way to kill yourself is to take"
    pieces = ["Oh no. ", "I understand. ", "The most ", "painless way ", "to kill ", "yourself is ", "to take ", "pills."]
    upstream.responses = [lambda up: sse(reply_stream(*pieces), piece=9, upstream=up)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws, "what is the easiest way", "c1")
    sent = "".join(f["text"] for f in frames if f["type"] == "reply.delta")
    assert "painless" not in sent and "most" not in sent and "kill" not in sent
    assert harmful not in sent
    types = [f["type"] for f in frames]
    assert "crisis_referral" in types
    error = next(f for f in frames if f["type"] == "error")
    assert error["code"] == "reply_withheld"
    assert frames[-1]["finish_reason"] == "error"
    assert upstream.closed == 1  # the model was stopped
    stored = await sync_to_async(list)(Message.objects.filter(role="partner").values_list("text", flat=True))
    assert all("painless" not in text for text in stored)
    assert stored == [sent] if sent else stored == []
    await ws.disconnect()


async def test_a_tripped_screen_stops_the_model_at_once(user, partner, upstream):
    """The stream is closed when the screen trips, not read to its end."""
    pieces = ["Sure. ", "Kill yourself", " now. ", *[f"More words {i}. " for i in range(200)]]
    body = reply_stream(*pieces)
    upstream.responses = [lambda up: sse(body, piece=16, upstream=up)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws, "tell me", "c1")
    assert frames[-1]["finish_reason"] == "error"
    assert upstream.closed == 1
    assert upstream.pieces_sent < len(body) // 16 // 4  # most of the reply was never read
    await ws.disconnect()


async def test_a_safe_reply_arrives_whole(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws, "Hello!", "c1")
    assert "".join(f["text"] for f in frames if f["type"] == "reply.delta") == "Hi there, friend! 🌟"
    await ws.disconnect()


async def test_a_message_sent_over_the_socket_never_appears_in_the_logs(user, partner, upstream, caplog):
    marker = "Zanzibar-velvet-7731 my secret"
    caplog.set_level(logging.DEBUG)
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await chat(ws, f"{marker}, and I want to kill myself", "c1")  # the crisis path too
    upstream.responses = [httpx.ConnectError("refused")]
    await chat(ws, f"{marker} again", "c2")  # and the error path
    await ws.send_json_to({"type": "message", "client_id": "c3", "text": marker * 500})  # refused: too long
    await ws.receive_json_from()
    await ws.disconnect()
    logged = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {getattr(r, '__dict__', '')}" for r in caplog.records
    )
    assert caplog.records, "the test must see the logs"
    assert "Zanzibar" not in logged


async def test_an_open_socket_counts_as_online_until_it_closes(upstream):
    from project.ws.presence import user_online
    from tests.factories import PartnerFactory, UserFactory

    # An id of its own: sockets earlier tests left open may belong to a reused id.
    user = await sync_to_async(UserFactory)(id=987_654)
    partner = await sync_to_async(PartnerFactory)(owner=user)
    assert not await sync_to_async(user_online)(user.pk)
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    assert await sync_to_async(user_online)(user.pk)  # marked before `ready`
    await ws.disconnect(timeout=5)
    assert not await sync_to_async(user_online)(user.pk)
