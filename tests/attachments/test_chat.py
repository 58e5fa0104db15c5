"""A chat message that carries a voice note: the turn waits for its transcript, then treats it
as the user's words (crisis screen, mood, prompt), and the message carries the note."""

import asyncio

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from attachments import services
from attachments.models import Attachment
from relationships.chat import turn as turn_module
from relationships.chat.consumers import MessageFrame
from relationships.chat.services import message_payload
from relationships.chat.turn import Turn, TurnState
from relationships.models import Message
from relationships.serializers import MessageSerializer
from tests.attachments.conftest import tone
from tests.relationships.test_chat_consumer import connect, frames_until, upstream  # noqa: F401
from tests.relationships.test_turn import ScriptedModel, assert_closed, drive, session, types  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _spoken_replies(tts_upstream):
    """Voice notes get voice replies (by default): from a scripted endpoint here, not the
    embedded engine (tests/attachments/test_speech.py tests both)."""


def note(session, *, status="uploaded", transcript="", error_code="") -> Attachment:
    data = tone("ogg", seconds=1.0)
    name = default_storage.save(Attachment.new_file_name("ogg"), ContentFile(data))
    return Attachment.objects.create(
        owner=session.user, partner=session.partner, kind="voice", file=name, container="ogg", codec="opus",
        size_bytes=len(data), duration_s=1.0, status=status, transcript=transcript, error_code=error_code,
    )


def user_words(prompt: list[dict]) -> str:
    return [m for m in prompt if m["role"] == "user"][-1]["content"]


async def test_a_transcribed_note_is_the_users_words_and_the_message_carries_it(session, auth_api):
    attachment = await sync_to_async(note)(session, status="ready", transcript="I adopted a dog named Biscuit.")
    model = ScriptedModel()
    t = Turn(session, client_id="v1", text="", llm=model, attachment_id=attachment.pk)
    frames = await drive(t)

    assert types(frames)[:3] == ["attachment.ready", "message.accepted", "reply.start"]
    assert frames[0]["attachment"]["transcript"] == "I adopted a dog named Biscuit."
    assert frames[0]["attachment_id"] == frames[0]["attachment"]["id"] == attachment.pk
    assert "I adopted a dog named Biscuit." in user_words(model.prompt)
    message = await sync_to_async(Message.objects.get)(pk=frames[1]["message_id"])
    assert message.text == "I adopted a dog named Biscuit."
    assert (await sync_to_async(Attachment.objects.get)(pk=attachment.pk)).message_id == message.pk
    assert_closed(session, t)

    history = (await sync_to_async(auth_api.get)(f"/api/partners/{session.partner.pk}/messages/")).json()["results"]
    shown = next(m for m in history if m["id"] == message.pk)
    assert shown["attachment"]["id"] == attachment.pk and shown["attachment"]["kind"] == "voice"
    assert shown["attachment"]["transcript"] == "I adopted a dog named Biscuit." and shown["attachment"]["duration_s"] == 1.0
    assert shown["attachment"]["url"].startswith("/media/")
    assert all(m["attachment"] is None for m in history if m["role"] == "user" and m["id"] != message.pk)


async def test_typed_text_and_the_transcript_are_both_heard(session):
    attachment = await sync_to_async(note)(session, status="ready", transcript="He is a beagle.")
    model = ScriptedModel()
    await drive(Turn(session, client_id="v1", text="Listen:", llm=model, attachment_id=attachment.pk))
    assert user_words(model.prompt).endswith("Listen:\nHe is a beagle.")


async def test_the_turn_waits_for_the_transcription(session, stt_upstream):
    attachment = await sync_to_async(note)(session)
    model = ScriptedModel()
    t = Turn(session, client_id="v1", text="", llm=model, attachment_id=attachment.pk)

    async def worker():
        await asyncio.sleep(0.3)
        await sync_to_async(services.attachment_transcribe)(attachment_id=attachment.pk)

    frames, _ = await asyncio.gather(drive(t), worker())
    assert types(frames)[:3] == ["attachment.transcribing", "attachment.ready", "message.accepted"]
    assert frames[-1]["type"] == "reply.end" and frames[-1]["finish_reason"] == "stop"
    assert "Biscuit" in user_words(model.prompt)


async def test_a_spoken_crisis_gets_the_referral_like_typed_text(session):
    attachment = await sync_to_async(note)(session, status="ready", transcript="Some days I want to kill myself.")
    model = ScriptedModel()
    frames = await drive(Turn(session, client_id="v1", text="", llm=model, attachment_id=attachment.pk))
    assert types(frames)[:2] == ["attachment.ready", "crisis_referral"]
    message = await sync_to_async(Message.objects.get)(pk=frames[2]["message_id"])
    assert message.mood == "sadness" and message.valence <= -0.8  # the mood ran on it too


async def test_a_failed_transcription_ends_with_an_error_and_the_next_message_tries_again(session, stt_upstream):
    attachment = await sync_to_async(note)(session, status="failed", error_code="stt_unavailable")
    stt_upstream.responses = [httpx.Response(200, json={"text": "Back again."})]
    model = ScriptedModel()
    t = Turn(session, client_id="v2", text="", llm=model, attachment_id=attachment.pk)
    frames = await drive(t)  # queued again by this message (and run at once: Celery is eager here)
    assert types(frames)[:2] == ["attachment.ready", "message.accepted"]
    assert "Back again." in user_words(model.prompt) and len(stt_upstream.requests) == 1
    assert (await sync_to_async(Attachment.objects.get)(pk=attachment.pk)).attempts == 1


async def test_a_note_that_cannot_be_transcribed_answers_its_code_and_stores_nothing(session):
    attachment = await sync_to_async(note)(session, status="failed", error_code="audio_undecodable")
    t = Turn(session, client_id="v3", text="", llm=ScriptedModel(), attachment_id=attachment.pk)
    [error] = await drive(t)
    assert error["type"] == "error" and error["code"] == "audio_undecodable" and error["retryable"] is False
    assert t.history == [TurnState.SCREENING, TurnState.DONE] and session.turn is None
    assert await sync_to_async(Message.objects.count)() == 0
    assert (await sync_to_async(Attachment.objects.get)(pk=attachment.pk)).file  # the audio is kept


async def test_a_transcription_that_never_ends_times_out(session, settings):
    settings.STT_WAIT_SECONDS = 0.3
    attachment = await sync_to_async(note)(session, status="transcribing")
    frames = await drive(Turn(session, client_id="v4", text="", llm=ScriptedModel(), attachment_id=attachment.pk))
    assert types(frames) == ["attachment.transcribing", "error"]
    assert frames[1]["code"] == "transcription_timeout" and frames[1]["retryable"] is True
    assert session.turn is None


async def test_a_note_of_silence_and_no_text_is_refused(session):
    attachment = await sync_to_async(note)(session, status="ready", transcript="")
    [error] = await drive(Turn(session, client_id="v5", text="", llm=ScriptedModel(), attachment_id=attachment.pk))
    assert error["code"] == "nothing_heard"


async def test_someone_elses_or_a_used_attachment_is_refused(session, other_user):
    from tests.factories import PartnerFactory

    others = await sync_to_async(PartnerFactory)(owner=other_user)
    theirs = await sync_to_async(Attachment.objects.create)(
        owner=other_user, partner=others, kind="voice", file="attachments/x.ogg", container="ogg", codec="opus",
        size_bytes=1, status="ready", transcript="secret",
    )
    [error] = await drive(Turn(session, client_id="v6", text="", llm=ScriptedModel(), attachment_id=theirs.pk))
    assert error["code"] == "not_found"

    mine = await sync_to_async(note)(session, status="ready", transcript="Hello.")
    await drive(Turn(session, client_id="v7", text="", llm=ScriptedModel(), attachment_id=mine.pk))
    [error] = await drive(Turn(session, client_id="v8", text="", llm=ScriptedModel(), attachment_id=mine.pk))
    assert error["code"] == "attachment_used"
    assert await sync_to_async(Message.objects.filter(role="user").count)() == 1


async def test_a_text_only_turn_never_asks_about_attachments(session, monkeypatch):
    def hearing(turn):
        raise AssertionError("a text-only turn must not look for an attachment")

    monkeypatch.setattr(turn_module, "attachment_hearing", hearing)
    frames = await drive(Turn(session, client_id="t1", text="Hi", llm=ScriptedModel()))
    assert frames[-1]["finish_reason"] == "stop"


def test_the_payload_of_a_text_message_costs_no_query_and_matches_the_api(django_assert_num_queries, partner):
    message = Message.objects.create(partner=partner, role="user", text="hi", client_id="c1")
    with django_assert_num_queries(0):
        payload = message_payload(message)
    assert payload["attachment"] is None
    assert payload == MessageSerializer(Message.objects.select_related("attachment").get(pk=message.pk)).data


def test_a_message_frame_needs_text_or_an_attachment():
    assert MessageFrame(data={"client_id": "c", "attachment_id": 3}).is_valid()
    assert MessageFrame(data={"client_id": "c", "text": "hi"}).is_valid()
    assert not MessageFrame(data={"client_id": "c"}).is_valid()
    assert not MessageFrame(data={"client_id": "c", "text": "  "}).is_valid()
    assert not MessageFrame(data={"client_id": "c", "attachment_id": 0}).is_valid()


async def test_over_the_socket_an_uploaded_note_is_sent_heard_and_answered(
    user, partner, auth_api, stt_upstream, upstream
):
    import io

    body = io.BytesIO(tone("m4a", seconds=1.0))
    body.name = "note.m4a"
    # the upload's transcription is queued after commit and runs at once (eager Celery)
    uploaded = await sync_to_async(auth_api.post)(
        f"/api/partners/{partner.pk}/attachments/", {"file": body}, format="multipart"
    )
    assert uploaded.status_code == 201
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()  # ready
    await ws.send_json_to({"type": "message", "client_id": "s1", "attachment_id": uploaded.json()["id"]})
    frames = await frames_until(ws, "reply.end")
    kinds = [f["type"] for f in frames]
    assert kinds[:3] == ["attachment.ready", "message.accepted", "reply.start"] and kinds[-1] == "reply.end"
    assert frames[-1]["finish_reason"] == "stop"
    sent = upstream.requests[0].content.decode()
    assert "Biscuit" in sent  # the model heard the transcript
    await ws.send_json_to({"type": "message", "client_id": "s2"})
    [*_, error] = await frames_until(ws, "error")  # the worker's XP news may come first
    assert error["code"] == "invalid_frame"
    await ws.disconnect()
