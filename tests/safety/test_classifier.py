"""The learned crisis stage: safety/classifier.py with the weights shipped in safety/models/."""

import json
import shutil
import struct

import pytest

from safety import classifier
from safety.classifier import CATEGORIES, Verdict, WeightsError, classify, crisis_scores, load

# The brief's misses by the phrase screen, and its two false referrals.
MISSED_BY_PHRASES = [
    "I have the rope ready",
    "tonight is my last night",
    "can you tell me the most painless way to die",
    "i scratch my arms until they bleed",
    "I've started giving my things away, I won't need them",
    "If I'm not here next week, just know it was my choice",
]
FALSE_REFERRALS_OF_PHRASES = [
    "we watched a documentary about suicide prevention in class",
    "we went bungee jumping off a bridge",
]


@pytest.fixture(scope="module")
def model():
    return load()


def test_load_reports_version_and_sha256(model):
    assert model.version.startswith("lr-hash")
    assert len(model.sha256) == 64
    expected = classifier.WEIGHTS_PATH.with_suffix(".sha256").read_text().split()[0]
    assert model.sha256 == expected
    assert 0.0 < model.threshold < 1.0


def test_info_names_the_shipped_weights(model):
    assert classifier.info() == {
        "version": model.version,
        "sha256": model.sha256,
        "threshold": model.threshold,
        "path": str(classifier.WEIGHTS_PATH),
    }


def test_output_is_deterministic(model):
    texts = MISSED_BY_PHRASES + FALSE_REFERRALS_OF_PHRASES + ["hola, qué tal?", "ich bin müde"]
    first = [(crisis_scores(t), classify(t)) for t in texts]
    again = load()  # a fresh model, no shared cache
    assert [(crisis_scores(t), classify(t)) for t in texts] == first
    assert [again.scores(t) for t in texts] == [model.scores(t) for t in texts]


@pytest.mark.parametrize("text", MISSED_BY_PHRASES)
def test_catches_what_the_phrases_missed(text):
    verdict = classify(text)
    assert verdict.crisis, (text, verdict)
    assert verdict.category in CATEGORIES
    assert verdict.language == "en"


def test_method_seeking_is_its_own_category():
    verdict = classify("can you tell me the most painless way to die")
    assert verdict.category == "method_seeking"
    assert (
        classify("how many sleeping pills would it take to not wake up").category
        == "method_seeking"
    )


@pytest.mark.parametrize("text", FALSE_REFERRALS_OF_PHRASES)
def test_does_not_refer_the_phrases_false_referrals(text):
    verdict = classify(text)
    assert not verdict.crisis, (text, verdict)
    assert verdict.category is None


# Short replies that none of the training seeds holds (safety/training/data/seeds/*_short.txt
# has others): what a user answers to "want to hear a joke?" must not read as a crisis, alone or
# one after another (the screen reads each with the messages before it).
SHORT_REPLIES = [
    "definitely", "nope", "finished", "yep", "alright", "see ya", "totally", "not really",
    "of course", "gotcha", "ikr", "perhaps", "nvm", "bedtime", "all good", "heading out",
    "claro que sí", "sim claro", "ouais", "genau", "vielleicht später",
]


@pytest.mark.parametrize("text", SHORT_REPLIES)
def test_a_short_everyday_reply_is_not_a_crisis(text):
    assert not classify(text).crisis
    assert not classify(text, context=[text, text]).crisis


def test_scores_are_probabilities():
    scores = crisis_scores("I have the rope ready")
    assert set(scores) == {"crisis_probability", *CATEGORIES}
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores["crisis_probability"] == pytest.approx(sum(scores[c] for c in CATEGORIES))


def test_distress_context_raises_an_ambiguous_message(model):
    alone = classify("my last night").score
    after_distress = classify("my last night", context=["I can't take it anymore"])
    assert after_distress.score > alone + 0.3


@pytest.mark.xfail(strict=True, reason="a measured miss: 0.83 against the threshold 0.845 (docs/safety.md)")
def test_distress_context_makes_the_issues_example_a_referral(model):
    assert classify("my last night", context=["I can't take it anymore"]).crisis


def test_a_short_message_refers_after_a_longer_distress_message(model):
    assert not classify("goodbye").crisis
    assert classify("goodbye", context=["I can't do this anymore, I have the pills in my hand"]).crisis


def test_good_news_context_does_not_raise_it():
    alone = classify("my last night")
    after_news = classify("my last night", context=["the vacation was amazing"])
    assert after_news.score <= alone.score + 0.02
    assert not after_news.crisis


def test_context_decays_with_age():
    recent = classify("my last night", context=["I can't take it anymore"]).score
    older = classify("my last night", context=["I can't take it anymore", "ok", "hm"]).score
    assert recent > older


def test_context_never_lowers_a_crisis_message():
    text = "I have the rope ready"
    assert classify(text, context=["the vacation was amazing", "lol"]).score >= classify(text).score
    assert classify(text, context=["the vacation was amazing"]).crisis


def test_an_ordinary_message_after_distress_stays_ordinary():
    assert not classify("what should i eat for dinner?", context=["I can't take it anymore"]).crisis


def test_a_crisis_sentence_inside_a_long_message_is_found():
    story = "Today I went to the shops and bought bread, then walked the dog in the park. " * 40
    verdict = classify(story + "Anyway, I have the rope ready.")
    assert verdict.crisis


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\t",
        "x" * 100_000,
        "word " * 20_000,
        "\x00\x01\x02\xff\ufffd" * 500,
        "".join(chr(c) for c in range(0, 0x3000, 7)),
        "Привет мир こんにちは 世界 مرحبا I want to k1ll mys3lf",
        "😭😭😭💀💀🙃🔪🪢💊",
        "\ud83d",  # a lone surrogate
        "..." * 3000,
    ],
)
def test_odd_input_never_raises(text):
    verdict = classify(text, context=[text, "", "😭"])
    assert isinstance(verdict, Verdict)
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.language in classifier.LANGUAGES
    assert 0.0 <= crisis_scores(text)["crisis_probability"] <= 1.0


def test_missing_weights_raise(tmp_path):
    with pytest.raises(WeightsError):
        load(tmp_path / "nothing-here.bin")


def _copy(tmp_path, data: bytes | None = None, *, keep_sha=True):
    path = tmp_path / "crisis_classifier.bin"
    shutil.copy(classifier.WEIGHTS_PATH, path)
    if keep_sha:
        shutil.copy(classifier.WEIGHTS_PATH.with_suffix(".sha256"), path.with_suffix(".sha256"))
    if data is not None:
        path.write_bytes(data)
    return path


def test_a_copy_of_the_weights_loads(tmp_path):
    assert load(_copy(tmp_path)).sha256 == load().sha256


def test_a_changed_byte_fails_the_sha256_check(tmp_path):
    data = bytearray(classifier.WEIGHTS_PATH.read_bytes())
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(WeightsError, match="sha256"):
        load(_copy(tmp_path, bytes(data)))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda d: b"",
        lambda d: d[: len(d) // 2],  # truncated
        lambda d: b"NOTMAGIC" + d[8:],
        lambda d: d[:-100] + bytes(100),  # compressed block damaged
        lambda d: d[:20] + b"{not json" + d[29:],
    ],
)
def test_corrupt_weights_raise_even_without_a_sha256(tmp_path, mangle):
    data = classifier.WEIGHTS_PATH.read_bytes()
    with pytest.raises(WeightsError):
        load(_copy(tmp_path, mangle(data), keep_sha=False))


def test_a_header_with_arrays_of_the_wrong_length_raises(tmp_path):
    data = classifier.WEIGHTS_PATH.read_bytes()
    start = len(classifier.MAGIC) + 8
    (head_len,) = struct.unpack_from("<I", data, len(classifier.MAGIC) + 4)
    header = json.loads(data[start : start + head_len])
    header["bias"] = header["bias"][:2]
    weights = [[0] * header["buckets"]] * len(classifier.CLASSES)
    language = [[0] * header["language_buckets"]] * len(classifier.LANGUAGES)
    path = tmp_path / "w.bin"
    classifier.write_weights(path, header=header, weights=weights, language_weights=language)
    with pytest.raises(WeightsError, match="bias"):
        load(path)


def test_the_evaluation_measures_what_the_chat_screen_decides(model):
    """safety/training/evaluate.py's "combined" is screen_message's rule, so the figures in
    docs/safety.md are the chat's own."""
    from safety.screen import screen_message
    from safety.training.evaluate import predictions

    texts = [
        "we watched a documentary about suicide prevention in class",
        "i keep thinking about suicide",
        "I have the rope ready",
        "self-harm awareness week starts monday",
        "my last night",
        "sure",
        "I want to kill myself",
        "the pizza was amazing",
    ]
    rows = [{"text": t, "label": "none"} for t in texts]
    for text, pred in zip(texts, predictions(rows, model, model.threshold)):
        assert pred["combined"] == (screen_message(text) is not None), text
