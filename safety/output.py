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

import regex

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


# A phrase still arriving is held back, and only it: after every delta the text that could yet
# become an unsafe phrase (a partial match of one, by the `regex` module's partial matching, or
# a whole one whose idiom is not decided yet) stays behind; everything before it is sent at
# once. No phrase is longer than HOLDBACK normalised characters with what it waits for (tests
# measure each one), so that much is the most ever held, and usually nothing is.
HOLDBACK = 64
_PARTIAL = regex.compile(
    "|".join(f"(?:{u.phrase}{f'(?!{u.idiom})' if u.idiom else ''})" for u in OUTPUT_PHRASES)
)
# Raw characters rescanned before the held-back tail, so a match there still has its context
# (where padding shrinks them below _CONTEXT, less context only forgives less).
_RESCAN = _CONTEXT + 16
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
        start, normalized, tail = self._window()
        if _unsafe(normalized, final=False, pos=max(0, tail - 2)):
            return self._trip()
        return self._release(self._cut(start, normalized, tail))

    def finish(self) -> str:
        if self.tripped:
            return ""
        _, normalized, tail = self._window()
        if _unsafe(normalized, final=True, pos=max(0, tail - 2)):
            return self._trip()
        return self._release(len(self._text))

    @property
    def held(self) -> str:
        """What was fed and not yet released."""
        return self._text[self._released :]

    def _trip(self) -> str:
        self.tripped = True
        self._text = ""
        return ""

    def _window(self) -> tuple[int, str, int]:
        # Every phrase that begins in released text was judged already (with its context, which
        # this window may have lost), and a new or undecided one begins in the held-back tail. So
        # the window starts a little before the tail, at a word start, for context, and matches
        # are looked for from the tail on (less 2 for a separator the cut may have split).
        text, start = self._text, max(0, self._released - _RESCAN)
        word_limit = max(0, start - _MAX_WORD)  # scripts without spaces have no word start
        while start > word_limit and not text[start - 1].isspace():
            start -= 1
        tail = len(normalize_output(text[start : self._released]))
        return start, normalize_output(text[start:]), tail

    def _cut(self, start: int, normalized: str, tail: int) -> int:
        """The raw index up to which the text is safe to send now."""
        pos, hold = max(0, tail - 2), len(normalized)
        while (found := _PARTIAL.search(normalized, pos, partial=True)) is not None:
            if found.partial or not _settled_at(normalized, found.start()):
                hold = found.start()
                break
            pos = found.start() + 1  # judged whole and forgiven: look further on
        if hold >= len(normalized):
            return len(self._text)
        # The longest raw prefix that normalises to no more than `hold` characters.
        text, lo, hi = self._text, self._released, len(self._text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if len(normalize_output(text[start:mid])) <= hold:
                lo = mid
            else:
                hi = mid - 1
        while lo > self._released and unicodedata.combining(text[lo]):
            lo -= 1  # never send a letter without its combining accent
        return lo

    def _release(self, cut: int) -> str:
        if cut <= self._released:
            return ""
        piece = self._text[self._released : cut]
        self._released = cut
        return piece


def _settled_at(normalized: str, start: int) -> bool:
    """Whether every whole match at `start` can be judged now (see _settled)."""
    for pattern, unsafe in _OUTPUT_CHECKS:
        match = pattern.match(normalized, start)
        if match is not None and not _settled(normalized[match.end() :], unsafe):
            return False
    return True


def publishable(text: str) -> bool:
    """Whether a whole text the model wrote (not streamed) may be stored or shown: it has words,
    and none instructs or encourages suicide or self-harm. Every generation that is not streamed
    passes here: Moments, comment replies, captions, proactive messages and summaries."""
    return bool(text and text.strip()) and not screen_output(text)
