"""Database work for the event loop, on a pool of threads of its own.

Channels' `database_sync_to_async` runs every call of a process on ONE thread, so a slow
call delays every socket's next one. The chat turn uses `db_call` instead: a bounded pool
(`CHAT_DB_THREADS`), each thread with its own connection (SQLite keeps it; on PostgreSQL it
goes back to psycopg's pool after each call), so calls of different sockets overlap and a
full pool makes callers wait, never fail.
"""

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections, connections

_executor: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=settings.CHAT_DB_THREADS, thread_name_prefix="hearth-db")
    return _executor


def _keeps_connections() -> bool:
    return connections["default"].vendor == "sqlite"


def _run(function, args, kwargs):
    close_old_connections()  # one that errored or outlived CONN_MAX_AGE is replaced
    try:
        return function(*args, **kwargs)
    finally:
        if not _keeps_connections():
            connections.close_all()  # back to the pool, for the next thread that needs one


async def db_call(function, /, *args, **kwargs):
    """Run `function(*args, **kwargs)` (ORM code) on the database pool and return its result."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool(), functools.partial(_run, function, args, kwargs))
