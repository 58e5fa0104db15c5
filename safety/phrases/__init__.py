"""The crisis phrases of every language the message screen reads, as data.

Order decides the language given to a phrase two languages share ("suicidio": Spanish before
Portuguese); a caller that knows the user's language should prefer it.
"""

from safety.phrases import de, en, es, fr, pt

# (language, category, sources, topic): a topic phrase names the subject ("suicide prevention")
# and counts only with the classifier's agreement (safety/screen.py).
MESSAGE_PHRASES = [
    (language.__name__.rsplit(".", 1)[1], category, sources, topic)
    for language in (en, es, pt, fr, de)
    for category, sources, topic in (
        ("suicide", language.SUICIDE, False),
        ("self_harm", language.SELF_HARM, False),
        ("suicide", language.TOPIC["suicide"], True),
        ("self_harm", language.TOPIC["self_harm"], True),
    )
]
