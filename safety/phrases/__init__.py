"""The crisis phrases of every language the message screen reads, as data.

Order decides the language given to a phrase two languages share ("suicidio": Spanish before
Portuguese); a caller that knows the user's language should prefer it.
"""

from safety.phrases import de, en, es, fr, pt

MESSAGE_PHRASES = [
    (language.__name__.rsplit(".", 1)[1], category, sources)
    for language in (en, es, pt, fr, de)
    for category, sources in (("suicide", language.SUICIDE), ("self_harm", language.SELF_HARM))
]
