"""Compile many phrase patterns into one that finds where any of them can start (both screens use it)."""

import re

# One pattern per phrase is easy to read but slow: tried one after another at every word, ~90
# phrases cost about a millisecond a message. So they are also compiled together, each split into
# alternatives that begin with a plain letter and grouped by that letter, which lets the regex
# engine skip most of them with one character comparison. That combined pattern only finds where
# a phrase starts; the phrases themselves, in order, then say which one it was.


def _atom_end(source: str, i: int) -> int:
    """The index just after the escape, character class, group or character at source[i]."""
    if source[i] == "\\":
        return i + 2
    if source[i] == "[":
        j = i + 2 if source[i + 1] == "]" else i + 1
        while source[j] != "]":
            j += 2 if source[j] == "\\" else 1
        return j + 1
    if source[i] == "(":
        depth, j = 0, i
        while True:
            if source[j] in "\\[":
                j = _atom_end(source, j)
                continue
            depth += {"(": 1, ")": -1}.get(source[j], 0)
            j += 1
            if depth == 0:
                return j
    return i + 1


def _alternatives(source: str) -> list[str]:
    parts, start, i = [], 0, 0
    while i < len(source):
        if source[i] == "|":
            parts.append(source[start:i])
            start = i + 1
            i += 1
        else:
            i = _atom_end(source, i)
    return [*parts, source[start:]]


def _expand(source: str) -> list[str]:
    """Equivalent alternatives for `source` that begin, where possible, with a plain letter."""
    alternatives = _alternatives(source)
    if len(alternatives) > 1:
        return [expanded for alternative in alternatives for expanded in _expand(alternative)]
    if source.startswith("\\b"):
        return ["\\b" + expanded for expanded in _expand(source[2:])]
    if source.startswith("(?:"):
        end = _atom_end(source, 0)
        inner, rest = source[3 : end - 1], source[end:]
        if rest[:1] in ("*", "+", "{"):
            return [source]
        optional = rest[:1] == "?"
        rest = rest[1:] if optional else rest
        expanded = [e for alternative in _alternatives(inner) for e in _expand(alternative + rest)]
        return expanded + _expand(rest) if optional else expanded
    return [source]


def starts(sources: list[str]) -> re.Pattern[str]:
    """A pattern that matches where any of `sources` (each beginning with \\b) can match."""
    by_letter: dict[str, list[str]] = {}
    others = []
    for source in sources:
        assert source.startswith("\\b"), source
        for alternative in _expand(source):
            body = alternative.removeprefix("\\b")
            if body[:1].isalpha() and body[1:2] not in ("*", "+", "?", "{"):
                by_letter.setdefault(body[0], []).append(body[1:])
            else:
                others.append(body)
    branches = [f"{letter}(?:{'|'.join(tails)})" for letter, tails in by_letter.items()]
    return re.compile(r"\b(?:" + "|".join(branches + others) + ")")

