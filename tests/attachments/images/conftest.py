import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

DATA = Path(__file__).parent / "data"


def encoded(image: Image.Image, format: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **params)
    return buffer.getvalue()


def sample(name: str) -> Image.Image:
    """astronaut (a person, one face), chelsea (a cat): public-domain/CC0, data/README.md."""
    with Image.open(DATA / f"{name}.jpg") as image:
        return image.convert("RGB")


def birthday_card(text: str = "HAPPY BIRTHDAY SAM!", size=(1600, 1200)) -> Image.Image:
    """A photo-like card: a warm gradient with a little noise, the words in a display font."""
    width, height = size
    card = Image.linear_gradient("L").resize(size).convert("RGB")
    card = Image.blend(card, Image.new("RGB", size, (245, 225, 190)), 0.8)
    noise = Image.effect_noise(size, 12).convert("RGB")
    card = Image.blend(card, noise, 0.06)
    draw = ImageDraw.Draw(card)
    font = ImageFont.load_default(size=height // 11)
    draw.text((width // 16, height * 3 // 8), text, font=font, fill=(170, 25, 60))
    draw.text((width // 16, height * 5 // 8), "love, Mum", font=font, fill=(40, 40, 40))
    return card


@pytest.fixture(scope="session")
def card_jpeg() -> bytes:
    return encoded(birthday_card(), "JPEG", quality=90)
