"""The one place that reads the environment.

Every setting Hearth takes from outside is declared here with its type and
default, and README's configuration table lists the same names.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
# Local state of a first run (SQLite file, embedded Redis data, media, dev secret).
VAR_DIR = BASE_DIR / "var"

# Port of the embedded Redis-compatible server that `make run` starts when
# REDIS_URL is unset; away from 6379 so it never collides with a real Redis.
EMBEDDED_REDIS_PORT = 6390
EMBEDDED_REDIS_URL = f"redis://127.0.0.1:{EMBEDDED_REDIS_PORT}/0"

# The local model `make run` serves (llama.cpp's server) when LLM_BASE_URL is unset.
EMBEDDED_LLM_PORT = 6391
EMBEDDED_LLM_URL = f"http://127.0.0.1:{EMBEDDED_LLM_PORT}/v1"
EMBEDDED_LLM_MODEL = "smollm2-135m-instruct"

env = environ.Env(
    DJANGO_DEBUG=(bool, True),
    DJANGO_SECRET_KEY=(str, ""),
    DJANGO_ALLOWED_HOSTS=(list, []),
    DJANGO_CSRF_TRUSTED_ORIGINS=(list, []),
    DJANGO_SECURE_SSL_REDIRECT=(bool, True),
    DATABASE_URL=(str, f"sqlite:///{VAR_DIR / 'hearth.sqlite3'}"),
    REDIS_URL=(str, ""),
    LLM_BASE_URL=(str, ""),
    LLM_API_KEY=(str, ""),
    LLM_MODEL=(str, ""),
    LLM_FALLBACK_BASE_URL=(str, ""),
    LLM_FALLBACK_API_KEY=(str, ""),
    LLM_FALLBACK_MODEL=(str, ""),
    LLM_MAX_TOKENS=(int, 256),
    LLM_CONTEXT_LAST=(bool, True),
    CHAT_REPLY_BUDGET=(bool, True),
    LLM_TEMPERATURE=(float, 0.7),
    LLM_CONNECT_TIMEOUT=(float, 5.0),
    LLM_FIRST_TOKEN_TIMEOUT=(float, 30.0),
    LLM_IDLE_TIMEOUT=(float, 20.0),
    LLM_MAX_CONNECTIONS=(int, 200),
    LLM_BACKGROUND_YIELDS=(str, "auto"),
    LLM_BACKGROUND_WAIT=(float, 60.0),
    LLM_BACKGROUND_QUIET=(float, 3.0),
    CHAT_MAX_MESSAGE_CHARS=(int, 4000),
    CHAT_RATE_PER_MINUTE=(int, 20),
    CHAT_DAILY_TOKEN_BUDGET=(int, 200_000),
    CHAT_HISTORY_TOKEN_BUDGET=(int, 1200),
    CHAT_MAX_TURNS_PER_PROCESS=(int, 500),
    CHAT_DB_THREADS=(int, 8),
    REDIS_MAX_CONNECTIONS=(int, 200),
    REDIS_POOL_TIMEOUT=(float, 10.0),
    WEB_CONCURRENCY=(int, 0),
    MEMORY_PROMPT_CHARS=(int, 600),
    PROGRESSION_DAILY_XP_CAP=(int, 120),
    MOMENTS_PER_DAY=(int, 2),
    MEDIA_ROOT=(str, str(VAR_DIR / "media")),
    MEDIA_URL_TTL=(int, 3600),
    UPLOAD_MAX_BYTES=(int, 10 * 1024 * 1024),
    UPLOAD_MAX_PIXELS=(int, 25_000_000),
    SELFIES_MAX_PENDING=(int, 3),
    IMAGE_BASE_URL=(str, ""),
    IMAGE_API_KEY=(str, ""),
    IMAGE_MODEL=(str, ""),
    IMAGE_TIMEOUT=(float, 60.0),
    PROACTIVE_MAX_PER_DAY=(int, 2),
    PROACTIVE_CHECKIN_AFTER_DAYS=(int, 2),
    PUSH_SENDER=(str, ""),
    FCM_CREDENTIALS_FILE=(str, ""),
    CRISIS_DEFAULT_COUNTRY=(str, "US"),
    CRISIS_CONTEXT_HOURS=(int, 6),
    CHAT_RETENTION_DAYS=(int, 30),
    HEALTHY_SESSION_MINUTES=(int, 60),
    BREAK_REMINDER_MINUTES=(int, 120),
    HOST=(str, "127.0.0.1"),
    PORT=(int, 8000),
    LOG_LEVEL=(str, "INFO"),
    AUTH_THROTTLE_RATE=(str, "10/min"),
    AUTH_CLIENT_THROTTLE_RATE=(str, "60/min"),
    HEARTH_ADMIN_PASSWORD=(str, ""),
    HEARTH_DEMO_PASSWORD=(str, ""),
)
