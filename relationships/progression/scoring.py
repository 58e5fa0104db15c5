"""How much a conversation earns: the numbers in docs/progression.md, as pure functions."""

import difflib
import re

WORD = re.compile(r"\w+", re.UNICODE)

MESSAGE_XP_MAX = 10
REPEAT_XP = 1  # a repeated or near-duplicate message
NEAR_DUPLICATE_RATIO = 0.85
STREAK_XP_PER_DAY = 2
STREAK_XP_MAX_DAYS = 7


def _normalise(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def message_xp(text: str, recent: list[str]) -> int:
    """XP for one answered user message: 1 for "k", up to 10 for a real message.

    Substance is counted in words (1 + one per four words, at most 10). A message
    that repeats or nearly repeats one of the user's recent ones earns 1.
    """
    normalised = _normalise(text)
    words = len(normalised.split())
    if words == 0:
        return 0
    for earlier in recent:
        other = _normalise(earlier)
        if other and difflib.SequenceMatcher(None, normalised, other).ratio() >= NEAR_DUPLICATE_RATIO:
            return REPEAT_XP
    return min(MESSAGE_XP_MAX, 1 + words // 4)


def streak_xp(streak_days: int) -> int:
    """The bonus of a day's first exchange: 2 XP per consecutive day, up to 7 days."""
    return STREAK_XP_PER_DAY * min(max(streak_days, 1), STREAK_XP_MAX_DAYS)
