"""Text to speech: any OpenAI-compatible `POST {TTS_BASE_URL}/audio/speech`, or the embedded
engine when none is configured; either way the result is one Ogg Opus file marked as
AI-generated (EU AI Act Art. 50) in its metadata.

The endpoint (Kokoro-FastAPI, openedai-speech, LocalAI, OpenAI) gets JSON `{model, input, voice,
response_format}` and answers audio bytes, which are decoded and encoded again here, so that
every file Hearth hands out is Opus and carries the marking. The embedded engine is hibari-tts
with the one voice its wheel ships ("heart"; the others would download, so they are never
asked for), loaded once per process.
"""

from __future__ import annotations

import functools
import io
import threading

import av
import httpx
import numpy as np
from django.conf import settings

from attachments.audio import Undecodable, audio_decode, sniff
from attachments.stt import SttError as SpeechError  # one error type for both directions

EMBEDDED_VOICE = "heart"  # bundled in the hibari-tts wheel
RATE = 24_000
# The marking every synthesized file carries (Vorbis comments of the Ogg stream).
MARKING = {
    "comment": "AI-generated speech: a virtual partner's reply, synthesized by Hearth.",
    "ai_generated": "true",
    "digital_source_type": "trainedAlgorithmicMedia",
}


@functools.cache
def _client() -> httpx.Client:
    timeout = httpx.Timeout(connect=settings.STT_CONNECT_TIMEOUT, read=settings.TTS_TIMEOUT, write=10, pool=10)
    return httpx.Client(timeout=timeout, limits=httpx.Limits(max_connections=10))


def speak_remote(text: str) -> np.ndarray:
    headers = {"Authorization": f"Bearer {settings.TTS_API_KEY}"} if settings.TTS_API_KEY else {}
    body = {"model": settings.TTS_MODEL, "input": text, "voice": settings.TTS_VOICE, "response_format": "opus"}
    url = settings.TTS_BASE_URL.rstrip("/") + "/audio/speech"
    try:
        response = _client().post(url, json=body, headers=headers)
    except httpx.TimeoutException as exc:
        raise SpeechError("tts_timeout", "The speech service took too long.", retryable=True) from exc
    except httpx.TransportError as exc:
        raise SpeechError("tts_unavailable", "The speech service is unreachable.", retryable=True) from exc
    if response.status_code != 200:
        raise SpeechError("tts_error", f"The speech service answered {response.status_code}.", retryable=True)
    container = sniff(response.content[:16])
    if container is None:
        raise SpeechError("tts_error", "The speech service sent no audio we can read.", retryable=True)
    try:
        return audio_decode(response.content, container=container, max_seconds=600, rate=RATE)
    except Undecodable as exc:
        raise SpeechError("tts_error", "The speech service sent no audio we can read.", retryable=True) from exc


_load_lock = threading.Lock()


@functools.cache
def _embedded_engine():
    from hibari import Hibari  # the embedded engines' packages are optional

    with _load_lock:
        engine = Hibari(voice=EMBEDDED_VOICE, threads=max(settings.STT_THREADS, 1))
        engine("Hello.")  # its first call loads the lexicons (seconds): not on a user's reply
        return engine


def speak_embedded(text: str) -> np.ndarray:
    try:
        engine = _embedded_engine()
    except ImportError as exc:
        raise SpeechError("tts_unavailable", "No speech engine is installed (make install-llm).", retryable=False) from exc
    try:
        return np.asarray(engine(text), dtype=np.float32)
    except (RuntimeError, ValueError) as exc:
        raise SpeechError("tts_error", "The reply could not be spoken.", retryable=True) from exc


def speech_encode(samples: np.ndarray, *, rate: int = RATE) -> bytes:
    """Ogg Opus, mono, with the AI-generated marking in its metadata."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="ogg") as out:
        out.metadata.update(MARKING)
        stream = out.add_stream("libopus", rate=48_000, layout="mono")
        stream.metadata.update(MARKING)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=48_000)
        step = 4800
        clipped = np.clip(samples, -1.0, 1.0).astype(np.float32)
        for start in range(0, len(clipped), step):
            frame = av.AudioFrame.from_ndarray(clipped[start : start + step].reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate = rate
            for resampled in resampler.resample(frame):
                for packet in stream.encode(resampled):
                    out.mux(packet)
        for resampled in resampler.resample(None):
            for packet in stream.encode(resampled):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


def speak(text: str) -> tuple[bytes, float]:
    """(the Ogg Opus file of `text` spoken, its seconds)."""
    samples = speak_remote(text) if settings.TTS_BASE_URL else speak_embedded(text)
    if samples.size == 0:
        raise SpeechError("tts_error", "The speech engine said nothing.", retryable=True)
    return speech_encode(samples), round(len(samples) / RATE, 2)
