"""The worker transcribes a voice note: through an OpenAI-compatible endpoint when
STT_BASE_URL names one, with the embedded engine (faster-whisper, tiny.en) when not."""

import io

import httpx
import numpy as np
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from attachments import services, stt, tasks
from attachments.audio import audio_decode
from attachments.models import Attachment
from tests.attachments.conftest import stored_files, tone
from tests.conftest import assert_error

pytestmark = pytest.mark.django_db


def uploaded(auth_api, partner, data: bytes, name="note.ogg") -> int:
    body = io.BytesIO(data)
    body.name = name
    response = auth_api.post(f"/api/partners/{partner.pk}/attachments/", {"file": body}, format="multipart")
    assert response.status_code == 201, response.content
    return response.json()["id"]


def multipart_fields(request: httpx.Request) -> dict[str, bytes]:
    """The parts of a multipart body, by name."""
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    fields = {}
    for part in request.content.split(b"--" + boundary):
        if b"\r\n\r\n" not in part:
            continue
        head, value = part.split(b"\r\n\r\n", 1)
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        fields[name] = value.rstrip(b"\r\n")
    return fields


def test_the_endpoint_gets_the_file_and_its_transcript_is_kept(auth_api, partner, stt_upstream):
    data = tone("ogg", seconds=1.5)
    attachment_id = uploaded(auth_api, partner, data)
    tasks.attachment_transcribe_task(attachment_id)

    [request] = stt_upstream.requests
    assert str(request.url) == "http://stt.test/v1/audio/transcriptions"
    assert request.headers["authorization"] == "Bearer k1"
    fields = multipart_fields(request)
    assert fields["model"] == b"whisper-small" and fields["file"] == data
    attachment = Attachment.objects.get(pk=attachment_id)
    assert (attachment.status, attachment.transcript, attachment.attempts) == ("ready", "I adopted a dog named Biscuit.", 1)
    body = auth_api.get(f"/api/partners/{partner.pk}/attachments/{attachment_id}/").json()
    assert body["status"] == "ready" and body["transcript"] == "I adopted a dog named Biscuit."

    tasks.attachment_transcribe_task(attachment_id)  # redelivered: a ready note is left alone
    assert len(stt_upstream.requests) == 1


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (httpx.Response(503, json={"error": "busy"}), "stt_unavailable"),
        (httpx.Response(401, json={"error": "no"}), "stt_auth_failed"),
        (httpx.Response(200, json={"nope": 1}), "stt_error"),
        (httpx.ConnectError("refused"), "stt_unavailable"),
        (httpx.ReadTimeout("slow"), "stt_timeout"),
    ],
)
def test_a_failed_transcription_keeps_the_audio_and_can_be_retried(
    auth_api, partner, stt_upstream, media_root, answer, code, django_capture_on_commit_callbacks
):
    attachment_id = uploaded(auth_api, partner, tone("m4a"), name="n.m4a")
    stt_upstream.responses = [answer, httpx.Response(200, json={"text": "Hello there.", "language": "english"})]
    tasks.attachment_transcribe_task(attachment_id)
    failed = Attachment.objects.get(pk=attachment_id)
    assert (failed.status, failed.error_code) == ("failed", code)
    assert stored_files(media_root) == [failed.file.name]  # the audio is kept

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_api.post(f"/api/partners/{partner.pk}/attachments/{attachment_id}/retry/")
    assert response.status_code == 200
    ready = Attachment.objects.get(pk=attachment_id)
    assert (ready.status, ready.transcript, ready.language, ready.attempts) == ("ready", "Hello there.", "en", 2)
    # retrying a ready note changes nothing
    assert auth_api.post(f"/api/partners/{partner.pk}/attachments/{attachment_id}/retry/").json()["status"] == "ready"
    assert len(stt_upstream.requests) == 2


def stored_attachment(partner, data: bytes, container="ogg") -> Attachment:
    name = default_storage.save(Attachment.new_file_name(container), ContentFile(data))
    return Attachment.objects.create(
        owner=partner.owner, partner=partner, kind="voice", file=name, container=container, codec="opus",
        size_bytes=len(data), duration_s=1.0,
    )


def test_audio_that_cannot_be_decoded_fails_for_good(auth_api, partner, settings):
    settings.STT_BASE_URL = ""
    broken = tone("ogg")
    broken = broken[:200] + bytes(len(broken) - 200)  # headers intact, every packet zeroed
    attachment = stored_attachment(partner, broken)
    tasks.attachment_transcribe_task(attachment.pk)
    attachment.refresh_from_db()
    assert (attachment.status, attachment.error_code) == ("failed", "audio_undecodable")
    response = auth_api.post(f"/api/partners/{partner.pk}/attachments/{attachment.pk}/retry/")
    assert_error(response, 400, "audio_undecodable")


def test_decoding_gives_16khz_mono_bounded_in_seconds():
    samples = audio_decode(tone("webm", seconds=2.0), container="webm", max_seconds=10)
    assert samples.dtype == np.float32 and abs(len(samples) - 32_000) < 1_000
    assert 0.15 < float(np.abs(samples).max()) < 0.5  # the tone, not silence or noise
    assert len(audio_decode(tone("wav", seconds=3.0), container="wav", max_seconds=1)) == 16_000


@pytest.fixture
def embedded(settings):
    settings.STT_BASE_URL = ""
    pytest.importorskip("faster_whisper", reason="the embedded engine comes with make install-llm")
    return stt


def test_the_embedded_engine_runs_in_the_worker_and_loads_its_model_once(auth_api, partner, embedded, monkeypatch):
    def no_hub(*args, **kwargs):
        raise AssertionError("the embedded engine must never download")

    import huggingface_hub

    monkeypatch.setattr(huggingface_hub, "snapshot_download", no_hub)
    first = uploaded(auth_api, partner, tone("ogg", seconds=1.5))
    second = uploaded(auth_api, partner, tone("wav", seconds=1.0), name="n.wav")
    tasks.attachment_transcribe_task(first)
    tasks.attachment_transcribe_task(second)
    for attachment in Attachment.objects.filter(pk__in=[first, second]):
        # a tone holds no words: the engine ran and heard none (or a stray word or two)
        assert attachment.status == "ready" and attachment.language == "en", attachment.error_code
        assert isinstance(attachment.transcript, str) and len(attachment.transcript) < 40
    assert stt._embedded_model.cache_info().currsize == 1


def test_the_embedded_engine_hears_a_spoken_name(embedded, partner, settings):
    # Spoken by the embedded speech engine (hibari, installed with the listener by
    # make install-llm), so the test needs nothing from the system and never skips.
    settings.TTS_BASE_URL = ""
    from attachments import tts

    voice_note, _seconds = tts.speak("I adopted a dog named Biscuit.")
    attachment = stored_attachment(partner, voice_note, container="ogg")
    services.attachment_transcribe(attachment_id=attachment.pk)
    attachment.refresh_from_db()
    assert attachment.status == "ready" and "biscuit" in attachment.transcript.lower(), attachment.transcript
