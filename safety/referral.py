"""The fixed crisis referral: real services for the user's country, in the user's language.

Never written by the LLM. The services come from one reviewed data file,
`safety/data/crisis_resources.json`, which the referral frame and the partner's safety
instruction both read, so a UK user is told of Samaritans in both.
"""

import json
from functools import cache
from pathlib import Path

RESOURCES_FILE = Path(__file__).with_name("data") / "crisis_resources.json"


@cache
def _table() -> dict:
    return json.loads(RESOURCES_FILE.read_text(encoding="utf-8"))


def resources_reviewed_on() -> str:
    """The date the resource table was last checked against the services' own sites."""
    return _table()["reviewed_on"]


def _country(country: str | None, default_country: str | None) -> str:
    code = (country or default_country or "").upper()
    return code if code in _table()["countries"] else "default"


def crisis_lines(
    *, country: str | None, default_country: str | None = "US", category: str = "suicide"
) -> list[dict]:
    """The services for `country` (an ISO code; None: `default_country`), the first to name
    first; a country without listed services gets the worldwide directory. For an
    eating-disorder crisis the country's eating-disorder lines come first, if it has any."""
    entry = _table()["countries"][_country(country, default_country)]
    lines = entry["lines"]
    if category == "eating_disorder":
        lines = [*entry.get("eating_disorder_lines", ()), *lines]
    return [dict(line) for line in lines]


def emergency_number(*, country: str | None, default_country: str | None = "US") -> str | None:
    return _table()["countries"][_country(country, default_country)].get("emergency")


def crisis_line_phrase(
    *, country: str | None, default_country: str | None = "US", category: str = "suicide"
) -> str:
    """How to reach the first service, in English words for the partner's prompt:
    "call or text 988 (988 Suicide & Crisis Lifeline)", "call 116 123 (Samaritans)"."""
    first = crisis_lines(country=country, default_country=default_country, category=category)[0]
    if first["phone"] and first["text"] and first["phone"] in first["text"]:
        return f"call or text {first['phone']} ({first['name']})"
    if first["phone"]:
        return f"call {first['phone']} ({first['name']})"
    if first["text"]:
        return f"{first['text'][0].lower()}{first['text'][1:]} ({first['name']})"
    return f"find a local crisis line at {first['url'].removeprefix('https://')}"


# {reach} names the first resource of the user's country; {emergency} is a number or a phrase.
_REFERRAL_TEXT = {
    "en": {
        "body": (
            "I'm really glad you told me, and I'm so sorry you're hurting. I'm an AI, so I can't "
            "give you the support you deserve right now or help in an emergency. You matter, and "
            "you don't have to go through this alone. {reach} If you're in immediate danger, call "
            "{emergency} now."
        ),
        "call_or_text": "Please call or text {phone} now ({name}): someone is there to listen.",
        "call": "Please call {phone} now ({name}): someone is there to listen.",
        "find": "Please reach out to a crisis line now: you can find one near you at {url}.",
        "emergency": "your local emergency number",
    },
    "es": {
        "body": (
            "Me alegra mucho que me lo hayas contado, y siento que estés pasando por esto. Soy una "
            "IA, así que no puedo darte el apoyo que mereces ahora ni ayudarte en una emergencia. "
            "Tú importas, y no tienes que pasar por esto a solas. {reach} Si estás en peligro "
            "inmediato, llama ahora al {emergency}."
        ),
        "call_or_text": (
            "Por favor, llama o envía un mensaje al {phone} ahora ({name}): hay alguien ahí para "
            "escucharte."
        ),
        "call": "Por favor, llama ahora al {phone} ({name}): hay alguien ahí para escucharte.",
        "find": (
            "Por favor, contacta ahora con una línea de ayuda: puedes encontrar una cerca de ti en "
            "{url}."
        ),
        "emergency": "número de emergencias de tu zona",
    },
    "fr": {
        "body": (
            "Merci de m'en avoir parlé. Ce que tu vis a l'air très difficile. Je suis une IA : je "
            "ne peux pas t'apporter l'aide que tu mérites en ce moment, ni intervenir en cas "
            "d'urgence. Tu comptes, et tu n'as pas à traverser ça sans aide. {reach} Si tu es en "
            "danger immédiat, appelle le {emergency} maintenant."
        ),
        "call_or_text": (
            "Appelle ou envoie un SMS au {phone} maintenant ({name}) : quelqu'un est là pour "
            "t'écouter."
        ),
        "call": "Appelle le {phone} maintenant ({name}) : quelqu'un est là pour t'écouter.",
        "find": (
            "Contacte une ligne d'écoute maintenant : tu peux en trouver une près de chez toi sur "
            "{url}."
        ),
        "emergency": "numéro d'urgence local",
    },
    "de": {
        "body": (
            "Danke, dass du mir das erzählst. Es klingt, als ginge es dir gerade sehr schlecht. "
            "Ich bin eine KI und kann dir nicht die Unterstützung geben, die du jetzt verdienst, "
            "und in einem Notfall nicht helfen. Du bist wichtig, und du musst da nicht allein "
            "durch. {reach} Wenn du in akuter Gefahr bist, ruf jetzt {emergency} an."
        ),
        "call_or_text": (
            "Bitte ruf jetzt die {phone} an oder schreib eine SMS an diese Nummer ({name}): Dort "
            "hört dir jemand zu."
        ),
        "call": "Bitte ruf jetzt die {phone} an ({name}): Dort hört dir jemand zu.",
        "find": (
            "Bitte wende dich jetzt an ein Krisentelefon: Eines in deiner Nähe findest du unter "
            "{url}."
        ),
        "emergency": "den örtlichen Notruf",
    },
    "pt": {
        "body": (
            "Que bom que você me contou, e sinto muito que esteja passando por isso. Eu sou uma "
            "IA, então não consigo te dar o apoio que você merece agora nem ajudar em uma "
            "emergência. Você importa, e não precisa passar por isso sem ajuda. {reach} Se você "
            "estiver em perigo imediato, ligue agora para o {emergency}."
        ),
        "call_or_text": (
            "Por favor, ligue ou mande uma mensagem agora para o {phone} ({name}): tem alguém lá "
            "para te ouvir."
        ),
        "call": "Por favor, ligue agora para o {phone} ({name}): tem alguém lá para te ouvir.",
        "find": (
            "Por favor, procure agora uma linha de apoio: você encontra uma perto de você em {url}."
        ),
        "emergency": "número de emergência local",
    },
}
# German says "die 112" but "den örtlichen Notruf": the article belongs to the number.
_EMERGENCY_FORMAT = {"de": "die {number}"}

def crisis_instruction(*, line: str, emergency: str | None, category: str = "suicide") -> str:
    """What the partner's prompt says after a crisis message (the fixed referral has been sent
    already; this shapes the partner's own words). `line` is `crisis_line_phrase(...)`."""
    about = (
        "an eating disorder: starving, purging or hurting themselves around food"
        if category == "eating_disorder"
        else "suicide or self-harm"
    )
    danger = f"emergency services ({emergency})" if emergency else "emergency services"
    return (
        f"SAFETY: they may be struggling with {about}. Take it seriously and answer with warmth "
        "and without judgement. Say you are glad they told you. Encourage them to contact a crisis "
        f"line now ({line}) or {danger} if they are in danger, and to reach out to someone they "
        "trust. Never describe methods, means or doses, never agree that they should hurt "
        "themselves, and do not promise secrecy. Remind them you are an AI who cares but cannot "
        "replace real help."
    )


def referral(
    *, country: str | None, language: str, default_country: str | None = "US", category: str = "suicide"
) -> dict:
    """The fixed crisis referral for a user: `{"text": str, "resources": [resource, ...]}`.

    `text` is in `language` (a code such as "es" or "pt-BR"; English if unsupported) and names the
    first service of the user's country. An unknown `country` (None) means `default_country`; a
    country without listed services gets the worldwide directory. Never generated, never empty.
    """
    lang = language.replace("_", "-").split("-")[0].lower()
    strings = _REFERRAL_TEXT.get(lang, _REFERRAL_TEXT["en"])
    resources = crisis_lines(country=country, default_country=default_country, category=category)
    first = resources[0]
    if first["phone"] and first["text"] and first["phone"] in first["text"]:
        reach = strings["call_or_text"].format(phone=first["phone"], name=first["name"])
    elif first["phone"]:
        reach = strings["call"].format(phone=first["phone"], name=first["name"])
    else:
        reach = strings["find"].format(url=first["url"].removeprefix("https://"))
    number = emergency_number(country=country, default_country=default_country)
    emergency = (
        _EMERGENCY_FORMAT.get(lang, "{number}").format(number=number) if number
        else strings["emergency"]
    )
    return {"text": strings["body"].format(reach=reach, emergency=emergency), "resources": resources}
