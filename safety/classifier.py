"""The learned stage of the crisis screen: a linear model over hashed n-grams, in pure Python.

`safety.screen.screen_message` (phrases, high precision) runs first; this model catches the
phrasings the phrase lists never thought of. The two are combined as OR by the caller.

- Local and deterministic: the standard library only, no network, no model hub, no Django.
  The weights ship in the repository (`safety/models/crisis_classifier.bin`, written by
  `python -m safety.training.train`) and are checked against the sha256 beside them.
- Features: character 3- to 5-grams of the normalised text (the same normaliser as the phrase
  screen, so leetspeak, homoglyphs and spaced letters read alike), word 1- and 2-grams, and the
  message's last word and last two words, each hashed (crc32) into a fixed number of buckets. Scores are a softmax over five classes: none,
  suicide, self_harm, method_seeking, eating_disorder.
- Long messages are scored in chunks of about `CHUNK_CHARS` normalised characters and the riskiest
  chunk counts, so a crisis sentence is not diluted by a long story around it, and the cost grows
  linearly up to `MAX_CHARS`, past which the text is not read.
- Context: the user's previous messages raise a message's score, most for the latest, by at most
  `context_weight` in logit, never lower it. A message that is not risky alone stays below the
  threshold after one risky message; an ambiguous one ("my last night") crosses it.
"""

from __future__ import annotations

import array
import hashlib
import json
import math
import re
import struct
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

# The same normaliser as the phrase screen: leetspeak, homoglyphs and spaced letters read alike.
from safety.normalize import normalize_message as normalize

__all__ = [
    "CATEGORIES",
    "Model",
    "Verdict",
    "WeightsError",
    "classify",
    "crisis_scores",
    "info",
    "load",
    "normalize",
]

WEIGHTS_PATH = Path(__file__).parent / "models" / "crisis_classifier.bin"
MAGIC = b"HEARTHCC"
FORMAT_VERSION = 1
CLASSES = ("none", "suicide", "self_harm", "method_seeking", "eating_disorder")
CATEGORIES = CLASSES[1:]
LANGUAGES = ("en", "es", "pt", "fr", "de")

CHAR_NGRAMS = (3, 4, 5)
CHUNK_CHARS = 320
MAX_CHARS = 4000
CONTEXT_MESSAGES = 4  # the last few of the user's messages; older ones are not read
# A message of one or two words ("sure", "alright", "goodbye") is too little evidence to refer on
# its own, however its few n-grams score: its own risk is capped below any threshold, and as
# context it lifts nothing. It still refers after a longer distress message ("goodbye" after
# "I can't do this anymore"), and the phrases still catch "kms" or "unalive" alone.
THIN_WORDS = 2
THIN_CAP = 0.5
_WORD = re.compile(r"\w+")


class WeightsError(RuntimeError):
    """The weights file is missing, truncated, corrupt or of another format."""


# --- Features ----------------------------------------------------------------------------------

_WORD_SEED = 0x5EED0001
_BIGRAM_SEED = 0x5EED0002
_END_SEED = 0x5EED0003


def feature_ids(normalized: str, mask: int) -> list[int]:
    """Hashed feature ids of one normalised text, with repetitions (a count is a repeat)."""
    data = f" {normalized} ".encode("ascii", "ignore")
    crc = zlib.crc32
    ids: list[int] = []
    n_bytes = len(data)
    for n in CHAR_NGRAMS:
        ids += [crc(data[i : i + n], n) & mask for i in range(n_bytes - n + 1)]
    words = data.split()
    ids += [crc(w, _WORD_SEED) & mask for w in words]
    ids += [crc(a + b" " + b, _BIGRAM_SEED) & mask for a, b in pairwise(words)]
    # How a message ends: "... my last night" is not "... my last night in paris".
    if words:
        ids.append(crc(b" ".join(words[-2:]), _END_SEED) & mask)
        ids.append(crc(words[-1], _END_SEED + 1) & mask)
    return ids


_SENTENCE = re.compile(r"(?<=[.!?\n;])\s+|\n+")


def chunks(text: str) -> list[str]:
    """The normalised text, as one piece or as sentence-aligned pieces of about CHUNK_CHARS."""
    text = text[:MAX_CHARS]
    whole = normalize(text)
    if len(whole) <= CHUNK_CHARS:
        return [whole]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE.split(text):
        part = normalize(sentence).strip()
        while len(part) > CHUNK_CHARS:  # one very long sentence: cut it at a space
            cut = part.rfind(" ", 0, CHUNK_CHARS)
            cut = cut if cut > CHUNK_CHARS // 2 else CHUNK_CHARS
            pieces.append(f"{current} {part[:cut]}".strip())
            current, part = "", part[cut:].strip()
        if current and len(current) + 1 + len(part) > CHUNK_CHARS:
            pieces.append(current)
            current = part
        else:
            current = f"{current} {part}".strip()
    if current:
        pieces.append(current)
    return [p for p in pieces if p] or [""]


# --- The model ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    crisis: bool
    category: str | None  # one of CATEGORIES when crisis, else None
    language: str  # "en", "es", "pt", "fr" or "de": the model's guess
    score: float  # crisis probability after context, 0..1


class Model:
    """Weights and settings read from one file. Use `load()`; the instance is immutable."""

    def __init__(
        self,
        *,
        header: dict,
        weights: list[array.array],
        language_weights: list[array.array],
        sha256: str,
    ) -> None:
        self.version: str = header["model_version"]
        self.sha256 = sha256
        self.buckets: int = header["buckets"]
        self.language_buckets: int = header["language_buckets"]
        self.threshold: float = header["threshold"]
        self.context_weight: float = header["context_weight"]
        self.context_decay: float = header["context_decay"]
        self._bias: tuple[float, ...] = tuple(header["bias"])
        self._scale: tuple[float, ...] = tuple(header["scale"])
        self._language_bias: tuple[float, ...] = tuple(header["language_bias"])
        self._language_scale: tuple[float, ...] = tuple(header["language_scale"])
        self._weights = weights
        self._language_weights = language_weights
        self._language_shift = self.buckets.bit_length() - self.language_buckets.bit_length()
        self._cached_scores = lru_cache(maxsize=4096)(self._scores)

    def scores(self, text: str) -> tuple[float, ...]:
        """Class probabilities of the riskiest chunk of one message (cached: messages recur as context)."""
        return self._cached_scores(text[:MAX_CHARS])

    def _logits(self, normalized: str) -> list[float]:
        ids = feature_ids(normalized, self.buckets - 1)
        if not ids:
            return list(self._bias)
        norm = 1.0 / math.sqrt(len(ids))
        return [
            b + sum(map(w.__getitem__, ids)) * s * norm
            for b, w, s in zip(self._bias, self._weights, self._scale)
        ]

    def _scores(self, text: str) -> tuple[float, ...]:
        best: list[float] | None = None
        for piece in chunks(text):
            probs = _softmax(self._logits(piece))
            if best is None or probs[0] < best[0]:
                best = probs
        return tuple(best)

    def language(self, text: str) -> str:
        normalized = normalize(text[:CHUNK_CHARS])
        ids = feature_ids(normalized, self.buckets - 1)
        if not ids:
            return "en"
        shift = self._language_shift
        ids = [i >> shift for i in ids]
        logits = [
            b + sum(map(w.__getitem__, ids)) * s
            for b, w, s in zip(self._language_bias, self._language_weights, self._language_scale)
        ]
        return LANGUAGES[max(range(len(LANGUAGES)), key=logits.__getitem__)]

    def crisis_probability(self, text: str, context: Sequence[str] = ()) -> float:
        p = 1.0 - self.scores(text)[0]
        if thin(text):
            p = min(p, THIN_CAP)
        recent = list(context)[-CONTEXT_MESSAGES:][::-1]  # latest first
        lift = 0.0
        for age, previous in enumerate(recent):
            if thin(previous):
                continue
            risk = 1.0 - self.scores(previous)[0]
            lift = max(lift, risk * self.context_decay**age)
        if lift <= 0.0:
            return p
        return _sigmoid(_logit(p) + self.context_weight * lift)

    def classify(self, text: str, *, context: Sequence[str] = ()) -> Verdict:
        probs = self.scores(text)
        score = self.crisis_probability(text, context)
        crisis = score >= self.threshold
        category = (
            CATEGORIES[max(range(len(CATEGORIES)), key=lambda k: probs[k + 1])] if crisis else None
        )
        return Verdict(crisis=crisis, category=category, language=self.language(text), score=score)


def thin(text: str) -> bool:
    """One or two words at most, once normalised (emoji alone count as none)."""
    return len(_WORD.findall(normalize(text[:CHUNK_CHARS]))) <= THIN_WORDS


def _softmax(logits: list[float]) -> list[float]:
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# --- The weights file --------------------------------------------------------------------------
# MAGIC, then uint32 format version, uint32 header length, the JSON header, then zlib-compressed
# little-endian int16 weights: one block of `buckets` per class, then one of `language_buckets`
# per language. Weight = int16 * scale of its class.


def write_weights(
    path: Path, *, header: dict, weights: list[list[int]], language_weights: list[list[int]]
) -> str:
    """Write the file and its .sha256 beside it; return the sha256. Used by the training script."""
    blob = b"".join(_int16_bytes(w) for w in weights) + b"".join(
        _int16_bytes(w) for w in language_weights
    )
    head = json.dumps(header, sort_keys=True).encode()
    data = MAGIC + struct.pack("<II", FORMAT_VERSION, len(head)) + head + zlib.compress(blob, 9)
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    path.with_suffix(".sha256").write_text(f"{digest}  {path.name}\n")
    return digest


def _int16_bytes(values: list[int]) -> bytes:
    a = array.array("h", values)
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


def load(path: Path | str = WEIGHTS_PATH) -> Model:
    """Read and check the weights; raise WeightsError if anything is missing or wrong."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WeightsError(f"crisis classifier weights not readable: {path}: {exc}") from exc
    digest = hashlib.sha256(data).hexdigest()
    expected_file = path.with_suffix(".sha256")
    if expected_file.exists():
        expected = expected_file.read_text().split()[0] if expected_file.read_text().strip() else ""
        if expected != digest:
            raise WeightsError(
                f"crisis classifier weights {path} have sha256 {digest}, expected {expected}"
            )
    try:
        if not data.startswith(MAGIC):
            raise ValueError("not a crisis classifier weights file")
        version, head_len = struct.unpack_from("<II", data, len(MAGIC))
        if version != FORMAT_VERSION:
            raise ValueError(f"format version {version}, this code reads {FORMAT_VERSION}")
        start = len(MAGIC) + 8
        header = json.loads(data[start : start + head_len])
        blob = zlib.decompress(data[start + head_len :])
        buckets, language_buckets = header["buckets"], header["language_buckets"]
        if header["classes"] != list(CLASSES) or header["languages"] != list(LANGUAGES):
            raise ValueError("classes or languages differ from this code's")
        if (
            buckets & (buckets - 1)
            or language_buckets & (language_buckets - 1)
            or language_buckets > buckets
        ):
            raise ValueError("bucket counts must be powers of two")
        sizes = [buckets] * len(CLASSES) + [language_buckets] * len(LANGUAGES)
        if len(blob) != 2 * sum(sizes):
            raise ValueError(f"weights hold {len(blob)} bytes, expected {2 * sum(sizes)}")
        arrays, offset = [], 0
        for size in sizes:
            a = array.array("h")
            a.frombytes(blob[offset : offset + 2 * size])
            if sys.byteorder != "little":
                a.byteswap()
            arrays.append(a)
            offset += 2 * size
        for key, length in (
            ("bias", len(CLASSES)),
            ("scale", len(CLASSES)),
            ("language_bias", len(LANGUAGES)),
            ("language_scale", len(LANGUAGES)),
        ):
            if len(header[key]) != length or not all(math.isfinite(float(v)) for v in header[key]):
                raise ValueError(f"{key} must hold {length} finite numbers")
        if not 0.0 < float(header["threshold"]) < 1.0:
            raise ValueError("threshold must lie between 0 and 1")
        if not (
            float(header["context_weight"]) >= 0.0 and 0.0 <= float(header["context_decay"]) <= 1.0
        ):
            raise ValueError("context weight must be >= 0 and decay within 0..1")
        if not isinstance(header["model_version"], str) or not header["model_version"]:
            raise ValueError("model_version missing")
        return Model(
            header=header,
            weights=arrays[: len(CLASSES)],
            language_weights=arrays[len(CLASSES) :],
            sha256=digest,
        )
    except (ValueError, KeyError, TypeError, struct.error, zlib.error) as exc:
        raise WeightsError(f"crisis classifier weights {path} are corrupt: {exc}") from exc


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The shipped model, loaded once per process (raises WeightsError like `load`)."""
    return load()


def info() -> dict[str, str | float]:
    """What the start-up check logs: the shipped model's version, sha256, threshold and path."""
    model = default_model()
    return {
        "version": model.version,
        "sha256": model.sha256,
        "threshold": model.threshold,
        "path": str(WEIGHTS_PATH),
    }


def crisis_scores(text: str) -> dict[str, float]:
    """Probability of each category and `crisis_probability` (1 - P(none)) for one message alone."""
    probs = default_model().scores(text)
    return {"crisis_probability": 1.0 - probs[0], **dict(zip(CATEGORIES, probs[1:]))}


def classify(text: str, *, context: Sequence[str] = ()) -> Verdict:
    """Judge one message, given the user's previous messages (oldest first) as context."""
    return default_model().classify(text, context=context)
