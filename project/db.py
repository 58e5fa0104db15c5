"""Database work for the event loop, on a pool of threads of its own.

Under ASGI, Django and Channels run all sync code of a process on ONE thread, so a slow call
delays every socket's and every request's next one. The chat turn and the hot REST views
(`pooled`) use a bounded pool instead (`CHAT_DB_THREADS`), each thread with its own connection
(SQLite keeps it; on PostgreSQL it goes back to psycopg's pool after each call), so calls
overlap and a full pool makes callers wait, never fail. `CHAT_DB_THREADS = 0` means Django's
one thread (the unit tests: their database is one in-memory SQLite connection's).
"""

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
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
    if settings.CHAT_DB_THREADS <= 0:
        return await sync_to_async(function, thread_sensitive=True)(*args, **kwargs)
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool(), functools.partial(_run, function, args, kwargs))


def pooled(view):
    """A sync view (a DRF `as_view()`) served as an async one whose work runs on the database
    pool, so requests of a hot endpoint overlap instead of queueing on Django's one thread."""

    @functools.wraps(view)  # keeps csrf_exempt and the view class the schema reads
    async def pooled_view(request, *args, **kwargs):
        return await db_call(view, request, *args, **kwargs)

    return pooled_view
