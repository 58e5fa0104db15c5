"""The mood of one user message: an emotion label and a valence, computed locally.

The valence is VADER's compound score from `nltk-vader-sentiment`, which ships its word and
emoji lexicons as Python data (nothing is downloaded, no NLTK corpus is read). VADER only
scores polarity, so the label comes from the small cue lexicon below, checked against that
valence: a cue that contradicts a clear valence ("not bad", sarcasm) is ignored, and a message
without cues is labelled from the valence alone, neutral when it is weak.
"""

import re
import unicodedata
from dataclasses import dataclass

from vader import SentimentIntensityAnalyzer

LABELS = frozenset({"joy", "love", "sadness", "anger", "fear", "surprise", "neutral"})

# Without a cue, a message is joy or sadness only when VADER is this sure: "ok" scores 0.30
# and "thanks" 0.44, while "nobody cares about me" scores -0.46.
JOY_VALENCE = 0.5
SADNESS_VALENCE = -0.45
# A cue of the opposite polarity to a valence at least this strong is ignored.
CUE_CONFLICT_VALENCE = 0.3
# The least valence a message labelled by a cue carries, with the sign of its label.
CUE_VALENCE = 0.3
# A negator this many tokens before a cue, in the same clause, cancels it ("I'm not sad").
NEGATION_WINDOW = 3

# Longer messages are read this far: the compound score has saturated long before, and the
# cost stays bounded whatever is pasted.
INPUT_MAX_CHARS = 2000

# Concern: mean valence of the last RECENT_WINDOW messages, or the last message alone.
RECENT_WINDOW = 5
RECENT_MEAN_NEGATIVE = -0.35
LAST_MESSAGE_NEGATIVE = -0.6
# One message is judged by LAST_MESSAGE_NEGATIVE only; a mean needs at least this many.
MEAN_MIN_MESSAGES = 2

# Ties go to the first label here: the more specific feeling (love is a kind of joy) and the
# ones that call for a different reply (anger, fear) before the general ones.
PRIORITY = ("love", "anger", "fear", "sadness", "joy", "surprise")
POSITIVE = frozenset({"joy", "love"})
NEGATIVE = frozenset({"sadness", "anger", "fear"})

# Phrases before words: "miss you" is love, a bare "miss" sadness; "love you" is love, a
# bare "love" ("I love hiking") joy.
_WORD_CUES = {
    "love": (
        "love you, love u, love ya, luv you, luv u, in love, ily, ilysm, miss you, miss u, "
        "missed you, missing you, adore, adore you, my love, thinking of you, thinking about "
        "you, hug, hugs, kiss, kisses, cuddle, cuddles, xoxo, sweetheart, darling, crush on "
        "you"
    ).split(", "),
    "joy": (
        "happy, happier, happiest, glad, joy, joyful, great, good news, excited, exciting, "
        "thrilled, delighted, yay, woohoo, hooray, awesome, amazing, wonderful, fantastic, "
        "proud, grateful, thankful, blessed, relieved, fun, enjoy, enjoyed, enjoying, "
        "celebrate, celebrating, love, loved, loving, lovely, cheerful, ecstatic, haha, "
        "hahaha, lol, lmao"
    ).split(", "),
    "sadness": (
        "sad, sadder, saddest, unhappy, depressed, depressing, lonely, loneliness, alone, "
        "miserable, heartbroken, broken heart, cry, cries, cried, crying, tears, sob, "
        "sobbing, grief, grieving, mourning, hurt, hurts, hurting, upset, disappointed, "
        "hopeless, empty, feeling down, so down, miss, missing, devastated, gloomy, passed "
        "away, died, funeral"
    ).split(", "),
    "anger": (
        "angry, angrier, anger, mad, furious, pissed, annoyed, annoying, irritated, "
        "frustrated, frustrating, rage, raging, livid, outraged, hate, hated, hates, fed up, "
        "sick of, infuriating, infuriated"
    ).split(", "),
    "fear": (
        "scared, scary, afraid, fear, fearful, frightened, terrified, terrifying, anxious, "
        "anxiety, nervous, worried, worry, worrying, panic, panicking, dread, dreading, "
        "freaking out, stressed, uneasy"
    ).split(", "),
    "surprise": (
        "surprised, surprise, surprising, shocked, shocking, wow, whoa, woah, omg, oh my god, "
        "no way, can't believe, unexpected, unbelievable, astonished, amazed, stunned"
    ).split(", "),
}
_EMOJI_CUES = {
    "love": "❤♥💕💖💗💓💞💘💝😘😍🥰💋😻💑💏🫶",
    "joy": "😀😃😄😁😆😊🙂😂🤣🥳🎉😎☺😺😸",
    "sadness": "😢😭😞😔☹🙁💔😿🥺😥😪",
    "anger": "😠😡🤬😤👿",
    "fear": "😨😰😱😟😧",
    "surprise": "😮😲😯🤯😳",
}
_EMOTICON_CUES = {
    "joy": [":)", ":-)", ":]", "=)", ":d", ":-d", "xd", "^^", "^_^"],
    "love": ["<3", ":*", ":-*"],
    "sadness": [":(", ":-(", ":'(", ":[", "=(", "</3"],
    "anger": [">:(", ">:-("],
    "surprise": [":o", ":-o"],
}

_PHRASES = {tuple(cue.split()): label for label, cues in _WORD_CUES.items() for cue in cues}
_LONGEST_PHRASE = max(len(phrase) for phrase in _PHRASES)
_SINGLE = {
    **{ch: label for label, chars in _EMOJI_CUES.items() for ch in chars},
    **{cue: label for label, cues in _EMOTICON_CUES.items() for cue in cues},
}
_EMOTICON = "|".join(
    re.escape(cue)
    for cue in sorted((c for cs in _EMOTICON_CUES.values() for c in cs), key=len, reverse=True)
)
_TOKEN = re.compile(
    rf"(?P<emoticon>(?:{_EMOTICON})(?![a-z0-9]))|(?P<word>[a-z0-9]+(?:'[a-z]+)?)"
    r"|(?P<brk>[.,;!?]+)|(?P<other>\S)"
)
_NEGATORS = frozenset(
    {"not", "no", "never", "nothing", "without", "hardly", "dont", "cant", "isnt", "wasnt"}
)

# VADER corrections for a companion's chat, where these are common: "feel like" is not
# liking ("I feel like crying"), and grief or isolation phrases that its lexicon scores 0 or
# positive ("nobody cares" scores +0.46).
_VALENCE_PHRASES = {
    "feel like": 0.0,
    "feels like": 0.0,
    "felt like": 0.0,
    "nobody cares": -2.0,
    "passed away": -2.0,
}
# Emoji whose Unicode descriptions carry no VADER score ("pouting face" for 😡), scored as
# the word they mean.
_EMOJI_AS_WORD = {"😡": " enraged ", "🤬": " enraged ", "😤": " annoyed ", "😔": " sad "}
_EMOJI_AS_WORD_RE = re.compile("|".join(_EMOJI_AS_WORD))

_ANALYZER = SentimentIntensityAnalyzer(
    multiword={**SentimentIntensityAnalyzer().multiword, **_VALENCE_PHRASES}
)


@dataclass(frozen=True)
class Mood:
    label: str
    valence: float | None  # None: no mood (tracking is off)


def _clauses(text: str) -> list[list[tuple[str, bool]]]:
    """Tokens per clause, each with whether it is a word (only words can be negated)."""
    clauses: list[list[tuple[str, bool]]] = [[]]
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "brk":
            clauses.append([])
        else:
            clauses[-1].append((token, kind == "word"))
    return [clause for clause in clauses if clause]


def _negated(words: list[str]) -> bool:
    return any(w in _NEGATORS or w.endswith("n't") for w in words[-NEGATION_WINDOW:])


def _cue_counts(text: str) -> dict[str, int]:
    counts = dict.fromkeys(PRIORITY, 0)
    for clause in _clauses(text):
        words = [token for token, is_word in clause]
        i = 0
        while i < len(clause):
            token, is_word = clause[i]
            if not is_word:
                label = _SINGLE.get(token)
                if label:
                    counts[label] += 1
                i += 1
                continue
            for size in range(_LONGEST_PHRASE, 0, -1):
                label = _PHRASES.get(tuple(words[i : i + size]))
                if label:
                    if not _negated(words[max(0, i - NEGATION_WINDOW) : i]):
                        counts[label] += 1
                    i += size
                    break
            else:
                i += 1
    return counts


def analyze_mood(text: str) -> Mood:
    """The label (one of LABELS) and valence in [-1, 1] of one message. Pure and thread-safe."""
    text = text[:INPUT_MAX_CHARS]
    scored = _EMOJI_AS_WORD_RE.sub(lambda m: _EMOJI_AS_WORD[m.group()], text)
    valence = float(_ANALYZER.polarity_scores(scored)["compound"])
    # NFKC folds look-alike letters; the emoji variation selector and skin tones carry no mood.
    normalised = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    normalised = re.sub("[\ufe0f\u200d\U0001f3fb-\U0001f3ff]", "", normalised)
    counts = _cue_counts(normalised)
    if valence >= CUE_CONFLICT_VALENCE:
        counts.update(dict.fromkeys(NEGATIVE, 0))
    elif valence <= -CUE_CONFLICT_VALENCE:
        counts.update(dict.fromkeys(POSITIVE, 0))
    best = max(PRIORITY, key=lambda label: (counts[label], -PRIORITY.index(label)))
    if counts[best]:
        # VADER misreads some negations of feelings ("I can't stop crying" scores +0.1); when a
        # cue names the feeling, the valence takes its sign, at CUE_VALENCE at least.
        if best in NEGATIVE and valence > -CUE_VALENCE:
            valence = -CUE_VALENCE
        elif best in POSITIVE and valence < CUE_VALENCE:
            valence = CUE_VALENCE
        return Mood(best, valence)
    if valence >= JOY_VALENCE:
        return Mood("joy", valence)
    if valence <= SADNESS_VALENCE:
        return Mood("sadness", valence)
    return Mood("neutral", valence)


def is_strongly_negative(valences: list[float]) -> bool:
    """Whether recent messages, oldest first, are negative enough to warrant concern.

    True when the last message is at most LAST_MESSAGE_NEGATIVE, or when the mean of the last
    RECENT_WINDOW (at least MEAN_MIN_MESSAGES of them) is at most RECENT_MEAN_NEGATIVE.
    """
    if not valences:
        return False
    if valences[-1] <= LAST_MESSAGE_NEGATIVE:
        return True
    recent = valences[-RECENT_WINDOW:]
    return len(recent) >= MEAN_MIN_MESSAGES and sum(recent) / len(recent) <= RECENT_MEAN_NEGATIVE
