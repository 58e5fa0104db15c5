"""Reading a user's voice note as if it were hostile, with FFmpeg through PyAV.

`audio_probe` runs in the web request and decodes nothing: the first bytes choose one
demuxer from a short list (so FFmpeg never guesses among all it knows, some of which open
other files or URLs named inside the input), the container's header gives the duration,
and where a header has none (a WebM from a browser's recorder) the packets are counted
without decoding, stopping at the limit. `audio_decode` runs in the worker: it decodes to
16 kHz mono float32 for the speech-to-text engine, bounded in seconds.
"""

import io
from dataclasses import dataclass

import av
import numpy as np

from project.errors import ApplicationError

# The first bytes of each container phones record, and the demuxer that reads it.
# container: (FFmpeg demuxer, file extension)
CONTAINERS = {
    "wav": ("wav", "wav"),
    "ogg": ("ogg", "ogg"),
    "webm": ("matroska", "webm"),
    "mp3": ("mp3", "mp3"),
    "m4a": ("mov", "m4a"),
}
# Codecs accepted inside them (FFmpeg's decoder names).
CODECS = frozenset(
    {"aac", "opus", "vorbis", "mp3", "mp3float", "pcm_s16le", "pcm_s24le", "pcm_s32le", "pcm_f32le",
     "pcm_u8", "pcm_alaw", "pcm_mulaw"}
)
SAMPLE_RATE = 16_000  # what Whisper models hear
# Packets may cover a little less than the header says (encoder delay, padding), not half.
_COVERED = 0.9


@dataclass(frozen=True)
class Probe:
    container: str  # a key of CONTAINERS
    codec: str
    duration_s: float

    @property
    def extension(self) -> str:
        return CONTAINERS[self.container][1]


def unsupported() -> ApplicationError:
    return ApplicationError(
        "unsupported_audio",
        "A voice note must be AAC/M4A, Opus or Vorbis in Ogg or WebM, MP3 or WAV.",
        fields={"file": ["Not a voice note we can play."]},
    )


def too_long(max_seconds: int) -> ApplicationError:
    return ApplicationError(
        "voice_too_long",
        f"A voice note lasts at most {max_seconds} seconds.",
        fields={"file": [f"At most {max_seconds} seconds."]},
        max_seconds=max_seconds,
    )


def sniff(head: bytes) -> str | None:
    """The container the first bytes announce, or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:4] == b"OggS":
        return "ogg"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if head[4:8] == b"ftyp":
        return "m4a"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    return None


def _ogg_ended(data: bytes) -> bool:
    """Whether the last Ogg page carries the end-of-stream flag (a cut-off upload does not:
    FFmpeg would quietly play the part that arrived)."""
    last = data.rfind(b"OggS")
    return last >= 0 and len(data) >= last + 27 and bool(data[last + 5] & 0x04)


def audio_probe(data: bytes, *, max_seconds: int) -> Probe:
    """What the voice note is, from its header (no decoding). Raises ApplicationError:
    unsupported_audio for anything else (a text file renamed .m4a, a video, a cut-off file),
    voice_too_long past `max_seconds`."""
    container = sniff(data[:16])
    if container is None:
        raise unsupported()
    if container == "ogg" and not _ogg_ended(data):
        raise unsupported()
    demuxer = CONTAINERS[container][0]
    try:
        with av.open(io.BytesIO(data), format=demuxer, options={"enable_drefs": "0"}) as source:
            if len(source.streams.audio) != 1 or source.streams.video:
                raise unsupported()
            stream = source.streams.audio[0]
            codec = stream.codec_context.name
            if codec not in CODECS:
                raise unsupported()
            declared = source.duration / av.time_base if source.duration else None
            if declared is not None and declared > max_seconds:
                raise too_long(max_seconds)
            # Count the packets (not decoding them): a header without a duration, or one that
            # promises more than arrived (a truncated upload), is found out here.
            counted = 0.0
            for packet in source.demux(stream):
                if packet.duration and packet.time_base:
                    counted += float(packet.duration * packet.time_base)
                    if counted > max_seconds + 1:
                        raise too_long(max_seconds)
    except ApplicationError:
        raise
    except (av.FFmpegError, OSError, EOFError, ValueError, IndexError, MemoryError):
        raise unsupported() from None
    if counted <= 0 or (declared is not None and counted < declared * _COVERED):
        raise unsupported()
    duration = declared if declared is not None else counted
    if duration > max_seconds:
        raise too_long(max_seconds)
    return Probe(container=container, codec=codec, duration_s=round(duration, 2))


class Undecodable(Exception):
    """The stored audio could not be decoded (it passed the probe, but its frames are broken)."""


def audio_decode(data: bytes, *, container: str, max_seconds: float, rate: int = SAMPLE_RATE) -> np.ndarray:
    """The audio as mono float32 samples at `rate` (16 kHz), at most `max_seconds` of them."""
    demuxer = CONTAINERS[container][0]
    limit = int(max_seconds * rate)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), format=demuxer, options={"enable_drefs": "0"}) as source:
            resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
            for frame in source.decode(audio=0):
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    total += len(chunk)
                if total > limit:
                    break
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except (av.FFmpegError, OSError, EOFError, ValueError, IndexError, MemoryError) as exc:
        raise Undecodable(type(exc).__name__) from None
    if not chunks:
        raise Undecodable("no audio frames")
    return np.concatenate(chunks)[:limit].astype(np.float32, copy=False)
