"""The phrasings the memory rules (relationships/memory/rules.py) recognise: regular
expressions and word lists, as data."""

import re

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
IMPERATIVE_PHRASE = re.compile(
    r"(?:^|(?<![,;:])[,;:]|\band\b|\bthen\b|\bor\b)\W*+(?:always|never|do\s+not|don't|stop|"
    r"start|respond|reply|answer|say|tell|speak|talk|write|act|behave|be|use|output|print|"
    r"repeat|reveal|follow|make\s+sure)\b",
    re.IGNORECASE,
)

ANIMALS = (
    "guinea pig|dog|puppy|pup|cat|kitten|kitty|bunny|rabbit|hamster|parrot|budgie|cockatiel|"
    "bird|goldfish|fish|turtle|tortoise|horse|pony|lizard|gecko|snake|ferret|rat|mouse|"
    "hedgehog|chinchilla|gerbil|pig|goat|chicken|duck"
)
FAMILY = (
    "boyfriend|girlfriend|partner|wife|husband|fiancee|fiance|mom|mum|mother|mommy|mama|dad|"
    "father|daddy|papa|sister|brother|twin|son|daughter|grandma|grandmother|granny|nana|"
    "grandpa|grandfather|aunt|auntie|uncle|cousin|niece|nephew|stepmom|stepmother|stepdad|"
    "stepfather|stepsister|stepbrother"
)
RELATIONS = (
    f"best friend|{FAMILY}|friend|roommate|flatmate|housemate|boss|coworker|co-worker|"
    "colleague|neighbor|neighbour|bff|ex"
)
FAVOURITE_THINGS = (
    "food|foods|dish|meal|snack|drink|drinks|dessert|fruit|color|colour|movie|movies|film|"
    "films|tv show|show|shows|series|anime|book|books|author|writer|band|bands|singer|artist|"
    "song|songs|album|music|genre|video game|game|games|sport|sports|team|animal|animals|season|"
    "holiday|place|city|country|flower|flowers|ice cream|candy|cuisine|restaurant|hobby|"
    "subject|actor|actress|character|car|beer|wine|coffee|tea|day|month|number|"
    "thing to do|things to do"
)
OCCUPATIONS = frozenset(
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
JUDGEMENTS = frozenset(
    "good bad great terrible awful horrible amazing decent excellent lousy better best worst "
    "pretty really very huge big total complete".split()
)

WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
MONTH = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
WHEN = rf"""(?:
    (?:on\s+)?(?:this\s+|next\s+|coming\s+)?(?:{WEEKDAY})
        (?:\s+(?:morning|afternoon|evening|night))?
    | (?:on\s+)?(?:{MONTH})\s+{DAY}
    | (?:on\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?(?:{MONTH})
    | in\s+(?:{MONTH})
    | today | tonight | tomorrow(?:\s+(?:morning|afternoon|evening|night))?
    | this\s+(?:morning|afternoon|evening|weekend|week|month|year|summer|winter|spring|autumn|fall)
    | next\s+(?:week|weekend|month|year|summer|winter|spring|autumn|fall)
    | (?:on|at|over)\s+the\s+weekend
    | in\s+(?:a|an|one|two|three|four|five|six|a\s+few|\d{{1,2}})\s+(?:days?|weeks?|months?)
    )(?:\s+at\s+(?:\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)?|noon|midnight))?"""
DATE_EVENTS = frozenset({"birthday", "bday", "anniversary", "wedding anniversary", "name day"})

X = re.IGNORECASE | re.VERBOSE
CONTRACTIONS = [
    (re.compile(r"\bi'm\b|\bim\b(?=\s)", re.IGNORECASE), "I am"),
    (re.compile(r"\bi've\b", re.IGNORECASE), "I have"),
    (re.compile(r"\bi'll\b", re.IGNORECASE), "I will"),
    (re.compile(r"\b(can't|cant|can not)\b", re.IGNORECASE), "cannot"),
    (re.compile(r"\b(don't|dont)\b", re.IGNORECASE), "do not"),
    (re.compile(r"\bgonna\b", re.IGNORECASE), "going to"),
    (re.compile(r"\bfavorite\b", re.IGNORECASE), "favourite"),
]
SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++(?=\s|$)|\n")
ABBREVIATION = re.compile(r"(?:^|\W)(?:mr|mrs|ms|dr|st|jr|sr|mt|ft|prof)$", re.IGNORECASE)
QUESTION_START = re.compile(
    r"^(?:do|does|did|are|is|am|was|were|can|could|would|will|should|shall|have|has|had|may|"
    r"might|must|what|why|how|when|where|who|whom|whose|which|isn't|aren't|don't|doesn't|"
    r"didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|guess)\b",
    re.IGNORECASE,
)
TAG_QUESTION = re.compile(
    r"^(?P<body>.+?),\s*(?:what\s+about|how\s+about|and|do|don't|did|are|aren't|is|isn't|"
    r"right|ok|okay|yeah|wbu|hbu|you)\b[^,]{0,25}\?+$",
    re.IGNORECASE,
)
FILLER_START = re.compile(
    r"^(?:(?:well|oh|ok|okay|so|and|but|also|btw|by\s+the\s+way|actually|honestly|yeah|yes|"
    r"yep|hey|hi|hello|lol|haha|fun\s+fact|fyi|anyway|anyways|plus|i\s+mean|i\s+think|"
    r"i\s+guess|guess\s+what)\b[\s,:!-]*)+",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r"(?<!\s)(?:\s*[,;]\s*(?:(?:and|but|so|plus|also)\s+)?"
    r"|\s+(?:and|but|so|plus|also|though|although|while|whereas|because|cause|since)\s+)"
    r"(?=(?:i|i'm|im|i've|i'll|my|our)\b)",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:if|would|wish|wishes|wished|maybe|perhaps|might|could|should|imagine|imagining|"
    r"pretend|suppose|supposing|hypothetically|someday|used\s+to|want|wants|wanted|wanna|hope|"
    r"hoping|dream|dreaming|unless|whether)\b|\b\w+'d\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|nobody|none|neither|nor|without|cannot|aint)\b|n't\b", re.IGNORECASE
)
# Stripped from the end, one at a time (see _trim): a single regex with nested repetition
# backtracks exponentially on a long run of punctuation.
TRAILING_FILLER = re.compile(
    r"(?<!\S)(?:so\s+much|a\s+lot|very\s+much|too|as\s+well|though|tbh|honestly|lol|haha\w*|"
    r"lmao|xd|really|right\s+now|now|these\s+days|at\s+the\s+moment|currently)$",
    re.IGNORECASE,
)
VALUE_CUT = re.compile(
    r"(?<!\s)\s+(?:because|since|cause|but|when\s+i|as\s+long\s+as)\b.*$", re.IGNORECASE
)
VALUE_CHARS = re.compile(r"^[\w' &.,\-]+$")
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|u|ur|ya|yall)\b", re.IGNORECASE)
# Case-sensitive, so that "the US" is a place and not "us".
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Ww]e|us)\b")
PRONOUN_START = re.compile(
    r"^(?:it|its|it's|this|that|these|those|them|him|her|he|she|they|everything|anything|"
    r"something|nothing|all|everyone|everybody|someone|somebody)\b",
    re.IGNORECASE,
)
POSSESSIVES = [
    (re.compile(r"\bmy\b", re.IGNORECASE), "their"),
    (re.compile(r"\bour\b", re.IGNORECASE), "their"),
    (re.compile(r"\bmine\b", re.IGNORECASE), "theirs"),
    (re.compile(r"\bmyself\b", re.IGNORECASE), "themselves"),
]
NOT_NAMES = frozenset(
    """a an the and or but is was are has had have his her he she it its they them this that
    there who which after before because named called so my your our their i me you we us
    said says loves likes lives just also still now then today tonight tomorrow yesterday
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
NOT_PLACES = frozenset(
    "fear hope denial peace sin shame misery luxury poverty work school home bed".split()
    + ["the moment", "the past", "the future"]
)
NOT_EMPLOYERS = frozenset(
    {"home", "night", "nights", "weekends", "the moment", "myself", "a living"}
)
TRIVIAL_PLANS = re.compile(
    r"^(?:sleep|bed|be|do|die|cry|eat|rest|nap|shower|pee|work)\b", re.IGNORECASE
)

# Names: loose here, trimmed by _name: the first word in any case ("called biscuit"), later
# words only while capitalised, so a name ends where the sentence goes on in lower case
# ("named Max and he is 3").
NAME = (
    r"(?P<name>(?:(?i:mr|mrs|ms|dr)\.?\s+)?[^\W\d_][\w'\-]{0,19}(?:\s+[^\W\d_][\w'\-]{0,19}){0,2})"
)
ADJ = (
    r"(?:(?i:little|old|new|big|small|cute|baby|sweet|tiny|lovely|beautiful|fat|lazy|crazy|"
    r"fluffy|rescue|black|white|grey|gray|orange|brown|ginger|tabby)\s+){0,2}"
)
NAMING = r"(?i:'s\s+name\s+is|\s+name\s+is|\s+is\s+called|\s+is\s+named|\s+named|\s+called)\s+"

PET_NAMED = re.compile(rf"\b(?i:my|our)\s+{ADJ}(?P<subject>(?i:{ANIMALS})){NAMING}{NAME}\b")
PET_APPOSITIVE = re.compile(rf"\b(?i:my|our)\s+{ADJ}(?P<subject>(?i:{ANIMALS})),?\s+{NAME}\b")
PERSON_NAMED = re.compile(rf"\b(?i:my|our)\s+(?P<subject>(?i:{RELATIONS})){NAMING}{NAME}\b")
PERSON_APPOSITIVE = re.compile(rf"\b(?i:my|our)\s+(?P<subject>(?i:{RELATIONS})),?\s+{NAME}\b")
PERSON_IS_MY = re.compile(rf"^{NAME}\s+(?i:is\s+my)\s+(?P<subject>(?i:{RELATIONS}))\b")
I_HAVE = re.compile(
    r"^(?:I\s+have\s+got|I\s+have|I\s+got|I\s+own|we\s+have|we\s+have\s+got)\s+", re.IGNORECASE
)
HAVE_ITEM = re.compile(
    rf"(?i:\b(?:a|an|one))\s+{ADJ}(?P<subject>(?i:{ANIMALS}|{RELATIONS}))"
    rf"(?:(?i:\s+named|\s+called)\s+{NAME})?(?=\s*(?:$|,|(?i:and|who|that|named|called)\b))"
)
USER_NAME = re.compile(rf"^(?i:my\s+name\s+is|my\s+name's|I\s+am\s+called)\s+{NAME}\b")
AGE = re.compile(r"^I\s+am\s+(?P<age>\d{1,3})(?:\s+years?\s+old|\s*yo|\s+y/o)?$", re.IGNORECASE)

LIKE_VERBS = {
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
DISLIKE_VERBS = {
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
ADVERB = (
    r"(?:(?:really|absolutely|just|truly|totally|also|actually|so|genuinely|seriously|kinda|do|"
    r"still)\s+)?"
)


def verbs(table: dict[str, str]) -> str:
    return "|".join(
        re.escape(v).replace(r"\ ", r"\s+") for v in sorted(table, key=len, reverse=True)
    )


LIKE = re.compile(
    rf"^I\s+{ADVERB}(?P<verb>{verbs(LIKE_VERBS)})\s+(?P<value>.+)$", re.IGNORECASE
)
DISLIKE = re.compile(
    rf"^I\s+{ADVERB}(?P<verb>{verbs(DISLIKE_VERBS)})\s+(?P<value>.+)$", re.IGNORECASE
)
FAVOURITE = re.compile(
    rf"^my\s+(?P<least>least\s+)?(?:absolute\s+)?(?:all[- ]time\s+)?favourite\s+"
    rf"(?P<thing>{FAVOURITE_THINGS})\s+(?P<verb>is|are)\s+(?P<value>.+)$",
    re.IGNORECASE,
)
FAVOURITE_AFTER = re.compile(
    rf"^(?P<value>[^,]{{1,40}}?)\s+(?P<verb>is|are)\s+my\s+(?P<least>least\s+)?"
    rf"(?:absolute\s+)?favourite\s+(?P<thing>{FAVOURITE_THINGS})$",
    re.IGNORECASE,
)
WORK_AS = re.compile(r"^I\s+(?:work|am\s+working)\s+as\s+(?:an?\s+)?(?P<job>.+)$", re.IGNORECASE)
I_AM_A = re.compile(r"^I\s+am\s+(?P<article>an?)\s+(?P<job>.+)$", re.IGNORECASE)
WORK_AT = re.compile(
    r"^I\s+(?:work|am\s+working|have\s+a\s+job|got\s+a\s+job)\s+(?P<prep>at|for)\s+(?P<org>.+)$",
    re.IGNORECASE,
)
PLACES = [
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
PLACE_TAIL = re.compile(
    r"(?<!\s)\s+(?:for\s+(?:\w+\s+){1,2}(?:years?|months?|weeks?)|since\s+\w+"
    r"|last\s+(?:year|month|week)|(?:a\s+few|\w+)\s+(?:years?|months?|weeks?)\s+ago"
    r"|recently|as\s+a\s+(?:kid|child))$",
    re.IGNORECASE,
)
LEADING_WHEN = re.compile(rf"^(?P<when>{WHEN}),?\s+(?P<rest>(?:I|my|our)\b.+)$", X)
HAVE_EVENT = re.compile(
    rf"^(?:I\s+have\s+got|I\s+have|I\s+got|we\s+have)\s+(?P<article>(?:an?|my|our|the)\s+)?"
    rf"(?P<event>[\w'\- ]{{2,40}}?)\s+(?P<when>{WHEN})$",
    X,
)
MY_EVENT = re.compile(
    rf"^(?:my|our)\s+(?P<event>[\w'\- ]{{2,30}}?)\s+(?P<verb>is|starts|begins)\s+"
    rf"(?P<when>{WHEN})$",
    X,
)
BORN_ON = re.compile(
    rf"""^I\s+was\s+born\s+(?P<when>(?:on\s+)?(?:{MONTH})\s+{DAY}
    | (?:on\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?(?:{MONTH}))$""",
    X,
)
GOING = re.compile(
    rf"""^I\s+(?P<verb>am\s+going\s+to|am\s+flying\s+to|am\s+travell?ing\s+to|am\s+heading\s+to|
    am\s+leaving\s+for|am\s+visiting|am\s+seeing|am\s+meeting|am\s+starting|am\s+moving\s+to|
    will\s+go\s+to|will\s+visit|will\s+see|will\s+meet|will\s+start|will\s+fly\s+to|
    will\s+move\s+to)\s+(?P<what>.+?)\s+(?P<when>{WHEN})$""",
    X,
)
ON_DATE = re.compile(rf"^(?:{WEEKDAY}|{MONTH}|{DAY}\b|the\b)", re.IGNORECASE)
CALENDAR_WORD = re.compile(rf"\b(?:{WEEKDAY}|{MONTH})\b", re.IGNORECASE)
