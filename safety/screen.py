"""The message screen: does a user's message speak of suicide or self-harm?

It runs on every user message before the LLM sees it; on a hit the caller sends the fixed
referral (safety/referral.py). Local, pure and deterministic: no network, no model, no
database. Recall-leaning (a referral the user did not need costs less than one they needed
and did not get), with the everyday idioms carved out ("this homework is killing me").
"""

import re
from dataclasses import dataclass

from safety.matching import starts
from safety.normalize import normalize_message
from safety.phrases import MESSAGE_PHRASES


@dataclass(frozen=True, slots=True)
class CrisisSignal:
    category: str  # "suicide" or "self_harm"
    language: str  # the language of the phrase that matched: "en", "es", "fr", "de" or "pt"


def _compile_messages() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], CrisisSignal]]]:
    phrases = [
        (re.compile(source), CrisisSignal(category=category, language=language))
        for language, category, sources in MESSAGE_PHRASES
        for source in sources
    ]
    return starts([pattern.pattern for pattern, _ in phrases]), phrases


_MESSAGE_RE, _PHRASES = _compile_messages()


def screen_message(text: str) -> CrisisSignal | None:
    """The crisis signal in a user's message, or None.

    The earliest phrase in the message decides the category and language (of two starting at the
    same word, the first listed). Pure and fast (well under 0.2 ms for a chat message), so it runs
    on every message before the LLM does.
    """
    normalized = normalize_message(text)
    found = _MESSAGE_RE.search(normalized)
    if found is None:
        return None
    for pattern, signal in _PHRASES:
        if pattern.match(normalized, found.start()):
            return signal
    raise AssertionError(f"no phrase matches where the combined pattern did: {normalized!r}")

