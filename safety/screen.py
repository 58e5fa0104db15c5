"""The message screen: does a user's message speak of suicide, self-harm, a way to die or an
eating-disorder crisis?

It runs on every user message before the LLM sees it; on a hit the caller sends the fixed
referral (safety/referral.py). Two stages, both local and deterministic (no network, no LLM,
no database): the phrases of safety/phrases/ (high precision, every language Hearth speaks),
then the learned classifier (safety/classifier.py), which reads the message with the user's
last few messages and catches what no phrase list foresaw. Either is enough (their OR was
chosen on the classifier's dev set; docs/safety.md gives both stages' figures on held-out data).
"""

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from safety import classifier
from safety.matching import starts
from safety.normalize import normalize_message
from safety.phrases import MESSAGE_PHRASES


logger = logging.getLogger(__name__)

# How many of the user's previous messages the screen reads (older ones change nothing).
CONTEXT_MESSAGES = classifier.CONTEXT_MESSAGES
# A topic word ("suicide", "self-harm") refers when the classifier's crisis probability reaches
# this, below its own threshold: the word is evidence, the rest of the message decides whether
# it is the user's own state or a documentary (chosen on the dev split, docs/safety.md).
TOPIC_AGREEMENT = 0.4


@dataclass(frozen=True, slots=True)
class CrisisSignal:
    category: str  # "suicide", "self_harm", "method_seeking" or "eating_disorder"
    language: str  # "en", "es", "fr", "de" or "pt": the phrase's, or the classifier's guess
    # "phrase": the user's own words of crisis; "topic": a word naming the subject ("suicide")
    # that the classifier agreed with; "classifier": the learned stage alone.
    source: str = "phrase"


_Compiled = tuple[re.Pattern[str], list[tuple[re.Pattern[str], CrisisSignal]]]


def _compile_messages(*, topic: bool) -> _Compiled:
    phrases = [
        (re.compile(source), CrisisSignal(category=category, language=language, source=kind))
        for language, category, sources, is_topic in MESSAGE_PHRASES
        if is_topic is topic
        for source in sources
        for kind in ("topic" if topic else "phrase",)
    ]
    return starts([pattern.pattern for pattern, _ in phrases]), phrases


_PHRASES = _compile_messages(topic=False)
_TOPICS = _compile_messages(topic=True)


def screen_message(text: str, *, context: Sequence[str] = ()) -> CrisisSignal | None:
    """The crisis signal in a user's message, or None. `context`: the user's previous messages,
    oldest first (a "tonight is my last night" after "I can't take it anymore" is not the same
    as alone).

    A phrase decides first (the earliest in the message; of two at the same word, the first
    listed); otherwise the classifier. Fast (about a millisecond for a chat message), so it runs
    on every message before the LLM does. If the classifier's weights cannot be loaded, the
    phrases still screen, the failure is logged loudly and /readyz reports it.
    """
    found = screen_phrases(text)
    if found is not None and found.source == "phrase":
        return found
    try:
        verdict = classifier.classify(text, context=context)
    except classifier.WeightsError:
        logger.error("the crisis classifier cannot be loaded: only the phrases screen", exc_info=True)
        return found  # a topic word alone refers then: recall before precision
    if found is not None and topic_refers(text, score=verdict.score):
        return found
    if verdict.crisis:
        return CrisisSignal(category=verdict.category, language=verdict.language, source="classifier")
    return None


def topic_refers(text: str, *, score: float) -> bool:
    """Does a topic word in `text` refer? When the classifier agrees enough, or when the word is
    nearly the whole message ("suicide", "self harm?"): nothing then says it is a documentary."""
    return score >= TOPIC_AGREEMENT or classifier.thin(text)


def screen_phrases(text: str) -> CrisisSignal | None:
    """The phrase stage alone (for measuring it; the chat calls `screen_message`): the earliest
    phrase of the user's own state, else the earliest topic word (source "topic")."""
    normalized = normalize_message(text)
    return _earliest(_PHRASES, normalized) or _earliest(_TOPICS, normalized)


def _earliest(compiled: _Compiled, normalized: str) -> CrisisSignal | None:
    combined, phrases = compiled
    found = combined.search(normalized)
    if found is None:
        return None
    for pattern, signal in phrases:
        if pattern.match(normalized, found.start()):
            return signal
    raise AssertionError(f"no phrase matches where the combined pattern did: {normalized!r}")

