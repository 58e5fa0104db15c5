"""English crisis phrases: data for the message screen (safety/screen.py). Each is a regular
expression over the normalised message; the idioms that share the words are carved out."""

from safety.phrases.fragments import SELF, SUI

SUICIDE = [
    # kill myself and its kin; the idioms that share the words are carved out.
    r"\b(?:kil+(?:ing|ed|s)?|murder(?:ing)?|hang(?:ing|ed)?|hung|shoot(?:ing)?|shot|drown(?:ing)?"
    r"|poison(?:ing)?|off(?:ing)?|suffocat(?:e|ing)|strangl(?:e|ing)|electrocut(?:e|ing)"
    r"|unaliv(?:e|ing))"
    r" ?" + SELF
    + r"(?! laughing| at the gym| working out| in the foot| in (?:work|coffee|paperwork|homework))",
    r"\bkms\b",
    r"\bunaliv(?:e|ing|ed)\b|\bsewer ?slide\b|\bself ?delet(?:e|ing|ion)\b",
    r"\b(?:end(?:ing)?|take|taking|took) (?:my|me) (?:own )?life\b",
    r"\bend(?:ing)? it all\b",
    # "I want to die", but neither "I don't want to die" nor "I want to dye my hair".
    r"\b(?<!dont )(?<!not )(?<!never )(?:wants? to|wanted to|wan+a|wish(?:ed)? to|ready to"
    r"|deserve to|wish i could|would rather|id rather|i could just) (?:just |simply )?"
    r"(?:die|be dead|not exist|not be alive|stop existing|not wake up|disappear forever)\b"
    r"(?! (?:my|her|his|your) hair| laughing| of (?:laughter|boredom|embarrassment|cringe|shame)"
    r"| than)",
    r"\bwish i (?:was|were|could be|had) (?:dead|never been born|never born)\b",
    r"\b(?:dont|do not|no longer|didnt|dont even|dont really) (?:want|wanna|wana|wish|feel like)"
    r" (?:to )?"
    r"(?:be alive|being alive|exist|existing|living"
    r"|live(?! (?:in|with|at|on|near|there|here|like that|without|abroad|alone|together|far|close"
    r"|next|somewhere|anywhere|by|under|through|for|as|if|where|so)\b)"
    r"|(?:be here|be around|go on|keep going|keep living|wake up)"
    r" (?:any ?more|any longer|ever again))",
    r"\b(?:tired|sick|exhausted) of (?:living|being alive|existing)\b",
    r"\bcant (?:go on|keep) living\b",
    r"\b(?:sle+p|wish|want|wanna|hope|pray|pills?|tablets)\b[a-z ]{0,30}\b(?:i|to|and) "
    r"(?:never|not|dont|wont) (?:ever )?wake up\b"
    r"(?! (?:the|my|him|her|them|you|early|late|at|before|on time|in time|until|till|til)\b)",
    r"\b(?:no|zero|any) (?:reason|reasons|point|purpose) (?:to |for |in |of )?"
    r"(?:live|living|be alive|being alive|stay alive|staying alive|keep living|go on living|exist"
    r"|existing)\b",
    r"\bnothing (?:left )?to live for\b",
    r"\b(?:not|isnt|aint|no longer) worth (?:living|being alive)\b",
    r"\b(?:whats|what is|no|dont see the|see no) (?:the )?point (?:of|in) "
    r"(?:living|being alive|going on|existing|life any ?more)\b",
    r"\b(?:every ?one|every ?body|the world|world|my family|my friends|my parents|my kids|people"
    r"|they|all)"
    r"\b[a-z ]{0,20}\b(?:better|happier) off without me\b",
    r"\bbetter off (?:if i (?:was|were|wasnt|werent|was not|were not)"
    r" (?:dead|gone|here|around|alive|never born)"
    r"|with me (?:dead|gone))\b",
    r"\b(?:i|id|im)(?: would| will| am)?(?: be)? better off dead\b",
    r"\b(?:no ?one|nobody) (?:would|will) (?:even )?(?:miss|notice|care) (?:about )?(?:me )?if i "
    r"(?:die|died|was gone|were gone|disappeared|killed myself|wasnt here)\b",
    r"\b(?:im|i am) (?:just )?(?:a|such a) burden (?:to|on|for)"
    r" (?:every ?one|every ?body|my family)\b",
    r"\b(?:took|taken|take|taking|swallowed|swallow|ate|downed)\b[a-z ]{0,30}"
    r"\b(?:pills|tablets|meds|medication|painkillers|bottle)\b[a-z ]{0,30}"
    r"\b(?:die|end it|kill myself|sle+p forever|overdose)\b",
    r"\b(?:took|swallowed|downed|take|swallow) (?:all (?:of )?my|a whole bottle of"
    r"|the whole bottle of|an entire bottle of)"
    r" (?:pills|tablets|meds|painkillers|sleeping pills)\b",
    r"\b(?:want|wanna|wana|going|gonna|plan|planning|thinking about|about) (?:to )?"
    r"(?:overdose|od)\b"
    r"(?! on (?:coffee|caffeine|sugar|chocolate|candy|netflix)\b)",
    r"\b(?:jump|jumping|throw myself|throwing myself) (?:off|from) (?:a |the |this |my )?"
    r"(?:bridge|building|roof|rooftop|cliff|balcony|ledge|tower|overpass)\b"
    r"(?! into (?:the )?(?:water|lake|river|sea|ocean|pool)\b)",
    r"\b(?:jump|jumping|step|stepping|walk|walking|throw myself) (?:in front of|into) "
    r"(?:a |the )?(?:train|bus|truck|car|traffic|oncoming traffic)\b",
    r"\b(?:slit|slice|slitting|slicing|cut|cutting|open) (?:my|mi) (?:wrists?|veins?)\b",
    r"\b(?:tie|tied|tying|make|made|making|bought|buy|got|have|has) (?:a|the) noose\b",
    r"\b(?:gun|pistol|bullet) (?:to|in|through) my (?:head|mouth|brain)\b",
]

SELF_HARM = [
    r"\b(?:cut+ing|harming|hurting|burning|scratching|carving|punishing|starving|bruising|hitting"
    r"|punching) "
    + SELF + r"(?! by accident| accidentally| shaving| while)",
    r"\b(?:wants? to|wanted to|wan+a|wana|going to|gonna|gona|need to|have to|urges? to|tempted to"
    r"|plan(?:ning)? to|thinking about|think about|thought about|cant stop|keep|kept|tried to"
    r"|try to|trying to|about to|deserve to|started|start) (?:just )?"
    r"(?:cut|hurt|harm|burn|punish|starve|scratch|carve|bruise|hit|punch)(?:ting|ing)? " + SELF,
    r"\b(?:cut|hurt|harm|harmed|burn|burned|burnt) " + SELF
    + r" (?:again|on purpose|deliberately|intentionally)\b",
    r"\bcut+ing again\b",
    r"\brelaps\w* (?:on |into |with )?(?:cut+ing|self ?harm)",
    r"\b(?:cut+ing|carving|slicing) (?:into )?(?:my|mi)"
    r" (?:arms?|thighs?|legs?|skin|stomach|hips?|body)\b",
    r"\burges? to (?:cut|self ?harm|burn)\b",
    r"\b(?:blades?|razors?) (?:to|on|into|across) (?:my )?(?:arms?|wrists?|skin|thighs?|legs?)\b",
]


# Words that name the subject, not the user's own state ("suicide prevention", "my friend
# self-harms"): a referral only when the classifier agrees (safety/screen.py).
TOPIC = {
    "suicide": [
        r"\b" + SUI + r"(?:e|es|al|ally|ality)?\b"
        r"(?! (?:squad|doors?|missions?|bomb\w*|attacks?|runs?|sprints?|kings?|queens?|blonde|burns?"
        r"|rates?|statistics|lane|pass)\b)",
    ],
    "self_harm": [
        r"\bself ?(?:harm|harming|harmed|injur(?:e|y|ing|ies)|mutilat(?:e|ion|ing)|hurt|hurting)\b",
    ],
}
