"""Pieces several phrase lists share. Phrases are written against the normalised text
(safety/normalize.py): lower case, no accents, no apostrophes, words separated by one space.
Each phrase begins with \\b, and none uses a backreference (safety/matching.py)."""

SELF = r"m[yi] ?s(?:el+[fv]*|lef+|ef+|lf+)\b"  # myself, my self, myslef, mysef, myselv
SUI = r"su(?:i?[cs]i|i[cs][ei]?)d"  # suicid, sucid, suisid, suicd, suiced
HAIR = (  # "me corto el pelo", "je vais me couper les cheveux": a haircut, not self-harm
    r"(?:el|la|las|los|o|a|os|as|les|le) (?:pelo|cabello|flequillo|unas|barba|cabelo|franja"
    r"|cheveux|ongles|frange|barbe|dedo|doigt)"
)
