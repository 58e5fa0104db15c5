import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from urllib.parse import quote

import httpx
import pytest
import redis
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.test import TransactionTestCase
from psycopg.errors import DeadlockDetected

from project import stack
from project.env import BASE_DIR
from tests.integration.settings import IN_CI


def pytest_configure(config):
    if not IN_CI:
        return
    problems = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        problems.append("DATABASE_URL must name PostgreSQL")
    if not os.environ.get("REDIS_URL"):
        problems.append("REDIS_URL must name Redis")
    if problems:
        pytest.exit("In CI the integration suite needs real services: " + "; ".join(problems), 1)


@pytest.fixture(scope="session", autouse=True)
def redis_reachable():
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at REDIS_URL is not reachable: {exc}")  # never a silent skip
    if IN_CI or os.environ.get("HEARTH_TEST_EMBEDDED_REDIS"):
        # A throwaway database: no throttle counters or queued tasks from an earlier
        # run. A developer's own REDIS_URL is never wiped.
        client.flushdb()
    client.close()


@pytest.fixture(scope="session", autouse=True)
def _close_connection_pools(django_db_setup):
    """Empty psycopg's pools before the test database is dropped (torn down first).

    Connections that test threads returned to the pool stay open otherwise, and
    PostgreSQL refuses to drop a database in use.
    """
    yield
    for connection in connections.all():
        if getattr(connection, "pool", None) is not None:
            connection.close_pool()


def _stack_is_busy(client: redis.Redis) -> bool:
    """Anything the live stack still has to do: a queued or unacknowledged task, or a
    query or an open transaction on the test database in another client's session
    (PostgreSQL's own autovacuum workers are not the stack's)."""
    if client.llen("celery") or client.hlen("unacked"):
        return True
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'"
        )
        return cursor.fetchone()[0] > 0


@pytest.fixture(autouse=True)
def _live_stack_settles(request):
    """After a test that drove the live stack, wait until the stack has finished what the
    test set off (the worker's memory and mood tasks, a socket's disconnect) before the
    test's tables are emptied: a TRUNCATE racing a worker's transaction deadlocks, and a
    task still running would write into the next test. Set up after the database
    helper, so it is torn down first."""
    if "live_stack" not in request.fixturenames or not request.node.get_closest_marker("django_db"):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    yield
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3)
    quiet, deadline = 0, time.monotonic() + 60
    try:
        while quiet < 3 and time.monotonic() < deadline:  # three quiet looks in a row
            quiet = 0 if _stack_is_busy(client) else quiet + 1
            time.sleep(0.2)
    finally:
        client.close()


def _fixture_teardown_retrying_a_deadlock(original):
    """Django's flush between transactional tests, tried again when PostgreSQL chose it
    as a deadlock's victim: a live process may still start a transaction after the stack
    looked settled (the other side of the deadlock finishes, and the retry finds the
    tables free). Anything else still fails the test."""

    def _fixture_teardown(self):
        for attempt in range(3):
            try:
                return original(self)
            except CommandError as exc:
                cause = exc.__cause__
                while cause is not None and not isinstance(cause, DeadlockDetected):
                    cause = cause.__cause__
                if cause is None or attempt == 2:
                    raise
                time.sleep(0.5)

    return _fixture_teardown


TransactionTestCase._fixture_teardown = _fixture_teardown_retrying_a_deadlock(TransactionTestCase._fixture_teardown)


@pytest.fixture
def postgres_only():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL); CI always runs it")


def database_url(db: dict) -> str:
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    auth = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveStack:
    base_url: str
    ws_url: str
    second_ws_url: str  # another web process: sockets there meet these through Redis
    env: dict
    logs: object

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")


def _start(name: str, command: str, env: dict, logs) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        shell=True,
        cwd=BASE_DIR,
        env=env,
        stdout=open(logs / f"{name}.log", "wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so the whole process group can be stopped
    )


def _stop(processes: dict, logs) -> None:
    stack.stop_process_groups(list(processes.values()))
    for name in processes:
        sys.stdout.write(f"\n--- {name} log tail ---\n")
        sys.stdout.write((logs / f"{name}.log").read_text(errors="replace")[-2000:])


def _wait_until_up(url: str, processes: dict, deadline: float) -> None:
    while time.monotonic() < deadline:
        for name, proc in processes.items():
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode} during start-up")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in time")


@pytest.fixture(scope="session")
def local_llm(tmp_path_factory):
    """llama.cpp's server with the embedded SmolLM2 model, as `make run` starts it."""
    from project.llm.embedded import server_command

    port = free_port()
    logs = tmp_path_factory.mktemp("local-llm")
    processes = {"llm": _start("llm", server_command(port=port), dict(os.environ), logs)}
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/v1/models", processes, time.monotonic() + 120)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        _stop(processes, logs)


@pytest.fixture(scope="session")
def live_stack(django_db_setup, django_db_blocker, local_llm, tmp_path_factory):
    """Two web processes and a worker from the Procfile, in production posture, on the
    test database, with the real local model behind them."""
    from project.env import EMBEDDED_LLM_MODEL

    ports = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front of the test server
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        "REDIS_URL": settings.REDIS_URL,
        "LLM_BASE_URL": local_llm,
        "LLM_MODEL": EMBEDDED_LLM_MODEL,
        "LLM_MAX_TOKENS": "48",
        "HOST": "127.0.0.1",
        "CELERY_CONCURRENCY": "1",
        # Web and worker share the media folder, as they share storage in production.
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR, env=env, check=True, timeout=120,
    )
    logs = tmp_path_factory.mktemp("live-stack")
    commands = stack.processes()
    processes = {
        "web": _start("web", commands["web"], {**env, "PORT": str(ports[0])}, logs),
        "web2": _start("web2", commands["web"], {**env, "PORT": str(ports[1])}, logs),
        "worker": _start("worker", commands["worker"], env, logs),
    }
    try:
        for port in ports:
            _wait_until_up(f"http://127.0.0.1:{port}/healthz", processes, time.monotonic() + 60)
        yield LiveStack(
            f"http://127.0.0.1:{ports[0]}",
            f"ws://127.0.0.1:{ports[0]}",
            f"ws://127.0.0.1:{ports[1]}",
            env,
            logs,
        )
    finally:
        _stop(processes, logs)
