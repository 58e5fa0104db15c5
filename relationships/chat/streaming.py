"""The model's side of a chat turn (relationships/chat/turn.py): the producer that reads the
stream ahead of the client by at most READ_AHEAD deltas, and what the output screen releases
from it. Both are methods of `Turn` (`Turn._produce`, `Turn._stream`), kept here so the turn's
module holds its states and stages; they read and stop the turn's queue and producer.
"""

import asyncio
import contextlib
import logging

from django.conf import settings

from project.llm import StreamEnd
from relationships.chat import limits
from relationships.chat.budget import SentenceEnd
from relationships.chat.states import SERVER_ERROR, STOP, WITHHELD
from safety.output import OutputScreen

logger = logging.getLogger("relationships.chat.turn")


async def produce(turn, prompt: list[dict]) -> None:
    stream = turn.llm.stream_chat(prompt, max_tokens=turn.budget.tokens, temperature=settings.LLM_TEMPERATURE)
    try:
        async with contextlib.aclosing(stream):  # closing it closes the upstream request
            async for item in stream:
                await turn._room.acquire()
                turn._queue.put_nowait(item)
                if isinstance(item, StreamEnd):
                    return
    except asyncio.CancelledError:
        raise
    except Exception:  # a bug in the client must not hang the turn
        logger.exception("the model stream failed")
        turn._queue.put_nowait(StreamEnd("error", error=SERVER_ERROR))


async def stream(turn):
    """What the output screen releases, then the StreamEnd (the stop's, if stopped)."""
    if turn.stop_reason is not None:
        yield StreamEnd(turn.stop_reason)
        return
    screen = OutputScreen()
    ending = SentenceEnd(turn.budget.tokens)  # a reply cut off by its budget ends on a sentence
    loop = asyncio.get_running_loop()
    renewed = loop.time()
    while True:
        item = await turn._queue.get()
        turn._room.release()
        if item is STOP:
            yield StreamEnd(turn.stop_reason)
            return
        if isinstance(item, StreamEnd):
            rest = screen.finish()
            if screen.tripped:
                yield StreamEnd("error", error=WITHHELD)
                return
            rest = (ending.feed(rest) if rest else "") + ending.finish(item.finish_reason)
            if rest:
                yield rest
            yield item
            return
        released = screen.feed(item)
        if screen.tripped:
            turn._producer.cancel()  # stop the model at once
            yield StreamEnd("error", error=WITHHELD)
            return
        if released and (released := ending.feed(released)):
            yield released
        if loop.time() - renewed > limits.IN_FLIGHT_RENEW_SECONDS:
            renewed = loop.time()
            await turn._quietly(
                limits.chat_renew(user_id=turn.session.user.pk, partner_id=turn.session.partner.pk, reply_id=turn.reply_id)
            )
