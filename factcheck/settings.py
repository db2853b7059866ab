"""Settings, all read from the environment.

Two ways to run:
- Embedded (nothing configured): SQLite, Celery tasks run eagerly in the web process, local-memory
  cache. This is what `make run` gives a newcomer on a laptop.
- Newsroom: DATABASE_URL (PostgreSQL) and REDIS_URL (Celery broker, results and cache) set, with
  real Celery workers. SECRET_KEY is then required and the security settings default to production.
"""
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
EMBEDDED = "DATABASE_URL" not in env

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not EMBEDDED:
        raise ImproperlyConfigured("SECRET_KEY must be set when DATABASE_URL is configured.")
    # Only ever used by the embedded default, which serves a single person's machine.
    SECRET_KEY = "embedded-default-not-for-production-" + "x" * 24

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_filters",
    "simple_history",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.context_processors.roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

REDIS_URL = env.str("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Every page reads the session: from Redis, one database query fewer per request, still kept
    # in the database. Not with the in-process cache below: a sign-out in one web process would
    # leave the session alive in the others' caches.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: a real broker when REDIS_URL is set, otherwise tasks run inline (eagerly).
CELERY_BROKER_URL = REDIS_URL or "memory://"
# Tasks report through the database (article and import states), not through results.
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An editor's import must not hang when the broker is down: fail fast, the article stays queued.
# A task a worker took but never acknowledged (the worker died) goes back to the queue after
# this many seconds: it must be longer than the longest task (an import batch takes seconds).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Django's backend, reading each request's user with their roles in one query (claims.auth_backend).
# Django's own stays listed for sessions begun before: a session names the backend that signed it in.
AUTHENTICATION_BACKENDS = ["claims.auth_backend.WorkbenchBackend", "django.contrib.auth.backends.ModelBackend"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "claims:queue"
LOGOUT_REDIRECT_URL = "login"
# A stale token on an htmx request reloads the page rather than swap Django's page into a row.
CSRF_FAILURE_VIEW = "claims.views.access.csrf_failure"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A pasted article may be a few megabytes; the form explains the article limit, so let the
# request through up to this size instead of failing it with a bare 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=12 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# Security: production values unless DEBUG is on. Behind a TLS-terminating proxy set
# SECURE_PROXY_SSL_HEADER_ENABLED=1 so Django sees the original scheme.
SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=SECURE)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=SECURE)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE)
if env.bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR", "filters": ["require_debug_false"]},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    # Django's own console handler on "django" (DEBUG only) printed every record of it a second
    # time through the root's: a refused request's traceback twice under runserver. Its request
    # lines keep their own handler, as in Django's defaults.
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# The newsroom that signs published fact-checks (ClaimReview author); its address defaults to the
# public site's.
NEWSROOM_NAME = env.str("NEWSROOM_NAME", default="Factcheck Desk")
NEWSROOM_URL = env.str("NEWSROOM_URL", default="")
# Where readers reach the public fact-check pages: the base of every public link (ClaimReview
# `url`, exports, feeds). Unset, links follow the address each request came in on, and an export
# from the command line uses http://127.0.0.1:8000/ (claims/public_links.py).
PUBLIC_SITE_URL = env.str("PUBLIC_SITE_URL", default="")

# Articles longer than this are refused at import with a clear message.
MAX_ARTICLE_CHARS = env.int("MAX_ARTICLE_CHARS", default=500_000)

# Fetching imported links (claims/fetching.py). No private network is reachable unless listed here.
FETCH_TIMEOUT = env.float("FETCH_TIMEOUT", default=10.0)
FETCH_MAX_BYTES = env.int("FETCH_MAX_BYTES", default=5 * 1024 * 1024)
FETCH_MAX_REDIRECTS = env.int("FETCH_MAX_REDIRECTS", default=5)
FETCH_ALLOWED_NETWORKS = env.list("FETCH_ALLOWED_NETWORKS", default=[])

# Uploaded files and spreadsheets.
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)
MAX_BULK_ROWS = env.int("MAX_BULK_ROWS", default=10_000)
# Import items a worker takes at once (claims.services.imports.batches). Items whose text is in
# hand are parsed together and stored in one go: the larger the batch, the less each article pays
# for the task's fixed costs (bench_import medians 1.145 at 64 against 1.18-1.22 at 32, same day).
# Links (fetched) and files (parsed, up to MAX_UPLOAD_BYTES each) go in small batches that several
# workers share.
IMPORT_BATCH_SIZE = env.int("IMPORT_BATCH_SIZE", default=64)
IMPORT_DOCUMENT_BATCH_SIZE = env.int("IMPORT_DOCUMENT_BATCH_SIZE", default=4)

# Work the broker never received (it was down) is handed to the workers again by a periodic sweep.
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-imports": {"task": "claims.tasks.requeue_stalled_task", "schedule": 60.0},
    "poll-feeds": {"task": "claims.tasks.poll_feeds_task", "schedule": 60.0},
}
# How often each feed is read (the beat task checks every minute which feeds are due).
FEED_POLL_SECONDS = env.int("FEED_POLL_SECONDS", default=600)

# The public fact-check search (/api/public/fact-checks/search): requests per client address, as
# django-ninja reads a rate ("30/min", "1000/h"), counted in the cache above. The client address
# is REMOTE_ADDR unless NUM_PROXIES says how many proxies in front of the app append to
# X-Forwarded-For; a client cannot dodge the limit by sending that header itself.
PUBLIC_SEARCH_RATE = env.str("PUBLIC_SEARCH_RATE", default="30/min")
NINJA_NUM_PROXIES = env.int("NUM_PROXIES", default=0)
