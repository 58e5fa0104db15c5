"""Selfies, memory, proactive messages and the crisis protocol on the live stack: two web
processes and a Celery worker from the Procfile, the real local model, Redis between them."""

import io
import json
import subprocess
import sys
import time

import httpx
import pytest
from PIL import Image
from rest_framework_simplejwt.tokens import AccessToken

from project.env import BASE_DIR
from relationships.progression.services import xp_award
from tests.avatars.conftest import jpeg_with_exif
from tests.factories import PartnerFactory, UserFactory
from tests.integration.test_live_chat import frames_until, open_chat

pytestmark = pytest.mark.django_db(transaction=True)


def poll(fetch, done, timeout=90):
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


def test_a_selfie_with_a_photo_is_made_by_the_worker(live_stack, seeded_ladder):
    user = UserFactory()
    partner = PartnerFactory(owner=user, name="Mira")
    headers = {"Authorization": f"Bearer {AccessToken.for_user(user)}"}
    url = f"{live_stack.base_url}/api/partners/{partner.pk}/selfies/"
    photo = {"photo": ("me.jpg", jpeg_with_exif(), "image/jpeg")}

    locked = httpx.post(url, data={"destination": "kyoto_temple"}, files=photo, headers=headers, timeout=10)
    assert locked.status_code == 403 and locked.json()["error"]["code"] == "feature_locked"

    xp_award(partner=partner, source="grant", amount=400, idempotency_key=f"selfies:{partner.pk}")
    with open_chat(live_stack.ws_url, user, partner) as ws:
        queued = httpx.post(url, data={"destination": "kyoto_temple"}, files=photo, headers=headers, timeout=10)
        assert queued.status_code == 202, queued.text
        ready = frames_until(ws, "selfie.ready", timeout=90)[-1]["selfie"]
    assert ready["id"] == queued.json()["id"] and ready["status"] == "done" and ready["partner_caption"]

    selfie = httpx.get(f"{live_stack.base_url}/api/selfies/{ready['id']}/", headers=headers, timeout=10).json()
    picture = httpx.get(live_stack.base_url + selfie["image_url"], timeout=10)
    assert picture.status_code == 200 and picture.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(picture.content))
    assert image.size == (1024, 1024) and not image.getexif() and b"PhoneMaker" not in picture.content
    unauthorised = httpx.get(f"{live_stack.base_url}/api/selfies/{ready['id']}/image.jpg", timeout=10)
    assert unauthorised.status_code == 401


def test_biscuit_is_remembered_through_the_worker_with_the_small_model(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    headers = {"Authorization": f"Bearer {AccessToken.for_user(user)}"}
    with open_chat(live_stack.ws_url, user, partner) as ws:
        ws.send(json.dumps({"type": "message", "client_id": "b1", "text": "My dog's name is Biscuit and I love hiking"}))
        frames_until(ws, "reply.end", timeout=60)
    memories = poll(
        lambda: httpx.get(f"{live_stack.base_url}/api/partners/{partner.pk}/memories/", headers=headers, timeout=10).json(),
        lambda body: any("Biscuit" in m["text"] for m in body["results"]),
    )
    texts = [m["text"] for m in memories["results"]]
    assert any("Biscuit" in text for text in texts), texts
    assert any("hiking" in text for text in texts), texts


def test_send_proactive_force_reaches_a_socket_on_the_web_process(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    with open_chat(live_stack.ws_url, user, partner) as ws:
        done = subprocess.run(
            [sys.executable, "manage.py", "send_proactive", "--partner", str(partner.pk), "--force"],
            cwd=BASE_DIR, env=live_stack.env, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0 and "sent" in done.stdout, done.stdout + done.stderr
        frame = frames_until(ws, "message.proactive", timeout=30)[-1]
    assert frame["partner_id"] and frame["message"]["text"].strip()


def test_a_crisis_message_gets_the_referral_within_a_second(live_stack):
    user = UserFactory()
    partner = PartnerFactory(owner=user)
    with open_chat(live_stack.ws_url, user, partner) as ws:
        sent = time.monotonic()
        ws.send(json.dumps({"type": "message", "client_id": "c1", "text": "I want to kill myself tonight"}))
        referral = json.loads(ws.recv(timeout=5))
        assert time.monotonic() - sent < 1.0
        assert referral["type"] == "crisis_referral" and "988" in referral["text"]
        frames_until(ws, "reply.end", timeout=60)
    for name in ("web", "web2", "worker"):
        assert "kill myself" not in live_stack.log(name), name
