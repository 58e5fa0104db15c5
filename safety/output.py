"""The output screen: nothing the model writes reaches a user if it instructs or encourages
suicide or self-harm.

- `OutputScreen` screens a reply while it streams, delta by delta, and says what may be sent.
- `publishable(text)` is the one gate for every text the model writes that is not streamed
  (Moments, comment replies, captions, proactive messages, summaries).

Local, pure and deterministic. Supportive replies ("please don't hurt yourself", "call or text
988") pass.
"""

import re
import unicodedata

from safety.matching import starts
from safety.normalize import normalize_output
from safety.phrases.output import FORGIVEN_BEFORE, OUTPUT_PHRASES, Unsafe

_OUTPUT_STARTS = starts([unsafe.phrase for unsafe in OUTPUT_PHRASES])
_OUTPUT_CHECKS = [
    (re.compile(unsafe.phrase + (f"(?!{unsafe.idiom})" if unsafe.idiom else "")), unsafe)
    for unsafe in OUTPUT_PHRASES
]
_FORGIVEN = re.compile(FORGIVEN_BEFORE)
_IDIOM_WIDTH = 14  # no idiom is longer: once that much text follows a match, it is decided
_CONTEXT = 64  # normalised characters before a match that FORGIVEN_BEFORE reads


_LETTERS_AND_SPACE = " abcdefghijklmnopqrstuvwxyz"


def _settled(after: str, unsafe: Unsafe) -> bool:
    """Whether the text after a match in an unfinished reply is enough to judge it.

    A match at the very end may be a word still growing ("go die" before "t"), and one with an
    idiom may yet become "cut yourself some slack"; both wait for more text (held back anyway).
    """
    if not after:
        return False
    return not unsafe.idiom or len(after) >= _IDIOM_WIDTH or bool(after.strip(_LETTERS_AND_SPACE))


def _unsafe(normalized: str, *, final: bool, pos: int = 0) -> bool:
    while found := _OUTPUT_STARTS.search(normalized, pos):
        start = pos = found.start()
        for pattern, unsafe in _OUTPUT_CHECKS:
            match = pattern.match(normalized, start)
            if match is None:
                continue
            if not final and not _settled(normalized[match.end() :], unsafe):
                continue
            if not unsafe.forgivable:
                return True
            sentence = normalized.rfind(" . ", max(0, start - _CONTEXT - 3), start)
            lo = sentence + 3 if sentence >= 0 else max(0, start - _CONTEXT)
            if not _FORGIVEN.search(normalized, lo, start):
                return True
        pos += 1
    return False


def screen_output(text: str) -> bool:
    """True if a complete model text contains self-harm or suicide instructions or encouragement.

    Supportive replies ("please don't hurt yourself", "call or text 988") pass. Cost is linear in
    `text`; for a reply still streaming use `OutputScreen`, which rescans a bounded tail per delta.
    """
    return _unsafe(normalize_output(text), final=True)


# Streamed output is released only once at least this many normalised characters follow it. No
# unsafe phrase, plus what it waits for to be judged (one character, or an idiom), is longer
# (tests/safety measure each one), so a phrase still arriving cannot have begun in released text:
# it is caught, and the stream stopped, before any character of it is sent. The count is taken
# after normalisation, which shrinks runs of spaces, punctuation and invisible characters that
# could otherwise stretch a phrase past a raw-character window. 48 costs the client about eight
# words of latency.
HOLDBACK = 48
# Raw characters rescanned before the held-back tail, so a match there still has its context
# (where padding shrinks them below _CONTEXT, less context only forgives less).
_RESCAN = _CONTEXT + 16
# Bounds on the raw text one call looks at, so each delta costs O(len(delta) + a constant).
_MAX_RAW_HOLDBACK = 3 * HOLDBACK
_MAX_WORD = 64


class OutputScreen:
    """Screens one streamed reply, delta by delta, and says what may be sent now.

    `feed(delta)` returns the text safe to send now (possibly ""); `finish()` returns the rest.
    The pieces concatenate to exactly the reply, unless it turns unsafe: then `tripped` is True and
    every later call returns "" (the caller drops the reply and sends a referral). Nothing of an
    unsafe phrase is ever returned. Each call costs O(len(delta) + HOLDBACK), not O(reply).
    """

    def __init__(self) -> None:
        self._text = ""
        self._released = 0
        self.tripped = False

    def feed(self, delta: str) -> str:
        if self.tripped:
            return ""
        self._text += delta
        if self._tail_unsafe(final=False):
            return self._trip()
        return self._release(self._holdback_cut())

    def finish(self) -> str:
        if self.tripped:
            return ""
        if self._tail_unsafe(final=True):
            return self._trip()
        return self._release(len(self._text))

    def _trip(self) -> str:
        self.tripped = True
        self._text = ""
        return ""

    def _tail_unsafe(self, *, final: bool) -> bool:
        # Every phrase that begins in released text was judged already (with its context, which
        # this window may have lost), and a new or undecided one begins in the held-back tail. So
        # the window starts a little before the tail, at a word start, for context, and matches
        # are looked for from the tail on (less 2 for a separator the cut may have split).
        text, start = self._text, max(0, self._released - _RESCAN)
        word_limit = max(0, start - _MAX_WORD)  # scripts without spaces have no word start
        while start > word_limit and not text[start - 1].isspace():
            start -= 1
        tail = len(normalize_output(text[start : self._released]))
        return _unsafe(normalize_output(text[start:]), final=final, pos=max(0, tail - 2))

    def _holdback_cut(self) -> int:
        text, end = self._text, len(self._text)
        # Text that normalises to little (CJK, Arabic: no [a-z0-9]) would otherwise walk the
        # cut back over the whole reply on every delta; no phrase hides in that much padding.
        floor, visible = end, 0
        while floor > self._released and visible < _MAX_RAW_HOLDBACK:
            floor -= 1
            visible += unicodedata.category(text[floor]) != "Cf"  # invisible padding does not count
        cut = end - HOLDBACK
        while cut > floor:
            short = HOLDBACK - len(normalize_output(text[cut:end]))
            if short <= 0:
                break
            cut -= max(8, short)
        cut = max(cut, floor)
        # Never send a letter without its combining accent.
        while cut > self._released and unicodedata.combining(text[cut]):
            cut -= 1
        return cut

    def _release(self, cut: int) -> str:
        if cut <= self._released:
            return ""
        piece = self._text[self._released : cut]
        self._released = cut
        return piece


def publishable(text: str) -> bool:
    """Whether a whole text the model wrote (not streamed) may be stored or shown: it has words,
    and none instructs or encourages suicide or self-harm. Every generation that is not streamed
    passes here: Moments, comment replies, captions, proactive messages and summaries."""
    return bool(text and text.strip()) and not screen_output(text)
