"""The chat socket as a client sees it, with a scripted upstream LLM behind the real client."""

import asyncio
import json
import time

import httpx
import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import override_settings
from rest_framework_simplejwt.tokens import AccessToken

from project.asgi import application
from project.llm import Endpoint, LLMClient
from project.redis import redis_client
from relationships.chat import consumers
from relationships.models import Message
from tests.conftest import chat_socket as connect
from tests.conftest import conversation, system_text
from tests.factories import PartnerFactory
from tests.project.llm import streams
from tests.project.llm.upstream import Upstream, sse

pytestmark = pytest.mark.django_db(transaction=True)


def reply_stream(*pieces: str, finish="stop") -> bytes:
    chunks = [streams.chunk(role="assistant", content=None)]
    chunks += [streams.chunk(piece) for piece in pieces]
    chunks += [streams.chunk(finish=finish), streams.chunk(choices=False, usage=streams.USAGE)]
    return streams.stream(*chunks)


HELLO = reply_stream("Hi", " there", ", friend! ", "🌟")


@pytest.fixture
def upstream(monkeypatch):
    """Each test scripts `upstream.responses`; the default answers HELLO."""
    scripted = Upstream(lambda up: sse(HELLO, piece=7))
    client = LLMClient(
        primary=Endpoint("http://llm.test/v1", "test-model"),
        first_token_timeout=2.0,
        idle_timeout=2.0,
        transport=httpx.MockTransport(scripted.handler),
    )
    monkeypatch.setattr(consumers, "get_llm_client", lambda: client)
    return scripted


async def frames_until(ws, frame_type, timeout=3):
    seen = []
    while True:
        frame = await ws.receive_json_from(timeout=timeout)
        seen.append(frame)
        if frame["type"] == frame_type:
            return seen


async def chat(ws, text="Hello!", client_id="c1"):
    await ws.send_json_to({"type": "message", "client_id": client_id, "text": text})
    return await frames_until(ws, "reply.end")


NEWS = ("progress.update", "level.up")  # the worker's XP news may come at any time


def turn_frames(frames):
    return [f for f in frames if f["type"] not in NEWS]


@sync_to_async
def limits_state(user, partner) -> tuple[bytes | None, int]:
    """(the in-flight slot's holder, today's reserved or charged tokens) in Redis."""
    from relationships.chat.limits import _keys

    _, tokens_key, in_flight_key = _keys(user.pk, partner.pk, time.time())
    client = redis_client()
    return client.get(in_flight_key), int(client.get(tokens_key) or 0)


async def one_reply_end(ws, frames):
    """The turn ended exactly once: after its reply.end only progress news may follow."""
    assert [f["type"] for f in frames].count("reply.end") == 1
    later = []
    while not await ws.receive_nothing(timeout=0.3):
        later.append((await ws.receive_json_from())["type"])
    assert set(later) <= {"progress.update", "level.up"}, later


async def mid_slow_reply(user, partner, upstream):
    """A socket whose partner has started a long, slowly streamed reply."""
    slow = reply_stream(*["word "] * 400)
    upstream.responses = [lambda up: sse(slow, piece=40, delay=0.05, upstream=up)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "Tell me a story"})
    await frames_until(ws, "reply.delta", timeout=10)  # after the screen's 48 characters
    return ws


@pytest.fixture
def partner(user):
    return PartnerFactory(owner=user, name="Mira")


async def test_ready_describes_the_partner_and_the_relationship(user, partner, upstream):
    ws = await connect(user, partner.pk)
    ready = await ws.receive_json_from()
    assert ready["type"] == "ready"
    assert ready["protocol_version"] == 2
    assert ready["partner"]["id"] == partner.pk and ready["partner"]["name"] == "Mira"
    assert ready["relationship"]["messages"] == 0
    assert ready["limits"]["max_message_chars"] == 4000
    await ws.disconnect()


async def test_a_reply_streams_in_order_and_both_sides_are_stored(user, partner, upstream, auth_api):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()

    frames = turn_frames(await chat(ws, "Hello!"))

    types = [f["type"] for f in frames]
    assert types[:2] == ["message.accepted", "reply.start"]
    assert set(types[2:-1]) == {"reply.delta"} and types[-1] == "reply.end"
    deltas = [f for f in frames if f["type"] == "reply.delta"]
    assert [d["seq"] for d in deltas] == list(range(1, len(deltas) + 1))
    assert "".join(d["text"] for d in deltas) == "Hi there, friend! 🌟"
    assert {d["reply_id"] for d in deltas} == {frames[1]["reply_id"]} == {frames[-1]["reply_id"]}
    end = frames[-1]
    assert end["finish_reason"] == "stop"
    assert end["usage"]["prompt_tokens"] == 12 and end["usage"]["estimated"] is False

    user_message = await Message.objects.aget(pk=frames[0]["message_id"])
    reply = await Message.objects.aget(pk=end["message_id"])
    assert (user_message.role, user_message.text, user_message.client_id) == ("user", "Hello!", "c1")
    assert (reply.role, reply.text, reply.finish_reason) == ("partner", "Hi there, friend! 🌟", "stop")
    assert reply.reply_to_id == user_message.pk

    history = await sync_to_async(auth_api.get)(f"/api/partners/{partner.pk}/messages/")
    assert [m["text"] for m in history.json()["results"]] == ["Hi there, friend! 🌟", "Hello!"]
    await ws.disconnect()


async def test_the_prompt_carries_the_partner_and_the_conversation(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await chat(ws, "First", "c1")
    await chat(ws, "Second", "c2")

    body = json.loads(upstream.requests[-1].content)
    system, turns = system_text(body["messages"]), conversation(body["messages"])
    assert body["messages"][0]["role"] == "system" and "You are Mira" in system
    assert "AI" in system
    assert [t["content"] for t in turns] == ["First", "Hi there, friend! 🌟", "Second"]
    assert [t["role"] for t in turns] == ["user", "assistant", "user"]
    await ws.disconnect()


async def test_another_users_partner_is_refused_without_ready(user, others_partner, upstream):
    ws = await connect(user, others_partner.pk, disclosed=False)
    assert await ws.receive_output(timeout=2) == {"type": "websocket.close", "code": 4403}


async def test_a_resent_client_id_stores_nothing_new(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws, "Once", "same")
    await one_reply_end(ws, frames)  # and its progress news
    first = frames[0]

    await ws.send_json_to({"type": "message", "client_id": "same", "text": "Once"})
    again = await ws.receive_json_from()

    assert again == {**first, "duplicate": True}
    assert await Message.objects.filter(role="user").acount() == 1
    assert len(upstream.requests) == 1
    assert await ws.receive_nothing(timeout=0.2)
    await ws.disconnect()


@pytest.mark.parametrize(
    "frame,code",
    [
        ({"type": "message", "text": "no id"}, "invalid_frame"),
        ({"type": "message", "client_id": "x", "text": "   "}, "invalid_frame"),
        ({"type": "message", "client_id": "x" * 65, "text": "hi"}, "invalid_frame"),
        ({"type": "message", "client_id": "x", "text": 42}, "invalid_frame"),
        ({"type": "message", "client_id": "x", "text": "x" * 4001}, "message_too_long"),
        ({"type": "shout"}, "unknown_type"),
        ({"type": "cancel"}, "nothing_to_cancel"),
    ],
)
async def test_bad_frames_get_errors_and_the_socket_lives(user, partner, upstream, frame, code):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()

    await ws.send_json_to(frame)
    error = await ws.receive_json_from()

    assert (error["type"], error["code"]) == ("error", code)
    assert upstream.requests == []
    assert await Message.objects.acount() == 0
    assert (await chat(ws))[-1]["finish_reason"] == "stop"
    await ws.disconnect()


async def test_a_mid_stream_error_ends_as_error_and_the_socket_works_afterwards(user, partner, upstream):
    upstream.responses = [lambda up: sse(streams.MID_STREAM_ERROR), lambda up: sse(HELLO)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()

    frames = await chat(ws, "One", "c1")
    assert [f["code"] for f in frames if f["type"] == "error"] == ["llm_error"]
    assert frames[-1]["finish_reason"] == "error"
    stored = await Message.objects.aget(pk=frames[-1]["message_id"])
    assert (stored.text, stored.finish_reason) == ("Partial", "error")

    assert (await chat(ws, "Two", "c2"))[-1]["finish_reason"] == "stop"
    await ws.disconnect()


async def test_a_dropped_stream_ends_interrupted(user, partner, upstream):
    upstream.responses = [lambda up: sse(streams.DROPPED)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    end = (await chat(ws))[-1]
    assert end["finish_reason"] == "interrupted"
    assert end["usage"]["estimated"] is True
    await ws.disconnect()


async def test_cancel_ends_a_slow_reply_within_a_second_and_closes_upstream(user, partner, upstream):
    ws = await mid_slow_reply(user, partner, upstream)

    loop = asyncio.get_running_loop()
    asked = loop.time()
    await ws.send_json_to({"type": "cancel"})
    frames = await frames_until(ws, "reply.end")

    assert loop.time() - asked < 1.0
    assert frames[-1]["finish_reason"] == "cancelled"
    assert upstream.closed == 1
    partial = await Message.objects.aget(pk=frames[-1]["message_id"])
    assert partial.finish_reason == "cancelled" and partial.text and ("word " * 400).startswith(partial.text)
    await ws.disconnect()


async def test_cancel_before_the_first_token_still_ends_the_reply(user, partner, upstream):
    silent_then_text = b": thinking\n\n" * 50 + HELLO
    upstream.responses = [lambda up: sse(silent_then_text, piece=12, delay=0.02, upstream=up)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "Hi"})
    await frames_until(ws, "reply.start")

    await ws.send_json_to({"type": "cancel"})
    frames = await frames_until(ws, "reply.end")

    assert [f["type"] for f in frames] == ["reply.end"]
    assert frames[0]["finish_reason"] == "cancelled" and frames[0]["message_id"] is None
    await ws.disconnect()


async def test_with_the_llm_down_an_error_arrives_and_the_message_is_kept(user, partner, upstream):
    upstream.responses = [httpx.ConnectError("connection refused")]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()

    frames = await chat(ws, "Anyone there?")

    error = next(f for f in frames if f["type"] == "error")
    assert (error["code"], error["retryable"]) == ("llm_unavailable", True)
    assert frames[-1]["finish_reason"] == "error" and frames[-1]["message_id"] is None
    assert frames[-1]["usage"]["total_tokens"] == 0  # nothing generated, nothing charged
    assert await Message.objects.filter(text="Anyone there?").aexists()
    await ws.send_json_to({"type": "cancel"})
    assert (await ws.receive_json_from())["code"] == "nothing_to_cancel"
    await ws.disconnect()


async def test_a_second_message_while_a_reply_is_written_is_refused_busy(user, partner, upstream):
    upstream.responses = [lambda up: sse(reply_stream(*["a "] * 100), piece=10, delay=0.02)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "One"})
    await frames_until(ws, "reply.start")

    await ws.send_json_to({"type": "message", "client_id": "c2", "text": "Two"})
    frames = await frames_until(ws, "error")

    assert frames[-1]["code"] == "busy" and frames[-1]["retryable"] is True
    assert not await Message.objects.filter(client_id="c2").aexists()
    await ws.send_json_to({"type": "cancel"})
    await frames_until(ws, "reply.end")
    await ws.disconnect()


async def test_busy_holds_across_two_sockets_of_the_same_user(user, partner, upstream):
    upstream.responses = [lambda up: sse(reply_stream(*["a "] * 100), piece=10, delay=0.02)]
    phone, tablet = await connect(user, partner.pk), await connect(user, partner.pk)
    await phone.receive_json_from(), await tablet.receive_json_from()
    await phone.send_json_to({"type": "message", "client_id": "c1", "text": "One"})
    await frames_until(phone, "reply.start")

    await tablet.send_json_to({"type": "message", "client_id": "c2", "text": "Two"})
    assert (await frames_until(tablet, "error"))[-1]["code"] == "busy"
    await phone.send_json_to({"type": "cancel"})
    await frames_until(phone, "reply.end")
    await phone.disconnect(), await tablet.disconnect()


@override_settings(CHAT_RATE_PER_MINUTE=2)
async def test_the_message_rate_is_limited_with_retry_after(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await chat(ws, "1", "c1")
    await chat(ws, "2", "c2")

    await ws.send_json_to({"type": "message", "client_id": "c3", "text": "3"})
    frames = await frames_until(ws, "error")
    error = frames[-1]

    assert {f["type"] for f in frames[:-1]} <= {"progress.update", "level.up"}  # nothing accepted
    assert error["code"] == "rate_limited" and 0 < error["retry_after"] <= 60
    assert not await Message.objects.filter(client_id="c3").aexists()
    await ws.disconnect()


@override_settings(CHAT_RATE_PER_MINUTE=5)
async def test_parallel_sockets_share_one_rate(user, upstream):
    partners = [await sync_to_async(PartnerFactory)(owner=user) for _ in range(8)]
    sockets = [await connect(user, p.pk) for p in partners]
    for ws in sockets:
        await ws.receive_json_from()

    async def send(ws, n):
        await ws.send_json_to({"type": "message", "client_id": f"p{n}", "text": "hi"})
        first = await ws.receive_json_from()
        return first.get("code", first["type"])

    outcomes = await asyncio.gather(*(send(ws, n) for n, ws in enumerate(sockets)))

    assert sorted(outcomes) == ["message.accepted"] * 5 + ["rate_limited"] * 3
    for ws in sockets:
        await ws.disconnect()


@override_settings(CHAT_DAILY_TOKEN_BUDGET=1000)
async def test_the_daily_token_budget_is_enforced(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "hi"})
    error = await ws.receive_json_from()
    assert error["code"] == "rate_limited" and error["retry_after"] > 60
    await ws.disconnect()


async def test_a_second_device_receives_the_finished_messages(user, partner, upstream):
    phone, tablet = await connect(user, partner.pk), await connect(user, partner.pk)
    await phone.receive_json_from(), await tablet.receive_json_from()

    frames = await chat(phone, "From my phone")

    new = []
    while len(new) < 2:  # progress news for this partner may come in between
        frame = await tablet.receive_json_from()
        if frame["type"] not in ("progress.update", "level.up"):
            new.append(frame)
    assert [f["type"] for f in new] == ["message.new", "message.new"]
    assert [f["message"]["text"] for f in new] == ["From my phone", "Hi there, friend! 🌟"]
    assert new[1]["message"]["id"] == frames[-1]["message_id"]
    assert not [f for f in frames if f["type"] == "message.new"]  # not echoed to the sender
    await phone.disconnect(), await tablet.disconnect()


async def test_disconnecting_mid_reply_closes_upstream_and_keeps_the_partial(user, partner, upstream):
    ws = await mid_slow_reply(user, partner, upstream)

    await ws.disconnect()

    assert upstream.closed == 1
    partial = await Message.objects.aget(role="partner")
    assert partial.finish_reason == "interrupted" and partial.text and ("word " * 400).startswith(partial.text)


@override_settings(CHAT_DAILY_TOKEN_BUDGET=1500)  # room for one turn's reservation at a time
async def test_a_failed_reply_gives_its_reserved_tokens_back(user, partner, upstream):
    upstream.responses = [httpx.ConnectError("refused"), lambda up: sse(HELLO)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()

    assert (await chat(ws, "one", "c1"))[-1]["finish_reason"] == "error"
    assert (await chat(ws, "two", "c2"))[-1]["finish_reason"] == "stop"
    await ws.disconnect()


async def test_frames_after_a_4403_are_ignored_without_a_crash(user, others_partner, upstream):
    token = await sync_to_async(lambda: str(AccessToken.for_user(user)))()
    ws = WebsocketCommunicator(application, f"/ws/chat/{others_partner.pk}/")
    await ws.connect()
    await ws.send_json_to({"type": "auth", "token": token})
    await ws.send_json_to({"type": "message", "client_id": "x", "text": "sneaky"})
    assert await ws.receive_output(timeout=2) == {"type": "websocket.close", "code": 4403}
    await ws.wait()  # the consumer finished cleanly: an exception would be raised here
    assert upstream.requests == []
    assert not await Message.objects.aexists()


async def test_a_fault_storing_the_message_gives_server_error_and_releases_the_slot(
    user, partner, upstream, monkeypatch
):
    from relationships.chat import turn

    def broken_store(**kwargs):
        raise TimeoutError("Timeout writing to the database")

    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    with monkeypatch.context() as patch:
        patch.setattr(turn, "turn_message_store", broken_store)
        await ws.send_json_to({"type": "message", "client_id": "c1", "text": "hi"})
        error = await ws.receive_json_from()
    assert (error["code"], error["retryable"]) == ("server_error", True)
    assert await limits_state(user, partner) == (None, 0)  # admitted, then released
    assert not await Message.objects.aexists()
    # Nothing was accepted, so the client's resend (the same client id) is a new message.

    assert (await chat(ws, "hi", "c1"))[-1]["finish_reason"] == "stop"
    await ws.disconnect()


async def test_after_a_normal_turn_the_slot_is_free_and_only_usage_is_charged(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws)
    await one_reply_end(ws, frames)
    assert await limits_state(user, partner) == (None, frames[-1]["usage"]["total_tokens"])
    await ws.disconnect()


async def test_after_a_cancel_the_slot_is_free_and_only_usage_is_charged(user, partner, upstream):
    ws = await mid_slow_reply(user, partner, upstream)
    await ws.send_json_to({"type": "cancel"})
    frames = await frames_until(ws, "reply.end")
    await one_reply_end(ws, frames)
    holder, charged = await limits_state(user, partner)
    assert holder is None and charged == frames[-1]["usage"]["total_tokens"] > 0
    await ws.disconnect()


async def test_after_an_llm_failure_the_slot_is_free_and_nothing_is_charged(user, partner, upstream):
    upstream.responses = [httpx.ConnectError("refused")]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await one_reply_end(ws, await chat(ws))
    assert await limits_state(user, partner) == (None, 0)
    await ws.disconnect()


async def test_after_a_disconnect_mid_reply_the_slot_is_free(user, partner, upstream):
    ws = await mid_slow_reply(user, partner, upstream)
    await ws.disconnect()
    holder, charged = await limits_state(user, partner)
    assert holder is None and charged > 0  # what was generated is charged


@pytest.mark.parametrize("gap", [0, 0.001])
async def test_a_cancel_racing_the_start_still_ends_the_turn_once(user, partner, upstream, gap):
    slow = reply_stream(*["word "] * 100)
    upstream.responses = [lambda up: sse(slow, piece=40, delay=0.05), lambda up: sse(HELLO)]
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "hi"})
    if gap:
        await asyncio.sleep(gap)
    await ws.send_json_to({"type": "cancel"})

    frames = await frames_until(ws, "reply.end")

    await one_reply_end(ws, frames)
    assert frames[-1]["finish_reason"] == "cancelled"
    assert await limits_state(user, partner) == (None, frames[-1]["usage"]["total_tokens"])
    if not upstream.requests:  # the cancel came before the model was asked: nothing was sent
        upstream.responses.pop(0)
    assert (await chat(ws, "next", "c2"))[-1]["finish_reason"] == "stop"
    await ws.disconnect()


async def test_the_turn_stays_busy_until_its_reply_end_is_sent(user, partner, upstream, monkeypatch):
    from relationships.chat.turn import Turn

    real = Turn._close

    async def slowly(self, *args):  # storing the reply takes a while
        await asyncio.sleep(1.0)
        return await real(self, *args)

    monkeypatch.setattr(Turn, "_close", slowly)
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "c1", "text": "one"})
    await frames_until(ws, "reply.delta")
    await asyncio.sleep(0.3)  # the reply has ended and is being stored

    await ws.send_json_to({"type": "cancel"})
    await ws.send_json_to({"type": "message", "client_id": "c2", "text": "two"})
    frames = await frames_until(ws, "reply.end")

    assert [f.get("code") for f in frames if f["type"] == "error"] == ["busy"]
    assert frames[-1]["finish_reason"] == "stop"  # the cancel came too late to matter
    await one_reply_end(ws, frames)
    assert (await chat(ws, "three", "c3"))[-1]["finish_reason"] == "stop"
    await ws.disconnect()


async def test_a_failed_announcement_does_not_disturb_the_reply(user, partner, upstream, monkeypatch):
    async def layer_down(**kwargs):
        raise ConnectionError("redis is down")

    from relationships.chat import side

    monkeypatch.setattr(side, "user_event_send", layer_down)
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws)
    assert not [f for f in frames if f["type"] == "error"]
    assert frames[-1]["finish_reason"] == "stop" and frames[-1]["message_id"]
    await one_reply_end(ws, frames)
    await ws.disconnect()


async def xp_of(partner) -> int:
    from relationships.models import Relationship

    return (await Relationship.objects.aget(partner=partner)).xp


async def test_substantial_exchanges_earn_more_than_one_letter_ones(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    progress = []
    for n, text in enumerate(
        [
            "I went hiking this morning and the view from the ridge was unbelievable",
            "Then I cooked a new curry recipe for my sister and she loved it",
            "Tomorrow I have a job interview and I am nervous but also excited",
        ]
    ):
        frames = await chat(ws, text, f"real-{n}")
        await asyncio.sleep(0.2)
        while not await ws.receive_nothing(timeout=0.2):
            frames.append(await ws.receive_json_from())
        progress += [f for f in frames if f["type"] == "progress.update"]
    substantial = await xp_of(partner)

    for n in range(5):
        await chat(ws, "k", f"k-{n}")
    one_letter = await xp_of(partner) - substantial

    assert len(progress) >= 3 and progress[-1]["xp"] == substantial
    assert all(p["xp_delta"] >= 0 for p in progress)
    assert one_letter < substantial - 2  # five "k"s earn less than three real messages
    await ws.disconnect()


@override_settings(PROGRESSION_DAILY_XP_CAP=8)
async def test_the_daily_cap_holds_in_conversation(user, partner, upstream):
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    for n in range(4):
        await chat(ws, f"A long and thoughtful message number {n} about my day and my plans", f"c{n}")
    assert await xp_of(partner) == 8
    await ws.disconnect()


async def test_the_prompts_tone_follows_the_relationships_level(user, partner, upstream, seeded_ladder):
    from relationships.chat.prompt import WARMTH
    from relationships.progression.services import xp_award

    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await chat(ws, "hi", "c1")
    assert WARMTH[0] in system_text(json.loads(upstream.requests[-1].content)["messages"])

    await sync_to_async(xp_award)(partner=partner, source="grant", amount=450, idempotency_key="g")
    await frames_until(ws, "level.up")  # the socket hears of it, and its session with it
    await chat(ws, "hi again", "c2")
    assert WARMTH[3] in system_text(json.loads(upstream.requests[-1].content)["messages"])
    await ws.disconnect()
