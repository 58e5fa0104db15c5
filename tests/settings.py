"""Fast settings for the unit suite: in-memory SQLite, locmem cache, in-memory layer, eager Celery."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "unit-tests-only-" + "x" * 40)
os.environ.setdefault("DJANGO_DEBUG", "true")

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
HEARTH_WS_AUTH_TIMEOUT = 0.5
