"""The partner's voice reply: synthesized in the worker after a reply that ended in full,
marked AI-generated, linked to the reply and announced as `reply.audio`."""

import io
import json

import av
import httpx
import pytest
from asgiref.sync import sync_to_async
from django.core.files.storage import default_storage

from attachments import services, stt, tts
from attachments.audio import audio_decode, audio_probe
from attachments.models import Attachment
from relationships.chat.turn import Turn
from relationships.models import Message
from tests.attachments.conftest import card, tone
from tests.attachments.images.conftest import encoded
from tests.attachments.test_chat import note
from tests.attachments.test_image_chat import processed
from tests.conftest import capture_events
from tests.relationships.test_turn import ScriptedModel, drive, session  # noqa: F401


def marking_of(data: bytes) -> dict:
    with av.open(io.BytesIO(data), format="ogg") as source:
        return {**source.metadata, **source.streams.audio[0].metadata}


def test_the_endpoint_is_asked_and_its_audio_comes_back_as_marked_opus(tts_upstream):
    data, seconds = tts.speak("Biscuit sounds adorable!")
    [request] = tts_upstream
    assert str(request.url) == "http://tts.test/v1/audio/speech" and request.headers["authorization"] == "Bearer k2"
    assert json.loads(request.content) == {
        "model": "kokoro", "input": "Biscuit sounds adorable!", "voice": "af_heart", "response_format": "opus",
    }
    probe = audio_probe(data, max_seconds=600)
    assert (probe.container, probe.codec) == ("ogg", "opus") and 1.9 <= seconds <= 2.1
    assert marking_of(data)["ai_generated"] == "true"
    assert marking_of(data)["digital_source_type"] == "trainedAlgorithmicMedia"


def test_the_embedded_engine_speaks_words_the_embedded_recogniser_hears(settings):
    pytest.importorskip("hibari", reason="the embedded engines come with make install-llm")
    pytest.importorskip("faster_whisper", reason="the embedded engines come with make install-llm")
    settings.TTS_BASE_URL = settings.STT_BASE_URL = ""
    data, seconds = tts.speak("I adopted a dog named Biscuit.")
    assert 1.0 < seconds < 5.0  # a short sentence, not silence and not minutes
    assert marking_of(data)["ai_generated"] == "true"
    heard = stt.transcribe_embedded(audio_decode(data, container="ogg", max_seconds=30)).text
    assert "biscuit" in heard.lower(), heard


pytestmark = pytest.mark.django_db(transaction=True)


async def turn_and_speech(session, **turn):
    with capture_events() as sent:
        frames = await drive(Turn(session, llm=ScriptedModel(), **turn))
    return frames, [event for event in sent if event.type == "reply.audio"]


async def test_a_voice_note_gets_a_voice_reply(session, tts_upstream, auth_api):
    attachment = await sync_to_async(note)(session, status="ready", transcript="I adopted a dog.")
    frames, spoken = await turn_and_speech(session, client_id="v1", text="", attachment_id=attachment.pk)
    reply_id = frames[-1]["message_id"]
    [event] = spoken
    assert event.partner_id == session.partner.pk and event.frame["message_id"] == reply_id
    payload = event.frame["attachment"]
    assert payload["ai_generated"] is True and payload["url"].startswith("/media/") and payload["duration_s"] > 1
    voice = await sync_to_async(Attachment.objects.get)(message_id=reply_id)
    assert voice.ai_generated and voice.transcript == "Hello there, friend."  # what was said: the screened reply
    assert marking_of(default_storage.open(voice.file.name).read())["ai_generated"] == "true"
    history = (await sync_to_async(auth_api.get)(f"/api/partners/{session.partner.pk}/messages/")).json()["results"]
    assert next(m for m in history if m["id"] == reply_id)["attachment"]["ai_generated"] is True
    await sync_to_async(services.reply_speak)(message_id=reply_id)  # redelivered: spoken once
    assert await sync_to_async(Attachment.objects.filter(ai_generated=True).count)() == 1


@pytest.mark.parametrize(("preference", "sent", "spoken"), [
    ("auto", "text", False), ("auto", "photo", False), ("always", "text", True), ("always", "photo", True),
    ("never", "voice", False),
])
async def test_the_users_preference_decides(session, tts_upstream, settings, tmp_path, preference, sent, spoken):
    session.user.voice_replies = preference
    await sync_to_async(session.user.save)(update_fields=["voice_replies"])
    extra = {}
    if sent == "voice":
        extra["attachment_id"] = (await sync_to_async(note)(session, status="ready", transcript="Hi.")).pk
    elif sent == "photo":  # by default a photo is answered in text, though it came as an attachment
        settings.MEDIA_ROOT = str(tmp_path)
        photo = await sync_to_async(processed)(session, encoded(card(), "PNG"))
        assert photo.status == "ready", photo.error_code
        extra["attachment_id"] = photo.pk
    _, events = await turn_and_speech(session, client_id="p1", text="" if sent == "voice" else "Hi", **extra)
    assert bool(events) is spoken and bool(tts_upstream) is spoken


async def test_a_reply_that_did_not_end_in_full_is_not_spoken(session, tts_upstream):
    reply = await sync_to_async(Message.objects.create)(
        partner=session.partner, role="partner", text="Half a thou", finish_reason="cancelled"
    )
    assert await sync_to_async(services.reply_speak)(message_id=reply.pk) is None and tts_upstream == []


def test_voice_replies_is_a_profile_setting(auth_api, user):
    assert auth_api.get("/api/me/").json()["voice_replies"] == "auto"
    assert auth_api.patch("/api/me/", {"voice_replies": "never"}, format="json").status_code == 200
    user.refresh_from_db()
    assert user.voice_replies == "never"
    response = auth_api.patch("/api/me/", {"voice_replies": "sometimes"}, format="json")
    assert response.status_code == 400 and "voice_replies" in response.json()["error"]["fields"]
