import io

import pytest
from PIL import Image

from avatars import services
from relationships.progression.services import xp_award
from tests.conftest import script_llm


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores its files in its own folder, so it can count what is left there."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def stored_files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def llm(monkeypatch):
    """Captions the selfie service asks for (tests.conftest.script_llm)."""
    return script_llm(monkeypatch, services, "Sunsets look better with you here.")


@pytest.fixture
def selfies_unlocked(partner):
    xp_award(partner=partner, source="grant", amount=400, idempotency_key="unlock-selfies")
    return partner


def jpeg_with_exif(width=640, height=480, colour=(200, 30, 30)) -> bytes:
    """A photo as a phone takes it: GPS position, camera make and model, rotated by EXIF."""
    image = Image.new("RGB", (width, height), colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Pocket Camera 9"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 29.0)
    gps[3] = "E"
    gps[4] = (2.0, 17.0, 40.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825), "the fixture must carry GPS"
    return data
