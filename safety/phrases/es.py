"""Spanish crisis phrases: data for the message screen (safety/screen.py). Each is a regular
expression over the normalised message; the idioms that share the words are carved out."""

from safety.phrases.fragments import HAIR

SUICIDE = [
    r"\bme (?:quiero|kiero|qiero|quisiera|voy a|vo a|gustaria|queria|dan ganas de) "
    r"(?:matar|morir|suicidar|quitar la vida|ahorcar)\b",
    r"\b(?:quiero|kiero|qiero|quisiera|voy a|ganas de|deseo|pienso en|pensando en|planeo|necesito"
    r"|intente|prefiero|decidi) (?:suicidarme|suisidarme|matarme|morirme|morir|quitarme la vida"
    r"|ahorcarme|acabar con mi vida|terminar con mi vida|dejar de existir"
    r"|desaparecer para siempre)\b"
    r"(?! de (?:risa|hambre|sueno|frio|calor|ganas|verguenza|aburrimiento)\b)",
    r"\bno (?:quiero|kiero|deseo|aguanto) (?:seguir )?(?:vivir|viviendo|existir|estar viv[oa])\b"
    r"(?! (?:en|con|cerca|lejos|aqui|alli|ahi|junto|sin)\b)",
    r"\b(?:dormir y no despertar|no despertar nunca|no volver a despertar|nunca despertar)\b",
    r"\b(?:no (?:tengo|hay|encuentro|veo)|sin) (?:ninguna |ningun )?"
    r"(?:razon|razones|motivo|motivos|sentido) "
    r"(?:para|de|por (?:la|el) que) (?:vivir|seguir viviendo)\b",
    r"\bno (?:vale|merece) la pena (?:vivir|seguir viviendo|seguir viv[oa]|estar viv[oa])\b",
    r"\b(?:estarian|estaria|estarias|todos|todo el mundo|mi familia|el mundo)\b[a-z ]{0,20}"
    r"\bmejor sin mi\b",
    r"\b(?:ojala|quisiera|desearia) (?:estar muert[oa]|morirme|no despertar|no haber nacido"
    r"|desaparecer)\b",
    r"\bojala me muera\b",
    r"\b(?:tomar|tome|tomarme|me tome|me tomo) (?:todas |unas |muchas |un monton de |un bote de )?"
    r"(?:las |mis )?(?:pastillas|pildoras)\b[a-z ]{0,20}\b(?:morir|no despertar|matarme|acabar)\b",
    r"\bacabar con todo\b",
    r"\bme voy a tirar (?:de|por|desde) (?:un|el|la) (?:puente|edificio|balcon|ventana|techo)\b",
]

SELF_HARM = [
    r"\b(?:quiero|kiero|voy a|ganas de|necesito|pienso en|volvi a|vuelvo a|sigo|empece a|deseo) "
    r"(?:cortarme|lastimarme|hacerme dano|herirme|quemarme|autolesionarme|castigarme)\b"
    r"(?! " + HAIR + ")",
    r"\bme (?:quiero|voy a|vuelvo a|volvi a) (?:cortar|lastimar|hacer dano|herir|quemar)\b"
    r"(?! " + HAIR + ")",
    r"\bme (?:estoy|sigo|he estado) (?:cortando|lastimando|haciendo dano|hiriendo|quemando)\b"
    r"(?! " + HAIR + ")",
    r"\bme (?:corto|corte|he cortado) (?:las |los |la |el )?"
    r"(?:munecas?|brazos?|piernas?|muslos?|venas)\b",
]


# Words that name the subject, not the user's own state ("suicide prevention", "my friend
# self-harms"): a referral only when the classifier agrees (safety/screen.py).
TOPIC = {
    "suicide": [
        r"\b(?:suicid|suisid|sucid)(?:io|ios|a|as|arme|arse|ar|ando)\b",
    ],
    "self_harm": [
        r"\b(?:autolesion\w*|auto lesion\w*|autolastim\w*)",
    ],
}
