"""Settings for the Fact-check Workbench, all read from the environment.

Safe defaults for development, loud failures for production: without DJANGO_DEBUG=true a
missing DJANGO_SECRET_KEY (and no key file) stops the process. `manage.py demo` sets
WORKBENCH_DEMO=true: DEBUG off as in production, but plain http on this machine and a secret
key generated once into a git-ignored file.
"""

from __future__ import annotations

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
DEMO = env_bool("WORKBENCH_DEMO", False)
# On this machine only (debug or the demo): no TLS, so no secure-only cookies or redirects.
LOCAL = DEBUG or DEMO

DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105


def secret_key(*, value: str, path: Path, create: bool, debug: bool) -> str:
    """Return DJANGO_SECRET_KEY, else the key kept in `path`, made there once when `create`.

    A key that stays the same from run to run keeps people logged in when the demo restarts.
    Outside the demo and debug, no key at all is a loud failure.
    """
    if value:
        return value
    if create and not path.exists():
        try:
            # Readable by this user only; O_EXCL: two demos starting at once make one key.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as file:
                file.write(get_random_secret_key() + "\n")
        except FileExistsError:
            pass
    stored = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    if stored:
        return stored
    if debug:
        return DEV_SECRET_KEY
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY is not set and there is no key in {path}. Set it (any long random "
        "string) or run with DJANGO_DEBUG=true for development."
    )


SECRET_KEY_FILE = Path(os.environ.get("DJANGO_SECRET_KEY_FILE", BASE_DIR / ".secret_key"))
SECRET_KEY = secret_key(
    value=os.environ.get("DJANGO_SECRET_KEY", ""), path=SECRET_KEY_FILE, create=DEMO, debug=DEBUG
)

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if LOCAL else ""
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "template_partials",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "workbench.accounts",
    "workbench.articles",
    "workbench.annotations",
    "workbench.review",
    "workbench.suggest",
    "workbench.search",
    "workbench.factchecks",
    "workbench.exports",
    "workbench.imports",
    "workbench.jobs",
    "workbench.api",
    "workbench.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "workbench.http.VaryOnHtmxMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "workbench.accounts.middleware.CurrentTeamMiddleware",
    "workbench.http.MethodNotAllowedPageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Checks Content-Length in __call__, before CSRF's process_view parses a multipart body.
    "workbench.limits.RequestBodyLimitMiddleware",
]

ROOT_URLCONF = "workbench.urls"

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
                "workbench.accounts.context_processors.current_team",
            ],
        },
    },
]

WSGI_APPLICATION = "workbench.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The JIT compiles a plan's expressions when its estimated cost is high, which on a table of
    # millions of rows is most plans, and compiling costs more than a page's queries take.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while an import writes; IMMEDIATE avoids "database is locked"
    # on write transactions that start as reads.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Connections persist across requests (DJANGO_CONN_MAX_AGE) on SQLite too: a new one
    # re-reads the schema and starts with a cold page cache, about 20 ms per API request.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a username from one address after repeated wrong passwords; attempts live in the
# database, so every app server sees them.
AXES_FAILURE_LIMIT = int(os.environ.get("WORKBENCH_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("WORKBENCH_LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind DJANGO_PROXY_COUNT reverse proxies the client's address is read from X-Forwarded-For
# (as the proxies wrote it), so that the lock falls on username + the client's address, never the
# proxy's: otherwise anyone could lock anyone out.
WORKBENCH_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "workbench.accounts.client_ip.client_address"

# E-mail carries invitations and password resets. DJANGO_EMAIL_HOST selects SMTP;
# DJANGO_EMAIL_BACKEND names a backend (console, smtp or a dotted path). With neither, mail is
# printed to the console and password reset is not offered: nobody would receive its link.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "workbench@localhost")
# The demo prints its mail (invitations, password resets) in its own terminal: e-mail is set up
# there, so it offers password reset as a configured server does (issue 14: "console in the demo").
_email_backend = os.environ.get("DJANGO_EMAIL_BACKEND", "") or (
    "smtp" if EMAIL_HOST else ("console" if DEMO else "")
)
EMAIL_BACKEND = EMAIL_BACKENDS.get(_email_backend, _email_backend) or EMAIL_BACKENDS["console"]
WORKBENCH_PASSWORD_RESET = env_bool("WORKBENCH_PASSWORD_RESET", bool(_email_backend))
# Password reset requests per hour: from one client address, and for one e-mail address (over
# the limit, no mail is sent but the page says the same, so it reveals nothing).
WORKBENCH_RESET_LIMIT_PER_ADDRESS = int(os.environ.get("WORKBENCH_RESET_LIMIT_PER_ADDRESS", 5))
WORKBENCH_RESET_LIMIT_PER_ACCOUNT = int(os.environ.get("WORKBENCH_RESET_LIMIT_PER_ACCOUNT", 3))
# How long a password-reset or invitation link works (Django's setting, in seconds).
PASSWORD_RESET_TIMEOUT = int(float(os.environ.get("WORKBENCH_LINK_HOURS", 72)) * 3600)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:project_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "workbench" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # The manifest (cache-busting names) exists only after collectstatic, so debug runs, the
        # demo and the test suite use plain names.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("DJANGO_STATIC_MANIFEST", not LOCAL)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# The demo serves the static files straight from the source folders (no collectstatic step),
# so WhiteNoise need not warn that collectstatic's folder is missing.
WHITENOISE_USE_FINDERS = LOCAL
if LOCAL:
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not LOCAL)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY", False) else None
)
# Production is HTTPS only: plain http is redirected, and browsers are told (HSTS, a year) never
# to try http again, for the workbench's host name and the names under it. On a host name of
# its own that is safe; on an apex domain shared with other sites, weigh the two flags.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not LOCAL)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0 if LOCAL else 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not LOCAL)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not LOCAL)

# Content-Security-Policy: scripts and styles from our own static files only, never inline
# (the templates load external scripts; htmx's indicator style ships in workbench.css).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# History is read per object, newest first by history_id: an index on history_date would serve
# no query and cost every history row (a bulk import writes one per annotation).
SIMPLE_HISTORY_DATE_INDEX = False

# On PostgreSQL a JSON Lines import stores its batches in this many threads, each with its own
# connection and transaction, while the request goes on parsing the next lines: the database's
# work (full-text index, history) runs on the other core. 0 or 1: in the request's own thread.
# SQLite always stores in the request's thread (one writer at a time).
WORKBENCH_IMPORT_STORE_THREADS = int(os.environ.get("WORKBENCH_IMPORT_STORE_THREADS", 2))

# Limits on what one request (or import) may send; README "Limits" lists them all.
# Per file imported (upload, command line, a JSON line read from a file).
WORKBENCH_MAX_IMPORT_BYTES = int(os.environ.get("WORKBENCH_MAX_IMPORT_BYTES", 5 * 1024 * 1024))
# Any request body but an upload: forms, the API's JSON (a batch is one file's worth).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(
    os.environ.get("WORKBENCH_MAX_REQUEST_BYTES", WORKBENCH_MAX_IMPORT_BYTES + 1024 * 1024)
)
# An upload request, all its files together; refused from its Content-Length, unread.
WORKBENCH_MAX_UPLOAD_BYTES = int(
    os.environ.get("WORKBENCH_MAX_UPLOAD_BYTES", 10 * WORKBENCH_MAX_IMPORT_BYTES)
)
FILE_UPLOAD_MAX_MEMORY_SIZE = WORKBENCH_MAX_IMPORT_BYTES + 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "workbench.limits.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("WORKBENCH_MAX_IMPORT_FILES", 100))
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("WORKBENCH_MAX_FORM_FIELDS", 1000))
# JSON Lines: lines per pasted, uploaded or API batch (the command line has no bound), failures
# listed in a report before the rest are only counted, and nesting depth of any JSON read.
WORKBENCH_MAX_IMPORT_LINES = int(os.environ.get("WORKBENCH_MAX_IMPORT_LINES", 10_000))
WORKBENCH_MAX_LISTED_FAILURES = int(os.environ.get("WORKBENCH_MAX_LISTED_FAILURES", 100))
WORKBENCH_MAX_JSON_DEPTH = int(os.environ.get("WORKBENCH_MAX_JSON_DEPTH", 64))
# Spans one pre-annotated JSON line may carry.
WORKBENCH_MAX_SPANS_PER_ARTICLE = int(os.environ.get("WORKBENCH_MAX_SPANS_PER_ARTICLE", 2000))
# API lists: rows per page, and the most `?page_size=` may ask for.
WORKBENCH_API_PAGE_SIZE = int(os.environ.get("WORKBENCH_API_PAGE_SIZE", 100))
WORKBENCH_API_MAX_PAGE_SIZE = int(os.environ.get("WORKBENCH_API_MAX_PAGE_SIZE", 500))
# Search: characters and words of a query read, results one may page through, speakers offered
# in the filter; an annotation's history shows its latest entries up to this many.
WORKBENCH_SEARCH_MAX_QUERY_CHARS = int(os.environ.get("WORKBENCH_SEARCH_MAX_QUERY_CHARS", 200))
WORKBENCH_SEARCH_MAX_TERMS = int(os.environ.get("WORKBENCH_SEARCH_MAX_TERMS", 12))
WORKBENCH_SEARCH_MAX_OFFSET = int(os.environ.get("WORKBENCH_SEARCH_MAX_OFFSET", 1000))
# On PostgreSQL, how many of the newest matches are ranked (search/selectors.py says why).
WORKBENCH_SEARCH_RANK_CANDIDATES = int(os.environ.get("WORKBENCH_SEARCH_RANK_CANDIDATES", 1000))
WORKBENCH_SEARCH_MAX_SPEAKER_OPTIONS = int(
    os.environ.get("WORKBENCH_SEARCH_MAX_SPEAKER_OPTIONS", 500)
)
WORKBENCH_HISTORY_MAX_RECORDS = int(os.environ.get("WORKBENCH_HISTORY_MAX_RECORDS", 500))

# Background jobs (README "Background jobs"): django-tasks with its database backend, run by
# `manage.py jobs_worker`. WORKBENCH_TASKS=immediate runs each job inside the request that
# starts it (the test suite does), with no worker.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("WORKBENCH_TASKS", "database") == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}
# An upload or JSON Lines batch larger than this runs as a job (the API's ?async=1 forces one).
WORKBENCH_JOB_THRESHOLD_BYTES = int(os.environ.get("WORKBENCH_JOB_THRESHOLD_BYTES", 1024 * 1024))
# Files jobs write (exports), served only through the job's download view, never as /media/.
MEDIA_ROOT = Path(os.environ.get("WORKBENCH_MEDIA_ROOT", BASE_DIR / "media"))
# Web addresses one URL-list import job takes.
WORKBENCH_MAX_IMPORT_URLS = int(os.environ.get("WORKBENCH_MAX_IMPORT_URLS", 1000))
# A running job whose worker (on another host) has not reported for this long is queued again.
WORKBENCH_JOB_STALE_SECONDS = int(os.environ.get("WORKBENCH_JOB_STALE_SECONDS", 120))

# URL import: timeouts (seconds), response size cap, redirect hops; networks that may be
# fetched although private (for an intranet deployment; empty means none).
WORKBENCH_FETCH_TIMEOUT = float(os.environ.get("WORKBENCH_FETCH_TIMEOUT", 10))
WORKBENCH_FETCH_MAX_BYTES = int(os.environ.get("WORKBENCH_FETCH_MAX_BYTES", 5 * 1024 * 1024))
WORKBENCH_FETCH_MAX_REDIRECTS = int(os.environ.get("WORKBENCH_FETCH_MAX_REDIRECTS", 5))
WORKBENCH_FETCH_ALLOWED_NETWORKS = env_list("WORKBENCH_FETCH_ALLOWED_NETWORKS")

# Suggestions: the finder runs only on articles up to this many characters, for at most this many
# seconds (in a child process, stopped when over time), once per article text; a page lists at
# most this many suggestions (README "Limits").
WORKBENCH_SUGGEST_MAX_CHARS = int(os.environ.get("WORKBENCH_SUGGEST_MAX_CHARS", 300_000))
WORKBENCH_SUGGEST_TIME_BUDGET = float(os.environ.get("WORKBENCH_SUGGEST_TIME_BUDGET", 10))
WORKBENCH_SUGGEST_PAGE_SIZE = int(os.environ.get("WORKBENCH_SUGGEST_PAGE_SIZE", 50))
# `manage.py suggest` reads files without a database: the largest it reads (or --max-bytes).
WORKBENCH_SUGGEST_MAX_BYTES = int(os.environ.get("WORKBENCH_SUGGEST_MAX_BYTES", 5_000_000))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The seed article of the demo lives in the shared samples folder beside the checkout.
WORKBENCH_DEMO_SAMPLES_DIR = Path(
    os.environ.get("WORKBENCH_DEMO_SAMPLES_DIR", BASE_DIR.parent / "shared" / "samples")
)


def cache_config(value: str) -> dict:
    """Return CACHES for WORKBENCH_CACHE: "" (this process only), "db", "file:/dir" or redis://.

    The cache holds the API's rate-limit counts: with several worker processes or servers they
    must share one ("db" needs `manage.py createcachetable`, which `demo` runs; redis:// needs
    the redis package), or each process counts alone.
    """
    if not value:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    elif value == "db":
        backend = {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "workbench_cache",
        }
    elif value.startswith("file:"):
        backend = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": value.removeprefix("file:"),
        }
    elif value.startswith(("redis://", "rediss://", "unix://")):
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": value}
    else:
        raise ImproperlyConfigured(
            f"WORKBENCH_CACHE={value!r}: use db, file:/some/dir or a redis:// URL (or nothing)."
        )
    return {"default": backend}


CACHES = cache_config(os.environ.get("WORKBENCH_CACHE", ""))

# REST API (/api/v1/): session auth for the browser (with CSRF), personal tokens for tools. The
# token class comes first so that an anonymous request gets 401 with a WWW-Authenticate header.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "workbench.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["workbench.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "workbench.api.pagination.CursorPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "workbench.api.filters.StableOrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["workbench.api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "token": os.environ.get("WORKBENCH_API_TOKEN_RATE", "1000/hour"),
    },
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "workbench.api.errors.exception_handler",
    # `?format=` names an export format (jsonl, csv, ...), not a DRF renderer.
    "URL_FORMAT_OVERRIDE": None,
    "NUM_PROXIES": int(os.environ.get("DJANGO_PROXY_COUNT", 0)) or None,
}

# The schema and the docs need a login (session or token): the API's shape is not secret, but
# nothing in the workbench is public, and it keeps anonymous scanners off. The docs page loads
# Swagger UI from the sidecar's local static files, never from a CDN.
SPECTACULAR_SETTINGS = {
    "TITLE": "Fact-check Workbench API",
    "DESCRIPTION": (
        "Projects, articles, quotes and claims with their speakers, sources, evidence and "
        "verdicts. Spans are code-point offsets into the article body (Python str indices), end "
        "exclusive, with the exact text. Authenticate with a personal token from "
        "/settings/tokens/: `Authorization: Bearer <token>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "AnnotationKindEnum": "workbench.annotations.models.AnnotationKind",
        "AnnotationStatusEnum": "workbench.annotations.models.AnnotationStatus",
        "CheckworthyEnum": "workbench.annotations.models.Checkworthy",
        "QuoteTypeEnum": "workbench.annotations.models.QuoteType",
        "StanceEnum": "workbench.annotations.models.Stance",
        "ImportSourceEnum": "workbench.articles.models.ImportSource",
        "RoleEnum": "workbench.accounts.models.Role",
        "ArticleStatusEnum": "workbench.articles.models.ArticleStatus",
        "EntityKindEnum": "workbench.annotations.models.EntityKind",
        "SourceKindEnum": "workbench.annotations.models.SourceKind",
        "AnchorStateEnum": "workbench.annotations.models.AnchorState",
        "JobStateEnum": "workbench.jobs.models.JobState",
        "AssignmentStateEnum": "workbench.review.models.AssignmentState",
        "JobKindEnum": "workbench.jobs.models.JobKind",
    },
}
