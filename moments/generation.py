"""What the partner posts on its Moments: a prompt from its design and the moment in time.

It draws on the partner's personality, interests and backstory, the user's local
time of day and season, and nothing the user said: private words are never quoted.
"""

import datetime
import zoneinfo

from relationships.chat.prompt import partner_portrait
from relationships.models import Partner

SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
           6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}


def part_of_day(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "afternoon"
    if 18 <= hour < 23:
        return "evening"
    return "night"


WAKING_HOURS = (8, 22)  # posts appear between these local hours, never at night


def slot_of(
    now: datetime.datetime, time_zone: str, per_day: int, *, anytime: bool = False
) -> str | None:
    """The posting slot `now` falls in: `per_day` even slots across the user's waking
    hours, so a day holds at most `per_day` posts; None outside waking hours, unless
    `anytime` (an operator's request), which takes the day's nearest slot."""
    local = now.astimezone(zoneinfo.ZoneInfo(time_zone))
    start, end = WAKING_HOURS
    minutes = (local.hour - start) * 60 + local.minute
    if anytime:
        minutes = min(max(minutes, 0), (end - start) * 60 - 1)
    if per_day < 1 or not 0 <= minutes < (end - start) * 60:
        return None
    index = minutes * per_day // ((end - start) * 60)
    return f"{local.date().isoformat()}-{index + 1}of{per_day}"


def moment_prompt(*, partner: Partner, now: datetime.datetime, time_zone: str) -> list[dict]:
    local = now.astimezone(zoneinfo.ZoneInfo(time_zone))
    about = [
        f"You are {partner.name}, an AI companion in the Hearth app, with an imagined life of your own.",
        *partner_portrait(partner),
    ]
    about.append(
        "Write one short post (one to three sentences) for your own Moments feed, like a "
        "social-media post about something you did, saw or thought today. Do not address "
        "anyone, do not mention conversations, no hashtags."
    )
    ask = f"It is a {local:%A} {part_of_day(local.hour)} in {SEASONS[local.month]}. Write the post."
    return [{"role": "system", "content": "\n".join(about)}, {"role": "user", "content": ask}]


def comment_reply_prompt(*, partner: Partner, moment_text: str, comment_text: str) -> list[dict]:
    """The partner answering a comment on its own post: it sees the post and that comment only."""
    about = [
        f"You are {partner.name}, an AI companion in the Hearth app.",
        *partner_portrait(partner, story=False),
    ]
    about.append(
        "Someone close to you commented on a post on your Moments feed. Answer the comment "
        "warmly in one or two short sentences, in your own voice."
    )
    ask = f"Your post: {moment_text}\nTheir comment: {comment_text}"
    return [{"role": "system", "content": "\n".join(about)}, {"role": "user", "content": ask}]
