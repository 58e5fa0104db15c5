"""The duties of companion-chatbot laws, as a user and an outsider meet them (docs/safety.md)."""

import datetime

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from relationships.chat.services import message_accept
from relationships.models import Message
from safety.disclosure import DISCLOSURE_INTERVAL, MINOR_DISCLOSURE_INTERVAL
from tests.relationships.test_chat_consumer import chat, upstream  # noqa: F401  (fixtures)
from tests.safety.test_protocol import clock  # noqa: F401  (fixtures)
from tests.conftest import chat_socket as connect


def test_the_crisis_protocol_is_public_as_a_page_and_as_data(client):
    page = client.get("/safety/protocol/")
    assert page.status_code == 200 and b"crisis protocol" in page.content and b"116 123" in page.content
    data = client.get("/safety/protocol/?format=json").json()
    assert set(data["categories"]) == {"suicide", "self_harm", "method_seeking", "eating_disorder"}
    assert data["resources"]["GB"]["lines"][0]["phone"] == "116 123"
    assert data["not_human"]["every_hours_for_minors"] == 1


@pytest.mark.django_db
def test_the_notices_reach_every_client(api, auth_api):
    signup = api.post(
        "/api/auth/register/",
        {"username": "newbie", "email": "n@example.com", "password": "a long pass phrase 42", "birth_date": "1999-01-01"},
        format="json",
    ).json()
    me = auth_api.get("/api/me/").json()
    for body in (signup, me):
        assert "may not be suitable for some minors" in body["notices"]["minors"]
        assert "infers your mood" in body["notices"]["emotion_recognition"]
        assert body["notices"]["crisis_protocol_url"] == "/safety/protocol/"


@pytest.mark.django_db(transaction=True)
async def test_the_chat_ready_frame_carries_the_notices(user, partner, upstream):  # noqa: F811
    ws = await connect(user, partner.pk)
    ready = await ws.receive_json_from()
    assert ready["notices"]["minors"] and ready["notices"]["mood_tracking"] is True
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_minor_is_told_hourly_and_an_adult_every_three_hours(user, partner, upstream, clock):  # noqa: F811
    assert MINOR_DISCLOSURE_INTERVAL == 3600 and DISCLOSURE_INTERVAL == 3 * 3600
    user.birth_date = timezone.localdate() - datetime.timedelta(days=15 * 365)
    await sync_to_async(user.save)()
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    clock.now += 59 * 60
    assert "ai_disclosure" not in [f["type"] for f in await chat(ws, "hi", "c1")]
    clock.now += 2 * 60
    assert "ai_disclosure" in [f["type"] for f in await chat(ws, "hi again", "c2")]
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_two_hours_of_continuous_use_bring_a_break_reminder_nobody_can_turn_off(
    user, partner, upstream, clock, settings  # noqa: F811
):
    settings.BREAK_REMINDER_MINUTES, settings.HEALTHY_SESSION_MINUTES = 120, 0
    user.usage_notices = False
    await sync_to_async(user.save)()
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    for n in range(5):  # a message every 25 minutes: continuous
        clock.now += 25 * 60
        frames = await chat(ws, f"still here {n}", f"c{n}")
    [reminder] = [f for f in frames if f["type"] == "break_reminder"]
    assert reminder["minutes"] == 125 and "break" in reminder["text"]
    clock.now += 40 * 60  # a pause: a new stretch begins
    assert "break_reminder" not in [f["type"] for f in await chat(ws, "back", "c9")]
    await ws.disconnect()


@pytest.mark.django_db
def test_with_mood_tracking_off_no_mood_is_kept_or_used_and_earlier_ones_go(auth_api, user, partner):
    message_accept(partner=partner, client_id="before", text="I'm so sad and lonely today")
    assert Message.objects.get(client_id="before").mood == "sadness"

    assert auth_api.patch("/api/me/", {"mood_tracking": False}, format="json").json()["mood_tracking"] is False
    user.refresh_from_db()
    message_accept(partner=partner, client_id="after", text="I'm so sad and lonely today")

    assert set(Message.objects.values_list("mood", "valence")) == {("", None)}
    assert auth_api.get(f"/api/partners/{partner.pk}/mood/").json() == []
    assert auth_api.get("/api/me/").json()["notices"]["mood_tracking"] is False


@pytest.mark.django_db(transaction=True)
async def test_with_mood_tracking_off_the_crisis_screen_still_runs(user, partner, upstream):  # noqa: F811
    user.mood_tracking = False
    await sync_to_async(user.save)()
    ws = await connect(user, partner.pk)
    await ws.receive_json_from()
    frames = await chat(ws, "I want to kill myself", "c1")
    assert frames[0]["type"] == "crisis_referral"
    stored = await Message.objects.aget(client_id="c1")
    assert (stored.mood, stored.valence) == ("", None)
    await ws.disconnect()



@pytest.mark.django_db
def test_the_yearly_report_counts_referrals_by_category(capsys):
    from django.core.management import call_command

    from safety.services import crisis_referral_count

    for country, category in [("US", "suicide"), ("US", "suicide"), ("GB", "eating_disorder"), ("US", "model_output")]:
        crisis_referral_count(country=country, language="en", category=category, day=datetime.date(2027, 3, 1))
    crisis_referral_count(country="US", language="en", category="suicide", day=datetime.date(2026, 3, 1))
    call_command("crisis_report", year=2027)
    out = capsys.readouterr().out
    assert "eating_disorder\t1" in out and "suicide\t2" in out and "total\t\t4" in out
