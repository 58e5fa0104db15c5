"""The one way real-time events leave the database: after commit, through the channel layer.

A client never hears of a row that was rolled back. Group names are built
here, on the server, from ids the caller has already authorised.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def user_group(user_id: int) -> str:
    """Every open socket of one user."""
    return f"user.{user_id}"


def chat_group(user_id: int, partner_id: int) -> str:
    """Every open chat socket of one user with one partner (their devices)."""
    return f"chat.{user_id}.{partner_id}"


def send_event_on_commit(group: str, event: dict) -> None:
    """Send `event` ({"type": "noun.verb", ...}) to `group` once the transaction commits.

    Call from sync code (a service, a task, the admin). Outside a transaction it
    sends at once; the calling thread waits for Redis.
    """

    def send():
        async_to_sync(get_channel_layer().group_send)(group, event)

    transaction.on_commit(send)


async def send_event(group: str, event: dict) -> None:
    """Send `event` to `group` from the event loop.

    For consumers, after the database call that wrote the row has returned (and so
    committed): the shared database thread then never waits on Redis.
    """
    await get_channel_layer().group_send(group, event)
