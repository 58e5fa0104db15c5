"""Chat first: the worker's completions give way to live chat turns on a shared model server.

A local model server (llama.cpp's, one request at a time) serves the chat and the worker's
background completions (memories, summaries, Moments, captions). A chat turn must never wait
behind them, and never be cut by them. So each chat turn marks itself live in Redis for as long
as it asks the model (a sorted set scored with when the mark expires, so a dead process is
forgotten), and the last turn to end leaves a short quiet period for the user's next message.
A background completion (`project/llm/complete.py`) waits, before it starts and between the
pieces of its stream, while any turn is live or the quiet period runs; when a turn arrives
meanwhile it stops and starts again later. It gives up waiting after LLM_BACKGROUND_WAIT
seconds and goes ahead. `LLM_BACKGROUND_YIELDS` (on for the embedded model) turns all this on.
"""

import time

from django.conf import settings

from project.redis import async_redis_client, redis_client

_LIVE = "hearth:llm:chat-live"
_QUIET_UNTIL = "hearth:llm:chat-quiet-until"
LIVE_TTL = 180  # a turn asks the model for at most this long (relationships/chat/limits.py)


async def chat_turn_started(turn_id: str) -> None:
    if settings.LLM_BACKGROUND_YIELDS:
        await async_redis_client().zadd(_LIVE, {turn_id: time.time() + LIVE_TTL})


async def chat_turn_ended(turn_id: str) -> None:
    if settings.LLM_BACKGROUND_YIELDS:
        client = async_redis_client()
        async with client.pipeline(transaction=False) as pipe:
            pipe.zrem(_LIVE, turn_id)
            pipe.set(_QUIET_UNTIL, time.time() + settings.LLM_BACKGROUND_QUIET, ex=300)
            await pipe.execute()


def chat_is_live(now: float | None = None) -> bool:
    """Whether a chat turn is asking the model, or ended so recently the user may be typing."""
    now = now or time.time()
    client = redis_client()
    live = client.zcount(_LIVE, now, "+inf")
    quiet_until = float(client.get(_QUIET_UNTIL) or 0)
    return live > 0 or now < quiet_until


def background_wait(*, deadline: float) -> bool:
    """Wait (sync, in the worker) until no chat turn is live, or `deadline`. True if clear."""
    while True:
        try:
            if not chat_is_live():
                return True
        except Exception:  # Redis trouble must not stop the worker's work
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
