"""French crisis phrases: data for the message screen (safety/screen.py). Each is a regular
expression over the normalised message; the idioms that share the words are carved out."""

from safety.phrases.fragments import HAIR

SUICIDE = [
    r"\b(?:veux|voudrais|vais|vas|envie de|pense a|penser a|songe a|aimerais|prefererais"
    r"|besoin de) (?:me tuer|me suicider|en finir|mettre fin a (?:mes jours|ma vie)"
    r"|me foutre en l ?air|disparaitre pour toujours|me pendre|me jeter (?:sous|du|d un|par)"
    r"|ne plus vivre|ne plus exister)\b"
    r"(?! avec (?:ce|cette|ces|le|la|les|mon|ma|mes|un|une)\b)",
    r"\b(?:veux|voudrais|envie de|aimerais|prefererais|souhaite|souhaiterais) "
    r"(?:juste |seulement |simplement )?mourir\b(?! de\b)",
    r"\b(?:je )?(?:ne )?veux plus vivre\b",
    r"\b(?:plus|aucune|pas d|pas de|aucun) (?:envie|raison|raisons|but) (?:de|a)"
    r" (?:vivre|exister)\b",
    r"\bmarre de (?:la vie|vivre|exister)\b",
    r"\b(?:tout le monde|ils|ma famille|le monde)\b[a-z ]{0,20}\bmieux sans moi\b",
    r"\b(?:ne (?:jamais )?plus me reveiller|ne jamais me reveiller|ne pas me reveiller)\b",
    r"\bme (?:couper|taillader|ouvrir) les (?:veines|poignets)\b",
]

SELF_HARM = [
    r"\b(?:veux|voudrais|vais|envie de|besoin de|recommence a|recommencer a|continue a|pense a) "
    r"me (?:faire du mal|blesser|couper|bruler|mutiler|taillader|scarifier)\b(?! " + HAIR + ")",
    r"\bje me (?:scarifie|mutile|taillade|fais du mal"
    r"|coupe les (?:bras|poignets|veines|cuisses))\b",
]


# Words that name the subject, not the user's own state ("suicide prevention", "my friend
# self-harms"): a referral only when the classifier agrees (safety/screen.py).
TOPIC = {
    "suicide": [
        r"\b(?:suicidaire|suicidaires|me suicider|suicidee)\b",
        r"\b(?:pense|pensees?|idees?|songe|tentative|envie)\b[a-z ]{0,12}\bsuicid\w*",
    ],
    "self_harm": [
        r"\b(?:scarif\w*|automutil\w*|auto mutil\w*)",
    ],
}
