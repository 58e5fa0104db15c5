"""The crisis screen over the live socket with the model down: every crisis message of the
held-out set (safety/training/heldout/, never trained or tuned on) gets exactly the verdict the
offline screen gives it, the referral first and within a second, from a web process whose LLM
endpoint answers nothing."""

import json
import time
from pathlib import Path

import pytest
from rest_framework_simplejwt.tokens import AccessToken
from websockets.sync.client import connect

from project import stack
from project.env import BASE_DIR
from safety.screen import screen_message
from tests.factories import PartnerFactory, UserFactory
from tests.integration.conftest import _start, _stop, _wait_until_up, database_url, free_port

pytestmark = pytest.mark.django_db(transaction=True)

HELDOUT = Path(BASE_DIR) / "safety" / "training" / "heldout" / "en.jsonl"


@pytest.fixture(scope="module")
def web_without_llm(django_db_setup, django_db_blocker, tmp_path_factory):
    import os
    import sys

    from django.conf import settings

    port, dead = free_port(), free_port()  # nothing listens on `dead`
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        "REDIS_URL": settings.REDIS_URL,
        "LLM_BASE_URL": f"http://127.0.0.1:{dead}/v1",
        "LLM_MODEL": "none",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    logs = tmp_path_factory.mktemp("web-without-llm")
    processes = {"web": _start("web", stack.processes()["web"], env, logs)}
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/healthz", processes, time.monotonic() + 60)
        yield f"ws://127.0.0.1:{port}"
    finally:
        _stop(processes, logs)


def first_frame_after(url: str, user, text: str) -> tuple[dict, float]:
    partner = PartnerFactory(owner=user)
    token = str(AccessToken.for_user(user))
    with connect(f"{url}/ws/chat/{partner.pk}/", additional_headers={"Authorization": f"Bearer {token}"}) as ws:
        while json.loads(ws.recv(timeout=10))["type"] != "ready":
            pass
        sent = time.monotonic()
        ws.send(json.dumps({"type": "message", "client_id": "c1", "text": text}))
        first = json.loads(ws.recv(timeout=10))
        return first, time.monotonic() - sent


def test_every_held_out_crisis_message_gets_the_offline_verdict_with_the_model_down(web_without_llm):
    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    crisis = [row["text"] for row in rows if row["label"] == "crisis"]
    assert len(crisis) >= 150
    user = UserFactory()
    referred, disagreements, slow = 0, [], []
    for index, text in enumerate(crisis):
        first, elapsed = first_frame_after(web_without_llm, user, text)
        expected = screen_message(text) is not None
        got = first["type"] == "crisis_referral"
        referred += got
        if got != expected:
            disagreements.append(index)
        if got and elapsed >= 1.0:
            slow.append(index)
        if not got:  # with the model down the turn still answers, in the error shape
            assert first["type"] in ("message.accepted", "error"), first
    print(f"held-out crisis messages referred over the socket: {referred}/{len(crisis)}")
    assert not disagreements, f"socket and offline screen disagree on rows {disagreements}"
    assert not slow, f"referrals slower than 1 s on rows {slow}"
