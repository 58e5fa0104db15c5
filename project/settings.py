"""Hearth settings. Values that vary between machines come from project.env."""

from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from project.env import (
    BASE_DIR,
    EMBEDDED_LLM_MODEL,
    EMBEDDED_LLM_URL,
    EMBEDDED_REDIS_URL,
    VAR_DIR,
    env,
)

DEBUG = env("DJANGO_DEBUG")


def _secret_key() -> str:
    key = env("DJANGO_SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false."
        )
    # A development key that survives restarts and is shared by the web
    # process and the Celery worker, so tokens stay valid across both.
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS") or (
    ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env("DJANGO_CSRF_TRUSTED_ORIGINS")
# Under /api/ a CSRF refusal is in the error shape too (project/api/errors.py).
CSRF_FAILURE_VIEW = "project.api.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "servestatic.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    # Lowest layer first (docs/architecture.md): an app imports only those above it here.
    "safety",
    "accounts",
    "relationships",
    "avatars",
    "attachments",
    "moments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "servestatic.middleware.ServeStaticMiddleware",
    "project.logging.RequestLogMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "project.urls"
ASGI_APPLICATION = "project.asgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "project" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside the one writer; IMMEDIATE takes the
        # write lock at BEGIN, so two writers queue on `timeout` instead of
        # failing with "database is locked" halfway through a transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Keep the connection: Channels runs a process's sync database work on one
    # thread, and reopening SQLite (with its PRAGMAs) cost ~2 ms per call.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # Under ASGI persistent connections leak across threads; Django's docs say
    # to disable them and use psycopg's pool instead.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 10, "timeout": 10}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Unset REDIS_URL means "the embedded server that `make run` starts".
REDIS_URL = env("REDIS_URL") or EMBEDDED_REDIS_URL
REDIS_EMBEDDED = not env("REDIS_URL")
# Connections per pool (each process has a sync and an async pool, and the channel layer its
# own); a full pool makes callers wait up to REDIS_POOL_TIMEOUT seconds, never fail at once.
REDIS_MAX_CONNECTIONS = env("REDIS_MAX_CONNECTIONS")
REDIS_POOL_TIMEOUT = env("REDIS_POOL_TIMEOUT")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "hearth",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
}

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "project.channel_layer.BlockingRedisChannelLayer",
        "CONFIG": {
            "hosts": [
                {
                    "address": REDIS_URL,
                    # channels_redis blocks 5 s on each receive; redis-py 8's
                    # default 5 s read timeout would end a quiet socket's
                    # consumer with a TimeoutError. Give the read room.
                    "socket_timeout": 15,
                    "socket_connect_timeout": 5,
                    "max_connections": REDIS_MAX_CONNECTIONS,
                    "pool_timeout": REDIS_POOL_TIMEOUT,
                }
            ],
            "prefix": "hearth:asgi",
        },
    }
}

MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"  # never served by path: see project/media.py
# Seconds a signed media URL (a selfie's image_url) keeps working.
MEDIA_URL_TTL = env("MEDIA_URL_TTL")
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "project" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "servestatic.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Language model and chat ------------------------------------------------

# Unset LLM_BASE_URL means "the local model that `make run` starts".
LLM_EMBEDDED = not env("LLM_BASE_URL")
LLM_BASE_URL = env("LLM_BASE_URL") or EMBEDDED_LLM_URL
LLM_MODEL = env("LLM_MODEL") or (EMBEDDED_LLM_MODEL if LLM_EMBEDDED else "")
LLM_API_KEY = env("LLM_API_KEY")
LLM_FALLBACK_BASE_URL = env("LLM_FALLBACK_BASE_URL")
LLM_FALLBACK_MODEL = env("LLM_FALLBACK_MODEL")
LLM_FALLBACK_API_KEY = env("LLM_FALLBACK_API_KEY")
LLM_MAX_TOKENS = env("LLM_MAX_TOKENS")  # a ceiling: each turn asks for what its reply needs
# The turn's changing context as a system message just before the message answered, after the
# history, so a local model's prompt cache reuses the rest; false for a chat template that takes
# one system message only (then the context joins the first).
LLM_CONTEXT_LAST = env("LLM_CONTEXT_LAST")
LLM_TEMPERATURE = env("LLM_TEMPERATURE")
LLM_CONNECT_TIMEOUT = env("LLM_CONNECT_TIMEOUT")
LLM_FIRST_TOKEN_TIMEOUT = env("LLM_FIRST_TOKEN_TIMEOUT")
LLM_IDLE_TIMEOUT = env("LLM_IDLE_TIMEOUT")
LLM_MAX_CONNECTIONS = env("LLM_MAX_CONNECTIONS")
# Chat first on a shared model server (project/llm/priority.py): the worker's completions wait
# while a chat turn is live, and for LLM_BACKGROUND_QUIET seconds after one, at most
# LLM_BACKGROUND_WAIT seconds. "auto": on for the embedded model, off for any other endpoint.
LLM_BACKGROUND_YIELDS = (
    LLM_EMBEDDED if env("LLM_BACKGROUND_YIELDS") == "auto" else env.bool("LLM_BACKGROUND_YIELDS")
)
LLM_BACKGROUND_WAIT = env("LLM_BACKGROUND_WAIT")
LLM_BACKGROUND_QUIET = env("LLM_BACKGROUND_QUIET")

CHAT_MAX_MESSAGE_CHARS = env("CHAT_MAX_MESSAGE_CHARS")
CHAT_RATE_PER_MINUTE = env("CHAT_RATE_PER_MINUTE")
CHAT_DAILY_TOKEN_BUDGET = env("CHAT_DAILY_TOKEN_BUDGET")
CHAT_HISTORY_TOKEN_BUDGET = env("CHAT_HISTORY_TOKEN_BUDGET")
# Each reply sized like a text message from its style and the user's message (relationships/
# chat/budget.py); off: every reply may use LLM_MAX_TOKENS.
CHAT_REPLY_BUDGET = env("CHAT_REPLY_BUDGET")
# Turns one web process streams at once; past it a message is answered `busy` with retry_after.
CHAT_MAX_TURNS_PER_PROCESS = env("CHAT_MAX_TURNS_PER_PROCESS")
# Threads (each with its own database connection) for the chat's database work (project/db.py).
CHAT_DB_THREADS = env("CHAT_DB_THREADS")
# Characters of remembered facts a chat prompt carries (about 4 a token), the most relevant first.
MEMORY_PROMPT_CHARS = env("MEMORY_PROMPT_CHARS")

# XP a relationship may earn per UTC day from conversation and interactions
# (operators' grants are not capped). See docs/progression.md.
PROGRESSION_DAILY_XP_CAP = env("PROGRESSION_DAILY_XP_CAP")

# Posts a partner writes on its Moments feed per UTC day, at most.
MOMENTS_PER_DAY = env("MOMENTS_PER_DAY")

# --- Image messages (docs/images.md) --------------------------------------

# A vision model (project/llm/vision.py): VISION_BASE_URL names a separate OpenAI-compatible
# endpoint (VISION_MODEL, else LLM_MODEL); LLM_VISION=true says the chat model takes images.
# Neither: an image is described in words from offline perception.
LLM_VISION = env("LLM_VISION")
VISION_BASE_URL = env("VISION_BASE_URL")
VISION_MODEL = env("VISION_MODEL")
VISION_API_KEY = env("VISION_API_KEY")
# What an adult's explicit image meets (attachments/images/nsfw.py): "refuse" or "allow".
# A minor's is always refused.
IMAGE_ADULT_CONTENT = env("IMAGE_ADULT_CONTENT")
if IMAGE_ADULT_CONTENT not in ("refuse", "allow"):
    raise ImproperlyConfigured('IMAGE_ADULT_CONTENT must be "refuse" or "allow".')

# --- Partners who write first, and push ----------------------------------------

# Proactive messages a partner may send a user per local day, and the days of
# quiet after which it checks in (docs/companion.md).
PROACTIVE_MAX_PER_DAY = env("PROACTIVE_MAX_PER_DAY")
PROACTIVE_CHECKIN_AFTER_DAYS = env("PROACTIVE_CHECKIN_AFTER_DAYS")
FCM_CREDENTIALS_FILE = env("FCM_CREDENTIALS_FILE")
PUSH_SENDER = env("PUSH_SENDER") or (
    "accounts.push.FCMSender" if FCM_CREDENTIALS_FILE else "accounts.push.LoggingSender"
)

# --- Safety and data rights (docs/safety.md) -------------------------------------

# Crisis resources for users who have not set their country (safety/data/crisis_resources.json).
CRISIS_DEFAULT_COUNTRY = env("CRISIS_DEFAULT_COUNTRY")
# The crisis screen reads a message with the user's messages of the last this many hours.
CRISIS_CONTEXT_HOURS = env("CRISIS_CONTEXT_HOURS")
# Message text older than this is erased (mood labels and counts are kept).
CHAT_RETENTION_DAYS = env("CHAT_RETENTION_DAYS")
# A socket session this long gets a usage notice (users may turn them off).
HEALTHY_SESSION_MINUTES = env("HEALTHY_SESSION_MINUTES")
# A break reminder after this much continuous use, which users cannot turn off (China's interim
# measures for anthropomorphic AI services, 2026-07-15); 0 turns it off for the whole service.
BREAK_REMINDER_MINUTES = env("BREAK_REMINDER_MINUTES")

# --- Avatars and selfies -----------------------------------------------------

# A photo upload larger than this is refused (413) before it is decoded; one
# declaring more pixels than UPLOAD_MAX_PIXELS is refused as a decompression bomb.
UPLOAD_MAX_BYTES = env("UPLOAD_MAX_BYTES")
UPLOAD_MAX_PIXELS = env("UPLOAD_MAX_PIXELS")
# Django keeps small uploads in memory; ours are read once and re-encoded.
FILE_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES
# Selfies a user may have queued or running at once (more: 429).
SELFIES_MAX_PENDING = env("SELFIES_MAX_PENDING")
# An OpenAI-compatible image endpoint (".../v1") for selfie scenes; unset: drawn scenes.
IMAGE_BASE_URL = env("IMAGE_BASE_URL")
IMAGE_API_KEY = env("IMAGE_API_KEY")
IMAGE_MODEL = env("IMAGE_MODEL")
IMAGE_TIMEOUT = env("IMAGE_TIMEOUT")

# --- Voice notes (attachments/, docs/voice.md) --------------------------------

# A voice note longer than this is refused at upload, from its container's header.
VOICE_MAX_SECONDS = env("VOICE_MAX_SECONDS")
# The audio is deleted after this many days (at most CHAT_RETENTION_DAYS); its transcript
# follows the message text.
VOICE_RETENTION_DAYS = env("VOICE_RETENTION_DAYS")
# An OpenAI-compatible speech-to-text endpoint (".../v1"); unset: the embedded engine
# (faster-whisper with tiny.en, in the worker).
STT_BASE_URL = env("STT_BASE_URL")
STT_MODEL = env("STT_MODEL") or "whisper-1"
STT_API_KEY = env("STT_API_KEY")
STT_CONNECT_TIMEOUT = env("STT_CONNECT_TIMEOUT")
STT_TIMEOUT = env("STT_TIMEOUT")
# How long a chat turn waits for a voice note's transcript before answering an error.
STT_WAIT_SECONDS = env("STT_WAIT_SECONDS")
# CPU threads of the embedded engine (0: CTranslate2's default).
STT_THREADS = env("STT_THREADS")
# An OpenAI-compatible text-to-speech endpoint (".../v1", POST /audio/speech) for the partner's
# voice replies; unset: the embedded engine (hibari-tts, its bundled voice, in the worker).
TTS_BASE_URL = env("TTS_BASE_URL")
TTS_MODEL = env("TTS_MODEL")
TTS_VOICE = env("TTS_VOICE")
TTS_API_KEY = env("TTS_API_KEY")
TTS_TIMEOUT = env("TTS_TIMEOUT")

# --- Celery -----------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_RESULT_EXPIRES = timedelta(hours=1)
CELERY_TASK_ACKS_LATE = True  # tasks are idempotent, see docs/architecture.md
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # use LOGGING (JSON lines) below
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "flush-expired-tokens": {
        "task": "accounts.tasks.refresh_tokens_flush_task",
        "schedule": timedelta(hours=6),
    },
    "generate-moments": {
        "task": "moments.tasks.moments_due_task",
        "schedule": timedelta(minutes=30),
    },
    "send-proactive-messages": {
        "task": "relationships.tasks.proactive_due_task",
        "schedule": timedelta(minutes=5),
    },
    "enforce-retention": {
        "task": "safety.tasks.retention_enforce_task",
        "schedule": timedelta(hours=6),
    },
    "fail-stalled-selfies": {
        "task": "avatars.tasks.selfies_stalled_fail_task",
        "schedule": timedelta(minutes=5),
    },
}

# --- Auth -------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=30),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

# Minimum age to hold an account; 13-17 are minors with extra protections.
HEARTH_MIN_AGE = 13
HEARTH_ADULT_AGE = 18
HEARTH_MAX_PARTNERS_PER_USER = 10
# Seconds a websocket may stay open without authenticating.
HEARTH_WS_AUTH_TIMEOUT = 5.0

# --- REST API ---------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["project.api.parsers.SafeJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "project.api.pagination.CreatedCursorPagination",
    "DEFAULT_SCHEMA_CLASS": "project.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "project.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "auth.register": env("AUTH_THROTTLE_RATE"),  # per client address
        "auth.login": env("AUTH_THROTTLE_RATE"),  # per account name, password guesses
        "auth.client": env("AUTH_CLIENT_THROTTLE_RATE"),  # per client address, token + refresh
    },
    # Client addresses are REMOTE_ADDR, which uvicorn --proxy-headers sets from
    # X-Forwarded-For only for trusted proxies (FORWARDED_ALLOW_IPS).
    "NUM_PROXIES": 0,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Hearth API",
    "DESCRIPTION": (
        "Backend of Hearth, a virtual-partner app. Errors share one shape: "
        '{"error": {"code", "detail", "fields"}}. The websocket protocol is '
        "described in docs/websocket-protocol.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # A message's role and a comment's author share one choice set: one name for both.
    "ENUM_NAME_OVERRIDES": {"SpeakerEnum": "relationships.models.Message.Role"},
    # `<id:...>` path parameters are bounded integers (project/api/converters.py).
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 1, "maximum": 10**18 - 1}},
    # Every status each operation can answer, in the error shape, and the links between
    # operations (project/api/schema.py): docs/api.md.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "project.api.schema.postprocess_errors_and_links",
    ],
}

# --- Security (production posture whenever DEBUG is off) --------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    # TLS terminates at the proxy in front of the ASGI server.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env("DJANGO_SECURE_SSL_REDIRECT")
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Logging: JSON lines, never a request or message body --------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "filters": {"no_query_strings": {"()": "project.logging.StripQueryStrings"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["no_query_strings"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        # uvicorn's own loggers go through the same JSON handler and filter.
        "uvicorn": {"handlers": [], "propagate": True, "level": env("LOG_LEVEL")},
        "uvicorn.error": {"handlers": [], "propagate": True, "level": env("LOG_LEVEL")},
        # Requests are logged by RequestLogMiddleware; uvicorn's access log stays off.
        "uvicorn.access": {"handlers": [], "propagate": False},
        # Django's own request logger repeats what RequestLogMiddleware says.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR"},
    },
}
