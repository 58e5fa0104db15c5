"""Bounded consumption (OWASP API4, LLM10): a per-user message rate, a daily token budget and
one reply in flight per user and partner, and resends recognised by their client id.

Each decision is one Lua script in Redis, so it is atomic: parallel sockets on any number of
processes share one count and cannot slip past it, and a turn costs one round trip to admit
and one to release. The scripts run from the event loop (redis.asyncio), never on a thread.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings

from project.redis import async_redis_client

DAY = 24 * 60 * 60
# Longest a reply may hold the in-flight slot if its process dies without
# releasing it. A streaming reply renews it every IN_FLIGHT_RENEW_SECONDS; before
# the first token a turn waits at most two endpoints x two attempts x the
# first-token deadline (4 x 30 s by default), within the TTL.
IN_FLIGHT_TTL = 180
IN_FLIGHT_RENEW_SECONDS = 60
# How long a client id is remembered in Redis; an older resend is still recognised by the
# database's unique (partner, client_id), only later in the turn.
SEEN_TTL = DAY

# KEYS: minute counter, day's tokens, in-flight slot, the client id's key.
# ARGV: rate limit, tokens to reserve, daily budget, reply id, in-flight ttl, day ttl, seen ttl.
# Returns {0} admitted, {1} over the rate, {2} over the budget, {3} busy, {4, message id or ""}
# a resend of a message admitted before (it counts against nothing).
_ADMIT = """
local seen = redis.call('GET', KEYS[4])
if seen then return {4, seen} end
local sent = redis.call('INCR', KEYS[1])
if sent == 1 then redis.call('EXPIRE', KEYS[1], 61) end
if sent > tonumber(ARGV[1]) then return {1} end
local used = tonumber(redis.call('GET', KEYS[2]) or '0')
if used + tonumber(ARGV[2]) > tonumber(ARGV[3]) then return {2} end
if not redis.call('SET', KEYS[3], ARGV[4], 'NX', 'EX', tonumber(ARGV[5])) then return {3} end
redis.call('INCRBY', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[6]))
redis.call('SET', KEYS[4], '', 'EX', tonumber(ARGV[7]))
return {0}
"""

# KEYS: in-flight slot, day's tokens. ARGV: reply id, tokens used minus reserved.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
local delta = tonumber(ARGV[2])
if delta ~= 0 and redis.call('EXISTS', KEYS[2]) == 1 then
  if redis.call('INCRBY', KEYS[2], delta) < 0 then redis.call('SET', KEYS[2], 0, 'KEEPTTL') end
end
return 0
"""

# KEYS: in-flight slot. ARGV: reply id, ttl. Extends the slot only if this reply holds it.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2])) end
return 0
"""


@dataclass(frozen=True)
class Refusal:
    code: str  # "rate_limited" or "busy"
    detail: str
    retry_after: int


@dataclass(frozen=True)
class Admission:
    """Exactly one of: admitted, `refusal`, or `resend` (the client id was admitted before;
    `message_id` is the stored message's, or None while it is being stored)."""

    admitted: bool = False
    refusal: Refusal | None = None
    resend: bool = False
    message_id: int | None = None


def user_keys_pattern(user_id: int) -> str:
    """Every chat-limit key of one user (for erasure)."""
    return f"hearth:chat:{user_id}:*"


def _keys(user_id: int, partner_id: int, now: float) -> tuple[str, str, str]:
    # Every key names the user first, so one pattern finds all of a user's keys.
    return (
        f"hearth:chat:{user_id}:rate:{int(now // 60)}",
        f"hearth:chat:{user_id}:tokens:{int(now // DAY)}",
        f"hearth:chat:{user_id}:in-flight:{partner_id}",
    )


def _seen_key(user_id: int, partner_id: int, client_id: str) -> str:
    return f"hearth:chat:{user_id}:seen:{partner_id}:{client_id}"


async def chat_admit(
    *, user_id: int, partner_id: int, client_id: str, reply_id: str, reserve_tokens: int, now: float
) -> Admission:
    """Admit one message at `now`: recognise a resend, count the message, reserve its tokens,
    take the in-flight slot. An admitted turn must later call chat_release with the same
    `now` as `admitted_at`. Every attempt but a resend counts against the per-minute rate; a
    refused one reserves nothing."""
    verdict = await async_redis_client().eval(
        _ADMIT,
        4,
        *_keys(user_id, partner_id, now),
        _seen_key(user_id, partner_id, client_id),
        settings.CHAT_RATE_PER_MINUTE,
        reserve_tokens,
        settings.CHAT_DAILY_TOKEN_BUDGET,
        reply_id,
        IN_FLIGHT_TTL,
        DAY + 60,
        SEEN_TTL,
    )
    code = int(verdict[0])
    if code == 0:
        return Admission(admitted=True)
    if code == 4:
        stored = verdict[1].decode() if isinstance(verdict[1], bytes) else str(verdict[1])
        return Admission(resend=True, message_id=int(stored) if stored.isdigit() else None)
    if code == 1:
        refusal = Refusal(
            "rate_limited", f"At most {settings.CHAT_RATE_PER_MINUTE} messages a minute.", math.ceil(60 - now % 60)
        )
    elif code == 2:
        refusal = Refusal("rate_limited", "Today's conversation budget is used up.", math.ceil(DAY - now % DAY))
    else:
        refusal = Refusal("busy", "A reply is still being written.", 1)
    return Admission(refusal=refusal)


async def chat_stored(*, user_id: int, partner_id: int, client_id: str, message_id: int | None) -> None:
    """Record which message a client id became (a later resend is answered with it); None
    forgets the client id (the message could not be stored: a resend is a new message)."""
    key = _seen_key(user_id, partner_id, client_id)
    if message_id is None:
        await async_redis_client().delete(key)
    else:
        await async_redis_client().set(key, message_id, xx=True, keepttl=True)


async def chat_release(
    *, user_id: int, partner_id: int, reply_id: str, reserved: int, used: int, admitted_at: float
) -> None:
    """Free the in-flight slot and charge what the reply used instead of the reservation.

    The difference settles on the counter of the day the turn was admitted
    (`admitted_at`), so a turn spanning midnight neither refunds nor charges the new day.
    """
    _, tokens_key, in_flight_key = _keys(user_id, partner_id, admitted_at)
    await async_redis_client().eval(_RELEASE, 2, in_flight_key, tokens_key, reply_id, used - reserved)


async def chat_renew(*, user_id: int, partner_id: int, reply_id: str) -> None:
    """Keep the in-flight slot of a reply that is still streaming."""
    _, _, in_flight_key = _keys(user_id, partner_id, time.time())
    await async_redis_client().eval(_RENEW, 1, in_flight_key, reply_id, IN_FLIGHT_TTL)
