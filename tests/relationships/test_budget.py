import pytest

from relationships.chat.budget import ReplyBudget, SentenceEnd, reply_budget


@pytest.mark.parametrize(
    ("style", "text", "words"),
    [
        ("", "hey", 25),
        ("", "I went hiking today and the view from the ridge was unbelievable, honestly", 40),
        ("casual and short", "hey", 19),
        ("thoughtful and poetic", "hey", 38),
    ],
)
def test_short_messages_get_short_answers_and_style_moves_the_budget(style, text, words):
    budget = reply_budget(speaking_style=style, text=text, crisis=False, ceiling=256)
    assert budget.words == words and budget.tokens < 80


def test_the_ceiling_is_a_ceiling_and_a_crisis_gets_room_to_care():
    assert reply_budget(speaking_style="", text="word " * 500, crisis=False, ceiling=50) == ReplyBudget(90, 50)
    assert reply_budget(speaking_style="short", text="hi", crisis=True, ceiling=256).words == 70


def test_a_reply_cut_off_by_its_budget_ends_on_its_last_whole_sentence():
    end = SentenceEnd(max_tokens=20)
    pieces = ["Hi", " there", "!", " I", " missed", " you", "."] + [" And", " then"] * 10
    sent = "".join(end.feed(p) for p in pieces) + end.finish("length")
    assert sent == "Hi there! I missed you."


def test_a_reply_that_stops_by_itself_is_sent_whole():
    end = SentenceEnd(max_tokens=5)
    pieces = ["One", " two", " three", " four", " five", " six", " and", " done"]
    assert "".join(end.feed(p) for p in pieces) + end.finish("stop") == "One two three four five six and done"


def test_a_long_first_sentence_cut_off_never_ends_mid_word():
    end = SentenceEnd(max_tokens=13)
    sent = "".join(end.feed(p) for p in ["a" * 30, " long", " sentence", " without", " an", " en"]) + end.finish("length")
    assert not sent.endswith(" en") and sent.endswith(("without", "an", "sentence"))


def test_a_sentence_begun_long_before_the_budget_ran_out_is_dropped_whole():
    # Seen in bench/chat_eval.py: "... broadcast in Japan on" (the sentence began at token 10 of 43).
    end = SentenceEnd(max_tokens=43)
    pieces = ["I'd", " be", " happy", " to", " help", "."] + [" I'm", " sorry,", " but"] + [" as", " a"] * 20
    sent = "".join(end.feed(p) for p in pieces) + end.finish("length")
    assert sent == "I'd be happy to help."


def test_the_first_sentence_streams_as_it_comes_and_later_ones_whole():
    end = SentenceEnd(max_tokens=43)
    assert [end.feed(p) for p in ["Hi", " there", "! How", " are", " you?", " Tell"]] == [
        "Hi", " there", "!", "", " How are you?", ""
    ]
    assert end.finish("stop") == " Tell"
