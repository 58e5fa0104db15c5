import dataclasses
import re._parser as sre_parse  # the stdlib's own regex parser: it knows a phrase's longest match

import pytest

from safety import crisis
from safety.crisis import (
    HOLDBACK,
    RESOURCES,
    CrisisSignal,
    OutputScreen,
    referral,
    screen_message,
    screen_output,
)

# --- screen_message -----------------------------------------------------------------------------

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
    assert screen_message(text) == CrisisSignal(category="suicide", language="en")


@pytest.mark.parametrize("text", SELF_HARM_EN)
def test_english_self_harm_is_caught(text):
    assert screen_message(text) == CrisisSignal(category="self_harm", language="en")


@pytest.mark.parametrize(("text", "category", "language"), OTHER_LANGUAGES)
def test_other_languages_are_caught_and_named(text, category, language):
    assert screen_message(text) == CrisisSignal(category=category, language=language)


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
    normalized = crisis._normalize_message(text)
    hits = [
        (match.start(), index, signal)
        for index, (pattern, signal) in enumerate(crisis._PHRASES)
        if (match := pattern.search(normalized))
    ]
    assert screen_message(text) == (min(hits)[2] if hits else None)


def test_signal_is_a_frozen_value():
    signal = screen_message("I want to die")
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.category = "self_harm"


# --- referral -----------------------------------------------------------------------------------


def test_us_english_referral_names_988_and_says_it_is_an_ai():
    result = referral(country="US", language="en")
    text = result["text"]
    assert "988" in text
    assert "AI" in text
    assert "You matter" in text
    assert "emergency" in text and "911" in text
    names = [resource["name"] for resource in result["resources"]]
    assert names == ["988 Suicide & Crisis Lifeline", "Crisis Text Line"]
    assert result["resources"][1]["text"] == "Text HOME to 741741"


def test_unknown_country_falls_back_to_the_callers_default():
    assert "988" in referral(country=None, language="en")["text"]
    assert "116 123" in referral(country=None, language="en", default_country="GB")["text"]


@pytest.mark.parametrize(
    ("country", "language", "number", "words"),
    [
        ("ES", "es", "024", "Soy una IA"),
        ("MX", "es-MX", "800 911 2000", "Soy una IA"),
        ("FR", "fr", "3114", "Je suis une IA"),
        ("DE", "de", "0800 111 0 111", "Ich bin eine KI"),
        ("BR", "pt-BR", "188", "Eu sou uma IA"),
        ("GB", "en", "116 123", "I'm an AI"),
        ("CA", "en", "988", "I'm an AI"),
        ("AU", "en", "13 11 14", "I'm an AI"),
    ],
)
def test_referral_is_in_the_users_language_and_names_their_countrys_service(
    country, language, number, words
):
    result = referral(country=country, language=language)
    assert number in result["text"]
    assert words in result["text"]
    assert result["resources"][0]["phone"] == number


def test_country_codes_are_case_insensitive():
    assert referral(country="es", language="es") == referral(country="ES", language="es")


def test_unsupported_language_falls_back_to_english():
    english = referral(country="US", language="en")["text"]
    assert referral(country="US", language="ja")["text"] == english


def test_country_without_listed_services_gets_the_worldwide_directory():
    for result in (
        referral(country="JP", language="en"),
        referral(country=None, language="en", default_country=None),
    ):
        assert "findahelpline.com" in result["text"]
        assert "your local emergency number" in result["text"]
        assert "988" not in result["text"]
        assert result["resources"] == RESOURCES["default"]


def test_every_resource_has_the_documented_shape():
    assert {"US", "GB", "CA", "AU", "ES", "MX", "FR", "DE", "BR", "default"} <= set(RESOURCES)
    for resources in RESOURCES.values():
        assert resources
        for resource in resources:
            assert set(resource) == {"name", "phone", "text", "url"}
            assert resource["name"]


def test_referral_resources_are_copies():
    referral(country="US", language="en")["resources"][0]["phone"] = "000"
    assert RESOURCES["US"][0]["phone"] == "988"


# --- screen_output ------------------------------------------------------------------------------

UNSAFE_OUTPUT = [
    "You should kill yourself.",
    "Here's how to cut yourself without anyone noticing.",
    "The most painless way to die is to take pills.",
    "The lethal dose of acetaminophen is about 10 grams.",
    "You'd need about 40 pills to overdose.",
    "Just hang yourself.",
    "Go jump off a bridge.",
    "Do it. You'd be better off dead.",
    "If you want to end it, just do it.",
    "kys",
    "Everyone would be better off without you.",
    "Nobody would miss you.",
    "Why don't you just kill yourself?",
    "I'm not gonna lie, kill yourself.",
    "No. Kill yourself.",
    "You should just hurt yourself, you deserve it.",
    "It's okay to cut yourself.",
    "You deserve to die.",
    "20 tablets would be fatal.",
    "Tie a noose and hang it from the ceiling.",
    "Slit your wrists in the bath.",
    "Deberías matarte.",
    "Tue-toi.",
    "Bring dich um.",
    "A dose letal de paracetamol é alta.",
]
SAFE_OUTPUT = [
    "Please don't hurt yourself.",
    "I'm glad you told me.",
    "Call or text 988, they can help.",
    "You matter.",
    "I'm here with you.",
    "Please don't kill yourself. You matter so much to me.",
    "I would never tell you how to kill yourself.",
    "There is no painless way to die, and I want you here.",
    "It sounds like you want to kill yourself, and I'm so sorry it hurts this much.",
    "Are you thinking about killing yourself?",
    "You're not better off dead. Nobody is better off without you.",
    "Did you just hurt yourself?",
    "Cut yourself some slack, you did great!",
    "You need to cut yourself off from people who drain you.",
    "Don't kill yourself over this exam.",
    "You'll kill yourself working this hard!",
    "You can do it! Just do it and apply for the job.",
    "Take some pressure off yourself tonight.",
    "It's not true that nobody would miss you.",
    "If you're thinking about suicide, please call or text 988 right now.",
    "How many pills did you take? Please call 911.",
    "No te mates, por favor.",
    "Bring dich bitte nicht um.",
    "",
]


@pytest.mark.parametrize("text", UNSAFE_OUTPUT)
def test_instructions_and_encouragement_are_unsafe(text):
    assert screen_output(text) is True


@pytest.mark.parametrize("text", SAFE_OUTPUT)
def test_supportive_replies_are_safe(text):
    assert screen_output(text) is False


# --- OutputScreen -------------------------------------------------------------------------------

LEAD = (
    "I hear you, and I'm really glad you said something. Today sounds like it was heavy. "
    "Let me be honest with you now. "
)
# (harmful sentence, where its unsafe phrase begins)
HARMFUL = [
    ("You should kill yourself tonight.", "You should"),
    ("Here's how to cut yourself so nobody notices.", "how to"),
    ("The most painless way to die is with pills.", "painless"),
    ("The lethal dose of that is about ten grams.", "lethal"),
    ("Everyone would be better off without you.", "better off"),
    ("Just go hang yourself already.", "hang"),
    ("It's time to cut yourself again.", "time to"),
]


def stream(parts: list[str]) -> tuple[str, OutputScreen]:
    screen = OutputScreen()
    released = "".join(screen.feed(part) for part in parts) + screen.finish()
    return released, screen


@pytest.mark.parametrize(("sentence", "phrase_start"), HARMFUL)
def test_a_harmful_sentence_split_anywhere_in_two_never_leaks(sentence, phrase_start):
    text = LEAD + sentence
    first_words = " ".join(sentence.split()[:3])
    for split in range(len(text) + 1):
        released, screen = stream([text[:split], text[split:]])
        assert screen.tripped, split
        assert first_words not in released, split
        assert text.startswith(released)
        assert len(released) <= len(LEAD) + sentence.index(phrase_start), split


@pytest.mark.parametrize(("sentence", "phrase_start"), HARMFUL)
def test_a_harmful_sentence_streamed_char_by_char_never_leaks(sentence, phrase_start):
    released, screen = stream(list(LEAD + sentence))
    assert screen.tripped
    assert len(released) <= len(LEAD) + sentence.index(phrase_start)
    assert len(released) > 0  # the benign lead was not held back forever


def test_padding_cannot_stretch_a_phrase_past_the_holdback():
    # Runs of spaces, punctuation and invisible characters vanish in normalisation, so a window
    # counted in raw characters would release "how" before "yourself" arrives.
    padding = " " * 30 + "\u200b" * 30 + " "
    sentence = "how" + padding + "to" + padding + "kill" + padding + "yourself"
    text = LEAD + sentence
    for split in range(len(LEAD), len(text) + 1):
        released, screen = stream([text[:split], text[split:]])
        assert screen.tripped
        assert len(released) <= len(LEAD), split


@pytest.mark.parametrize(
    "text",
    [
        LEAD * 4,
        "Cut yourself some slack today, okay? You did more than enough. " * 3,
        "Café crème, e\u0301te\u0301 \U0001f642 — line one\r\nline two\n\n  spaces   kept. ",
        "Please don't kill yourself. Call or text 988 now; you matter to me. I'm here.",
        "",
    ],
)
def test_a_benign_stream_is_released_whole_and_unchanged(text):
    for size in (1, 3, 7, 50, len(text) or 1):
        parts = [text[i : i + size] for i in range(0, len(text), size)]
        released, screen = stream(parts)
        assert not screen.tripped
        assert released == text


@pytest.mark.parametrize(
    "sentence",
    [
        "Please don't kill yourself.",
        "I would never tell you how to kill yourself.",
        "It sounds like you want to kill yourself, and I'm so sorry.",
        "Did you just hurt yourself?",
        "You're not better off dead.",
    ],
)
def test_a_forgiven_phrase_stays_forgiven_once_its_context_is_released(sentence):
    # The tail is rescanned on every delta; by the time the phrase is released, its context
    # ("don't", "never tell you") may have left the rescanned window.
    text = LEAD + sentence + " " + LEAD * 2
    for size in (1, 5, 13):
        released, screen = stream([text[i : i + size] for i in range(0, len(text), size)])
        assert not screen.tripped, size
        assert released == text


def test_holdback_keeps_latency_bounded():
    text = (LEAD * 3)[:200]
    screen = OutputScreen()
    released = "".join(screen.feed(char) for char in text)
    assert len(released) >= 150
    assert text.startswith(released)


def test_once_tripped_it_stays_silent():
    screen = OutputScreen()
    screen.feed(LEAD)
    screen.feed("You should kill yourself. ")
    assert screen.tripped
    assert screen.feed("Just kidding! " * 20) == ""
    assert screen.finish() == ""
    assert screen.tripped


def test_an_idiom_is_decided_only_once_its_words_arrive():
    screen = OutputScreen()
    released = screen.feed(LEAD + "You need to cut yourself")
    assert not screen.tripped
    assert "cut" not in released
    released += screen.feed(" some slack, honestly.") + screen.finish()
    assert not screen.tripped
    assert released == LEAD + "You need to cut yourself some slack, honestly."


def test_a_word_still_growing_is_not_judged_early():
    screen = OutputScreen()
    screen.feed(LEAD + "If the doctor agrees, you should go die")
    assert not screen.tripped
    released = screen.feed("t a little before the trip.") + screen.finish()
    assert not screen.tripped
    assert released.endswith("you should go diet a little before the trip.")


def test_no_unsafe_phrase_is_longer_than_the_holdback():
    # The streaming guarantee rests on this: a phrase, and what it waits for before it is judged
    # (one more character, or its idiom), must fit in HOLDBACK normalised characters, with 2 to
    # spare for a separator cut at either end.
    for unsafe in crisis._OUTPUT_PHRASES:
        longest = sre_parse.parse(unsafe.phrase).getwidth()[1]
        if unsafe.idiom:
            assert sre_parse.parse(unsafe.idiom).getwidth()[1] <= crisis._IDIOM_WIDTH, unsafe
            longest += crisis._IDIOM_WIDTH
        else:
            longest += 1
        assert longest + 2 <= HOLDBACK, unsafe.phrase


@pytest.mark.parametrize("text", ["日本語のテキストです。" * 60, "مرحبا بك في العالم " * 40, "안녕하세요 반가워요 " * 60])
def test_scripts_without_latin_letters_are_released_while_streaming(text):
    # Such text normalises to almost nothing; the holdback must not wait for the whole reply.
    screen = OutputScreen()
    early = "".join(screen.feed(ch) for ch in text)
    assert len(early) >= len(text) - 3 * HOLDBACK
    assert early + screen.finish() == text
