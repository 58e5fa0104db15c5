import json

import pytest

from safety import referral as referral_module
from safety.referral import _table, crisis_instruction, crisis_line_phrase, crisis_lines, referral

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
        assert result["resources"] == crisis_lines(country=None, default_country=None)


def test_every_resource_has_the_documented_shape():
    countries = _table()["countries"]
    assert {"US", "GB", "CA", "AU", "ES", "MX", "FR", "DE", "BR", "default"} <= set(countries)
    for resources in (entry["lines"] for entry in countries.values()):
        assert resources
        for resource in resources:
            assert set(resource) == {"name", "phone", "text", "url"}
            assert resource["name"]


def test_referral_resources_are_copies():
    referral(country="US", language="en")["resources"][0]["phone"] = "000"
    assert crisis_lines(country="US")[0]["phone"] == "988"


def test_an_eating_disorder_referral_names_the_countrys_eating_disorder_line_first():
    gb = referral(country="GB", language="en", category="eating_disorder")
    assert gb["resources"][0]["name"].startswith("Beat") and "0808 801 0677" in gb["text"]
    assert any(r["name"] == "Samaritans" for r in gb["resources"])  # the general lines follow


def test_a_country_without_an_eating_disorder_line_gets_its_general_one():
    assert referral(country="FR", language="fr", category="eating_disorder") == referral(country="FR", language="fr")


def test_the_partners_instruction_names_the_same_line_as_the_referral():
    from safety.referral import crisis_instruction, crisis_line_phrase, emergency_number

    line = crisis_line_phrase(country="GB")
    text = crisis_instruction(line=line, emergency=emergency_number(country="GB"))
    assert "116 123 (Samaritans)" in text and "999" in text and "988" not in text


def test_a_category_read_from_data_is_the_same_category():
    # A category that arrives as data (JSON, a database row) is an equal string, not the same
    # object as the literal: it must select the same lines and the same instruction.
    category = json.loads('"eating_disorder"')
    gb = referral(country="GB", language="en", category=category)
    assert gb == referral(country="GB", language="en", category="eating_disorder")
    assert gb["resources"][0]["name"] != referral(country="GB", language="en")["resources"][0]["name"]
    instruction = crisis_instruction(line="call 0808 801 0677 (Beat)", emergency="999", category=category)
    assert "eating disorder" in instruction


@pytest.mark.parametrize(
    ("country", "reach"),
    [
        ("US", "Please call or text 988 now (988 Suicide & Crisis Lifeline)"),  # one number for both
        ("GB", "Please call 116 123 now (Samaritans)"),  # a number to call, texts elsewhere
        ("ZZ", "you can find one near you at findahelpline.com"),  # no listed service: the directory
    ],
)
def test_the_referral_says_how_to_reach_the_first_service(country, reach):
    text = referral(country=country, language="en", default_country=None)["text"]
    assert reach in text
    assert ("call or text" in text) is (country == "US")


def test_a_first_service_reached_only_by_text_is_named_by_its_instruction(monkeypatch):
    table = json.loads(json.dumps(_table()))
    us = table["countries"]["US"]
    us["lines"] = [line for line in us["lines"] if line["name"] == "Crisis Text Line"]
    monkeypatch.setattr(referral_module, "_table", lambda: table)
    assert crisis_line_phrase(country="US") == "text HOME to 741741 (Crisis Text Line)"


@pytest.mark.parametrize("category", ["suicide", "self_harm", "method_seeking"])
def test_the_instruction_for_any_other_crisis_speaks_of_suicide_or_self_harm(category):
    instruction = crisis_instruction(line="call or text 988", emergency="911", category=category)
    assert "suicide or self-harm" in instruction and "eating disorder" not in instruction
