import datetime
import zoneinfo

import pytest
from django.utils import timezone

from relationships.chat.prompt import COMFORT
from relationships.models import Message
from relationships.mood.selectors import partner_expression
from tests.conftest import assert_error
from tests.relationships.test_memory import say, system_prompt_for


def daytime_zone() -> str:
    """A time zone where it is day now, so the partner is not simply sleepy."""
    for name in ("UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"):
        if 8 <= timezone.now().astimezone(zoneinfo.ZoneInfo(name)).hour < 20:
            return name
    raise AssertionError("no daytime zone")


@pytest.mark.django_db
def test_sad_messages_show_in_the_timeline_and_the_next_prompt_comforts(auth_api, user, partner):
    user.time_zone = daytime_zone()
    user.save()
    yesterday = say(partner, "Great news, I got the job! I'm so happy", client_id="y")
    Message.objects.filter(pk=yesterday.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    prompt = system_prompt_for(user, partner, "Thanks for listening")
    assert COMFORT not in prompt

    say(partner, "I'm so sad and lonely today", client_id="s1")
    say(partner, "Everything feels hopeless and I can't stop crying", client_id="s2")

    timeline = auth_api.get(f"/api/partners/{partner.pk}/mood/").json()
    assert [day["messages"] for day in timeline][-2:] == [1, 2]
    today = timeline[-1]
    assert today["date"] == timezone.now().astimezone(zoneinfo.ZoneInfo(user.time_zone)).date().isoformat()
    assert today["moods"]["sadness"] == 2 and today["dominant"] == "sadness" and today["valence"] < 0
    assert timeline[-2]["dominant"] == "joy" and timeline[-2]["valence"] > 0.3

    prompt = system_prompt_for(user, partner, "I don't know what to do")
    assert COMFORT in prompt
    assert partner_expression(partner) == "sad"


@pytest.mark.django_db
def test_the_timeline_keeps_moods_without_text(auth_api, partner):
    message = say(partner, "I'm furious at my boss", client_id="a")
    Message.objects.filter(pk=message.pk).update(text="")  # erased by retention
    [day] = auth_api.get(f"/api/partners/{partner.pk}/mood/").json()
    assert day["moods"] == {"anger": 1}


@pytest.mark.django_db
def test_the_timeline_is_owner_scoped_and_validates_days(auth_api, partner, others_partner):
    assert_error(auth_api.get(f"/api/partners/{others_partner.pk}/mood/"), 404, "not_found")
    assert_error(auth_api.get(f"/api/partners/{partner.pk}/mood/?days=0"), 400, "invalid")
    assert_error(auth_api.get(f"/api/partners/{partner.pk}/mood/?days=abc"), 400, "invalid")
    assert_error(auth_api.get(f"/api/partners/{partner.pk}/mood/?days=²"), 400, "invalid")
