"""Chat end to end: real websockets, real uvicorn processes, Redis between them, and the
real local model (SmolLM2 on llama.cpp) answering."""

import contextlib
import json
import time

import pytest
from rest_framework_simplejwt.tokens import AccessToken
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from relationships.models import Message
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@contextlib.contextmanager
def open_chat(url: str, user, partner, **options):
    token = str(AccessToken.for_user(user))
    with connect(
        f"{url}/ws/chat/{partner.pk}/",
        additional_headers={"Authorization": f"Bearer {token}"},
        open_timeout=10,
        **options,
    ) as ws:
        disclosure = json.loads(ws.recv(timeout=10))
        assert disclosure["type"] == "ai_disclosure" and "AI" in disclosure["text"]
        ready = json.loads(ws.recv(timeout=10))
        assert ready["type"] == "ready"
        yield ws


def frames_until(ws, frame_type: str, timeout: float = 120) -> list[dict]:
    frames = []
    while True:
        frame = json.loads(ws.recv(timeout=timeout))
        frames.append(frame)
        if frame["type"] == frame_type:
            return frames


def test_the_local_model_answers_over_a_websocket(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user, name="Mira")
    with open_chat(live_stack.ws_url, user, partner) as ws:
        ws.send(json.dumps({"type": "message", "client_id": "e2e-1", "text": "Hello! What do you enjoy?"}))
        frames = frames_until(ws, "reply.end")
        progress = frames_until(ws, "progress.update", timeout=30)[-1]  # from the worker, via Redis

    deltas = [f["text"] for f in frames if f["type"] == "reply.delta"]
    end = frames[-1]
    assert [f["type"] for f in frames[:2]] == ["message.accepted", "reply.start"]
    assert end["finish_reason"] in ("stop", "length")
    assert "".join(deltas).strip(), "the model said nothing"
    assert end["usage"]["completion_tokens"] > 0
    stored = Message.objects.get(pk=end["message_id"])
    assert stored.text == "".join(deltas)
    assert stored.reply_to.text == "Hello! What do you enjoy?"
    assert progress["xp_delta"] > 0 and progress["xp"] >= progress["xp_delta"]


def test_a_second_device_on_another_process_receives_the_messages(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    with open_chat(live_stack.ws_url, user, partner) as phone, open_chat(
        live_stack.second_ws_url, user, partner
    ) as tablet:
        phone.send(json.dumps({"type": "message", "client_id": "x-1", "text": "Hi from my phone"}))
        end = frames_until(phone, "reply.end")[-1]
        seen = [json.loads(tablet.recv(timeout=30)) for _ in range(2)]

    assert [f["type"] for f in seen] == ["message.new", "message.new"]
    assert seen[0]["message"]["text"] == "Hi from my phone"
    assert seen[1]["message"]["id"] == end["message_id"]


def test_a_frame_over_64_kib_closes_the_socket_with_1009(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    with open_chat(live_stack.ws_url, user, partner, max_size=None) as ws:
        ws.send(json.dumps({"type": "message", "client_id": "big", "text": "x" * 70_000}))
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd.code == 1009
    assert not Message.objects.filter(client_id="big").exists()


def test_a_token_in_the_url_is_refused_and_never_logged(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    secret = str(AccessToken.for_user(user))
    with connect(f"{live_stack.ws_url}/ws/chat/{partner.pk}/?token={secret}", open_timeout=10) as ws:
        assert json.loads(ws.recv(timeout=10))["code"] == "token_in_url"
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd.code == 4401
    assert "/ws/chat/" in live_stack.log("web")  # the handshake was logged...
    assert secret not in live_stack.log("web")  # ...without its query string


def test_a_message_text_never_reaches_the_server_logs(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    marker = "my-very-private-words-7431"
    with open_chat(live_stack.ws_url, user, partner) as ws:
        ws.send(json.dumps({"type": "message", "client_id": "private", "text": f"Secret: {marker}"}))
        frames_until(ws, "reply.end")
    for name in ("web", "web2", "worker"):
        assert marker not in live_stack.log(name), name


def test_a_socket_stays_usable_after_a_quiet_spell(live_stack):
    # channels_redis waits 5 s per blocking read on the layer; a Redis client
    # timing out at the same 5 s used to end a quiet socket's consumer.
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    with open_chat(live_stack.ws_url, user, partner) as ws:
        time.sleep(7)
        ws.send(json.dumps({"type": "message", "client_id": "after-quiet", "text": "Still here?"}))
        assert frames_until(ws, "reply.end")[-1]["finish_reason"] in ("stop", "length")
    assert "TimeoutError" not in live_stack.log("web")


def test_the_local_model_writes_a_moment(local_llm):
    import datetime

    from django.test import override_settings

    from moments.services import moment_generate
    from project.env import EMBEDDED_LLM_MODEL

    partner = PartnerFactory(name="Mira", interests=["baking", "stargazing"])
    daytime = datetime.datetime.now(datetime.UTC).replace(hour=10)
    with override_settings(LLM_BASE_URL=local_llm, LLM_MODEL=EMBEDDED_LLM_MODEL, LLM_API_KEY=""):
        moment = moment_generate(partner=partner, now=daytime)
    assert moment is not None and moment.text.strip()
    assert len(moment.text) <= 1000


def test_a_comment_is_answered_by_the_worker_and_pushed_to_the_socket(live_stack, seeded_ladder):
    import httpx

    from moments.models import Moment, MomentComment
    from relationships.progression.services import xp_award

    user = UserFactory()
    partner = PartnerFactory(owner=user, name="Mira")
    xp_award(partner=partner, source="grant", amount=150, idempotency_key=f"open:{partner.pk}")
    moment = Moment.objects.create(partner=partner, text="Watched the stars from the pier tonight.")
    headers = {"Authorization": f"Bearer {AccessToken.for_user(user)}"}

    with open_chat(live_stack.ws_url, user, partner) as ws:
        posted = httpx.post(
            f"{live_stack.base_url}/api/moments/{moment.pk}/comments/",
            json={"text": "That sounds magical! Which stars did you see?"},
            headers=headers,
            timeout=10,
        )
        assert posted.status_code == 201, posted.text
        frame = frames_until(ws, "moment.reply", timeout=60)[-1]

    assert frame["moment_id"] == moment.pk and frame["comment"]["text"].strip()
    reply = MomentComment.objects.get(author_type="partner")
    assert reply.reply_to_id == posted.json()["id"]
