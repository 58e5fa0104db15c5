"""Phrases the output screen (safety/output.py) stops in the model's words: instructions for
and encouragement of suicide or self-harm, in every language Hearth speaks. Data, written
against the normalised output (safety/normalize.py); each phrase is bounded (no "+" or "*")."""

from dataclasses import dataclass

_YOURSELF = r"(?:yourself|yourselves|urself|ur self|your self)"
_URGING = (
    r"(?:you should|you ought to|you need to|you deserve to|you have to|you must|why dont you"
    r"|why not|go ahead and|its ok to|its okay to|its fine to|might as well|time to|go|just)"
)


@dataclass(frozen=True, slots=True)
class Unsafe:
    phrase: str
    idiom: str | None = None  # what may follow to make it harmless ("cut yourself some slack")
    forgivable: bool = True  # may the words before it excuse it (see FORGIVEN_BEFORE)?


# Every phrase is bounded (no "+" or "*"), because OutputScreen's HOLDBACK rests on the longest
# possible match; tests/safety measure each one.
OUTPUT_PHRASES = [
    # With the urging before it, so that a sentence that turns unsafe is held from its start.
    Unsafe(r"\b(?:" + _URGING + r" )?(?:kill|hang|shoot|drown|poison|electrocute|suffocate|stab) "
           + _YOURSELF + r"\b",
            idiom=r" (?:working|studying|trying|laughing|over (?:it|this|that|work)|with work"
                  r"|in the foot|in work)"),
    Unsafe(r"\bkys\b", forgivable=False),
    Unsafe(r"\b" + _URGING + r" (?:hurt|harm|starve|punish|end|off|hang|shoot|poison|stab) "
            r"(?:" + _YOURSELF + r"|your life|it all)\b"),
    Unsafe(r"\b" + _URGING + r" (?:cut|burn|drown) " + _YOURSELF + r"\b",
            idiom=r" (?:some|a break|off|loose|free|out|short|in)\b"),
    Unsafe(r"\b(?:you should|you deserve to|why dont you|might as well|go) (?:just )?"
            r"(?:die|commit suicide|overdose|od)\b"),
    Unsafe(r"\b(?:suicide|kill yourself|end it all|end it|end your life|overdose) (?:\. )?"
            r"(?:just |then |now |so |and )?(?:do it|go for it)\b", forgivable=False),
    Unsafe(r"\b(?:(?:every ?one|every ?body|the world|people|they|we|your family) (?:would|will|is|are)"
           r" (?:be )?)?better off (?:dead|without you)\b"),
    Unsafe(r"\b(?:no ?one|nobody) (?:would|will|is going to|gonna) (?:even )?"
            r"(?:miss|notice|care about) you\b"),
    Unsafe(r"\b(?:(?:most|least) )?(?:painless|easiest|quickest|fastest|best|surest|simplest|quietest|reliable"
            r"|effective|quick|easy|least painful) (?:ways?|methods?) (?:to|of)"
            r" (?:die|dying|suicide|overdose)\b"),
    Unsafe(r"\b(?:(?:most|least) )?(?:(?:painless|easiest|quickest|fastest|best|surest|simplest|quietest)"
           r" )?(?:ways?|methods?) to (?:kill yourself|end your life|commit suicide)\b"),
    Unsafe(r"\bhow to (?:kill yourself|hang yourself|end your life|commit suicide|overdose|od"
            r"|die painlessly|die quickly|tie a noose|slit your wrists?|cut yourself|hurt yourself"
            r"|harm yourself|cut (?:deep|deeper|your wrists?|your arms?|your thighs?))\b"),
    Unsafe(r"\b(?:lethal|fatal|deadly) (?:dose|doses|dosage)\b"
            r"|\b(?:lethal|fatal) (?:amount|quantity)\b"),
    Unsafe(r"\b(?:overdose|od) (?:on|with|using)\b"),
    Unsafe(r"\b(?:pills|tablets|capsules) (?:to|would|will|should|is enough to|are enough to"
            r"|it takes to) (?:die|kill you|overdose|od|be fatal|be lethal|stop your heart"
            r"|not wake up)\b"),
    Unsafe(r"\b(?:mg|grams|pills|tablets|capsules) (?:is|are|would be|will be|could be) "
            r"(?:lethal|fatal|deadly|enough to kill)\b"),
    Unsafe(r"\b(?:tie|make|tying|making|use|using) a noose\b"),
    Unsafe(r"\bjump (?:off|from) (?:a|the) (?:bridge|building|roof|rooftop|cliff|balcony|ledge"
            r"|tower|overpass|window|skyscraper)\b"),
    Unsafe(r"\bjump in front of (?:a |the )?(?:train|bus|truck|car|traffic)\b"),
    Unsafe(r"\b(?:cut|slit|slice|open) (?:your|ur) (?:wrists?|veins?)\b|\bcut along the veins?\b"),
    # Spanish, Portuguese, French, German: the imperative and the lethal dose.
    Unsafe(r"\b(?:matate|suicidate|ahorcate|cortate las venas"
            r"|deberias (?:matarte|suicidarte|morir)|dosis (?:letal|mortal))\b"),
    Unsafe(r"\b(?:se mate|voce deveria (?:se matar|morrer)|dose letal|se enforque"
            r"|corte os pulsos)\b"),
    Unsafe(r"\b(?:tue toi|tuez vous|suicide toi|suicidez vous|pends toi|dose letale"
            r"|dose mortelle)\b"),
    Unsafe(r"\b(?:bring dich um|bringt euch um|erhang dich|todliche dosis|letale dosis)\b"),
]

# A match is forgiven when the words just before it, in the same sentence, negate it ("please
# don't hurt yourself", "I would never tell you how to...", "there is no painless way to die"),
# reflect the user's words back ("it sounds like you want to kill yourself") or ask ("did you just
# hurt yourself?"). Only listed filler words may sit between, so "not gonna lie, kill yourself"
# is not forgiven.
FORGIVEN_BEFORE = (
    r"(?:\b(?<!why )(?:dont|do not|never|not|wont|cant|cannot|shouldnt|wouldnt|no|nobody|no one"
    r"|noone|nothing|isnt|arent|refuse to|nunca|jamais|pas|nicht|nao)"
    r"(?: (?:ever|even|really|just|please|want|you|to|ask|tell|how|need|have|going|gonna|let|help"
    r"|encourage|explain|show|think|believe|say|true|that|about|ways?|of|or|the|any|a|what|whats"
    r"|is|are|be|youre|there|should|dare|telling|give|giving|i|will|would|can|could|anyone"
    r"|anybody|someone))* "
    r"|\b(?:want|wanting|wanted|urges?|thoughts of|thinking about|thought about|thinking of"
    r"|feel like|feeling like|tempted) (?:to )?"
    r"|\b(?:did|do|have|are|were|would|will) you (?:ever |still |really )?)$"
)
