"""The chat turn without a socket: its states, every transition, and a stop at each state."""

import asyncio
import time

import pytest
from asgiref.sync import sync_to_async

from project.llm import LLMError, StreamEnd
from project.redis import redis_client
from relationships.chat import limits, turn
from relationships.chat.session import session_open
from relationships.chat.turn import NEXT, Turn, TurnState, in_flight
from relationships.models import Message
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db(transaction=True)

S = TurnState


class ScriptedModel:
    """A model client whose stream waits on `go` before each piece (when `hold` is set)."""

    def __init__(self, pieces=("Hello ", "there, ", "friend."), end=None, hold=False):
        self.pieces, self.end = list(pieces), end or StreamEnd("stop")
        self.go = asyncio.Event()
        if not hold:
            self.go.set()
        self.asked = 0
        self.closed = False

    async def stream_chat(self, messages, *, max_tokens, temperature):
        self.asked += 1
        self.prompt = messages
        try:
            for piece in self.pieces:
                await self.go.wait()
                yield piece
            yield self.end
        finally:
            self.closed = True


@pytest.fixture
def session(user):
    partner = PartnerFactory(owner=user, name="Mira")
    opened = session_open(user=user, partner_id=partner.pk)
    opened.notices.opening()  # as the socket does: the disclosure came first
    return opened


def slot(session) -> bytes | None:
    _, _, key = limits._keys(session.user.pk, session.partner.pk, time.time())
    return redis_client().get(key)


async def drive(t: Turn, until=None, then=None) -> list[dict]:
    """Every frame of the turn; when `until(t)` first holds, `then(t)` is called."""
    frames = []
    async for sent in t.run():
        frames.append(sent)
        if until is not None and until(t):
            then(t)
            until = None
    return frames


def types(frames):
    return [f["type"] for f in frames]


def assert_closed(session, t: Turn):
    assert t.state is S.DONE
    assert session.turn is None and in_flight() == 0
    assert slot(session) is None


def test_the_states_are_an_enum_and_every_state_can_end():
    assert list(S) == [S.SCREENING, S.ADMITTING, S.ASKING, S.STREAMING, S.FINISHING, S.DONE]
    assert all(S.FINISHING in NEXT[s] or S.DONE in NEXT[s] for s in S if s is not S.DONE)


async def test_a_whole_turn_goes_through_every_state_once(session):
    model = ScriptedModel()
    t = Turn(session, client_id="c1", text="Hi Mira", llm=model)
    frames = await drive(t)
    assert t.history == [S.SCREENING, S.ADMITTING, S.ASKING, S.STREAMING, S.FINISHING, S.DONE]
    assert types(frames) == ["message.accepted", "reply.start", "reply.delta", "reply.delta", "reply.delta", "reply.end"]
    assert frames[-1]["finish_reason"] == "stop" and frames[-1]["message_id"]
    assert [line.text for line in session.history][-2:] == ["Hi Mira", "Hello there, friend."]
    assert_closed(session, t)


async def test_the_model_is_asked_before_the_message_is_stored(session, monkeypatch):
    order = []
    real = turn.turn_message_store

    def store(**kwargs):
        order.append("store")
        return real(**kwargs)

    class Model(ScriptedModel):
        async def stream_chat(self, messages, **kwargs):
            order.append("ask")
            async for item in super().stream_chat(messages, **kwargs):
                yield item

    monkeypatch.setattr(turn, "turn_message_store", store)
    await drive(Turn(session, client_id="c1", text="Hi", llm=Model()))
    assert order == ["ask", "store"]


async def test_the_screen_reads_the_message_with_the_users_recent_messages(session, monkeypatch):
    import datetime

    from django.utils import timezone

    from relationships.chat.session import Line
    from safety import screen

    now = timezone.now()
    session.heard(line=Line("user", "last month's bad evening", now - datetime.timedelta(days=30)))
    session.heard(line=Line("user", "i can't take it anymore", now - datetime.timedelta(minutes=3)))
    session.heard(line=Line("partner", "I'm here with you.", now - datetime.timedelta(minutes=2)))
    seen = []
    real = screen.classifier.classify

    def classify(text, *, context=()):
        seen.append((text, list(context)))
        return real(text, context=context)

    monkeypatch.setattr(screen.classifier, "classify", classify)
    frames = await drive(Turn(session, client_id="c1", text="tonight is my last night", llm=ScriptedModel()))

    # The turn's screen: the user's own recent messages (the memory writer screens it again, alone).
    assert seen[0] == ("tonight is my last night", ["i can't take it anymore"])
    assert frames[0]["type"] == "crisis_referral"


async def test_screening_ends_a_turn_that_cannot_start(session, settings):
    settings.CHAT_MAX_MESSAGE_CHARS = 5
    t = Turn(session, client_id="c1", text="far too long", llm=ScriptedModel())
    assert [f.get("code") for f in await drive(t)] == ["message_too_long"]
    assert t.history == [S.SCREENING, S.DONE] and session.turn is None


async def test_a_socket_with_an_open_turn_answers_busy(session):
    model = ScriptedModel(hold=True)
    first = Turn(session, client_id="c1", text="one", llm=model)
    task = asyncio.create_task(drive(first))
    while first.state is not S.STREAMING:
        await asyncio.sleep(0.01)
    second = Turn(session, client_id="c2", text="two", llm=model)
    [busy] = await drive(second)
    assert (busy["code"], busy["retry_after"]) == ("busy", 1) and second.history == [S.SCREENING, S.DONE]
    model.go.set()
    await task
    assert_closed(session, first)


async def test_a_process_at_its_bound_answers_busy_with_retry_after(session, settings):
    settings.CHAT_MAX_TURNS_PER_PROCESS = 0
    [busy] = await drive(Turn(session, client_id="c1", text="hi", llm=ScriptedModel()))
    assert busy["code"] == "busy" and busy["retryable"] and busy["retry_after"] == 1


async def test_admission_refuses_a_rate_and_recognises_a_resend(session, settings):
    first = await drive(Turn(session, client_id="same", text="hi", llm=ScriptedModel()))
    again = Turn(session, client_id="same", text="hi", llm=ScriptedModel())
    [accepted] = await drive(again)
    assert accepted == {**first[0], "duplicate": True}
    assert again.history == [S.SCREENING, S.ADMITTING, S.DONE]
    settings.CHAT_RATE_PER_MINUTE = 1
    refused = Turn(session, client_id="new", text="hi", llm=ScriptedModel())
    [error] = await drive(refused)
    assert error["code"] == "rate_limited" and refused.history == [S.SCREENING, S.ADMITTING, S.DONE]
    assert_closed(session, refused)


async def test_a_message_that_cannot_be_stored_ends_asking_with_server_error(session, monkeypatch):
    def broken(**kwargs):
        raise TimeoutError("database down")

    monkeypatch.setattr(turn, "turn_message_store", broken)
    model = ScriptedModel(hold=True)
    t = Turn(session, client_id="c1", text="hi", llm=model)
    [error] = await drive(t)
    assert error["code"] == "server_error"
    assert t.history == [S.SCREENING, S.ADMITTING, S.ASKING, S.FINISHING, S.DONE]
    await asyncio.sleep(0.05)
    assert model.closed  # the model was asked, then stopped
    assert_closed(session, t)


async def test_a_resend_racing_on_another_socket_ends_asking_as_a_duplicate(session):
    stored = await sync_to_async(Message.objects.create)(partner=session.partner, role="user", text="hi", client_id="c1")
    t = Turn(session, client_id="c1", text="hi", llm=ScriptedModel())  # Redis has not seen it
    [accepted] = await drive(t)
    assert accepted["duplicate"] is True and accepted["message_id"] == stored.pk
    assert S.FINISHING in t.history
    assert_closed(session, t)


async def test_a_failed_model_ends_with_its_error_then_reply_end(session):
    model = ScriptedModel(pieces=(), end=StreamEnd("error", error=LLMError("llm_unavailable", "down", retryable=True)))
    frames = await drive(Turn(session, client_id="c1", text="hi", llm=model))
    assert types(frames) == ["message.accepted", "reply.start", "error", "reply.end"]
    assert frames[-1]["message_id"] is None and frames[-1]["usage"]["total_tokens"] == 0


@pytest.mark.parametrize("reason", ["cancelled", "interrupted"])
@pytest.mark.parametrize("at", [S.ADMITTING, S.ASKING, S.STREAMING])
async def test_a_stop_at_any_state_ends_the_turn_once_and_releases_everything(session, monkeypatch, at, reason):
    gate = asyncio.Event()
    if at is S.ADMITTING:
        real_admit = limits.chat_admit

        async def slow_admit(**kwargs):
            await gate.wait()
            return await real_admit(**kwargs)

        monkeypatch.setattr(limits, "chat_admit", slow_admit)
    if at is S.ASKING:
        real_store = turn.turn_message_store

        def slow_store(**kwargs):
            time.sleep(0.2)
            return real_store(**kwargs)

        monkeypatch.setattr(turn, "turn_message_store", slow_store)
    model = ScriptedModel(pieces=("word " * 5,) * 50, hold=at is S.STREAMING)
    t = Turn(session, client_id="c1", text="hi", llm=model)
    task = asyncio.create_task(drive(t))
    while t.state is not at:
        await asyncio.sleep(0.001)
    assert t.stop(reason) is True
    gate.set()
    model.go.set()
    frames = await task

    assert types(frames).count("reply.end") == 1
    assert frames[-1]["finish_reason"] == reason
    assert types(frames)[:2] == ["message.accepted", "reply.start"]  # the message is kept
    assert await Message.objects.filter(role="user", text="hi").aexists()
    assert t.history[-2:] == [S.FINISHING, S.DONE]
    if model.asked:
        assert model.closed
    assert_closed(session, t)


async def test_a_stop_while_finishing_is_too_late_to_matter(session, monkeypatch):
    real = turn.turn_reply_store

    def slowly(**kwargs):
        time.sleep(0.2)
        return real(**kwargs)

    monkeypatch.setattr(turn, "turn_reply_store", slowly)
    t = Turn(session, client_id="c1", text="hi", llm=ScriptedModel())
    task = asyncio.create_task(drive(t))
    while t.state is not S.FINISHING:
        await asyncio.sleep(0.001)
    assert t.stop("cancelled") is False
    frames = await task
    assert frames[-1]["finish_reason"] == "stop"
    assert_closed(session, t)


@pytest.mark.parametrize(("read", "state"), [(1, S.ASKING), (3, S.STREAMING)])
async def test_a_turn_whose_frames_are_no_longer_read_still_frees_its_slot(session, read, state):
    """If the generator is closed early (its reader went away), what the turn holds is freed."""
    model = ScriptedModel(pieces=("word ",) * 50)
    t = Turn(session, client_id="c1", text="hi", llm=model)
    frames = t.run()
    for _ in range(read):
        await anext(frames)
    assert t.state is state
    await frames.aclose()
    assert t.state is S.DONE and session.turn is None and in_flight() == 0
    assert slot(session) is None


async def test_a_tripped_output_screen_stops_the_model_itself(session, monkeypatch):
    """The trip cancels the model's stream where it happens, not only when the turn finishes:
    nothing may be read after an unsafe phrase (the socket test counts what upstream sent)."""
    model = ScriptedModel(pieces=("Sure. ", "Kill yourself", " now. ", *["More words. "] * 60))
    stopping = []
    real_finish = Turn._finish

    def finish(self, *args):
        stopping.append(self._producer.cancelling() > 0 or self._producer.done())
        return real_finish(self, *args)

    monkeypatch.setattr(Turn, "_finish", finish)
    t = Turn(session, client_id="c1", text="tell me", llm=model)
    frames = await drive(t)
    assert stopping == [True]  # already stopped when FINISHING began
    assert [f.get("code") for f in frames if f["type"] == "error"] == ["reply_withheld"]
    assert "crisis_referral" in types(frames)
    assert model.closed
    assert_closed(session, t)


async def test_what_the_output_screen_holds_to_the_end_is_sent_at_the_end(session):
    # "you should" may begin an unsafe sentence: held while streaming, sent when the reply ends.
    t = Turn(session, client_id="c1", text="hi", llm=ScriptedModel(pieces=("I think ", "you should")))
    frames = await drive(t)
    assert "".join(f["text"] for f in frames if f["type"] == "reply.delta") == "I think you should"
    assert [line.text for line in session.history][-1] == "I think you should"
