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

KINDS = frozenset({"pet", "person", "like", "dislike", "plan", "date", "job", "place", "other"})

VALUE_MAX_CHARS = 40
VALUE_MAX_WORDS = 6
FACT_TEXT_MAX_CHARS = 160
# Longer messages are read only this far: memories come from chat, not pasted documents.
INPUT_MAX_CHARS = 2000
MAX_FACTS_PER_MESSAGE = 8

# Words and markers that address a model rather than describe a person, and imperatives that
# open a sentence. A fact or a sentence containing one is dropped whole: a lost memory costs
# little, a planted instruction a lot. Precise enough for narrative text (summaries) too.
INSTRUCTION_LIKE = re.compile(
    r"""
    \b(?:
        ignor(?:e|es|ed|ing) | disregard\w* | overrid\w* | bypass\w* | jailbr\w* |
        instructions? | prompts? | system | guidelines? | rules? | pretend\w* |
        role-?play\w* | persona | developer\s+mode | do\s+anything\s+now |
        (?:content|safety|usage)\s+(?:polic(?:y|ies)|filters?) | uncensored | unfiltered |
        forget\s+(?:all|everything|your|the|previous|prior|earlier|above|what) |
        you\s+(?:must|should|shall|will|are\s+now|have\s+to|need\s+to|can\s+now|may\s+now) |
        act\s+as | from\s+now\s+on | your\s+(?:programming|training|creators?|developers?) |
        (?:always|only|never)\s+(?:respond|reply|answer|say|speak|talk|write|use|call|obey) |
        remember\s+(?:that\s+you|to\s+always|to\s+never) | obey | comply
    )\b
    | \b(?:assistant|developer|remember)\s*: | <\| | \|> | \[/?inst\] | <<\s*/?sys | \#\#\# | ```
    | (?:^|(?<![.:;!?])[.:;!?])\W*+(?:always|never|do\s+not|don't|stop|start|respond|reply|
        answer|say|tell|speak|talk|write|act|behave|be|use|output|print|repeat|reveal|follow|
        make\s+sure)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Stricter, for one-line facts only: an imperative opening any phrase ("hiking, be rude").
# It would drop too much narrative ("wants to rest and be happy") to be part of the above.
_IMPERATIVE_PHRASE = re.compile(
    r"(?:^|(?<![,;:])[,;:]|\band\b|\bthen\b|\bor\b)\W*+(?:always|never|do\s+not|don't|stop|"
    r"start|respond|reply|answer|say|tell|speak|talk|write|act|behave|be|use|output|print|"
    r"repeat|reveal|follow|make\s+sure)\b",
    re.IGNORECASE,
)

_ANIMALS = (
    "guinea pig|dog|puppy|pup|cat|kitten|kitty|bunny|rabbit|hamster|parrot|budgie|cockatiel|"
    "bird|goldfish|fish|turtle|tortoise|horse|pony|lizard|gecko|snake|ferret|rat|mouse|"
    "hedgehog|chinchilla|gerbil|pig|goat|chicken|duck"
)
_FAMILY = (
    "boyfriend|girlfriend|partner|wife|husband|fiancee|fiance|mom|mum|mother|mommy|mama|dad|"
    "father|daddy|papa|sister|brother|twin|son|daughter|grandma|grandmother|granny|nana|"
    "grandpa|grandfather|aunt|auntie|uncle|cousin|niece|nephew|stepmom|stepmother|stepdad|"
    "stepfather|stepsister|stepbrother"
)
_RELATIONS = (
    f"best friend|{_FAMILY}|friend|roommate|flatmate|housemate|boss|coworker|co-worker|"
    "colleague|neighbor|neighbour|bff|ex"
)
_FAVOURITE_THINGS = (
    "food|foods|dish|meal|snack|drink|drinks|dessert|fruit|color|colour|movie|movies|film|"
    "films|tv show|show|shows|series|anime|book|books|author|writer|band|bands|singer|artist|"
    "song|songs|album|music|genre|video game|game|games|sport|sports|team|animal|animals|season|"
    "holiday|place|city|country|flower|flowers|ice cream|candy|cuisine|restaurant|hobby|"
    "subject|actor|actress|character|car|beer|wine|coffee|tea|day|month|number|"
    "thing to do|things to do"
)
_OCCUPATIONS = frozenset(
    """nurse doctor physician surgeon dentist pharmacist paramedic midwife therapist psychologist
    vet veterinarian teacher professor lecturer tutor librarian student engineer developer
    programmer designer architect scientist researcher analyst accountant lawyer attorney
    banker consultant manager chef cook baker butcher barista bartender waiter waitress cashier
    driver pilot firefighter officer cop soldier electrician plumber carpenter mechanic
    technician farmer gardener cleaner janitor receptionist secretary assistant clerk
    salesman saleswoman salesperson realtor writer journalist editor translator artist
    illustrator photographer musician singer actor actress dancer streamer freelancer
    entrepreneur caregiver carer nanny intern administrator coordinator specialist
    economist model tattooist hairdresser barber worker dev lead coach trainer instructor guard
    agent representative rep owner director executive ceo founder supervisor inspector advisor
    adviser counselor counsellor paralegal judge priest pastor biologist chemist physicist
    mathematician statistician copywriter marketer recruiter tester sysadmin admin operator
    courier postman miner welder painter sculptor composer producer dj youtuber
    influencer""".split()
)
# Adjectives that make "I'm a ... cook" a judgement rather than a job.
_JUDGEMENTS = frozenset(
    "good bad great terrible awful horrible amazing decent excellent lousy better best worst "
    "pretty really very huge big total complete".split()
)

_WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WHEN = rf"""(?:
    (?:on\s+)?(?:this\s+|next\s+|coming\s+)?(?:{_WEEKDAY})
        (?:\s+(?:morning|afternoon|evening|night))?
    | (?:on\s+)?(?:{_MONTH})\s+{_DAY}
    | (?:on\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?(?:{_MONTH})
    | in\s+(?:{_MONTH})
    | today | tonight | tomorrow(?:\s+(?:morning|afternoon|evening|night))?
    | this\s+(?:morning|afternoon|evening|weekend|week|month|year|summer|winter|spring|autumn|fall)
    | next\s+(?:week|weekend|month|year|summer|winter|spring|autumn|fall)
    | (?:on|at|over)\s+the\s+weekend
    | in\s+(?:a|an|one|two|three|four|five|six|a\s+few|\d{{1,2}})\s+(?:days?|weeks?|months?)
    )(?:\s+at\s+(?:\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)?|noon|midnight))?"""
_DATE_EVENTS = frozenset({"birthday", "bday", "anniversary", "wedding anniversary", "name day"})

_X = re.IGNORECASE | re.VERBOSE
_CONTRACTIONS = [
    (re.compile(r"\bi'm\b|\bim\b(?=\s)", re.IGNORECASE), "I am"),
    (re.compile(r"\bi've\b", re.IGNORECASE), "I have"),
    (re.compile(r"\bi'll\b", re.IGNORECASE), "I will"),
    (re.compile(r"\b(can't|cant|can not)\b", re.IGNORECASE), "cannot"),
    (re.compile(r"\b(don't|dont)\b", re.IGNORECASE), "do not"),
    (re.compile(r"\bgonna\b", re.IGNORECASE), "going to"),
    (re.compile(r"\bfavorite\b", re.IGNORECASE), "favourite"),
]
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++(?=\s|$)|\n")
_ABBREVIATION = re.compile(r"(?:^|\W)(?:mr|mrs|ms|dr|st|jr|sr|mt|ft|prof)$", re.IGNORECASE)
_QUESTION_START = re.compile(
    r"^(?:do|does|did|are|is|am|was|were|can|could|would|will|should|shall|have|has|had|may|"
    r"might|must|what|why|how|when|where|who|whom|whose|which|isn't|aren't|don't|doesn't|"
    r"didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|guess)\b",
    re.IGNORECASE,
)
_TAG_QUESTION = re.compile(
    r"^(?P<body>.+?),\s*(?:what\s+about|how\s+about|and|do|don't|did|are|aren't|is|isn't|"
    r"right|ok|okay|yeah|wbu|hbu|you)\b[^,]{0,25}\?+$",
    re.IGNORECASE,
)
_FILLER_START = re.compile(
    r"^(?:(?:well|oh|ok|okay|so|and|but|also|btw|by\s+the\s+way|actually|honestly|yeah|yes|"
    r"yep|hey|hi|hello|lol|haha|fun\s+fact|fyi|anyway|anyways|plus|i\s+mean|i\s+think|"
    r"i\s+guess|guess\s+what)\b[\s,:!-]*)+",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"(?<!\s)(?:\s*[,;]\s*(?:(?:and|but|so|plus|also)\s+)?"
    r"|\s+(?:and|but|so|plus|also|though|although|while|whereas|because|cause|since)\s+)"
    r"(?=(?:i|i'm|im|i've|i'll|my|our)\b)",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|would|wish|wishes|wished|maybe|perhaps|might|could|should|imagine|imagining|"
    r"pretend|suppose|supposing|hypothetically|someday|used\s+to|want|wants|wanted|wanna|hope|"
    r"hoping|dream|dreaming|unless|whether)\b|\b\w+'d\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|nobody|none|neither|nor|without|cannot|aint)\b|n't\b", re.IGNORECASE
)
# Stripped from the end, one at a time (see _trim): a single regex with nested repetition
# backtracks exponentially on a long run of punctuation.
_TRAILING_FILLER = re.compile(
    r"(?<!\S)(?:so\s+much|a\s+lot|very\s+much|too|as\s+well|though|tbh|honestly|lol|haha\w*|"
    r"lmao|xd|really|right\s+now|now|these\s+days|at\s+the\s+moment|currently)$",
    re.IGNORECASE,
)
_VALUE_CUT = re.compile(
    r"(?<!\s)\s+(?:because|since|cause|but|when\s+i|as\s+long\s+as)\b.*$", re.IGNORECASE
)
_VALUE_CHARS = re.compile(r"^[\w' &.,\-]+$")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|u|ur|ya|yall)\b", re.IGNORECASE)
# Case-sensitive, so that "the US" is a place and not "us".
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Ww]e|us)\b")
_PRONOUN_START = re.compile(
    r"^(?:it|its|it's|this|that|these|those|them|him|her|he|she|they|everything|anything|"
    r"something|nothing|all|everyone|everybody|someone|somebody)\b",
    re.IGNORECASE,
)
_POSSESSIVES = [
    (re.compile(r"\bmy\b", re.IGNORECASE), "their"),
    (re.compile(r"\bour\b", re.IGNORECASE), "their"),
    (re.compile(r"\bmine\b", re.IGNORECASE), "theirs"),
    (re.compile(r"\bmyself\b", re.IGNORECASE), "themselves"),
]
_NOT_NAMES = frozenset(
    """a an the and or but is was are has had have his her he she it its they them this that
    there who which after before because named called so my your our their i me you we us
    said says loves likes lives just also still now then today tonight tomorrow yesterday
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_NOT_PLACES = frozenset(
    "fear hope denial peace sin shame misery luxury poverty work school home bed".split()
    + ["the moment", "the past", "the future"]
)
_NOT_EMPLOYERS = frozenset(
    {"home", "night", "nights", "weekends", "the moment", "myself", "a living"}
)
_TRIVIAL_PLANS = re.compile(
    r"^(?:sleep|bed|be|do|die|cry|eat|rest|nap|shower|pee|work)\b", re.IGNORECASE
)

# Names: loose here, trimmed by _name: the first word in any case ("called biscuit"), later
# words only while capitalised, so a name ends where the sentence goes on in lower case
# ("named Max and he is 3").
_NAME = (
    r"(?P<name>(?:(?i:mr|mrs|ms|dr)\.?\s+)?[^\W\d_][\w'\-]{0,19}(?:\s+[^\W\d_][\w'\-]{0,19}){0,2})"
)
_ADJ = (
    r"(?:(?i:little|old|new|big|small|cute|baby|sweet|tiny|lovely|beautiful|fat|lazy|crazy|"
    r"fluffy|rescue|black|white|grey|gray|orange|brown|ginger|tabby)\s+){0,2}"
)
_NAMING = r"(?i:'s\s+name\s+is|\s+name\s+is|\s+is\s+called|\s+is\s+named|\s+named|\s+called)\s+"

_PET_NAMED = re.compile(rf"\b(?i:my|our)\s+{_ADJ}(?P<subject>(?i:{_ANIMALS})){_NAMING}{_NAME}\b")
_PET_APPOSITIVE = re.compile(rf"\b(?i:my|our)\s+{_ADJ}(?P<subject>(?i:{_ANIMALS})),?\s+{_NAME}\b")
_PERSON_NAMED = re.compile(rf"\b(?i:my|our)\s+(?P<subject>(?i:{_RELATIONS})){_NAMING}{_NAME}\b")
_PERSON_APPOSITIVE = re.compile(rf"\b(?i:my|our)\s+(?P<subject>(?i:{_RELATIONS})),?\s+{_NAME}\b")
_PERSON_IS_MY = re.compile(rf"^{_NAME}\s+(?i:is\s+my)\s+(?P<subject>(?i:{_RELATIONS}))\b")
_I_HAVE = re.compile(
    r"^(?:I\s+have\s+got|I\s+have|I\s+got|I\s+own|we\s+have|we\s+have\s+got)\s+", re.IGNORECASE
)
_HAVE_ITEM = re.compile(
    rf"(?i:\b(?:a|an|one))\s+{_ADJ}(?P<subject>(?i:{_ANIMALS}|{_RELATIONS}))"
    rf"(?:(?i:\s+named|\s+called)\s+{_NAME})?(?=\s*(?:$|,|(?i:and|who|that|named|called)\b))"
)
_USER_NAME = re.compile(rf"^(?i:my\s+name\s+is|my\s+name's|I\s+am\s+called)\s+{_NAME}\b")
_AGE = re.compile(r"^I\s+am\s+(?P<age>\d{1,3})(?:\s+years?\s+old|\s*yo|\s+y/o)?$", re.IGNORECASE)

_LIKE_VERBS = {
    "love": "loves",
    "like": "likes",
    "enjoy": "enjoys",
    "adore": "adores",
    "am into": "is into",
    "am obsessed with": "is obsessed with",
    "am a fan of": "is a fan of",
    "am a big fan of": "is a big fan of",
    "am a huge fan of": "is a huge fan of",
    "am passionate about": "is passionate about",
}
_DISLIKE_VERBS = {
    "hate": "hates",
    "dislike": "dislikes",
    "detest": "detests",
    "loathe": "loathes",
    "cannot stand": "cannot stand",
    "do not like": "does not like",
    "do not enjoy": "does not enjoy",
    "am not a fan of": "is not a fan of",
    "am not a big fan of": "is not a big fan of",
}
_ADVERB = (
    r"(?:(?:really|absolutely|just|truly|totally|also|actually|so|genuinely|seriously|kinda|do|"
    r"still)\s+)?"
)


def _verbs(table: dict[str, str]) -> str:
    return "|".join(
        re.escape(v).replace(r"\ ", r"\s+") for v in sorted(table, key=len, reverse=True)
    )


_LIKE = re.compile(
    rf"^I\s+{_ADVERB}(?P<verb>{_verbs(_LIKE_VERBS)})\s+(?P<value>.+)$", re.IGNORECASE
)
_DISLIKE = re.compile(
    rf"^I\s+{_ADVERB}(?P<verb>{_verbs(_DISLIKE_VERBS)})\s+(?P<value>.+)$", re.IGNORECASE
)
_FAVOURITE = re.compile(
    rf"^my\s+(?P<least>least\s+)?(?:absolute\s+)?(?:all[- ]time\s+)?favourite\s+"
    rf"(?P<thing>{_FAVOURITE_THINGS})\s+(?P<verb>is|are)\s+(?P<value>.+)$",
    re.IGNORECASE,
)
_FAVOURITE_AFTER = re.compile(
    rf"^(?P<value>[^,]{{1,40}}?)\s+(?P<verb>is|are)\s+my\s+(?P<least>least\s+)?"
    rf"(?:absolute\s+)?favourite\s+(?P<thing>{_FAVOURITE_THINGS})$",
    re.IGNORECASE,
)
_WORK_AS = re.compile(r"^I\s+(?:work|am\s+working)\s+as\s+(?:an?\s+)?(?P<job>.+)$", re.IGNORECASE)
_I_AM_A = re.compile(r"^I\s+am\s+(?P<article>an?)\s+(?P<job>.+)$", re.IGNORECASE)
_WORK_AT = re.compile(
    r"^I\s+(?:work|am\s+working|have\s+a\s+job|got\s+a\s+job)\s+(?P<prep>at|for)\s+(?P<org>.+)$",
    re.IGNORECASE,
)
_PLACES = [
    (
        re.compile(
            r"^I\s+(?:currently\s+|now\s+)?(?:live|am\s+living)\s+in\s+(?P<place>.+)$",
            re.IGNORECASE,
        ),
        "home",
        "lives in",
    ),
    (
        re.compile(
            r"^I\s+(?:just\s+|recently\s+)?(?:have\s+)?moved\s+to\s+(?P<place>.+)$", re.IGNORECASE
        ),
        "home",
        "moved to",
    ),
    (
        re.compile(r"^I\s+(?:am|come)\s+(?:originally\s+)?from\s+(?P<place>.+)$", re.IGNORECASE),
        "hometown",
        "is from",
    ),
    (re.compile(r"^I\s+grew\s+up\s+in\s+(?P<place>.+)$", re.IGNORECASE), "hometown", "grew up in"),
]
_PLACE_TAIL = re.compile(
    r"(?<!\s)\s+(?:for\s+(?:\w+\s+){1,2}(?:years?|months?|weeks?)|since\s+\w+"
    r"|last\s+(?:year|month|week)|(?:a\s+few|\w+)\s+(?:years?|months?|weeks?)\s+ago"
    r"|recently|as\s+a\s+(?:kid|child))$",
    re.IGNORECASE,
)
_LEADING_WHEN = re.compile(rf"^(?P<when>{_WHEN}),?\s+(?P<rest>(?:I|my|our)\b.+)$", _X)
_HAVE_EVENT = re.compile(
    rf"^(?:I\s+have\s+got|I\s+have|I\s+got|we\s+have)\s+(?P<article>(?:an?|my|our|the)\s+)?"
    rf"(?P<event>[\w'\- ]{{2,40}}?)\s+(?P<when>{_WHEN})$",
    _X,
)
_MY_EVENT = re.compile(
    rf"^(?:my|our)\s+(?P<event>[\w'\- ]{{2,30}}?)\s+(?P<verb>is|starts|begins)\s+"
    rf"(?P<when>{_WHEN})$",
    _X,
)
_BORN_ON = re.compile(
    rf"""^I\s+was\s+born\s+(?P<when>(?:on\s+)?(?:{_MONTH})\s+{_DAY}
    | (?:on\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?(?:{_MONTH}))$""",
    _X,
)
_GOING = re.compile(
    rf"""^I\s+(?P<verb>am\s+going\s+to|am\s+flying\s+to|am\s+travell?ing\s+to|am\s+heading\s+to|
    am\s+leaving\s+for|am\s+visiting|am\s+seeing|am\s+meeting|am\s+starting|am\s+moving\s+to|
    will\s+go\s+to|will\s+visit|will\s+see|will\s+meet|will\s+start|will\s+fly\s+to|
    will\s+move\s+to)\s+(?P<what>.+?)\s+(?P<when>{_WHEN})$""",
    _X,
)
_ON_DATE = re.compile(rf"^(?:{_WEEKDAY}|{_MONTH}|{_DAY}\b|the\b)", re.IGNORECASE)
_CALENDAR_WORD = re.compile(rf"\b(?:{_WEEKDAY}|{_MONTH})\b", re.IGNORECASE)


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
        or _IMPERATIVE_PHRASE.search(s)
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
        for clause in _CLAUSE_BREAK.split(statement):
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
    for match in _SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - 5) : match.start()]
        if match.group().startswith(".") and _ABBREVIATION.search(before):
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
        tagged = _TAG_QUESTION.match(sentence)
        if not tagged:
            return None
        sentence = tagged.group("body")
    sentence = _FILLER_START.sub("", sentence.strip(" ,.!;")).strip()
    if not sentence or _QUESTION_START.match(sentence):
        return None
    return sentence


def _clause_facts(clause: str) -> list[Fact]:
    clause = _FILLER_START.sub("", clause.strip(" ,.!;:-")).strip()
    for pattern, replacement in _CONTRACTIONS:
        clause = pattern.sub(replacement, clause)
    clause = _trim(clause)
    if not clause or _HYPOTHETICAL.search(clause):
        return []
    if leading := _LEADING_WHEN.match(clause):
        clause = f"{leading.group('rest')} {leading.group('when')}"
    # Who a "my sister Anna" is holds whatever the rest of the clause says about them.
    people = _people_and_pets(clause)
    if m := _DISLIKE.match(clause):
        return _preference("dislike", m) + people
    if m := _FAVOURITE.match(clause) or _FAVOURITE_AFTER.match(clause):
        return _favourite(m) + people
    if _NEGATION.search(clause):
        return []
    for extract in (_plans, _self, _likes, _jobs, _places):
        if facts := extract(clause):
            return facts + people
    return people


def _plans(clause: str) -> list[Fact]:
    if m := _HAVE_EVENT.match(clause):
        event = m.group("event").strip()
        if _words(event) > 4 or re.search(rf"\b(?:{_ANIMALS}|{_RELATIONS})$", event, re.IGNORECASE):
            return []
        when = _when(m.group("when"))
        said = (m.group("article") or "").strip().lower()
        article = _article(event) if said in ("", "a", "an") else "their"
        return [
            _fact(
                "plan", event.lower(), when, f"The user has {article} {event} {_when_phrase(when)}."
            )
        ]
    if m := _MY_EVENT.match(clause):
        event, verb = m.group("event").strip(), m.group("verb").lower()
        if _words(event) > 4 or re.search(
            rf"^(?:{_ANIMALS}|{_RELATIONS}|name)\b", event, re.IGNORECASE
        ):
            return []
        when = _when(m.group("when"))
        kind = "date" if event.lower() in _DATE_EVENTS else "plan"
        return [
            _fact(kind, event.lower(), when, f"The user's {event} {verb} {_when_phrase(when)}.")
        ]
    if m := _BORN_ON.match(clause):
        when = _when(m.group("when"))
        return [_fact("date", "birthday", when, f"The user's birthday is {_when_phrase(when)}.")]
    if m := _GOING.match(clause):
        verb = " ".join(m.group("verb").lower().split())
        what = _value(m.group("what"))
        if not what or _TRIVIAL_PLANS.match(what):
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
        ("pet", (_PET_NAMED, _PET_APPOSITIVE)),
        ("person", (_PERSON_NAMED, _PERSON_APPOSITIVE, _PERSON_IS_MY)),
    ):
        for pattern in patterns:
            if (m := pattern.search(clause)) and (fact := _named(kind, m)):
                facts.append(fact)
                break
    if have := _I_HAVE.match(clause):
        for m in _HAVE_ITEM.finditer(clause, have.end()):
            subject = m.group("subject").lower()
            kind = "pet" if re.fullmatch(_ANIMALS, subject) else "person"
            if m.group("name"):
                facts.append(_named(kind, m, said_named=True))
            elif kind == "pet" or re.fullmatch(_FAMILY, subject):
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
    if not words or words[0].lower() in _NOT_NAMES or (capitalised and not words[0][0].isupper()):
        return None
    kept = [words[0][0].upper() + words[0][1:]]
    for word in words[1:]:
        if not word[0].isupper() or word.lower() in _NOT_NAMES:
            break
        kept.append(word)
    return " ".join(title + kept)


def _self(clause: str) -> list[Fact]:
    if (m := _USER_NAME.match(clause)) and (name := _name(m.group("name"), capitalised=False)):
        return [_fact("other", "name", name, f"The user's name is {name}.")]
    if (m := _AGE.match(clause)) and 10 <= int(m.group("age")) <= 120:
        age = str(int(m.group("age")))
        return [_fact("other", "age", age, f"The user is {age} years old.")]
    return []


def _likes(clause: str) -> list[Fact]:
    if m := _LIKE.match(clause):
        return _preference("like", m)
    return []


def _preference(kind: str, m: re.Match) -> list[Fact]:
    value = _value(m.group("value"))
    if not value or _PRONOUN_START.match(value) or _NEGATION.search(value):
        return []
    verbs = _LIKE_VERBS if kind == "like" else _DISLIKE_VERBS
    verb = verbs[" ".join(m.group("verb").lower().split())]
    return [_fact(kind, value.lower(), value, f"The user {verb} {value}.")]


def _favourite(m: re.Match) -> list[Fact]:
    value = _value(m.group("value"))
    if not value or _PRONOUN_START.match(value) or _NEGATION.search(value):
        return []
    thing, verb = m.group("thing").lower(), m.group("verb").lower()
    least = "least " if m.group("least") else ""
    kind = "dislike" if least else "like"
    subject = f"{least}favourite {thing}"
    return [_fact(kind, subject, value, f"The user's {subject} {verb} {value}.")]


def _jobs(clause: str) -> list[Fact]:
    if m := _WORK_AT.match(clause):
        return _employer(m.group("prep").lower(), m.group("org"))
    m = _WORK_AS.match(clause) or _I_AM_A.match(clause)
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
        if words[-1] not in _OCCUPATIONS or len(words) > 4 or _JUDGEMENTS.intersection(words):
            return []
        facts = [_fact("job", "occupation", job, f"The user is {_article(job)} {job}.")]
    else:
        facts = [_fact("job", "occupation", job, f"The user works as {_article(job)} {job}.")]
    return facts + (_employer(prep.lower(), org) if org else [])


def _employer(prep: str, raw: str) -> list[Fact]:
    org = _value(raw)
    if not org or org.lower() in _NOT_EMPLOYERS:
        return []
    return [_fact("job", "employer", org, f"The user works {prep} {org}.")]


def _places(clause: str) -> list[Fact]:
    for pattern, subject, verb in _PLACES:
        if m := pattern.match(clause):
            place = _PLACE_TAIL.sub("", m.group("place"))
            place = _value(place)
            if not place or place.lower() in _NOT_PLACES or place.split()[0].lower() in _NOT_PLACES:
                return []
            if place == place.lower() and not re.match(r"(?:a|an|the|their)\b", place):
                place = place.title()
            return [_fact("place", subject, place, f"The user {verb} {place}.")]
    return []


def _value(raw: str) -> str | None:
    """A short third-person value from the rest of a clause, or None if it isn't one."""
    value = _trim(_VALUE_CUT.sub("", raw.strip()))
    for pattern, replacement in _POSSESSIVES:
        value = pattern.sub(replacement, value)
    if (
        not value
        or len(value) > VALUE_MAX_CHARS
        or _words(value) > VALUE_MAX_WORDS
        or not _VALUE_CHARS.match(value)
        or not re.search(r"[^\W_]", value)
        or _SECOND_PERSON.search(value)
        or _FIRST_PERSON.search(value)
        or INSTRUCTION_LIKE.search(value)
        or _IMPERATIVE_PHRASE.search(value)
    ):
        return None
    return value


def _trim(s: str) -> str:
    """`s` without trailing punctuation, emoji and filler words ("hiking so much lol!!")."""
    while True:
        end = len(s)
        while end and not s[end - 1].isalnum():
            end -= 1
        trimmed = _TRAILING_FILLER.sub("", s[:end]).rstrip()
        if trimmed == s:
            return s
        s = trimmed


def _when(raw: str) -> str:
    when = re.sub(r"^on\s+", "", " ".join(raw.lower().split()))
    return _CALENDAR_WORD.sub(lambda m: m.group().capitalize(), when)


def _when_phrase(when: str) -> str:
    return f"on {when}" if _ON_DATE.match(when) else when


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _words(s: str) -> int:
    return len(s.split())


def _fact(kind: str, subject: str, value: str, text: str) -> Fact:
    return Fact(kind, " ".join(subject.split()), value, text)


def _is_safe(fact: Fact | None) -> bool:
    return (
        fact is not None
        and fact.kind in KINDS
        and 0 < len(fact.value) <= VALUE_MAX_CHARS
        and not INSTRUCTION_LIKE.search(fact.value)
        and not INSTRUCTION_LIKE.search(fact.subject)
        and fact.text.startswith(("The user ", "The user's "))
        and sanitize_fact_text(fact.text) == fact.text
    )
