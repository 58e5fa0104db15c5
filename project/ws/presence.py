"""Which users have a socket open, across processes: push notifications go to the others.

Each authenticated socket keeps a member in the user's sorted set
`hearth:presence:{user_id}`, scored with the time it stops counting. The socket
renews it every HEARTBEAT seconds and removes it on disconnect; a process that
dies without removing it is forgotten after TTL. A socket is thus reported
online at most TTL after it vanished, never offline while it is open.
"""

import time

from project.redis import async_redis_client, redis_client

HEARTBEAT = 30
TTL = 75

def presence_key(user_id: int) -> str:
    return f"hearth:presence:{user_id}"


async def presence_mark(user_id: int, member: str) -> None:
    now = time.time()
    key = presence_key(user_id)
    async with async_redis_client().pipeline(transaction=False) as pipe:
        pipe.zadd(key, {member: now + TTL})
        pipe.zremrangebyscore(key, "-inf", now)
        pipe.expire(key, TTL)
        await pipe.execute()


async def presence_clear(user_id: int, member: str) -> None:
    await async_redis_client().zrem(presence_key(user_id), member)


def user_online(user_id: int) -> bool:
    """Whether the user has a socket open on any process (sync: tasks and services)."""
    return redis_client().zcount(presence_key(user_id), time.time(), "+inf") > 0
