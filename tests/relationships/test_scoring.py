import datetime

import pytest
from django.utils import timezone

from relationships.models import Message, Relationship, XPEvent
from relationships.progression.scoring import message_xp, streak_xp
from relationships.progression.services import exchange_award
from tests.factories import PartnerFactory

REAL = "I finally finished the painting I told you about, and I am really proud of how the sky came out"


def test_substance_counts_in_words():
    assert message_xp("k", []) == 1
    assert message_xp("how was your day?", []) == 2
    assert message_xp(REAL, []) == 6
    assert message_xp(" ".join(["word"] * 200), []) == 10
    assert message_xp("👍", []) == 0


def test_repeats_and_near_repeats_earn_little():
    assert message_xp(REAL, [REAL]) == 1
    assert message_xp(REAL.upper() + "!!!", [REAL]) == 1
    assert message_xp(REAL.replace("sky", "sea"), ["something else", REAL]) == 1
    assert message_xp(REAL, ["a different message entirely about my cat"]) == 6


def test_the_streak_bonus_grows_for_a_week():
    assert [streak_xp(n) for n in (1, 2, 7, 30)] == [2, 4, 14, 14]


@pytest.fixture
def partner(db):
    return PartnerFactory()


def say(partner, text, n):
    return Message.objects.create(partner=partner, role="user", text=text, client_id=f"c{n}")


@pytest.mark.django_db
def test_an_exchange_earns_its_substance_once_and_the_days_first_a_streak_bonus(partner):
    first = exchange_award(user_message=say(partner, REAL, 1))
    again = exchange_award(user_message=Message.objects.get(client_id="c1"))
    second = exchange_award(user_message=say(partner, "and the frame too", 2))

    assert [a.amount for a in first] == [6, 2]  # substance, then day 1 of the streak
    assert [a.amount for a in again] == [0] and again[0].duplicate
    assert [a.amount for a in second] == [2]  # no second streak bonus today
    assert Relationship.objects.get(partner=partner).xp == 10


@pytest.mark.django_db
def test_consecutive_days_build_the_streak_and_a_break_only_restarts_it(partner):
    relationship = Relationship.objects.create(partner=partner, xp=500)
    today = timezone.now().date()

    Relationship.objects.filter(pk=relationship.pk).update(streak_days=3, last_active_on=today - datetime.timedelta(days=1))
    awards = exchange_award(user_message=say(partner, "hello again", 1))
    relationship.refresh_from_db()
    assert relationship.streak_days == 4 and awards[-1].amount == streak_xp(4)
    from relationships.progression.selectors import relationship_progress

    shown = relationship_progress(relationship=relationship, daily_cap=120, today=today)
    assert shown["streak_days"] == 4
    later = relationship_progress(relationship=relationship, daily_cap=120, today=today + datetime.timedelta(days=3))
    assert later["streak_days"] == 0 and later["xp"] == relationship.xp

    Relationship.objects.filter(pk=relationship.pk).update(last_active_on=today - datetime.timedelta(days=5))
    before = Relationship.objects.get(pk=relationship.pk).xp
    Relationship.objects.filter(pk=relationship.pk).update(xp_on_day=0)
    XPEvent.objects.filter(source="streak").delete()  # a new day's key, for the test
    exchange_award(user_message=say(partner, "I was away for a while, sorry", 2))
    relationship.refresh_from_db()
    assert relationship.streak_days == 1  # restarted...
    assert relationship.xp > before  # ...and nothing was taken away
