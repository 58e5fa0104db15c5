"""Portuguese crisis phrases: data for the message screen (safety/screen.py). Each is a regular
expression over the normalised message; the idioms that share the words are carved out."""

from safety.phrases.fragments import HAIR

SUICIDE = [
    r"\b(?:quero|vou|penso em|pensando em|pensei em|vontade de|desejo|preciso|queria"
    r"|gostaria de|decidi) "
    r"(?:me matar|me suicidar|tirar (?:a )?minha (?:propria )?vida|acabar com (?:a )?minha vida"
    r"|sumir para sempre|deixar de existir)\b",
    r"\b(?:quero|vontade de|desejo|queria|gostaria de|so quero) morrer\b"
    r"(?! de (?:rir|fome|frio|calor|vergonha|tedio|saudade)\b)",
    r"\bme suicidar\b",
    r"\bnao (?:quero|aguento) mais viver\b",
    r"\bnao quero (?:mais )?(?:viver|existir|estar viv[oa])\b"
    r"(?! (?:em|com|aqui|perto|longe|sem|la)\b)",
    r"\b(?:sem|nao tenho|nenhum|nenhuma) (?:motivo|motivos|razao|razoes|sentido) (?:para|pra) "
    r"(?:viver|continuar vivendo)\b",
    r"\b(?:todos|todo mundo|minha familia|o mundo)\b[a-z ]{0,20}\bmelhor sem mim\b",
    r"\bcortar (?:os |meus )?pulsos\b",
]

SELF_HARM = [
    r"\b(?:quero|vou|vontade de|penso em|preciso|voltei a|comecei a|continuo a) "
    r"me (?:cortar|machucar|ferir|mutilar|queimar|castigar)\b(?! " + HAIR + ")",
    r"\b(?:estou|to|tou|continuo|ando|tenho) me (?:cortando|machucando|ferindo|queimando)\b",
]


# Words that name the subject, not the user's own state ("suicide prevention", "my friend
# self-harms"): a referral only when the classifier agrees (safety/screen.py).
TOPIC = {
    "suicide": [],
    "self_harm": [
        r"\b(?:automutil\w*|autolesao|auto lesao)",
    ],
}
