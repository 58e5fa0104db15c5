import pytest

from relationships.mood.analysis import LABELS, Mood, analyze_mood, is_strongly_negative


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I'm so sad and lonely today", "sadness"),
        ("I love you so much", "love"),
        ("I'm furious at my boss", "anger"),
        ("I'm scared about the surgery", "fear"),
        ("Great news, I got the job!", "joy"),
        ("I had pasta for lunch", "neutral"),
        ("I miss you", "love"),
        ("I adore you", "love"),
        ("I love hiking", "joy"),
        ("wow, I didn't expect that!", "surprise"),
        ("my grandma passed away", "sadness"),
        ("I feel like nobody cares about me", "sadness"),
    ],
)
def test_a_message_gets_the_mood_a_reader_would_give_it(text, label):
    assert analyze_mood(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [("😭", "sadness"), (":(", "sadness"), ("❤️", "love"), ("<3", "love"), ("😡", "anger")],
)
def test_emoji_and_emoticons_carry_a_mood(text, label):
    mood = analyze_mood(text)
    assert mood.label == label
    assert (mood.valence > 0) == (label == "love")
    assert mood.valence != 0


def test_valence_follows_the_feeling():
    assert analyze_mood("I'm so sad and lonely today").valence < -0.3
    assert analyze_mood("I love you so much").valence > 0.3
    assert abs(analyze_mood("I had pasta for lunch").valence) < 0.1


@pytest.mark.parametrize("text", ["I'm not sad", "I'm not scared of anything", "ok", "thanks", ""])
def test_negated_or_weak_messages_are_neutral(text):
    assert analyze_mood(text).label == "neutral"


def test_a_negated_affection_is_not_love():
    mood = analyze_mood("I don't love you anymore")
    assert mood.label == "sadness"
    assert mood.valence < 0


def test_a_cue_against_a_clear_valence_is_ignored():
    # "bad" is an anger/sadness word, but the message is plainly positive.
    assert analyze_mood("not bad at all :)").label == "joy"


@pytest.mark.parametrize("text", ["I LOVE YOU", "I’m so happy!!", "   ", "🤷🏽‍♀️", "a" * 5000])
def test_any_text_gets_a_known_label_and_a_bounded_valence(text):
    mood = analyze_mood(text)
    assert mood.label in LABELS
    assert -1.0 <= mood.valence <= 1.0


def test_a_mood_is_an_immutable_value():
    mood = analyze_mood("I love you")
    assert mood == Mood("love", mood.valence)
    with pytest.raises(AttributeError):
        mood.label = "anger"


@pytest.mark.parametrize(
    ("valences", "expected"),
    [
        ([], False),
        ([-0.7], True),  # one very negative message
        ([-0.4], False),  # one mildly negative message is not a trend
        ([0.5, 0.6, -0.65], True),  # the last one alone
        ([-0.4, -0.5, -0.3], True),  # mean -0.4
        ([-0.4, -0.5, 0.2], False),  # mean -0.23
        ([0.0, -0.5, -0.5], False),  # mean -0.33
        ([0.9, 0.9, -0.5, -0.5, -0.5, -0.5, -0.5], True),  # only the last five count
        ([-0.9] * 6 + [0.2, 0.0, 0.0, 0.0, -0.2], False),  # an old low has passed
    ],
)
def test_strongly_negative_recent_messages(valences, expected):
    assert is_strongly_negative(valences) is expected
