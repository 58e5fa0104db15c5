"""A chat turn's side work: what runs beside or after the reply and must never cost the user the
reply or their message (announcing to the other devices, counting a referral)."""

import asyncio
import logging

from project.db import db_call
from project.events import user_event_send
from relationships.chat.services import message_new_frame
from safety.services import crisis_referral_count, user_country

logger = logging.getLogger("relationships.chat.turn")


async def quietly(awaitable, what: str = "reach Redis"):
    """Side work must never cost the user the reply or their message."""
    try:
        return await awaitable
    except Exception:
        logger.warning("could not %s", what, exc_info=True)
        return None


_tasks: set[asyncio.Task] = set()


def background(coroutine) -> None:
    """Run side work after the caller moves on, holding a reference so it is not collected."""
    task = asyncio.create_task(coroutine)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def message_announce_later(*, user_id: int, partner_id: int, message, origin: str | None) -> None:
    """`message.new` to the user's other devices on this partner, off the turn's path."""

    async def announce():
        await user_event_send(user_id=user_id, frame=message_new_frame(message), partner_id=partner_id, origin=origin)

    background(quietly(announce(), what="announce a message to the other devices"))


async def crisis_referral_count_quietly(*, user, language: str, category: str) -> None:
    """One more in the aggregate count (after the referral is sent: it never waits on this)."""
    await quietly(
        db_call(crisis_referral_count, country=user_country(user), language=language, category=category),
        what="count a crisis referral",
    )
