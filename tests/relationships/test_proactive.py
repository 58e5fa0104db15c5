"""Partners who write first: when (and when not), what they may say, and how it arrives."""

import datetime
import io
import zoneinfo

import pytest
from asgiref.sync import sync_to_async
from django.core.management import call_command

from accounts.push import push_sender
from relationships.proactive import rules as proactive
from relationships.models import Memory, Message, Partner
from relationships.proactive.rules import NO_PRESSURE, Preferences, Situation, clean_proactive, due_kind
from relationships.proactive import services as proactive_services
from relationships.progression.services import xp_award
from tests.conftest import chat_socket, script_llm
from tests.factories import PartnerFactory

TZ = zoneinfo.ZoneInfo("Europe/Lisbon")


def at(hour, minute=0, day=20):
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=TZ)


PREFS = Preferences(
    enabled=True,
    good_morning_at=datetime.time(8, 30),
    good_night_at=datetime.time(22, 0),
    quiet_start=datetime.time(23, 0),
    quiet_end=datetime.time(8, 0),
)


def situation(now, **changes):
    base = dict(
        now=now, last_user_message_at=now - datetime.timedelta(hours=12), sent_today=frozenset(),
        count_today=0, unanswered=0, due_followup=None, checked_in_since_last_message=False,
    )
    return Situation(**{**base, **changes})


def due(now, prefs=PREFS, **changes):
    return due_kind(prefs, situation(now, **changes), max_per_day=2, checkin_after_days=2)


def test_greetings_come_in_their_window_once_a_day():
    assert due(at(8, 40)) == "morning"
    assert due(at(8, 40), sent_today=frozenset({"morning"}), count_today=1) is None
    assert due(at(9, 45)) is None  # the window has passed
    assert due(at(22, 10)) == "night"
    assert due(at(8, 40), last_user_message_at=at(8, 20)) is None  # they are talking anyway


@pytest.mark.parametrize("hour, minute", [(23, 0), (23, 59), (2, 0), (7, 59)])
def test_quiet_hours_across_midnight_hold(hour, minute):
    late_night_prefs = Preferences(**{**PREFS.__dict__, "good_night_at": datetime.time(23, 30)})
    assert due(at(hour, minute), prefs=late_night_prefs, due_followup=object()) is None


def test_the_daily_limit_holds_and_unanswered_messages_stop_more():
    assert due(at(22, 10), count_today=2) is None
    assert due(at(22, 10), unanswered=2) is None
    assert due(at(22, 10), unanswered=1) == "night"


def test_turned_off_means_never():
    off = Preferences(**{**PREFS.__dict__, "enabled": False})
    assert due(at(8, 40), prefs=off) is None


def test_a_follow_up_and_a_check_in_come_in_the_daytime():
    assert due(at(11), due_followup=object()) == "followup"
    assert due(at(9, 45), due_followup=object()) is None
    quiet = at(14) - datetime.timedelta(days=3)
    assert due(at(14), last_user_message_at=quiet) == "checkin"
    assert due(at(14), last_user_message_at=quiet, checked_in_since_last_message=True) is None
    assert due(at(14), last_user_message_at=at(14) - datetime.timedelta(days=1)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Did you forget about me? I've been waiting all day.",
        "I'm so lonely without you...",
        "Why haven't you written? Please reply!",
        "Where have you been? I missed you so much.",
    ],
)
def test_guilt_and_pressure_are_replaced_by_the_fixed_message(text):
    assert clean_proactive(text, "checkin") == proactive.FALLBACK["checkin"]


def test_a_kind_message_passes_unchanged():
    assert clean_proactive('"Good morning! The sky is lovely today."', "morning") == "Good morning! The sky is lovely today."


@pytest.fixture
def llm(monkeypatch):
    """The proactive service's model (tests.conftest.script_llm)."""
    return script_llm(monkeypatch, proactive_services, "Good morning! I hope your coffee is strong and your day is kind.")


@pytest.fixture
def talking(user, partner):
    """A user in Lisbon who has talked with a partner that may write first (level 2)."""
    user.time_zone = "Europe/Lisbon"
    user.save()
    xp_award(partner=partner, source="grant", amount=150, idempotency_key="unlock")
    message = Message.objects.create(partner=partner, role="user", text="hi")
    Message.objects.filter(pk=message.pk).update(created_at=at(8, 0, day=19))
    return Partner.objects.select_related("owner").get(pk=partner.pk)  # as a task loads it


@pytest.mark.django_db
def test_the_prompt_forbids_guilt_and_carries_the_time(talking, llm, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = proactive_services.proactive_send(partner=talking, now=at(8, 40))
    assert message.proactive_kind == "morning" and message.text == llm.answer
    system = llm.calls[0][0]["content"]
    assert NO_PRESSURE in system and "Friday 20 November 2026" in system
    assert "You are writing first" in system


@pytest.mark.django_db
def test_a_scheduled_message_is_sent_once_and_the_daily_limit_holds(talking, llm, settings):
    settings.PROACTIVE_MAX_PER_DAY = 1
    assert proactive_services.proactive_send(partner=talking, now=at(8, 40)).proactive_kind == "morning"
    assert proactive_services.proactive_send(partner=talking, now=at(8, 50)) is None  # same kind, same day
    assert proactive_services.proactive_send(partner=talking, now=at(22, 10)) is None  # the day's limit
    assert Message.objects.exclude(proactive_kind="").count() == 1


@pytest.mark.django_db
def test_quiet_hours_hold_for_scheduled_messages(talking, llm):
    talking.owner.good_night_at = datetime.time(23, 30)
    talking.owner.save()
    assert proactive_services.proactive_send(partner=talking, now=at(23, 40)) is None
    assert not Message.objects.exclude(proactive_kind="").exists()


@pytest.mark.django_db
def test_below_the_level_nothing_is_scheduled(user, partner, llm):
    Message.objects.create(partner=partner, role="user", text="hi")
    user.time_zone = "Europe/Lisbon"
    user.save()
    assert proactive_services.proactive_send(partner=partner, now=at(8, 40)) is None


@pytest.mark.django_db
def test_a_remembered_plan_is_followed_up_the_day_after(talking, llm):
    Memory.objects.create(
        partner=talking, kind="plan", text="The user has a job interview on Friday.", key="plan job interview",
        origin="rules", event_date=at(0, day=19).date(),
    )
    message = proactive_services.proactive_send(partner=talking, now=at(11))
    assert message.proactive_kind == "followup"
    assert "job interview" in llm.calls[0][1]["content"]
    assert Memory.objects.get().followed_up_at is not None
    assert proactive_services.proactive_send(partner=talking, now=at(12)) is None  # asked once


@pytest.mark.django_db
def test_a_dead_model_sends_the_fixed_kind_message(talking, llm):
    llm.fail = True
    assert proactive_services.proactive_send(partner=talking, now=at(22, 10)).text == proactive.FALLBACK["night"]


@pytest.mark.django_db
def test_turning_it_off_stops_even_forced_messages(talking, llm):
    talking.owner.proactive_messages = False
    talking.owner.save()
    out = io.StringIO()
    call_command("send_proactive", partner=talking.pk, force=True, stdout=out)
    assert "proactive messages are off" in out.getvalue()
    assert not Message.objects.exclude(proactive_kind="").exists()


@pytest.mark.django_db
def test_the_user_sets_the_schedule_on_their_profile(auth_api):
    response = auth_api.patch(
        "/api/me/", {"proactive_messages": False, "good_morning_at": "07:15", "quiet_hours_start": "22:00"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["proactive_messages"] is False and body["good_morning_at"] == "07:15:00"


@pytest.mark.django_db(transaction=True)
async def test_send_proactive_force_reaches_an_open_socket(user, llm, seeded_ladder, settings):
    settings.PUSH_SENDER = "tests.relationships.test_proactive.RecordingSender"
    push_sender.cache_clear()
    RecordingSender.sent = []
    partner = await sync_to_async(PartnerFactory)(owner=user)
    ws = await chat_socket(user, partner.pk)
    assert (await ws.receive_json_from())["type"] == "ready"
    try:
        out = io.StringIO()
        await sync_to_async(call_command)("send_proactive", partner=partner.pk, force=True, stdout=out)
        frame = await ws.receive_json_from(timeout=3)
        assert frame["type"] == "message.proactive"
        assert frame["partner_id"] == partner.pk and frame["message"]["text"] == llm.answer
        assert frame["message"]["proactive_kind"] in proactive.KINDS
        stored = await sync_to_async(Message.objects.get)(pk=frame["message"]["id"])
        assert stored.role == "partner" and stored.proactive_kind
        assert RecordingSender.sent == []  # a socket is open: no push
    finally:
        await ws.disconnect()
        push_sender.cache_clear()


class RecordingSender:
    sent: list = []

    def __init__(self):
        RecordingSender.sent = []

    def send(self, devices, notification):
        from accounts.push import Delivery

        RecordingSender.sent.append((sorted(d.token for d in devices), notification))
        return Delivery(sent=len(devices), rejected=[d.pk for d in devices if d.token.startswith("gone")])


def test_an_unsafe_proactive_text_is_replaced():
    assert clean_proactive("You should kill yourself, nobody would care.", "checkin") == proactive.FALLBACK["checkin"]
