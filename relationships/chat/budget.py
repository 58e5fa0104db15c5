"""How long the partner's reply may be: like a person texting, not an essay.

`reply_budget` sizes each turn's answer from the partner's speaking style and the user's own
message (a one-line message gets a one-line answer), with `LLM_MAX_TOKENS` as a ceiling, not
the norm. `SentenceEnd` makes a reply that reaches its budget end on a complete sentence: after
the first sentence it sends whole sentences only, and drops the one the model is cut off in.
"""

import math
import re
from dataclasses import dataclass

# Words of the answer for a user message of up to this many words.
_BY_LENGTH = ((6, 25), (20, 40), (60, 60))
_LONGEST = 90
_SHORT_STYLE = re.compile(r"\b(?:short|brief|casual|concise|terse|laconic|chill|relaxed|texting)\b", re.I)
_LONG_STYLE = re.compile(r"\b(?:detailed|thoughtful|long|poetic|elaborate|eloquent|verbose|chatty)\b", re.I)
TOKENS_PER_WORD = 1.6  # generous: names, emoji and other languages cost more than English words
_MARGIN_TOKENS = 12  # room to finish the sentence it is in
_SENTENCE_END = re.compile(r"[.!?…](?:[\"')\]]*)(?=\s|$)|\n")


@dataclass(frozen=True)
class ReplyBudget:
    words: int  # what the prompt asks for
    tokens: int  # the request's max_tokens


def reply_budget(
    *, speaking_style: str, text: str, crisis: bool, ceiling: int, sized: bool = True
) -> ReplyBudget:
    """The turn's budget; with `sized` False (CHAT_REPLY_BUDGET off), the ceiling itself."""
    if not sized:
        return ReplyBudget(0, ceiling)
    length = len(text.split())
    words = next((answer for upto, answer in _BY_LENGTH if length <= upto), _LONGEST)
    if _LONG_STYLE.search(speaking_style or ""):
        words = round(words * 1.5)
    elif _SHORT_STYLE.search(speaking_style or ""):
        words = round(words * 0.75)
    if crisis:
        words = max(words, 70)  # room for care and for naming where to get help
    tokens = min(ceiling, math.ceil(words * TOKENS_PER_WORD) + _MARGIN_TOKENS)
    return ReplyBudget(words, max(tokens, 1))


class SentenceEnd:
    """Makes a reply cut off by its budget end on its last complete sentence.

    The first sentence streams through as it comes (the time to the first words is what a user
    feels). After the first sentence has ended, each following one is held back until it ends
    too, so a sentence the model is cut off in was never sent and can be dropped: a sentence
    may start long before the budget runs out. `finish("length")` drops what is held; any other
    end sends it. A first sentence that never ends is held from near `max_tokens` on and cut at
    its last whole word."""

    def __init__(self, max_tokens: int):
        self.watch_from = max(0, max_tokens - _MARGIN_TOKENS)
        self.pieces = 0
        self.chars = 0
        self.held = ""
        self.sentence_sent = False  # a complete sentence went out: from then on, whole sentences only

    def _near_end(self) -> bool:
        # A streamed delta is about one token; short ones count by characters too.
        return max(self.pieces, self.chars // 4) >= self.watch_from

    def feed(self, text: str) -> str:
        self.pieces += 1
        self.chars += len(text)
        pending = self.held + text
        cut = _last_sentence_end(pending)
        if cut:
            self.sentence_sent = True
        elif not self.sentence_sent and not self._near_end():
            cut = len(pending)  # the first sentence, still far from the end: as it comes
        self.held = pending[cut:]
        return pending[:cut]

    def finish(self, finish_reason: str) -> str:
        held, self.held = self.held, ""
        if finish_reason != "length":
            return held
        if self.sentence_sent:
            return ""  # cut off mid-sentence: the reply ends with its last whole sentence
        space = held.rfind(" ")  # no sentence ended: at least never end mid-word
        return held[:space] if space > 0 else ""


def _last_sentence_end(text: str) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return ends[-1] if ends else 0
