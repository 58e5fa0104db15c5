"""What every conversation is told, and when (docs/safety.md): that the partner is an AI,
at the start of each socket session and again at least every DISCLOSURE_INTERVAL of
continuing conversation; for minors, a break reminder with it that they cannot turn off;
a usage notice after a long session; and the sign-up notice about minors."""

import time

from django.conf import settings

DISCLOSURE_INTERVAL = 3 * 60 * 60  # seconds; California SB 243 asks for at least every three hours
# Washington HB 2225 (from 2027-01-01): for minors, every hour.
MINOR_DISCLOSURE_INTERVAL = 60 * 60
# Where the crisis protocol is published (SB 243): safety/views.py.
PROTOCOL_PATH = "/safety/protocol/"

AI_DISCLOSURE = (
    "You are talking with an AI, not a person. Your partner is a computer program: it can be "
    "warm and remember things, but it is not human and cannot replace the people in your life."
)
BREAK_REMINDER = (
    "Time for a break: you have been chatting for a while. Step away, stretch, drink some water, "
    "and maybe talk to a friend or someone in your family."
)
SIGNUP_NOTICE = (
    "Hearth's partners are AI companions, not people. Companion chatbots may not be suitable "
    "for some minors."
)
MINORS_NOTICE = "Companion chatbots may not be suitable for some minors."
# EU AI Act Art. 50(3): people exposed to emotion recognition are told so.
EMOTION_NOTICE = (
    "Hearth infers your mood from your messages (happy, sad, anxious...) to comfort you and to "
    "show you your mood over time. You can turn this off (mood_tracking in your profile): then no "
    "mood is kept or used. The safety screen for messages about suicide or self-harm always runs."
)


def notices(*, mood_tracking: bool) -> dict:
    """What every client shows (sign-up, `/api/me/`, the chat's `ready`)."""
    return {
        "ai": AI_DISCLOSURE,
        "minors": MINORS_NOTICE,
        "emotion_recognition": EMOTION_NOTICE,
        "mood_tracking": mood_tracking,
        "crisis_protocol_url": PROTOCOL_PATH,
    }


BREAK_TEXT = (
    "You have been chatting for {minutes} minutes without a break. Time to rest your eyes: step "
    "away for a while, stretch, and maybe talk to someone around you."
)


def break_reminder_frame(minutes: int) -> dict:
    return {"type": "break_reminder", "minutes": minutes, "text": BREAK_TEXT.format(minutes=minutes)}


def disclosure_due(last_at: float | None, now: float, *, minor: bool = False) -> bool:
    interval = MINOR_DISCLOSURE_INTERVAL if minor else DISCLOSURE_INTERVAL
    return last_at is None or now - last_at >= interval


def disclosure_frame(*, minor: bool) -> dict:
    return {"type": "ai_disclosure", "text": AI_DISCLOSURE, "break_reminder": BREAK_REMINDER if minor else None}


def usage_notice_frame(minutes: int) -> dict:
    return {
        "type": "usage_notice",
        "minutes": minutes,
        "text": (
            f"You have been chatting for {minutes} minutes. It might be a good moment for a break, "
            "or to catch up with a friend."
        ),
    }


def wall_clock() -> float:
    """Seconds since the epoch: the notices are timed by it (tests move it)."""
    return time.time()


# A gap this long without a message ends a stretch of continuous use.
CONTINUOUS_USE_GAP = 30 * 60


class SessionNotices:
    """When one socket session owes the user a notice, as frames to send in order:

    - the AI disclosure first, and again before the partner's next words once
      DISCLOSURE_INTERVAL has passed (MINOR_DISCLOSURE_INTERVAL for minors);
    - a usage notice once an hour after HEALTHY_SESSION_MINUTES, if the user wants them;
    - a break reminder after BREAK_REMINDER_MINUTES of continuous use (China's interim
      measures for anthropomorphic AI), which the user cannot turn off; a pause of
      CONTINUOUS_USE_GAP starts a new stretch.
    """

    def __init__(self, *, minor: bool):
        self.minor = minor
        self.started_at = wall_clock()
        self.disclosed_at: float | None = None
        self.usage_noticed_at: float | None = None
        self.stretch_started_at = self.started_at
        self.last_message_at = self.started_at
        self.break_reminded_at: float | None = None

    def opening(self) -> dict:
        self.disclosed_at = wall_clock()
        return disclosure_frame(minor=self.minor)

    def before_partner_speaks(self) -> list[dict]:
        """Before a proactive message: the disclosure if it is due."""
        return [self.opening()] if disclosure_due(self.disclosed_at, wall_clock(), minor=self.minor) else []

    def before_reply(self, *, usage_notices: bool) -> list[dict]:
        frames = self.before_partner_speaks()
        now = wall_clock()
        if now - self.last_message_at >= CONTINUOUS_USE_GAP:
            self.stretch_started_at, self.break_reminded_at = now, None
        self.last_message_at = now
        limit = settings.BREAK_REMINDER_MINUTES * 60
        if (
            limit > 0
            and now - self.stretch_started_at >= limit
            and (self.break_reminded_at is None or now - self.break_reminded_at >= limit)
        ):
            self.break_reminded_at = now
            frames.append(break_reminder_frame(int((now - self.stretch_started_at) // 60)))
        interval = settings.HEALTHY_SESSION_MINUTES * 60
        if (
            usage_notices
            and interval > 0
            and now - self.started_at >= interval
            and (self.usage_noticed_at is None or now - self.usage_noticed_at >= interval)
        ):
            self.usage_noticed_at = now
            frames.append(usage_notice_frame(int((now - self.started_at) // 60)))
        return frames
