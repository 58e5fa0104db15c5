"""What every conversation is told, and when (docs/safety.md): that the partner is an AI,
at the start of each socket session and again at least every DISCLOSURE_INTERVAL of
continuing conversation; for minors, a break reminder with it that they cannot turn off;
a usage notice after a long session; and the sign-up notice about minors."""

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
