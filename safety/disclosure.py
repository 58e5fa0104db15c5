"""What every conversation is told, and when (docs/safety.md): that the partner is an AI,
at the start of each socket session and again at least every DISCLOSURE_INTERVAL of
continuing conversation; for minors, a break reminder with it that they cannot turn off;
a usage notice after a long session; and the sign-up notice about minors."""

import time

from django.conf import settings

DISCLOSURE_INTERVAL = 3 * 60 * 60  # seconds; California SB 243 asks for at least every three hours

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


def disclosure_due(last_at: float | None, now: float) -> bool:
    return last_at is None or now - last_at >= DISCLOSURE_INTERVAL


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


class SessionNotices:
    """When one socket session owes the user a notice: the AI disclosure first and again every
    DISCLOSURE_INTERVAL before the partner's next words, a usage notice once an hour after
    HEALTHY_SESSION_MINUTES (if the user wants them). Returns the frames to send, in order."""

    def __init__(self, *, minor: bool):
        self.minor = minor
        self.started_at = wall_clock()
        self.disclosed_at: float | None = None
        self.usage_noticed_at: float | None = None

    def opening(self) -> dict:
        self.disclosed_at = wall_clock()
        return disclosure_frame(minor=self.minor)

    def before_partner_speaks(self) -> list[dict]:
        """Before a proactive message: the disclosure if it is due."""
        return [self.opening()] if disclosure_due(self.disclosed_at, wall_clock()) else []

    def before_reply(self, *, usage_notices: bool) -> list[dict]:
        frames = self.before_partner_speaks()
        now = wall_clock()
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
