"""Bounded consumption (OWASP API4, LLM10): a per-user message rate, a daily token budget
and one reply in flight per user and partner.

Counters live in the Django cache, which is Redis outside the unit tests: ADD
(SET NX with expiry) then INCR are each atomic there, so parallel sockets on
any number of processes share one count and cannot slip past it.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DAY = 24 * 60 * 60
# Longest a reply may hold the in-flight slot if its process dies without releasing it.
IN_FLIGHT_TTL = 180


@dataclass(frozen=True)
class Refusal:
    code: str  # "rate_limited" or "busy"
    detail: str
    retry_after: int


def _counter_add(key: str, amount: int, ttl: int) -> int:
    cache.add(key, 0, timeout=ttl)
    try:
        return cache.incr(key, amount)
    except ValueError:  # expired between ADD and INCR
        cache.add(key, 0, timeout=ttl)
        return cache.incr(key, amount)


def _in_flight_key(user_id: int, partner_id: int) -> str:
    return f"chat:in-flight:{user_id}:{partner_id}"


def _tokens_key(user_id: int, now: float) -> str:
    return f"chat:tokens:{user_id}:{int(now // DAY)}"


def chat_admit(*, user_id: int, partner_id: int, reply_id: str, reserve_tokens: int) -> Refusal | None:
    """Admit one message: count it, reserve its tokens, take the in-flight slot.

    Returns None when admitted (the caller must later call chat_release), or
    the Refusal to send. A refused message leaves the counters as they were,
    except the per-minute count, which counts attempts.
    """
    now = time.time()
    minute_key = f"chat:rate:{user_id}:{int(now // 60)}"
    if _counter_add(minute_key, 1, 61) > settings.CHAT_RATE_PER_MINUTE:
        return Refusal(
            "rate_limited",
            f"At most {settings.CHAT_RATE_PER_MINUTE} messages a minute.",
            math.ceil(60 - now % 60),
        )
    tokens_key = _tokens_key(user_id, now)
    if _counter_add(tokens_key, reserve_tokens, DAY + 60) > settings.CHAT_DAILY_TOKEN_BUDGET:
        cache.decr(tokens_key, reserve_tokens)
        return Refusal(
            "rate_limited", "Today's conversation budget is used up.", math.ceil(DAY - now % DAY)
        )
    if not cache.add(_in_flight_key(user_id, partner_id), reply_id, timeout=IN_FLIGHT_TTL):
        cache.decr(tokens_key, reserve_tokens)
        return Refusal("busy", "A reply is still being written.", 1)
    return None


def chat_release(*, user_id: int, partner_id: int, reply_id: str, reserved: int, used: int) -> None:
    """Free the in-flight slot and charge what the reply really used instead of the reservation."""
    key = _in_flight_key(user_id, partner_id)
    if cache.get(key) == reply_id:
        cache.delete(key)
    tokens_key = _tokens_key(user_id, time.time())
    if used > reserved:
        _counter_add(tokens_key, used - reserved, DAY + 60)
    elif reserved > used:
        try:
            cache.decr(tokens_key, reserved - used)
        except ValueError:
            pass  # the day rolled over: nothing to give back
