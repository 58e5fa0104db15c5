"""A chat message that carries an image: the turn waits for the worker, screens the typed text
and the image's words, and prompts with an honest description (a text-only model) or with the
image as an inline data: URL (a vision model); never an http(s) URL."""

import asyncio
import base64
import io
import json

import httpx
import pytest
from asgiref.sync import sync_to_async
from PIL import Image

from attachments import chat as attachment_chat
from attachments.image_messages import attachment_image_process, image_upload
from attachments.models import Attachment
from project.llm import Endpoint, LLMClient
from relationships.chat.turn import Turn, TurnState
from relationships.models import Message
from tests.attachments.conftest import card
from tests.attachments.images.conftest import encoded
from tests.project.llm.upstream import Upstream, sse
from tests.relationships.test_chat_consumer import HELLO, connect, frames_until, upstream  # noqa: F401
from tests.relationships.test_turn import ScriptedModel, assert_closed, drive, session, types  # noqa: F401

CANT_SEE = "You can't see anything in the picture beyond this"
def processed(session, data: bytes) -> Attachment:
    """An image as the upload and the worker leave it (the task is also queued after commit;
    processing is idempotent, so whichever runs first does the work)."""
    attachment = image_upload(owner=session.user, partner=session.partner, data=data)
    attachment_image_process(attachment_id=attachment.pk)
    attachment.refresh_from_db()
    return attachment


def last_user(prompt: list[dict]):
    return [m for m in prompt if m["role"] == "user"][-1]["content"]


@pytest.mark.django_db(transaction=True)
async def test_over_the_socket_a_card_is_read_and_the_prompt_says_what_cannot_be_seen(
    user, partner, auth_api, upstream  # noqa: F811
):
    body = io.BytesIO(encoded(card(), "PNG"))
    body.name = "card.png"
    # the worker's processing is queued after commit and runs at once (eager Celery)
    uploaded = await sync_to_async(auth_api.post)(
        f"/api/partners/{partner.pk}/attachments/", {"file": body}, format="multipart"
    )
    assert uploaded.status_code == 201 and uploaded.json()["kind"] == "image"
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()  # ready
    await ws.send_json_to({"type": "message", "client_id": "i1", "text": "Look what I got!",
                           "attachment_id": uploaded.json()["id"]})
    frames = await frames_until(ws, "reply.end", timeout=10)
    kinds = [f["type"] for f in frames]
    assert kinds[:3] == ["attachment.ready", "message.accepted", "reply.start"] and kinds[-1] == "reply.end"
    assert frames[0]["attachment"]["kind"] == "image" and frames[0]["attachment"]["thumbnail_url"].startswith("/media/")
    [request] = upstream.requests
    sent = json.loads(request.content)
    said = last_user(sent["messages"])
    assert isinstance(said, str) and said.startswith("Look what I got!")
    assert "HAPPY BIRTHDAY SAM" in said.upper() and CANT_SEE in said
    assert "image_url" not in request.content.decode()
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_with_llm_vision_the_image_goes_inline_and_never_as_a_web_address(
    user, partner, auth_api, upstream, settings  # noqa: F811
):
    settings.LLM_VISION = True
    body = io.BytesIO(encoded(card(), "JPEG", quality=90))
    body.name = "card.jpg"
    uploaded = await sync_to_async(auth_api.post)(
        f"/api/partners/{partner.pk}/attachments/", {"file": body}, format="multipart"
    )
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    await ws.send_json_to({"type": "message", "client_id": "i2", "text": "From Mum", "attachment_id": uploaded.json()["id"]})
    frames = await frames_until(ws, "reply.end", timeout=10)
    assert frames[-1]["finish_reason"] == "stop"
    [request] = upstream.requests
    raw = request.content.decode()
    parts = last_user(json.loads(raw)["messages"])
    assert parts[0] == {"type": "text", "text": "From Mum"}
    [image_part] = [p for p in parts if p["type"] == "image_url"]
    url = image_part["image_url"]["url"]
    assert url.startswith("data:image/jpeg;base64,")
    assert "http://" not in raw and "https://" not in raw
    sent_image = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
    assert sent_image.format == "JPEG" and max(sent_image.size) <= 1600 and not sent_image.getexif()
    assert CANT_SEE not in raw  # the model sees it: no description in words
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_separate_vision_endpoint_gets_the_image_turn_and_the_chat_model_none(
    session, settings, monkeypatch  # noqa: F811
):
    settings.VISION_BASE_URL, settings.VISION_MODEL = "http://vision.test/v1", "a-vision-model"
    vision = Upstream(lambda up: sse(HELLO, piece=7))
    client = LLMClient(primary=Endpoint(settings.VISION_BASE_URL, settings.VISION_MODEL),
                       transport=httpx.MockTransport(vision.handler))
    monkeypatch.setattr(attachment_chat, "get_vision_client", lambda: client)
    attachment = await sync_to_async(processed)(session, encoded(card(), "JPEG"))
    chat_model = ScriptedModel()
    frames = await drive(Turn(session, client_id="i3", text="", llm=chat_model, attachment_id=attachment.pk))
    assert frames[-1]["type"] == "reply.end" and frames[-1]["finish_reason"] == "stop"
    assert chat_model.asked == 0  # the text-only chat model was not asked
    [request] = vision.requests
    sent = json.loads(request.content)
    assert sent["model"] == "a-vision-model"
    assert any(p["type"] == "image_url" for p in last_user(sent["messages"]))


@pytest.mark.django_db(transaction=True)
async def test_crisis_words_in_a_photo_get_the_referral(session):  # noqa: F811
    attachment = await sync_to_async(processed)(session, encoded(card("I WANT TO KILL MYSELF"), "PNG"))
    assert "KILL MYSELF" in attachment.ocr_text.upper()
    model = ScriptedModel()
    frames = await drive(Turn(session, client_id="i4", text="", llm=model, attachment_id=attachment.pk))
    assert types(frames)[:2] == ["attachment.ready", "crisis_referral"]
    assert "KILL MYSELF" in last_user(model.prompt).upper()


@pytest.mark.django_db(transaction=True)
async def test_the_turn_waits_for_the_worker_and_the_history_shows_the_image(session, auth_api):  # noqa: F811
    attachment = await sync_to_async(Attachment.objects.create)(
        owner=session.user, partner=session.partner, kind="image", file="attachments/none.upload",
        container="jpeg", codec="", size_bytes=10,
    )
    data = encoded(card("SEE YOU SOON"), "JPEG")

    def finish_processing():
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        default_storage.save("attachments/none.upload", ContentFile(data))
        attachment_image_process(attachment_id=attachment.pk)

    async def worker():
        await asyncio.sleep(0.3)
        await sync_to_async(finish_processing)()

    model = ScriptedModel()
    t = Turn(session, client_id="i5", text="hi", llm=model, attachment_id=attachment.pk)
    frames, _ = await asyncio.gather(drive(t), worker())
    assert types(frames)[:3] == ["attachment.transcribing", "attachment.ready", "message.accepted"]
    assert "SEE YOU SOON" in last_user(model.prompt).upper()
    assert_closed(session, t)
    message = await sync_to_async(Message.objects.get)(pk=frames[2]["message_id"])
    assert message.text == "hi"  # what was typed; the picture's words stay with the image
    history = (await sync_to_async(auth_api.get)(f"/api/partners/{session.partner.pk}/messages/")).json()["results"]
    shown = next(m for m in history if m["id"] == message.pk)["attachment"]
    assert shown["id"] == attachment.pk and shown["kind"] == "image" and shown["status"] == "ready"
    assert shown["url"].startswith("/media/") and shown["thumbnail_url"].startswith("/media/")
    assert shown["transcript"] is None


@pytest.mark.django_db(transaction=True)
async def test_a_refused_image_ends_the_turn_with_its_code_and_stores_no_message(session, monkeypatch):  # noqa: F811
    from attachments.images import nsfw

    monkeypatch.setattr(nsfw, "nsfw_score", lambda image: 0.99)
    attachment = await sync_to_async(processed)(session, encoded(card(), "JPEG"))
    assert attachment.status == "failed" and not attachment.file
    t = Turn(session, client_id="i6", text="look", llm=ScriptedModel(), attachment_id=attachment.pk)
    [error] = await drive(t)
    assert error["type"] == "error" and error["code"] == "image_not_allowed" and error["retryable"] is False
    assert t.history == [TurnState.SCREENING, TurnState.DONE] and session.turn is None
    assert await sync_to_async(Message.objects.count)() == 0


@pytest.mark.django_db(transaction=True)
async def test_an_image_that_failed_by_a_fault_is_processed_again_by_the_next_message(session):  # noqa: F811
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    data = encoded(card("AGAIN"), "JPEG")
    name = await sync_to_async(default_storage.save)(Attachment.new_file_name("upload"), ContentFile(data))
    attachment = await sync_to_async(Attachment.objects.create)(
        owner=session.user, partner=session.partner, kind="image", file=name, container="jpeg", codec="",
        size_bytes=len(data), status="failed", error_code="image_error",
    )
    model = ScriptedModel()
    # queued again by this message, and run at once after its commit (eager Celery)
    frames = await drive(Turn(session, client_id="i7", text="", llm=model, attachment_id=attachment.pk))
    assert types(frames)[:2] == ["attachment.ready", "message.accepted"]
    again = await sync_to_async(Attachment.objects.get)(pk=attachment.pk)
    assert again.status == "ready" and again.attempts == 1 and "AGAIN" in again.ocr_text.upper()
    assert "AGAIN" in last_user(model.prompt).upper()
