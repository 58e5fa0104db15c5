"""Lexicon-driven templates: many fillers per concept, in crisis frames and in benign frames.

Merged into TEMPLATES by safety.training.templates. The same concept words (rope, pills, bridge,
tonight, goodbye, giving things away) appear under both labels, so the model has to learn the
frame, not the word.
"""

def _alt(*words: str) -> str:
    return "{" + "|".join(words) + "}"


EN_MEANS_OBJ = _alt("the rope", "a rope", "a noose", "a belt", "the cord", "an extension cord", "my pills",
                    "all my pills", "a bottle of pills", "sleeping pills", "my meds", "my antidepressants",
                    "painkillers", "a gun", "my dad's gun", "the pistol", "a loaded gun", "a razor", "razor blades",
                    "a blade", "a knife", "a box cutter", "rat poison", "bleach", "charcoal", "a hose", "insulin")
EN_PLACE = _alt("on the bridge", "on the roof", "on the ledge", "at the edge of the cliff", "on the balcony",
                "by the train tracks", "on the overpass", "on top of the parking garage", "at the river",
                "on the 10th floor by the open window", "at the lake at night", "on the railway bridge")
EN_WHEN = _alt("tonight", "this weekend", "on friday", "tomorrow", "after my exams", "on my birthday",
               "when everyone's asleep", "after work", "at midnight", "before sunrise", "next week", "soon")
EN_SELF_ACT = _alt("cut", "burn", "scratch", "hit", "punch", "bite", "carve", "bruise", "stab")
EN_BODY = _alt("my arms", "my wrists", "my thighs", "my legs", "my stomach", "my skin", "my hips", "my face",
               "my hands", "myself")
EN_GIVE = _alt("my things", "my stuff", "my clothes", "my books", "my games", "my guitar", "my savings",
               "my jewelry", "my art supplies", "my plants", "my cat", "my dog", "my favourite hoodie")
EN_DRUG = _alt("paracetamol", "tylenol", "acetaminophen", "ibuprofen", "advil", "aspirin", "sleeping pills",
               "xanax", "insulin", "my antidepressants", "my lithium", "benadryl", "oxycodone", "my meds")

LEXICON_TEMPLATES: dict[tuple[str, str], dict[str, list[str]]] = {
    ("crisis", "means"): {"en": [
        (f"{_alt('i have', 'i got', 'i bought', 'i found', 'i stole', 'i hid', 'i took')} {EN_MEANS_OBJ}"
        f"{_alt('', ' and i know what to do with it', ' for tonight', ', i am ready', ' to end it', ' so i can die')}"),
        (f"{_alt('i am', 'im', 'i’m')} {_alt('standing', 'sitting', 'waiting')} {EN_PLACE}"
        f"{_alt(' and i want to jump', ' and i am going to jump', ' and nobody knows', ', i can’t do this anymore', ' to end it', '')}"),
        (f"{EN_MEANS_OBJ} {_alt('is', 'are')} {_alt('ready', 'in my hand', 'next to me', 'on my desk', 'in my bag')}"
        f"{_alt(' and i keep thinking about using it on myself', ' and tonight i’ll use it', ', i’m done', '. i want to die')}"),
    ]},
    ("none", "hobby"): {"en": [
        (f"{_alt('i bought', 'we need', 'grab', 'i packed', 'i found')} {_alt('a rope', 'the rope', 'a climbing rope', 'a knife', 'a pocket knife', 'a saw', 'a hose')}"
        f" {_alt('for the tent', 'for camping', 'for the garden', 'for climbing', 'for the boat', 'for the hike', 'for my project')}"),
        (f"{_alt('we were', 'i was', 'we took photos', 'we had a picnic', 'we watched fireworks')} {EN_PLACE}"
        f" {_alt('with friends', 'for the view', 'at sunset', 'on vacation', 'with my dad', 'last summer')}{_alt('', ', so pretty', '!', ' lol')}"),
    ]},
    ("none", "medical"): {"en": [
        (f"{_alt('is it safe to take', 'can i take', 'how often can i take', 'what is the normal dose of', 'i forgot to take')} {EN_DRUG}"
        f" {_alt('for a headache', 'with food', 'with coffee', 'for my back', 'while pregnant', 'this morning', 'for a cold')}{_alt('?', '', ' thanks')}"),
        f"{_alt('my doctor', 'the pharmacist', 'my psychiatrist')} {_alt('changed', 'lowered', 'raised', 'explained')} {_alt('my dose of', 'how to take')} {EN_DRUG}",
    ]},
    ("crisis", "plan"): {"en": [
        f"{EN_WHEN} {_alt('i’m going to kill myself', 'i’ll end my life', 'is when i do it', 'i’ll take all my pills', 'i’m jumping', 'i’ll be gone', 'it ends')}",
        (f"{_alt('i wrote', 'i’ve written', 'i finished', 'i left', 'i hid')} {_alt('my note', 'a note for my family', 'my goodbye letter', 'letters to everyone', 'my suicide note')}"
        f"{_alt('', ' ' + EN_WHEN, '. it’s decided', ', they’ll find it after')}"),
        f"{_alt('i’ve decided', 'i decided', 'i made up my mind', 'it’s settled')}{_alt(',', '.', '')} {_alt('i’m doing it', 'i’m ending it', 'i’m going to die', 'no more waiting')} {EN_WHEN}",
    ]},
    ("none", "everyday"): {"en": [
        f"{EN_WHEN} {_alt('i’m going to the movies', 'we have a party', 'i’m cooking for my parents', 'is my exam', 'i’m finally free', 'i’ll call you', 'is game night')}",
        (f"{_alt('i wrote', 'i’ve written', 'i finished', 'i left')} {_alt('a note for my roommate', 'my essay', 'a letter to my grandma', 'a birthday card', 'my cover letter', 'a thank you note')}"
        f"{_alt('', ' ' + EN_WHEN, ', finally', ' lol')}"),
        f"{_alt('i’ve decided', 'i decided', 'i made up my mind')}{_alt(',', '.', '')} {_alt('i’m getting a dog', 'i’m moving to berlin', 'i’m quitting sugar', 'i’m going back to school', 'i’m dyeing my hair')} {EN_WHEN}",
        f"{_alt('i’m giving away', 'i gave away', 'giving away', 'i donated')} {EN_GIVE} {_alt('because we’re moving', 'to charity', 'to my cousin', 'because i have too much', 'before the move', 'to the shelter')}",
    ]},
    ("crisis", "goodbye"): {"en": [
        f"{_alt('i’m giving away', 'i gave away', 'i’ve been giving away', 'giving away')} {EN_GIVE} {_alt('because i won’t need them', 'since i won’t be here', 'before i go for good', 'so nobody has to after i’m gone', 'because it’s almost over')}",
        f"{_alt('goodbye', 'bye', 'farewell', 'this is goodbye')} {_alt('everyone', 'forever', 'world', 'to all of you', 'my friend')}{_alt('', '. i’m sorry', '. i love you', '. it’s not your fault')}",
    ]},
    ("crisis", "self_injury"): {"en": [
        (f"{_alt('i', 'i just', 'i keep', 'i want to', 'i need to', 'i started to', 'i had to')} {EN_SELF_ACT} {EN_BODY}"
        f" {_alt('until it bleeds', 'on purpose', 'again', 'to feel something', 'to punish myself', 'when i’m alone', 'with a razor', 'with a lighter', 'every night')}"),
    ]},
    ("none", "cooking"): {"en": [
        f"{_alt('i', 'i accidentally', 'oops i')} {_alt('cut', 'burned', 'scratched', 'nicked')} {_alt('my finger', 'my hand', 'my thumb', 'my arm')} {_alt('while cooking', 'on the oven', 'chopping onions', 'on the grater', 'opening a can', 'gardening')}{_alt('', ' ouch', ' lol', ', it’s fine')}",
    ]},
    ("crisis", "method"): {"en": [
        f"{_alt('how many', 'how much')} {EN_DRUG} {_alt('would kill me', 'is a lethal dose', 'do i need to die', 'to overdose and die', 'would stop my heart', 'to not wake up')}{_alt('?', '')}",
        f"{_alt('what’s the', 'whats the', 'tell me the', 'i need the')} {_alt('fastest', 'easiest', 'most painless', 'surest', 'quickest', 'least painful', 'most reliable')} {_alt('way', 'method')} to {_alt('die', 'kill myself', 'end my life', 'commit suicide', 'end it')}{_alt('?', '', ' please')}",
    ]},
}

# First-person plain statements: the words that news and helping-a-friend messages share
# ("suicide", "kill", "die") must still weigh towards crisis when the speaker is the user.
PLAIN = {
    "en": [
        f"{_alt('i’m', 'i am', 'i’ve been', 'honestly i’m', 'i keep')} {_alt('seriously considering', 'thinking about', 'contemplating', 'planning', 'obsessing over', 'researching', 'close to')} {_alt('suicide', 'killing myself', 'ending my life', 'taking my life', 'dying', 'overdosing')}{_alt('', ' again', ' every day', ' tonight', ' lately')}",
        f"{_alt('i feel', 'i’m feeling', 'i’ve been', 'i am', 'i’m so')} {_alt('suicidal', 'really suicidal', 'actively suicidal', 'suicidal again', 'like killing myself', 'like dying')}{_alt('', ' tonight', ' and scared', ' and alone', ' right now')}",
        f"{_alt('i want to', 'i’m going to', 'i need to', 'i’m about to', 'i really wanna', 'i’ll')} {_alt('kill myself', 'end my life', 'die', 'take my own life', 'commit suicide', 'hang myself', 'overdose', 'jump')}{_alt('', ' tonight', ' today', ' soon', ', i mean it', ' right now')}",
    ],
    "es": [
        f"{_alt('estoy', 'llevo días', 'sigo', 'la verdad estoy')} {_alt('pensando en', 'considerando', 'planeando', 'obsesionada con', 'obsesionado con')} {_alt('el suicidio', 'suicidarme', 'matarme', 'quitarme la vida', 'morirme')}{_alt('', ' otra vez', ' todos los días', ' esta noche')}",
        f"{_alt('me siento', 'estoy', 'ando')} {_alt('con ganas de suicidarme', 'suicida', 'con ganas de matarme', 'con ganas de morirme')}{_alt('', ' hoy', ' otra vez', ' y tengo miedo')}",
        f"{_alt('me quiero', 'me voy a', 'necesito', 'ya me quiero')} {_alt('matar', 'suicidar', 'morir', 'ahorcar', 'quitar la vida', 'tirar del puente')}{_alt('', ' hoy', ' esta noche', ', en serio', ' ya')}",
    ],
    "pt": [
        f"{_alt('to', 'estou', 'faz dias que to', 'sinceramente to')} {_alt('pensando em', 'considerando', 'planejando', 'obcecada com', 'obcecado com')} {_alt('suicídio', 'me suicidar', 'me matar', 'tirar minha vida', 'morrer')}{_alt('', ' de novo', ' todo dia', ' hoje')}",
        f"{_alt('to', 'me sinto', 'estou')} {_alt('com vontade de me matar', 'suicida', 'com pensamentos suicidas', 'com vontade de morrer')}{_alt('', ' hoje', ' de novo', ' e com medo')}",
        f"{_alt('quero', 'vou', 'preciso', 'eu vou')} {_alt('me matar', 'me suicidar', 'morrer', 'me enforcar', 'tirar minha vida', 'pular da ponte')}{_alt('', ' hoje', ' hoje à noite', ', é sério', ' agora')}",
    ],
    "fr": [
        f"{_alt('je', 'franchement je', 'ça fait des jours que je')} {_alt('pense au', 'envisage le', 'prépare mon', 'réfléchis au')} {_alt('suicide', 'suicide sérieusement')}{_alt('', ' encore', ' tous les jours', ' ce soir')}",
        f"{_alt('je me sens', 'je suis', 'chuis')} {_alt('suicidaire', 'vraiment suicidaire', 'prête à mourir', 'prêt à mourir')}{_alt('', ' ce soir', ' encore', ' et j’ai peur')}",
        f"{_alt('je veux', 'je vais', 'j’ai besoin de', 'jveux')} {_alt('me tuer', 'me suicider', 'mourir', 'me pendre', 'mettre fin à mes jours', 'sauter du pont')}{_alt('', ' ce soir', ' aujourd’hui', ', sérieux', ' maintenant')}",
    ],
    "de": [
        f"{_alt('ich', 'ehrlich ich', 'seit tagen')} {_alt('denke an', 'denke über', 'plane', 'überlege')} {_alt('selbstmord', 'suizid', 'mich umzubringen', 'mir das leben zu nehmen')}{_alt('', ' nach', ' schon wieder', ' jeden tag', ' heute')}",
        f"{_alt('ich bin', 'ich fühl mich', 'bin')} {_alt('suizidal', 'lebensmüde', 'total suizidal', 'bereit zu sterben')}{_alt('', ' heute', ' schon wieder', ' und hab angst')}",
        f"{_alt('ich will', 'ich werde', 'ich muss', 'ich möchte')} {_alt('mich umbringen', 'sterben', 'mich erhängen', 'mir das leben nehmen', 'von der brücke springen', 'nicht mehr leben')}{_alt('', ' heute', ' heute nacht', ', ernsthaft', ' jetzt')}",
    ],
}
for _lang, _templates in PLAIN.items():
    LEXICON_TEMPLATES.setdefault(("crisis", "plain"), {}).setdefault(_lang, []).extend(_templates)
