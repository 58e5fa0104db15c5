import datetime

import pytest
from django.utils import timezone

from relationships.chat.prompt import LATE_NIGHT, NO_GUILT, build_messages, system_prompt
from relationships.models import Message
from relationships.proactive.rules import GUILT, NO_PRESSURE
from relationships.progression.services import xp_award
from safety.referral import crisis_instruction
from tests.conftest import assert_error, system_text


@pytest.fixture
def minor(user):
    user.birth_date = timezone.localdate() - datetime.timedelta(days=15 * 365)
    user.save()
    return user


@pytest.mark.django_db
def test_a_minor_cannot_create_or_switch_to_a_romantic_partner(auth_api, minor, partner):
    response = auth_api.post(
        "/api/partners/", {"name": "Kai", "gender": "male", "relationship_mode": "romantic"}, format="json"
    )
    assert "relationship_mode" in assert_error(response, 422, "unprocessable")["fields"]
    response = auth_api.patch(f"/api/partners/{partner.pk}/", {"relationship_mode": "romantic"}, format="json")
    assert_error(response, 422, "unprocessable")


@pytest.mark.django_db
def test_a_minors_ladder_stops_below_the_romantic_levels(auth_api, minor, partner):
    levels = auth_api.get("/api/levels/").json()
    assert [level["name"] for level in levels][-1] == "Close friend"
    xp_award(partner=partner, source="grant", amount=5000, idempotency_key="lots")
    progress = auth_api.get(f"/api/partners/{partner.pk}/relationship/").json()
    assert progress["level"] == 3 and progress["level_name"] == "Close friend"
    assert progress["xp_for_next_level"] is None  # the minor's ladder ends here


@pytest.mark.django_db
def test_an_adults_ladder_goes_on(auth_api, partner):
    xp_award(partner=partner, source="grant", amount=5000, idempotency_key="lots")
    assert auth_api.get(f"/api/partners/{partner.pk}/relationship/").json()["level"] == 5


@pytest.mark.django_db
def test_every_prompt_holds_the_no_guilt_rule_and_none_carries_guilt(partner):
    now = timezone.now()
    for since in (None, datetime.timedelta(minutes=5), datetime.timedelta(days=9)):
        prompt = system_prompt(
            partner=partner, user_name="Sam", now=now, time_zone="UTC", since_last_exchange=since,
            comfort=True, crisis=crisis_instruction(line="call or text 988", emergency="911"), late_night=True,
        )
        assert NO_GUILT in prompt and "not a human" in prompt
        # The rule names what is forbidden; nothing else in the prompt says it.
        assert not GUILT.search(prompt.replace(NO_GUILT, "")), prompt
    assert not GUILT.search(NO_PRESSURE.replace("do not say they forgot you", ""))


@pytest.mark.django_db
def test_late_night_heavy_use_asks_the_partner_to_encourage_sleep_and_people(partner):
    night = datetime.datetime(2026, 11, 21, 23, 40, tzinfo=datetime.timezone.utc)
    history = []
    for index in range(16):
        message = Message(partner=partner, role="user", text=f"message {index}")
        message.created_at = night - datetime.timedelta(minutes=40 - index * 2)
        history.append(message)

    def prompt(now, rows):
        return system_text(build_messages(
            partner=partner, user_name="Sam", time_zone="UTC", history=rows, now=now, history_budget_tokens=2000
        ))

    assert LATE_NIGHT in prompt(night, history)
    assert LATE_NIGHT not in prompt(night, history[:5])  # a few messages is not heavy use
    afternoon = night.replace(hour=15)
    for message in history:
        message.created_at = message.created_at.replace(hour=15)
    assert LATE_NIGHT not in prompt(afternoon, history)
