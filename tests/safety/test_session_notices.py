"""The notices one socket session owes, at their exact boundaries (safety/disclosure.py).

The timing is the duty: a break reminder a minute late, or a pause one second short of
30 minutes starting a new stretch, is a change in what the user is told.
"""

import pytest

from safety import disclosure
from safety.disclosure import SessionNotices

MINUTE = 60
HOUR = 60 * MINUTE
# The duties as docs/safety.md states them, written out rather than read from the module,
# so a constant that drifts fails here.
GAP = 30 * MINUTE  # a pause this long ends a stretch of continuous use
DISCLOSURE_INTERVAL, MINOR_DISCLOSURE_INTERVAL = 3 * HOUR, 1 * HOUR


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def at(self, seconds: float) -> None:
        """Seconds after the test's session began."""
        self.now = 1_000_000.0 + seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(disclosure, "wall_clock", clock)
    return clock


@pytest.fixture
def limits(settings):
    settings.BREAK_REMINDER_MINUTES = 120
    settings.HEALTHY_SESSION_MINUTES = 0  # one notice at a time unless a test turns it on
    return settings


def besides_disclosure(frames: list[dict]) -> list[dict]:
    """The healthy-use notices among a reply's frames (the AI disclosure is timed apart)."""
    return [frame for frame in frames if frame["type"] != "ai_disclosure"]


def notices(session: SessionNotices, *, usage: bool = False) -> list[dict]:
    """The healthy-use notices before the reply to a message sent now."""
    return besides_disclosure(session.before_reply(usage_notices=usage))


def types(frames: list[dict]) -> list[str]:
    return [frame["type"] for frame in frames]


def chat_until(session: SessionNotices, clock: Clock, start: float, end: float, *, every: float = 10 * MINUTE):
    """Messages every `every` seconds from `start` up to but not including `end`."""
    t = start
    frames = []
    while t < end:
        clock.at(t)
        frames += notices(session)
        t += every
    return frames


@pytest.mark.parametrize("minor, interval", [(False, DISCLOSURE_INTERVAL), (True, MINOR_DISCLOSURE_INTERVAL)])
def test_the_disclosure_comes_again_exactly_when_its_interval_has_passed(clock, limits, minor, interval):
    session = SessionNotices(minor=minor)
    assert session.opening()["type"] == "ai_disclosure"
    assert session.before_partner_speaks() == []
    clock.at(interval - 1)
    assert session.before_partner_speaks() == []
    clock.at(interval)
    (frame,) = session.before_partner_speaks()
    assert frame["type"] == "ai_disclosure"
    assert (frame["break_reminder"] is not None) is minor
    clock.at(2 * interval - 1)
    assert session.before_partner_speaks() == []  # counted from the last disclosure
    clock.at(2 * interval)
    assert types(session.before_partner_speaks()) == ["ai_disclosure"]


def test_a_session_that_never_opened_owes_the_disclosure_before_the_first_reply(clock, limits):
    session = SessionNotices(minor=False)
    assert types(session.before_reply(usage_notices=True)) == ["ai_disclosure"]
    assert session.before_reply(usage_notices=True) == []


def test_the_break_reminder_comes_at_the_limit_and_not_a_second_before(clock, limits):
    session = SessionNotices(minor=False)
    session.opening()
    assert chat_until(session, clock, 0, 120 * MINUTE) == []
    clock.at(120 * MINUTE - 1)
    assert notices(session) == []
    clock.at(120 * MINUTE)
    (frame,) = notices(session)
    assert frame == disclosure.break_reminder_frame(120)
    assert "120 minutes" in frame["text"]


def test_the_break_reminder_repeats_once_per_limit_and_counts_whole_minutes(clock, limits):
    session = SessionNotices(minor=False)
    session.opening()
    assert chat_until(session, clock, 0, 120 * MINUTE) == []  # the last at 110
    clock.at(125.5 * MINUTE)  # 125 minutes and a half into the stretch
    assert notices(session) == [disclosure.break_reminder_frame(125)]
    # the next one a whole limit after the last reminder, not after the stretch began
    assert chat_until(session, clock, 135 * MINUTE, 245.5 * MINUTE) == []
    clock.at(245.5 * MINUTE - 1)
    assert notices(session) == []
    clock.at(245.5 * MINUTE)
    assert notices(session) == [disclosure.break_reminder_frame(245)]
    # no message lands exactly a limit later: the first one after it brings the reminder
    assert chat_until(session, clock, 255 * MINUTE, 365 * MINUTE) == []  # the last at 355
    clock.at(370 * MINUTE)
    assert notices(session) == [disclosure.break_reminder_frame(370)]


def test_a_pause_one_second_short_of_the_gap_does_not_start_a_new_stretch(clock, limits):
    session = SessionNotices(minor=False)
    session.opening()
    chat_until(session, clock, 0, 61 * MINUTE)  # last message at 60 minutes
    clock.at(60 * MINUTE + GAP - 1)
    assert notices(session) == []
    chat_until(session, clock, 90 * MINUTE, 120 * MINUTE)
    clock.at(120 * MINUTE)
    assert notices(session) == [disclosure.break_reminder_frame(120)]


@pytest.mark.parametrize("pause", [GAP, 8 * HOUR], ids=["exactly the gap", "a night away"])
def test_a_pause_of_the_gap_or_longer_starts_a_new_stretch(clock, limits, pause):
    session = SessionNotices(minor=False)
    session.opening()
    chat_until(session, clock, 0, 61 * MINUTE)  # last message at 60 minutes
    resumed = 60 * MINUTE + pause
    clock.at(resumed)
    assert notices(session) == []
    # the gap is measured from the last message, and the stretch restarts when it ends
    assert chat_until(session, clock, resumed + 10 * MINUTE, resumed + 120 * MINUTE) == []
    clock.at(resumed + 120 * MINUTE - 1)
    assert notices(session) == []
    clock.at(resumed + 120 * MINUTE)
    assert notices(session) == [disclosure.break_reminder_frame(120)]


def test_a_new_stretch_brings_its_own_reminder_a_limit_after_it_began(clock, limits):
    limits.BREAK_REMINDER_MINUTES = 60
    session = SessionNotices(minor=False)
    session.opening()
    chat_until(session, clock, 0, 60 * MINUTE)
    clock.at(60 * MINUTE)
    assert notices(session) == [disclosure.break_reminder_frame(60)]
    resumed = 60 * MINUTE + GAP
    assert chat_until(session, clock, resumed, resumed + 60 * MINUTE) == []
    clock.at(resumed + 60 * MINUTE)
    assert notices(session) == [disclosure.break_reminder_frame(60)]


@pytest.mark.parametrize("minutes", [0, -5])
def test_a_break_reminder_limit_of_zero_or_less_means_none(clock, limits, minutes):
    limits.BREAK_REMINDER_MINUTES = minutes
    session = SessionNotices(minor=False)
    session.opening()
    assert chat_until(session, clock, 0, 6 * 60 * MINUTE) == []


def test_the_usage_notice_counts_from_the_session_start_at_its_exact_interval(clock, limits):
    limits.BREAK_REMINDER_MINUTES = 0
    limits.HEALTHY_SESSION_MINUTES = 45
    session = SessionNotices(minor=False)
    session.opening()
    clock.at(45 * MINUTE - 1)
    assert notices(session, usage=True) == []
    clock.at(45 * MINUTE)
    assert notices(session, usage=True) == [disclosure.usage_notice_frame(45)]
    clock.at(90 * MINUTE - 1)
    assert notices(session, usage=True) == []
    clock.at(90 * MINUTE)  # a whole interval after the last notice
    assert notices(session, usage=True) == [disclosure.usage_notice_frame(90)]
    # after a pause that starts a new stretch the session goes on: no reset
    clock.at(135 * MINUTE + 30)
    assert notices(session, usage=True) == [disclosure.usage_notice_frame(135)]


def test_the_usage_notice_is_never_sent_to_a_user_who_turned_it_off_or_with_no_interval(clock, limits):
    limits.BREAK_REMINDER_MINUTES = 0
    limits.HEALTHY_SESSION_MINUTES = 45
    session = SessionNotices(minor=False)
    session.opening()
    clock.at(5 * 60 * MINUTE)
    assert notices(session) == []
    limits.HEALTHY_SESSION_MINUTES = 0
    assert notices(session, usage=True) == []
    limits.HEALTHY_SESSION_MINUTES = -5  # a setting below zero is off too, not every message
    assert notices(session, usage=True) == []


def test_notices_due_together_come_disclosure_then_break_then_usage(clock, limits):
    limits.HEALTHY_SESSION_MINUTES = 120
    session = SessionNotices(minor=True)
    session.opening()
    chat_until(session, clock, 0, 120 * MINUTE, every=5 * MINUTE)
    clock.at(120 * MINUTE)
    assert types(session.before_reply(usage_notices=True)) == ["ai_disclosure", "break_reminder", "usage_notice"]
