"""The flush between transactional tests survives a live process's transaction.

The live stack's web and worker processes share the test database. A worker task
still reading when a test ends made Django's TRUNCATE the victim of a deadlock
(CI, 2026-12-03); the suite then failed on a test that had passed.
"""

import re
import threading
import time

import psycopg
import pytest
from django.core.management.color import no_style
from django.core.management.sql import sql_flush
from django.db import connection
from django.test import TransactionTestCase

from accounts.models import User
from tests.factories import UserFactory
from tests.integration.conftest import database_url

pytestmark = pytest.mark.django_db(transaction=True)


def _waiting_for(other: psycopg.Connection, table: str) -> bool:
    return other.execute(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
        " WHERE NOT l.granted AND c.relname = %s",
        (table,),
    ).fetchone()[0] > 0


def test_the_flush_is_tried_again_when_a_live_transaction_deadlocks_it(postgres_only):
    UserFactory()
    (truncate,) = sql_flush(no_style(), connection)
    tables = re.findall(r'"([^"]+)"', truncate)
    first, last = tables[0], tables[-1]  # TRUNCATE locks them in this order
    dsn = database_url(connection.settings_dict)
    deadlocked, holding = [], threading.Event()

    def live_process():
        # Holds the last table, waits until the flush queues for it, then reads the
        # first, which the flush already holds: the cycle PostgreSQL breaks by aborting
        # the flush, the session that waited longest.
        with psycopg.connect(dsn, autocommit=False) as process, psycopg.connect(dsn, autocommit=True) as watcher:
            process.execute(f'SELECT count(*) FROM "{last}"')
            holding.set()
            deadline = time.monotonic() + 20
            while not _waiting_for(watcher, last) and time.monotonic() < deadline:
                time.sleep(0.05)
            deadlocked.append(_waiting_for(watcher, last))
            process.execute(f'SELECT count(*) FROM "{first}"')
            process.commit()

    thread = threading.Thread(target=live_process)
    thread.start()
    try:
        assert holding.wait(20)
        TransactionTestCase()._fixture_teardown()  # what runs after each test
    finally:
        thread.join(30)
    assert deadlocked == [True]  # the flush really met the live transaction
    assert not User.objects.exists()
