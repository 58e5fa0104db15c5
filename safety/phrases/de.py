"""German crisis phrases: data for the message screen (safety/screen.py). Each is a regular
expression over the normalised message; the idioms that share the words are carved out."""

SUICIDE = [
    r"\b(?:mich|mir) (?:selbst )?(?:umbringen|umzubringen|toten|zu toten|erhangen|erschiessen"
    r"|das leben (?:zu )?nehmen)\b",
    r"\bbringe? mich (?:heute |jetzt |bald )?um\b",
    r"\b(?:will|mochte|moechte|wurde|wunsche mir|wunschte mir)"
    r"(?: (?:einfach|nur|jetzt|lieber|gerne|gern|am liebsten))*"
    r" (?:sterben|tot sein|nicht mehr leben|nicht mehr (?:da|hier) sein"
    r"|nicht mehr aufwachen|nie mehr aufwachen|nicht mehr existieren)\b",
    r"\b(?:wunschte|wollte)\b[a-z ]{0,10}\b(?:ware|waere) tot\b",
    r"\bkein(?:en)? (?:grund|sinn) (?:mehr )?(?:zu leben|zum leben|weiterzuleben)\b",
    r"\b(?:leben|alles) (?:hat )?keinen sinn mehr\b",
    r"\b(?:alle|jeder|meine familie|die welt)\b[a-z ]{0,20}\bbesser (?:dran )?ohne mich\b",
    r"\b(?:allem|meinem leben|dem leben) (?:ein )?ende (?:setzen|machen|bereiten)\b",
    r"\bschluss machen mit (?:allem|dem leben|meinem leben|mir)\b",
]

SELF_HARM = [
    r"\bmich (?:selbst )?(?:verletzen|ritzen)\b",
    r"\b(?:will|mochte|muss|werde|wurde gern)\b[a-z ]{0,10}"
    r"\bmir (?:selbst )?(?:weh ?tun|schaden)\b",
]


# Words that name the subject, not the user's own state ("suicide prevention", "my friend
# self-harms"): a referral only when the classifier agrees (safety/screen.py).
TOPIC = {
    "suicide": [
        r"\b(?:selbstmord|suizid|selbsttotung|freitod)\w*",
    ],
    "self_harm": [
        r"\b(?:ritze|ritzen|ritzt|geritzt|selbstverletz\w*)\b",
    ],
}
