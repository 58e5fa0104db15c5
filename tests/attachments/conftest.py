import io
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from attachments import stt


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores its files in its own folder, so it can count what is left there."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def stored_files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


# (PyAV container format, encoder) of each kind of voice note phones send.
FORMATS = {
    "wav": ("wav", "pcm_s16le"),
    "ogg": ("ogg", "libopus"),
    "webm": ("webm", "libopus"),
    "mp3": ("mp3", "libmp3lame"),
    "m4a": ("ipod", "aac"),
}


def tone(kind: str = "ogg", *, seconds: float = 1.0, rate: int = 48_000, samples: np.ndarray | None = None) -> bytes:
    """A voice note of `kind` holding a 440 Hz tone (or `samples`, mono float32 at `rate`),
    encoded by FFmpeg as a phone would."""
    container, codec = FORMATS[kind]
    if samples is None:
        t = np.arange(int(seconds * rate)) / rate
        samples = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        step = stream.codec_context.frame_size or 1024
        for start in range(0, len(samples), step):
            frame = av.AudioFrame.from_ndarray(samples[start : start + step].reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


def video() -> bytes:
    """An MP4 with a picture and a sound track: not a voice note."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as out:
        picture = out.add_stream("libx264", rate=10)
        picture.width, picture.height, picture.pix_fmt = 64, 64, "yuv420p"
        for i in range(10):
            frame = av.VideoFrame.from_ndarray(np.full((64, 64, 3), i * 20, dtype=np.uint8), format="rgb24")
            for packet in picture.encode(frame):
                out.mux(packet)
        for packet in picture.encode(None):
            out.mux(packet)
    return buffer.getvalue()


class SttUpstream:
    """A scripted OpenAI-compatible speech-to-text server behind httpx.MockTransport (the
    sync sibling of tests/project/llm/upstream.py)."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.requests = []

    def handler(self, request):
        self.requests.append(request)
        response = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(response, Exception):
            raise response
        return response


@pytest.fixture
def stt_upstream(settings, monkeypatch):
    import httpx

    settings.STT_BASE_URL, settings.STT_MODEL, settings.STT_API_KEY = "http://stt.test/v1", "whisper-small", "k1"
    upstream = SttUpstream(httpx.Response(200, json={"text": "I adopted a dog named Biscuit."}))
    client = httpx.Client(transport=httpx.MockTransport(upstream.handler))
    monkeypatch.setattr(stt, "_client", lambda: client)
    return upstream


# A big TrueType font from the machine (Debian's fonts-dejavu), else Pillow's own (Aileron).
FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"), Path("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf")]


def font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONTS:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def card(text: str = "HAPPY BIRTHDAY SAM", size=(1600, 1000)) -> Image.Image:
    """A card: the words drawn large in a TrueType font on a warm paper colour."""
    image = Image.new("RGB", size, (250, 236, 205))
    draw = ImageDraw.Draw(image)
    face = font(size[1] // 9)
    width = draw.textlength(text, font=face)
    draw.text(((size[0] - width) // 2, size[1] * 2 // 5), text, font=face, fill=(170, 25, 60))
    return image
@pytest.fixture
def tts_upstream(settings, monkeypatch):
    """A scripted OpenAI-compatible /audio/speech answering a 2 s MP3; its requests, in order."""
    import httpx

    settings.TTS_BASE_URL, settings.TTS_MODEL, settings.TTS_VOICE, settings.TTS_API_KEY = (
        "http://tts.test/v1", "kokoro", "af_heart", "k2",
    )
    from attachments import tts

    requests = []

    def handler(request):
        requests.append(request)
        return httpx.Response(200, content=tone("mp3", seconds=2.0), headers={"content-type": "audio/mpeg"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    monkeypatch.setattr(tts, "_client", lambda: client)
    return requests
