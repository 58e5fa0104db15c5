"""Facts about the user from plain rules, for when the small model's JSON is unusable.

`extract_facts` knows a few dozen common English phrasings ("my dog's name is Biscuit",
"I live in Lisbon", "my exam is tomorrow") and nothing else: it prefers missing a fact to
remembering a wrong one. A fact's `text` goes into the partner's prompt, so it is always built
from a template as a third-person statement about the user, from a short value checked against
INSTRUCTION_LIKE; `sanitize_fact_text` applies the same gate to facts a model extracted.

(kind, subject) is a fact's natural key: a later "I live in Porto" has the same key as
"I live in Lisbon" (place, home) and should replace it.
"""

import re
import unicodedata
from dataclasses import dataclass

from relationships.memory import patterns as p
from relationships.models import MemoryKind
from relationships.memory.patterns import VALUE_MAX_CHARS, VALUE_MAX_WORDS, FACT_TEXT_MAX_CHARS, INPUT_MAX_CHARS, MAX_FACTS_PER_MESSAGE, INSTRUCTION_LIKE


@dataclass(frozen=True)
class Fact:
    kind: str
    subject: str
    value: str
    text: str


def sanitize_fact_text(s: str) -> str | None:
    """A fact sentence fit for the prompt, or None if it reads as an instruction.

    Folds look-alike characters (NFKC), drops invisible format characters, turns control
    characters and line breaks into spaces, removes quotes, list bullets and repeated
    whitespace. Returns None for empty, overlong (over FACT_TEXT_MAX_CHARS) or instruction-like
    text: a fact that long is a paragraph, and cutting it could change what it says.
    """
    if not isinstance(s, str):
        return None
    s = "".join(_visible(ch, line_break=" ") for ch in unicodedata.normalize("NFKC", s))
    s = re.sub(r"[\"\u201c\u201d\u201e\u00ab\u00bb`]", "", s)
    s = re.sub(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+", "", s)
    s = " ".join(s.split()).strip(" '")
    if (
        not re.search(r"\w", s)
        or len(s) > FACT_TEXT_MAX_CHARS
        or INSTRUCTION_LIKE.search(s)
        or p.IMPERATIVE_PHRASE.search(s)
    ):
        return None
    return s


def extract_facts(text: str) -> list[Fact]:
    """Facts the user states about themselves in one message, in the order they appear.

    Questions, negated, hypothetical and reported statements give nothing, and so does any
    sentence that reads as an instruction. Deterministic, pure and cheap (regular expressions).
    """
    facts: list[Fact] = []
    for sentence in _sentences(_normalise(text[:INPUT_MAX_CHARS])):
        if INSTRUCTION_LIKE.search(sentence):
            continue
        statement = _statement(sentence)
        if statement is None:
            continue
        for clause in p.CLAUSE_BREAK.split(statement):
            for fact in _clause_facts(clause):
                if fact not in facts and _is_safe(fact):
                    facts.append(fact)
    return facts[:MAX_FACTS_PER_MESSAGE]


def _normalise(text: str) -> str:
    text = "".join(_visible(ch, line_break="\n") for ch in unicodedata.normalize("NFKC", text))
    return re.sub(r"[ \t]+", " ", text)


def _visible(ch: str, *, line_break: str) -> str:
    """A character as the extractor reads it.

    Invisible format characters are dropped, so that "ignore" with a zero-width space inside
    is still seen as "ignore";
    other control and separator characters become a space, line breaks `line_break`.
    """
    category = unicodedata.category(ch)
    if ch in "\u2018\u2019":
        return "'"
    if category == "Cf":
        return ""
    if ch in "\n\r\u2028\u2029":
        return line_break
    if category[0] in "CZ":
        return " "
    return ch


def _sentences(text: str) -> list[str]:
    sentences, start = [], 0
    for match in p.SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 5) : match.start()]
        if match.group().startswith(".") and p.ABBREVIATION.search(before):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _statement(sentence: str) -> str | None:
    """The sentence as a statement, or None for a question.

    A trailing tag ("I love hiking, what about you?") leaves the statement before it.
    """
    if sentence.endswith("?"):
        tagged = p.TAG_QUESTION.match(sentence)
        if not tagged:
            return None
        sentence = tagged.group("body")
    sentence = p.FILLER_START.sub("", sentence.strip(" ,.!;")).strip()
    if not sentence or p.QUESTION_START.match(sentence):
        return None
    return sentence


def _clause_facts(clause: str) -> list[Fact]:
    clause = p.FILLER_START.sub("", clause.strip(" ,.!;:-")).strip()
    for pattern, replacement in p.CONTRACTIONS:
        clause = pattern.sub(replacement, clause)
    clause = _trim(clause)
    if not clause or p.HYPOTHETICAL.search(clause):
        return []
    if leading := p.LEADING_WHEN.match(clause):
        clause = f"{leading.group('rest')} {leading.group('when')}"
    # Who a "my sister Anna" is holds whatever the rest of the clause says about them.
    people = _people_and_pets(clause)
    if m := p.DISLIKE.match(clause):
        return _preference("dislike", m) + people
    if m := p.FAVOURITE.match(clause) or p.FAVOURITE_AFTER.match(clause):
        return _favourite(m) + people
    if p.NEGATION.search(clause):
        return []
    for extract in (_plans, _self, _likes, _jobs, _places):
        if facts := extract(clause):
            return facts + people
    return people


def _plans(clause: str) -> list[Fact]:
    if m := p.HAVE_EVENT.match(clause):
        event = m.group("event").strip()
        if _words(event) > 4 or re.search(rf"\b(?:{p.ANIMALS}|{p.RELATIONS})$", event, re.IGNORECASE):
            return []
        when = _when(m.group("when"))
        said = (m.group("article") or "").strip().lower()
        article = _article(event) if said in ("", "a", "an") else "their"
        return [
            _fact(
                "plan", event.lower(), when, f"The user has {article} {event} {_when_phrase(when)}."
            )
        ]
    if m := p.MY_EVENT.match(clause):
        event, verb = m.group("event").strip(), m.group("verb").lower()
        if _words(event) > 4 or re.search(
            rf"^(?:{p.ANIMALS}|{p.RELATIONS}|name)\b", event, re.IGNORECASE
        ):
            return []
        when = _when(m.group("when"))
        kind = "date" if event.lower() in p.DATE_EVENTS else "plan"
        return [
            _fact(kind, event.lower(), when, f"The user's {event} {verb} {_when_phrase(when)}.")
        ]
    if m := p.BORN_ON.match(clause):
        when = _when(m.group("when"))
        return [_fact("date", "birthday", when, f"The user's birthday is {_when_phrase(when)}.")]
    if m := p.GOING.match(clause):
        verb = " ".join(m.group("verb").lower().split())
        what = _value(m.group("what"))
        if not what or p.TRIVIAL_PLANS.match(what):
            return []
        when = _when(m.group("when"))
        phrase = verb.replace("am ", "is ", 1) if verb.startswith("am ") else verb
        subject = f"{verb.removeprefix('am ').removeprefix('will ')} {what}"
        return [
            _fact("plan", subject.lower(), when, f"The user {phrase} {what} {_when_phrase(when)}.")
        ]
    return []


def _people_and_pets(clause: str) -> list[Fact]:
    facts = []
    for kind, patterns in (
        ("pet", (p.PET_NAMED, p.PET_APPOSITIVE)),
        ("person", (p.PERSON_NAMED, p.PERSON_APPOSITIVE, p.PERSON_IS_MY)),
    ):
        for pattern in patterns:
            if (m := pattern.search(clause)) and (fact := _named(kind, m)):
                facts.append(fact)
                break
    if have := p.I_HAVE.match(clause):
        for m in p.HAVE_ITEM.finditer(clause, have.end()):
            subject = m.group("subject").lower()
            kind = "pet" if re.fullmatch(p.ANIMALS, subject) else "person"
            if m.group("name"):
                facts.append(_named(kind, m, said_named=True))
            elif kind == "pet" or re.fullmatch(p.FAMILY, subject):
                facts.append(
                    _fact(kind, subject, subject, f"The user has {_article(subject)} {subject}.")
                )
    return [f for f in facts if f is not None]


def _named(kind: str, m: re.Match, *, said_named: bool = False) -> Fact | None:
    subject = m.group("subject").lower()
    # Without a naming verb only a capitalised word counts: "my sister Anna", not "my sister is".
    said_named = said_named or bool(
        re.search(r"\b(?:named|called|name\s+is)\s", m.group(), re.IGNORECASE)
    )
    name = _name(m.group("name"), capitalised=not said_named)
    if not name:
        return None
    return _fact(kind, subject, name, f"The user's {subject} is named {name}.")


def _name(raw: str, *, capitalised: bool) -> str | None:
    words = raw.split()
    if words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr"):
        words = [words[0].capitalize().rstrip(".") + ".", *words[1:]]
        title, words = words[:1], words[1:]
    else:
        title = []
    if not words or words[0].lower() in p.NOT_NAMES or (capitalised and not words[0][0].isupper()):
        return None
    kept = [words[0][0].upper() + words[0][1:]]
    for word in words[1:]:
        if not word[0].isupper() or word.lower() in p.NOT_NAMES:
            break
        kept.append(word)
    return " ".join(title + kept)


def _self(clause: str) -> list[Fact]:
    if (m := p.USER_NAME.match(clause)) and (name := _name(m.group("name"), capitalised=False)):
        return [_fact("other", "name", name, f"The user's name is {name}.")]
    if (m := p.AGE.match(clause)) and 10 <= int(m.group("age")) <= 120:
        age = str(int(m.group("age")))
        return [_fact("other", "age", age, f"The user is {age} years old.")]
    return []


def _likes(clause: str) -> list[Fact]:
    if m := p.LIKE.match(clause):
        return _preference("like", m)
    return []


def _preference(kind: str, m: re.Match) -> list[Fact]:
    value = _value(m.group("value"))
    if not value or p.PRONOUN_START.match(value) or p.NEGATION.search(value):
        return []
    verbs = p.LIKE_VERBS if kind == "like" else p.DISLIKE_VERBS
    verb = verbs[" ".join(m.group("verb").lower().split())]
    return [_fact(kind, value.lower(), value, f"The user {verb} {value}.")]


def _favourite(m: re.Match) -> list[Fact]:
    value = _value(m.group("value"))
    if not value or p.PRONOUN_START.match(value) or p.NEGATION.search(value):
        return []
    thing, verb = m.group("thing").lower(), m.group("verb").lower()
    least = "least " if m.group("least") else ""
    kind = "dislike" if least else "like"
    subject = f"{least}favourite {thing}"
    return [_fact(kind, subject, value, f"The user's {subject} {verb} {value}.")]


def _jobs(clause: str) -> list[Fact]:
    if m := p.WORK_AT.match(clause):
        return _employer(m.group("prep").lower(), m.group("org"))
    m = p.WORK_AS.match(clause) or p.I_AM_A.match(clause)
    if not m:
        return []
    job, prep, org = (
        re.split(r"\s+(at|for)\s+", m.group("job"), maxsplit=1, flags=re.IGNORECASE) + ["", ""]
    )[:3]
    job = _value(job)
    if not job:
        return []
    if "article" in m.groupdict():
        # "I'm a ..." is a job only when it ends in an occupation and is not a judgement.
        words = job.lower().split()
        if words[-1] not in p.OCCUPATIONS or len(words) > 4 or p.JUDGEMENTS.intersection(words):
            return []
        facts = [_fact("job", "occupation", job, f"The user is {_article(job)} {job}.")]
    else:
        facts = [_fact("job", "occupation", job, f"The user works as {_article(job)} {job}.")]
    return facts + (_employer(prep.lower(), org) if org else [])


def _employer(prep: str, raw: str) -> list[Fact]:
    org = _value(raw)
    if not org or org.lower() in p.NOT_EMPLOYERS:
        return []
    return [_fact("job", "employer", org, f"The user works {prep} {org}.")]


def _places(clause: str) -> list[Fact]:
    for pattern, subject, verb in p.PLACES:
        if m := pattern.match(clause):
            place = p.PLACE_TAIL.sub("", m.group("place"))
            place = _value(place)
            if not place or place.lower() in p.NOT_PLACES or place.split()[0].lower() in p.NOT_PLACES:
                return []
            if place == place.lower() and not re.match(r"(?:a|an|the|their)\b", place):
                place = place.title()
            return [_fact("place", subject, place, f"The user {verb} {place}.")]
    return []


def _value(raw: str) -> str | None:
    """A short third-person value from the rest of a clause, or None if it isn't one."""
    value = _trim(p.VALUE_CUT.sub("", raw.strip()))
    for pattern, replacement in p.POSSESSIVES:
        value = pattern.sub(replacement, value)
    if (
        not value
        or len(value) > VALUE_MAX_CHARS
        or _words(value) > VALUE_MAX_WORDS
        or not p.VALUE_CHARS.match(value)
        or not re.search(r"[^\W_]", value)
        or p.SECOND_PERSON.search(value)
        or p.FIRST_PERSON.search(value)
        or INSTRUCTION_LIKE.search(value)
        or p.IMPERATIVE_PHRASE.search(value)
    ):
        return None
    return value


def _trim(s: str) -> str:
    """`s` without trailing punctuation, emoji and filler words ("hiking so much lol!!")."""
    while True:
        end = len(s)
        while end and not s[end - 1].isalnum():
            end -= 1
        trimmed = p.TRAILING_FILLER.sub("", s[:end]).rstrip()
        if trimmed == s:
            return s
        s = trimmed


def _when(raw: str) -> str:
    when = re.sub(r"^on\s+", "", " ".join(raw.lower().split()))
    return p.CALENDAR_WORD.sub(lambda m: m.group().capitalize(), when)


def _when_phrase(when: str) -> str:
    return f"on {when}" if p.ON_DATE.match(when) else when


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _words(s: str) -> int:
    return len(s.split())


def _fact(kind: str, subject: str, value: str, text: str) -> Fact:
    return Fact(kind, " ".join(subject.split()), value, text)


def _is_safe(fact: Fact | None) -> bool:
    return (
        fact is not None
        and fact.kind in MemoryKind.values
        and 0 < len(fact.value) <= VALUE_MAX_CHARS
        and not INSTRUCTION_LIKE.search(fact.value)
        and not INSTRUCTION_LIKE.search(fact.subject)
        and fact.text.startswith(("The user ", "The user's "))
        and sanitize_fact_text(fact.text) == fact.text
    )
