"""An image message answered by the real embedded model (SmolLM2 on llama.cpp's server): the
request it is sent holds the card's words and what the partner cannot see, and it answers."""

import json

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.db import connections

from project.env import EMBEDDED_LLM_MODEL
from project.llm import Endpoint, LLMClient
from relationships.chat.turn import Turn
from tests.attachments.conftest import card
from tests.attachments.images.conftest import encoded
from tests.attachments.test_image_chat import CANT_SEE, processed
from tests.relationships.test_turn import drive, session, types  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


class Recording(httpx.AsyncBaseTransport):
    """The real network, with every request kept."""

    def __init__(self):
        self.inner = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request):
        self.requests.append(request)
        return await self.inner.handle_async_request(request)


async def test_the_embedded_model_is_told_the_cards_words_and_what_it_cannot_see(
    session, local_llm, settings, tmp_path, monkeypatch  # noqa: F811
):
    settings.MEDIA_ROOT = str(tmp_path)
    # The test processes the image itself, in its own media folder: the task the upload queues
    # must not reach the live stack's worker (another media folder, where the file is not).
    from attachments import storing

    monkeypatch.setattr(storing, "enqueue_on_commit", lambda *args, **kwargs: None)
    attachment = await sync_to_async(processed)(session, encoded(card(), "PNG"))
    assert attachment.status == "ready", attachment.error_code
    transport = Recording()
    model = LLMClient(primary=Endpoint(local_llm, EMBEDDED_LLM_MODEL), first_token_timeout=120,
                      idle_timeout=60, transport=transport)
    try:
        frames = await drive(Turn(session, client_id="live-image", text="Look!", llm=model,
                                  attachment_id=attachment.pk))
    finally:
        await model.aclose()
        # The ORM ran in asgiref's thread: its connection would hold the test database open
        # past the session, and PostgreSQL refuses to drop a database in use.
        await sync_to_async(connections.close_all)()
    assert types(frames)[:3] == ["attachment.ready", "message.accepted", "reply.start"]
    assert frames[-1]["type"] == "reply.end" and frames[-1]["finish_reason"] in ("stop", "length")
    assert "".join(f["text"] for f in frames if f["type"] == "reply.delta").strip()
    [request] = transport.requests
    said = [m for m in json.loads(request.content)["messages"] if m["role"] == "user"][-1]["content"]
    assert said.startswith("Look!") and "HAPPY BIRTHDAY SAM" in said.upper() and CANT_SEE in said
