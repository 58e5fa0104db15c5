import io

import pytest
from PIL import Image

from attachments.images import nsfw, perception
from attachments.images.decode import ImageRejected
from attachments.images.pipeline import image_process
from tests.attachments.images.conftest import birthday_card, encoded

LIMITS = {"max_bytes": 10 * 1024 * 1024, "max_pixels": 25_000_000}


def test_a_card_goes_through_every_step(card_jpeg):
    done = image_process(card_jpeg, **LIMITS, user_is_minor=True, adult_setting="refuse")
    assert "HAPPY BIRTHDAY SAM" in done.perception.text and "HAPPY BIRTHDAY SAM" in done.description
    assert done.nsfw_score < 0.2
    assert Image.open(io.BytesIO(done.thumbnail)).size == (320, 240)
    assert Image.open(io.BytesIO(done.decoded.jpeg)).size == (1600, 1200)
    assert set(done.timings_ms) == {"decode", "nsfw", "perception", "describe"}


@pytest.mark.parametrize(
    "score,minor,setting,refused",
    [(0.6, True, "allow", True), (0.6, False, "refuse", False), (0.9, False, "refuse", True), (0.9, False, "allow", False)],
)
def test_the_screen_refuses_before_any_more_work(monkeypatch, score, minor, setting, refused):
    monkeypatch.setattr(nsfw, "nsfw_score", lambda image: score)
    perceived = []
    real_perceive = perception.perceive
    monkeypatch.setattr(perception, "perceive", lambda image: perceived.append(1) or real_perceive(image, ocr=False))
    data = encoded(birthday_card(size=(400, 300)), "JPEG")
    if refused:
        with pytest.raises(ImageRejected) as error:
            image_process(data, **LIMITS, user_is_minor=minor, adult_setting=setting)
        assert error.value.code == "image_not_allowed" and perceived == []
    else:
        assert image_process(data, **LIMITS, user_is_minor=minor, adult_setting=setting).nsfw_score == score
        assert perceived == [1]


def test_a_bad_upload_is_refused_by_the_decoder():
    with pytest.raises(ImageRejected) as error:
        image_process(b"GIF89a" + b"\0" * 50, **LIMITS, user_is_minor=False, adult_setting="refuse")
    assert error.value.code == "image_unsupported"
