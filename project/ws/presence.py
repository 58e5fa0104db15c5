"""Which users have a socket open, across processes: push notifications go to the others.

Each authenticated socket keeps a member in the user's sorted set
`hearth:presence:{user_id}`, scored with the time it stops counting. The socket
renews it every HEARTBEAT seconds and removes it on disconnect; a process that
dies without removing it is forgotten after TTL. A socket is thus reported
online at most TTL after it vanished, never offline while it is open.
"""

import asyncio
import time

import redis.asyncio
from django.conf import settings

from project.redis import redis_client

HEARTBEAT = 30
TTL = 75

_clients: dict[asyncio.AbstractEventLoop, redis.asyncio.Redis] = {}


def presence_key(user_id: int) -> str:
    return f"hearth:presence:{user_id}"


def _async_client() -> redis.asyncio.Redis:
    loop = asyncio.get_running_loop()
    client = _clients.get(loop)
    if client is None:
        client = redis.asyncio.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        _clients[loop] = client
    return client


async def presence_mark(user_id: int, member: str) -> None:
    now = time.time()
    key = presence_key(user_id)
    async with _async_client().pipeline(transaction=False) as pipe:
        pipe.zadd(key, {member: now + TTL})
        pipe.zremrangebyscore(key, "-inf", now)
        pipe.expire(key, TTL)
        await pipe.execute()


async def presence_clear(user_id: int, member: str) -> None:
    await _async_client().zrem(presence_key(user_id), member)


def user_online(user_id: int) -> bool:
    """Whether the user has a socket open on any process (sync: tasks and services)."""
    return redis_client().zcount(presence_key(user_id), time.time(), "+inf") > 0
