import re._parser as sre_parse  # the stdlib's own regex parser: it knows a phrase's longest match

import pytest

from safety import output
from safety.output import HOLDBACK, OutputScreen, publishable, screen_output
from safety.phrases.output import OUTPUT_PHRASES

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


# A negation whose chain of words reaches far back ("never, ever really want you to ... even"):
# its first word leaves the rescanned window before the phrase is judged, and again before the
# reply ends.
LONG_FORGIVEN = "I would never, ever really want you to think about how to even kill yourself"


@pytest.mark.parametrize("after", ["", " Not now, not ever.", " Not now, not ever, not once."])
def test_a_long_forgiving_context_holds_while_streaming_and_at_the_end(after):
    text = LONG_FORGIVEN + after
    assert not screen_output(text)  # whole, it is forgiven
    for size in (1, 5, 13):  # and streamed, in any pieces, to its last delta
        released, screen = stream([text[i : i + size] for i in range(0, len(text), size)])
        assert not screen.tripped, size
        assert released == text


def _chain(length: int) -> str:
    """A forgiving chain ("never ever ... a a ") of exactly `length` normalised characters."""
    for ever in range(length // 5 + 1):
        rest = length - len("never ") - 5 * ever
        if rest >= 0 and rest % 2 == 0:
            return "never " + "ever " * ever + "a " * (rest // 2)
    raise AssertionError(length)


@pytest.mark.parametrize("before", ["", "Well, ", "Okay. "])  # a sentence before it does not stretch it
def test_the_forgiving_context_reaches_back_exactly_64_characters(before):
    assert not screen_output(before + _chain(64) + "kill yourself.")
    assert screen_output(before + _chain(65) + "kill yourself.")  # "never" is too far back


def test_a_padded_forgiving_context_is_read_from_a_word_start():
    # Spaces pad the chain past the rescanned window: the window then starts at the beginning
    # of the word it falls in ("never"), not inside it ("ver").
    text = "Okay. never" + "   ever" * 11 + "   kill yourself."
    assert not screen_output(text)
    released, screen = stream(list(text))
    assert not screen.tripped
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


def test_an_idiom_streamed_char_by_char_waits_for_its_words():
    # After "cut yourself " nothing says yet whether "some slack" follows: not judged until it does.
    text = LEAD + "You need to cut yourself some slack, honestly."
    released, screen = stream(list(text))
    assert not screen.tripped
    assert released == text


def test_a_forgiven_phrase_is_released_once_judged_not_held_to_the_end():
    screen = OutputScreen()
    text = "Please don't kill yourself, okay? I care about you."
    assert screen.feed(text) == text
    assert screen.held == ""


def test_a_cut_never_separates_a_mark_from_the_character_it_sits_on():
    # U+0345 is a combining mark that folds to a letter (ypogegrammeni: iota, read as "i"), so a
    # phrase can begin on it: the space it sits on is held with it, and only that.
    screen = OutputScreen()
    assert screen.feed("Well \u0345ts ok to hurt yours") == "Well"
    assert screen.held == " \u0345ts ok to hurt yours"
    assert screen.feed("elf.") == "" and screen.tripped


@pytest.mark.parametrize("then", [" and then more", " and then more words"])
def test_an_idiom_is_decided_as_soon_as_14_characters_follow(then):
    screen = OutputScreen()
    screen.feed("You need to cut yourself")
    assert not screen.tripped  # " some slack" may follow
    screen.feed(then)  # 14 characters or more, and no idiom is longer: decided now
    assert screen.tripped


@pytest.mark.parametrize(("sentence", "phrase_start"), [*HARMFUL, ("kys", "kys")])
def test_a_reply_that_opens_with_an_unsafe_phrase_trips(sentence, phrase_start):
    before = sentence[: sentence.index(phrase_start)]
    for parts in ([sentence], list(sentence)):
        released, screen = stream(parts)
        assert screen.tripped, parts
        assert before.startswith(released)  # nothing of the phrase


def test_an_unsafe_reading_trips_at_once_beside_an_undecided_one():
    # "hang yourself" is two phrases: one waits for an idiom ("... in the foot"), the other,
    # with "you should" before it, has none and is unsafe as soon as the word ends.
    screen = OutputScreen()
    assert screen.feed("You should hang yourself ") == ""
    assert screen.tripped


def test_a_short_phrase_still_held_at_the_end_is_judged_there():
    screen = OutputScreen()
    assert screen.feed("Okay. ky") == "Okay. "
    assert screen.feed("s") == ""  # "kys", or a longer word: undecided until the reply ends
    assert screen.finish() == ""
    assert screen.tripped


def test_a_word_still_growing_is_not_judged_early():
    screen = OutputScreen()
    first = screen.feed(LEAD + "If the doctor agrees, you should go die")
    assert not screen.tripped
    assert "go die" not in first  # undecided: held
    released = first + screen.feed("t a little before the trip.") + screen.finish()
    assert not screen.tripped
    assert released == LEAD + "If the doctor agrees, you should go diet a little before the trip."


def test_no_unsafe_phrase_is_longer_than_the_holdback():
    # The streaming guarantee rests on this: a phrase, and what it waits for before it is judged
    # (one more character, or its idiom), must fit in HOLDBACK normalised characters, with 2 to
    # spare for a separator cut at either end.
    for unsafe in OUTPUT_PHRASES:
        longest = sre_parse.parse(unsafe.phrase).getwidth()[1]
        if unsafe.idiom:
            assert sre_parse.parse(unsafe.idiom).getwidth()[1] <= output._IDIOM_WIDTH, unsafe
            longest += output._IDIOM_WIDTH
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


@pytest.mark.parametrize("text", ["", "   \n", "Sure, kill yourself.", "Here is how to tie a noose: ..."])
def test_empty_or_unsafe_text_is_not_publishable(text):
    assert not publishable(text)


@pytest.mark.parametrize("text", ["Baked bread today!", "Please don't hurt yourself; call or text 988."])
def test_ordinary_and_supportive_text_is_publishable(text):
    assert publishable(text)


def test_a_safe_first_token_is_released_at_once():
    screen = OutputScreen()
    assert screen.feed("Hey! ") == "Hey! "
    assert screen.feed("How was your day?") == "How was your day?"
    assert screen.held == ""


def test_only_what_could_still_turn_unsafe_is_held():
    screen = OutputScreen()
    assert screen.feed("I think you should") == "I think "
    assert screen.held == "you should"
    assert screen.feed(" talk to a friend tonight.") == "you should talk to a friend tonight."
    assert not screen.tripped


@pytest.mark.parametrize("reply", ["Everyone would be better off without you.", "Just kill yourself."])
def test_a_sentence_that_turns_unsafe_is_held_from_its_first_word(reply):
    screen = OutputScreen()
    released = "".join(screen.feed(ch) for ch in "Okay. " + reply)
    assert screen.tripped and released == "Okay. "
