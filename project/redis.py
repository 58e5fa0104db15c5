"""The process's Redis clients, for what needs Redis itself (atomic scripts, presence), not the
cache API: a sync one for services and tasks, and one per event loop for consumers.

Both pools block when full (up to `REDIS_POOL_TIMEOUT` seconds) instead of raising
`MaxConnectionsError`: under a burst, a caller waits its turn for a connection.
"""

import asyncio
import functools
import weakref

import redis
import redis.asyncio
from django.conf import settings


@functools.cache
def redis_client() -> redis.Redis:
    pool = redis.BlockingConnectionPool.from_url(
        settings.REDIS_URL,
        max_connections=settings.REDIS_MAX_CONNECTIONS,
        timeout=settings.REDIS_POOL_TIMEOUT,
        socket_connect_timeout=2,
        socket_timeout=2,
        health_check_interval=30,
    )
    return redis.Redis(connection_pool=pool)


_async_clients: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def async_redis_client() -> redis.asyncio.Redis:
    """The client of the running event loop (one pool per process in the ASGI server)."""
    loop = asyncio.get_running_loop()
    client = _async_clients.get(loop)
    if client is None:
        pool = redis.asyncio.BlockingConnectionPool.from_url(
            settings.REDIS_URL,
            max_connections=settings.REDIS_MAX_CONNECTIONS,
            timeout=settings.REDIS_POOL_TIMEOUT,
            socket_connect_timeout=2,
            socket_timeout=2,
        )
        client = redis.asyncio.Redis(connection_pool=pool)
        _async_clients[loop] = client
    return client
