"""The first stage of every crisis screen: one normalised spelling of a text, so that phrase
lists and the learned detector see "k1ll mys3lf", "k i l l myself" and "kіll" (Cyrillic і) as
"kill myself". Pure, local and fast."""

import re
import unicodedata

_DROPPED = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"  # invisible
    "'\u2018\u2019\u02bb\u02bc`\u00b4"  # apostrophes: "don't" and "dont" read the same
)
# Cyrillic and Greek letters that look Latin, a cheap way past a word filter ("kіll" with U+0456).
_HOMOGLYPHS = dict(zip("аеорсухіјѕкмԁοιαρνκτ", "aeopcyxijskmdoiapvkt"))
_PRE = str.maketrans({**dict.fromkeys(_DROPPED), **_HOMOGLYPHS})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")

_LEET = str.maketrans("1304575@$", "ieoaastas")
_LEET_GATE = re.compile(r"[0-9@$]")
_LEET_TOKEN = re.compile(r"[a-z0-9@$]*[0-9@$][a-z0-9@$]*")
_BANG_I = re.compile(r"(?<=[a-z])!(?=[a-z])")  # "k!ll"; a "!" after a word stays punctuation
# Three or more one-letter tokens in a row ("k i l l", "s.u.i.c.i.d.e") are a word spelled out;
# real text rarely has three, so joining them cannot merge ordinary words.
_SPACED = re.compile(r"(?<![a-z0-9])[a-z](?:[ .*_\-][a-z](?![a-z0-9])){2,}")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# "killllll", "diiiie" -> "kil", "die". Patterns spell doubled letters with "+" ("kil+").
_REPEATS = re.compile(r"([a-z])\1{2,}")


def fold(text: str) -> str:
    text = text.casefold().translate(_PRE)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text


def _leet_token(match: re.Match[str]) -> str:
    token = match[0]
    # Only inside words: "k1ll" is "kill", but "at 5" and "24/7" stay numbers.
    return token.translate(_LEET) if any("a" <= c <= "z" for c in token) else token


def normalize_message(text: str) -> str:
    text = fold(text)
    if "!" in text:
        text = _BANG_I.sub("i", text)
    if _LEET_GATE.search(text):
        text = _LEET_TOKEN.sub(_leet_token, text)
    text = _SPACED.sub(lambda m: _NON_WORD.sub("", m[0]), text)
    text = _NON_WORD.sub(" ", text)
    return _REPEATS.sub(r"\1", text)



_SENTENCE_END = re.compile(r" *[.!?;\n][.!?;\n ]*")
_OUTPUT_NON_WORD = re.compile(r"[^a-z0-9.!?;\n]+")


def normalize_output(text: str) -> str:
    # Sentences stay apart (" . "): a phrase must not span two of them, and "No. Kill yourself."
    # must not read as a negated "no kill yourself".
    return _SENTENCE_END.sub(" . ", _OUTPUT_NON_WORD.sub(" ", fold(text)))

