import dataclasses

import pytest

from safety import screen
from safety.normalize import normalize_message
from safety.screen import CrisisSignal, screen_message

# --- screen_message -----------------------------------------------------------------------------


def named(signal: CrisisSignal | None) -> tuple[str, str] | None:
    """What a referral is chosen by: the category and the language (whichever stage found it)."""
    return None if signal is None else (signal.category, signal.language)


SUICIDE_EN = [
    "I want to kill myself tonight",
    "i wanna kms",
    "kil myself",
    "k1ll mys3lf",
    "I don't want to be alive anymore",
    "I want to die",
    "everyone would be better off without me",
    "I'm going to end it all",
    "no reason to live",
    "thinking about suicide",
    "suicidal",
    "I took a bunch of pills to not wake up",
    "I wish I could go to sleep and never wake up",
    # spelling, spacing and lookalike tricks
    "k i l l   m y s e l f",
    "s.u.i.c.i.d.e",
    "I want to kiiiiilllll myself",
    "kill myslef",
    "sucide",
    "suicde",
    "suiside",
    "$uicidal",
    "i wanna d!e",
    "I want to d\u200bie",
    "Ｉ ｗａｎｔ ｔｏ ｄｉｅ",
    "k\u0456ll myself",  # Cyrillic i
    "KILL MYSELF",
    # indirect
    "i dont want to live anymore",
    "I want to disappear forever",
    "life isn't worth living",
    "what's the point of living",
    "nobody would miss me if i died",
    "I'm a burden to everyone",
    "I've got nothing to live for",
    "i wish i was never born",
    "I'm tired of being alive",
    "I want to jump off a bridge",
    "I bought a noose",
    "I'm thinking of slitting my wrists",
    "I'm going to take all my pills",
    "unalive myself",
]
SELF_HARM_EN = [
    "I've been cutting myself again",
    "I want to hurt myself",
    "i have the urge to cut",
    "self harm is the only thing that helps",
    "I keep burning myself",
    "I relapsed on self-harm",
]
OTHER_LANGUAGES = [
    ("tengo ganas de morir", "suicide", "es"),
    ("quiero suicidarme", "suicide", "es"),
    ("me quiero matar", "suicide", "es"),
    ("no quiero vivir más", "suicide", "es"),
    ("No tengo ninguna razón para vivir", "suicide", "es"),
    ("me estoy cortando otra vez", "self_harm", "es"),
    ("je veux mourir", "suicide", "fr"),
    ("j'ai envie de mourir", "suicide", "fr"),
    ("je pense au suicide", "suicide", "fr"),
    ("je me scarifie", "self_harm", "fr"),
    ("ich will nicht mehr leben", "suicide", "de"),
    ("Ich habe Selbstmordgedanken", "suicide", "de"),
    ("ich ritze mich", "self_harm", "de"),
    ("quero me matar", "suicide", "pt"),
    ("não quero mais viver", "suicide", "pt"),
    ("estou me cortando", "self_harm", "pt"),
]
NOT_A_CRISIS = [
    "this homework is killing me",
    "I could kill for a pizza",
    "the comedian killed it",
    "I died laughing",
    "kill the lights please",
    "my phone died",
    "that movie was to die for",
    "he killed the spider",
    "I'm dying to see you",
    "my character died in the game",
    "killer app",
    "dead tired",
    "muerto de risa",
    "I don't want to die",
    "I want to dye my hair",
    "I want to die my hair blue",
    "I'm so proud of myself",
    "I hurt myself playing football",
    "I cut myself shaving",
    "we watched Suicide Squad",
    "I don't want to live in Texas",
    "I'm killing myself at the gym",
    "I killed myself laughing",
    "I shot myself in the foot with that email",
    "I'm drowning myself in work",
    "I hope you don't wake up the baby",
    "kill me now, this meeting is so boring",
    "I'm gonna die if he doesn't text me back",
    "I jumped off a cliff into the lake",
    "I want to live my best life",
    "call me at 555 1234",
    "me corto el pelo mañana",
    "me muero de ganas de verte",
    "je vais me couper les cheveux",
    "je veux mourir de rire",
    "ich will mit dir Schluss machen",
    "vou morrer de rir",
    "",
]


@pytest.mark.parametrize("text", SUICIDE_EN)
def test_english_suicidal_ideation_is_caught(text):
    assert named(screen_message(text)) == ("suicide", "en")


@pytest.mark.parametrize("text", SELF_HARM_EN)
def test_english_self_harm_is_caught(text):
    assert named(screen_message(text)) == ("self_harm", "en")


@pytest.mark.parametrize(("text", "category", "language"), OTHER_LANGUAGES)
def test_other_languages_are_caught_and_named(text, category, language):
    assert named(screen_message(text)) == (category, language)


@pytest.mark.parametrize("text", NOT_A_CRISIS)
def test_idioms_and_everyday_talk_are_not_a_crisis(text):
    assert screen_message(text) is None


def test_a_crisis_inside_a_longer_message_is_caught():
    message = "work was fine, dinner ok... honestly though I want to kill myself. anyway, you?"
    assert screen_message(message) == CrisisSignal(category="suicide", language="en")


ALL_MESSAGES = SUICIDE_EN + SELF_HARM_EN + [text for text, _, _ in OTHER_LANGUAGES] + NOT_A_CRISIS


@pytest.mark.parametrize("text", ALL_MESSAGES)
def test_the_fast_combined_pattern_agrees_with_the_phrases_one_by_one(text):
    # screen_message finds a phrase through one combined, reordered pattern; the answer must be the
    # one the phrases give when simply tried in turn: the leftmost start, then the first listed.
    # Phrases of the user's own state come before topic words wherever they stand.
    normalized = normalize_message(text)

    def earliest(compiled):
        hits = [
            (match.start(), index, signal)
            for index, (pattern, signal) in enumerate(compiled[1])
            if (match := pattern.search(normalized))
        ]
        return min(hits)[2] if hits else None

    assert screen.screen_phrases(text) == (earliest(screen._PHRASES) or earliest(screen._TOPICS))


def test_signal_is_a_frozen_value():
    signal = screen_message("I want to die")
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.category = "self_harm"


# --- topic words: evidence the classifier weighs ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "our school had a suicide prevention assembly today",
        "my sister is doing her thesis on self-harm in teenagers",
        "el documental sobre el suicidio en el campo era muy bueno",
    ],
)
def test_a_topic_word_about_the_subject_is_not_a_referral(text):
    assert screen.screen_phrases(text).source == "topic"  # the word is there...
    assert screen_message(text) is None  # ...and the classifier says it is not the user's own state


def test_a_topic_word_the_classifier_agrees_with_is_a_referral_named_by_the_phrase():
    signal = screen_message("honestly i've been feeling suicidal again")
    assert (signal.category, signal.language, signal.source) == ("suicide", "en", "topic")


def test_a_phrase_of_the_users_own_state_wins_over_an_earlier_topic_word():
    signal = screen.screen_phrases("we talked about suicide in class and i want to die")
    assert signal.source == "phrase"


def test_without_the_classifier_a_topic_word_alone_refers(monkeypatch):
    from safety import classifier

    def broken(text, *, context=()):
        raise classifier.WeightsError("missing")

    monkeypatch.setattr(classifier, "classify", broken)
    assert screen_message("our school had a suicide prevention assembly today") is not None
    assert screen_message("the weather is nice") is None


def test_a_topic_word_refers_from_exactly_the_agreement_threshold():
    documentary = "We watched a long documentary about the history of suicide prevention in schools."
    assert screen.topic_refers(documentary, score=screen.TOPIC_AGREEMENT)
    assert not screen.topic_refers(documentary, score=screen.TOPIC_AGREEMENT - 0.01)
