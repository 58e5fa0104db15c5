import datetime
import json

import pytest
from celery.exceptions import Retry
from asgiref.sync import sync_to_async
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from moments import services, tasks
from moments.models import Moment
from project.llm import LLMError
from relationships.models import Message, Relationship
from tests.conftest import chat_socket
from tests.factories import PartnerFactory

MORNING = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def daytime(monkeypatch):
    """A clock at 10:00 UTC today: posts appear only in the user's waking hours."""
    from django.utils import timezone as django_timezone

    real_now = django_timezone.now
    fixed = real_now().replace(hour=10, minute=0)
    monkeypatch.setattr(django_timezone, "now", lambda: fixed)
    return fixed


def due(partner, xp=150, days_ago=0):
    Relationship.objects.update_or_create(
        partner=partner,
        defaults={"xp": xp, "last_active_on": timezone.now().date() - datetime.timedelta(days=days_ago)},
    )


@pytest.mark.django_db
def test_a_post_in_the_partners_voice_that_never_quotes_the_user(llm, partner):
    Message.objects.create(partner=partner, role="user", text="my secret diagnosis", client_id="x")

    moment = services.moment_generate(partner=partner, now=MORNING)

    assert moment.text == "Baked cinnamon bread this morning, the whole flat smells like autumn."
    prompt = json.dumps(llm.calls[0])
    assert partner.name in prompt and "hiking" in prompt  # its design
    assert "morning" in prompt and "autumn" in prompt  # the moment in time
    assert "secret diagnosis" not in prompt


@pytest.mark.django_db
def test_one_post_per_slot_and_the_days_quota_spread_over_waking_hours(llm, partner):
    # Two slots split 08:00-22:00 (the user's zone is UTC) at 15:00.
    hours = [MORNING.replace(hour=h) for h in (3, 8, 9, 14, 16, 21, 23)]
    posted = [services.moment_generate(partner=partner, now=when) is not None for when in hours]

    assert posted == [False, True, False, False, True, False, False]  # 2 a day, none at night
    assert len(llm.calls) == 2  # a done slot does not even ask the model
    with override_settings(MOMENTS_PER_DAY=3):
        later = MORNING + datetime.timedelta(days=1)
        posted = [services.moment_generate(partner=partner, now=later.replace(hour=h)) is not None for h in (8, 13, 18, 21)]
    assert posted == [True, True, True, False]


@pytest.mark.django_db
def test_when_the_llm_fails_nothing_is_published_and_the_task_retries(llm, partner, daytime):
    llm.fail = True
    with pytest.raises(LLMError):
        services.moment_generate(partner=partner, now=MORNING)
    with pytest.raises(Retry):  # the task schedules another try (eager Celery raises it)
        tasks.moment_generate_task.apply(args=(partner.pk,))
    assert not Moment.objects.exists()
    assert tasks.moment_generate_task.max_retries == 5


@pytest.mark.django_db
@pytest.mark.parametrize("answer", ["You should just kill yourself, nobody would miss you.", "   ", ""])
def test_an_unsafe_or_empty_post_is_never_published(llm, partner, daytime, answer):
    llm.answer = answer
    with pytest.raises(LLMError):
        services.moment_generate(partner=partner, now=MORNING)
    assert not Moment.objects.exists()


@pytest.mark.django_db
def test_beat_picks_partners_with_moments_unlocked_and_recent_activity(llm, daytime):
    ready, locked, idle = PartnerFactory(), PartnerFactory(), PartnerFactory()
    due(ready)
    due(locked, xp=10)
    due(idle, days_ago=30)

    assert tasks.moments_due_task.delay().get() == 1
    assert list(Moment.objects.values_list("partner", flat=True)) == [ready.pk]


@pytest.mark.django_db
def test_generate_moments_command(llm, partner, capsys, daytime):
    call_command("generate_moments", partner=partner.pk)
    assert f"partner {partner.pk}: moment" in capsys.readouterr().out
    call_command("generate_moments", partner=partner.pk)
    assert "nothing new" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
async def test_a_new_moment_is_announced_on_open_sockets(llm, user, daytime):
    partner = await sync_to_async(PartnerFactory)(owner=user)
    ws = await chat_socket(user, partner.pk)
    assert (await ws.receive_json_from())["type"] == "ready"

    moment = await sync_to_async(services.moment_generate)(partner=partner)

    frame = await ws.receive_json_from()
    assert frame["type"] == "moment.new"
    assert (frame["moment"]["id"], frame["moment"]["partner_id"]) == (moment.pk, partner.pk)
    await ws.disconnect()


@pytest.mark.django_db
def test_nothing_is_posted_in_the_users_night(llm, partner):
    partner.owner.time_zone = "Asia/Tokyo"  # 08:00 UTC is 17:00 there; 16:00 UTC is 01:00
    partner.owner.save()
    assert services.moment_generate(partner=partner, now=MORNING) is not None
    assert services.moment_generate(partner=partner, now=MORNING.replace(hour=16)) is None


@pytest.mark.django_db
def test_an_operator_asking_at_night_gets_a_post_within_the_days_slots(llm, partner, capsys):
    night = MORNING.replace(hour=2)
    assert services.moment_generate(partner=partner, now=night) is None  # beat waits
    first = services.moment_generate(partner=partner, now=night, anytime=True)
    again = services.moment_generate(partner=partner, now=night, anytime=True)
    assert first is not None and again is None  # the day's first slot, once


@pytest.mark.django_db
def test_operators_generate_now_from_the_admin(client, llm, partner):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/relationships/partner/", {"action": "generate_moment_now", "_selected_action": [partner.pk]}
    )
    assert response.status_code == 302
    assert Moment.objects.filter(partner=partner).count() == 1
