"""Balai settings: one file, read from environment variables.

The defaults run Balai on SQLite with files under var/ and no .env, which is what `make run`
and the tests use. Production differs by environment values only (see docs/deploy.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from balai.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("BALAI_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
# The key signs sessions, password-reset links and CSRF tokens: with a known key anyone can log in
# as anyone. SECRET_KEY, else the file named by SECRET_KEY_FILE, else var/secret_key (which
# `make run` creates once with a random key). Without DEBUG there is no fallback: Balai refuses to
# start rather than run on a key that is printed in this file.
DEVELOPMENT_SECRET_KEY = "django-insecure-balai-development-key-only-with-DEBUG"
SECRET_KEY = env_secret("SECRET_KEY", default_file=VAR_DIR / "secret_key")
# Keys printed somewhere public: ours (this one and the one older versions had) and Django's
# startproject placeholders.
_PUBLIC_KEY = SECRET_KEY.startswith("django-insecure-") or SECRET_KEY in (
    "balai-insecure-development-key-change-me-in-production",
)
if not SECRET_KEY or _PUBLIC_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Balai needs a secret key when DEBUG is off: set SECRET_KEY (a long random string) "
            "or SECRET_KEY_FILE (a file holding one), or put one in "
            f"{VAR_DIR / 'secret_key'}. For development run `make run` (it creates var/secret_key) "
            "or set DEBUG=1."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

# The district host serves the portal, the admin and the /desa/<slug>/ path form of each
# village site. Subdomains of it (dagan.<DISTRICT_DOMAIN>) and custom domains serve one village.
DISTRICT_DOMAIN = env_str("DISTRICT_DOMAIN", "localhost")
DISTRICT_NAME = env_str("DISTRICT_NAME", "Kabupaten Purbalingga")
DISTRICT_REGION_CODE = env_str("DISTRICT_REGION_CODE", "33.03")
# The district's WhatsApp number for village applicants ("0812…"); not shown when empty.
DISTRICT_WHATSAPP = env_str("DISTRICT_WHATSAPP", "")
VILLAGE_SUBDOMAINS = env_bool("VILLAGE_SUBDOMAINS", False)
SITE_SCHEME = env_str("SITE_SCHEME", "http")
# Custom village domains are checked against the database by the routing middleware,
# so ALLOWED_HOSTS defaults to everything; set it explicitly behind a proxy that does not filter.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "*")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks). The documented nginx
# runs on the same host; add the load balancer's or CDN's networks when there is one.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "balai.lib",
    "balai.regions",
    "balai.accounts",
    "balai.audit",
    "balai.villages",
    "balai.imports",
    "balai.registrations",
    "balai.portal",
    "balai.news",
    "balai.population",
    "balai.welfare",
    "balai.budget",
    "balai.disclosure",
    "balai.market",
    "balai.institutions",
    "balai.legal",
    "balai.support",  # migration history only: its models moved to the three apps below
    "balai.mentoring",
    "balai.services",
    "balai.watch",
    "balai.backups",
    "balai.moving",
    "balai.scheduler",
    "balai.maps",
    "balai.complaints",
    "balai.letters",
    "ninja",
    "balai.api",
    "balai.opendata",
]

MIDDLEWARE = [
    # One line per request (id, method, path without query, status, ms, village): lib/requestlog.py
    "balai.lib.requestlog.RequestLogMiddleware",
    # A public page kept as sent answers an anonymous GET before the rest (villages/cache.py).
    "balai.villages.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session, CSRF and message middleware: it sees every cookie they set.
    "balai.lib.cache_control.NoStoreMiddleware",
    "balai.lib.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "balai.i18n.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside the message middleware: a redirect answered to the photo script's upload becomes a
    # header, so the flash message waits for the page the browser then opens (lib/upload_xhr.py).
    "balai.lib.upload_xhr.UploadRedirectMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "balai.villages.middleware.VillageRoutingMiddleware",
    # Last: its process_view runs once the village is known (anonymous reads may use a replica).
    "balai.lib.dbrouter.PublicReadMiddleware",
]

ROOT_URLCONF = "balai.urls"
VILLAGE_HOST_URLCONF = "balai.village_host_urls"
WSGI_APPLICATION = "balai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "balai.villages.context_processors.site",
            ],
            "builtins": ["balai.villages.templatetags.sites"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'balai.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL with a busy timeout and IMMEDIATE transactions: concurrent writers wait instead of
    # failing with "database is locked" (DESIGN.md, Speed and freshness).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
# Streaming replicas of a PostgreSQL primary (comma-separated URLs): anonymous public pages read
# from one that is reachable and has replayed the page's content version, everything else uses
# the primary (lib/dbrouter.py). A replica that is down is retried after
# DATABASE_REPLICA_RETRY_SECONDS; until then its pages read the primary.
DATABASE_REPLICAS: list[str] = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", ""), start=1):
    _alias = f"replica{_number}"
    DATABASES[_alias] = dj_database_url.parse(
        _url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    if DATABASES[_alias]["ENGINE"] != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured(
            f"DATABASE_REPLICA_URLS: replica {_number} is not the same kind of database as "
            "DATABASE_URL (replicas are PostgreSQL streaming replicas of the primary)."
        )
    # A replica that does not answer is given up quickly: its pages then read the primary.
    DATABASES[_alias].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_REPLICA_CONNECT_TIMEOUT", 2
    )
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(_alias)
DATABASE_ROUTERS = ["balai.lib.dbrouter.ReplicaRouter"] if DATABASE_REPLICAS else []
DATABASE_REPLICA_RETRY_SECONDS = env_int("DATABASE_REPLICA_RETRY_SECONDS", 30)
DATABASE_REPLICA_FRESHNESS = "balai.villages.replicas.replica_is_current"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
# Shared by every process of the install, so a publish in the worker invalidates what the web
# processes cached, and read without SQL, so a cached page costs no database query: Redis when
# REDIS_URL is set (required with several app hosts), else files under var/cache (one host).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "balai.lib.rediscache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "balai",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "balai.lib.filecache.FileCache",
            "LOCATION": env_str("CACHE_DIR", str(VAR_DIR / "cache")),
            # Enough for every page of a few hundred villages; past it a third is dropped.
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 30000), "CULL_FREQUENCY": 3},
        }
    }
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 600)
# What anonymous public pages tell browsers and edges (lib/cache_control.py): reuse for this
# long, then serve the old copy while asking again (a 304 when nothing was published).
PUBLIC_MAX_AGE = env_int("PUBLIC_MAX_AGE", 60)
PUBLIC_STALE_WHILE_REVALIDATE = env_int("PUBLIC_STALE_WHILE_REVALIDATE", 300)
# Announced welfare lists show "Sri W******" instead of full names (they are never indexed by
# search engines either way); a district that must publish full names turns this off.
WELFARE_MASK_NAMES = env_bool("WELFARE_MASK_NAMES", True)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The built-in scheduler (balai/scheduler, `manage.py scheduler`, started by `manage.py serve`).
# The nightly district backup goes into BALAI_BACKUP_DIR; without it that job is listed as "not
# configured" on the district's jobs page and in the scheduler's log.
BACKUP_DIR = env_str("BALAI_BACKUP_DIR", "")
# /healthz: a scheduler or worker heartbeat older than this is a failed check; a worker running a
# task it started less than WORKER_BUSY_SECONDS ago is busy, not dead; below HEALTH_MIN_FREE_MB
# free in the media folder the disk check fails.
HEARTBEAT_STALE_SECONDS = env_int("HEARTBEAT_STALE_SECONDS", 120)
WORKER_BUSY_SECONDS = env_int("WORKER_BUSY_SECONDS", 15 * 60)
HEALTH_MIN_FREE_MB = env_int("HEALTH_MIN_FREE_MB", 1024)

# Imports (balai/imports): the reader child process's limits, the limits checked before any
# cell is read, and when a job whose worker stopped beating is failed.
IMPORT_MEMORY_LIMIT_MB = env_int("IMPORT_MEMORY_LIMIT_MB", 1024)
IMPORT_TIME_LIMIT_SECONDS = env_int("IMPORT_TIME_LIMIT_SECONDS", 300)
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 8_000_000)
IMPORT_MAX_COLUMNS = env_int("IMPORT_MAX_COLUMNS", 256)
# A bigger .xlsx sheet is read a slice of this many cells at a time (0: always whole)
IMPORT_CHUNK_CELLS = env_int("IMPORT_CHUNK_CELLS", 1_000_000)
IMPORT_MAX_UNPACKED_MB = env_int("IMPORT_MAX_UNPACKED_MB", 500)
IMPORT_MAX_ZIP_ENTRIES = env_int("IMPORT_MAX_ZIP_ENTRIES", 2000)
IMPORT_STALE_SECONDS = env_int("IMPORT_STALE_SECONDS", 300)
IMPORT_KEEP_DAYS = env_int("IMPORT_KEEP_DAYS", 30)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["balai.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
INVITATION_DAYS = env_int("INVITATION_DAYS", 7)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_SSL_REDIRECT else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Every response under these prefixes (and every one to a signed-in visitor) is `private,
# no-store`: dashboards and their downloads carry personal data (lib/cache_control.py).
NO_STORE_PATH_PREFIXES = ["/dasbor/"]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Uploads that are personal or not yet public (request letters) live outside MEDIA_ROOT and are
# served only through views that check the person's role.
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
# Images above this many pixels are refused from their header, before decoding (lib/uploads.py):
# 52 MP lets a 50 MP phone photo in; PNG and WebP stay under 12 MP whatever this says.
UPLOAD_MAX_PIXELS = env_int("UPLOAD_MAX_PIXELS", 52_000_000)
# The one byte limit of every image field (a logo, an official's photo, a story's, a product's,
# a photographed letter): the server's check, the fields' help text and the browser's check
# before sending (static/uploads/photo-upload.js scales a photo down first) all read it. 20 MB
# lets a 50 MP camera photo in without JavaScript; nginx's client_max_body_size must allow it.
UPLOAD_MAX_IMAGE_MB = env_int("UPLOAD_MAX_IMAGE_MB", 20)

AWS_STORAGE_BUCKET_NAME = env_str("S3_BUCKET", "")
STORAGES = {
    # Checks every file by its bytes and names it <random>.<detected type> (lib/storage.py).
    "default": {"BACKEND": "balai.lib.storage.PublicStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "balai.lib.s3.PublicS3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = env_str("S3_REGION", "") or None
    AWS_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY_ID", "")
    AWS_SECRET_ACCESS_KEY = env_str("S3_SECRET_ACCESS_KEY", "")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

# Without a mail server (no EMAIL_HOST) every e-mail is written as a file to var/outbox/ instead
# of being sent: a demo's invitations and reset links are read there, never in the console or logs.
_email_host = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if _email_host
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "outbox"
EMAIL_HOST = _email_host or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Balai <noreply@balai.localhost>")

# No e-mail address or one-time link in the logs (lib/logs.py): the filter sits on the loggers that
# print request paths and on the console handler that prints everything else.
LOG_SECRET_PATH_PREFIXES = [
    "/undangan/",
    "/masuk/sandi-baru/",
    "/daftar/status/",
    "/ppid/permohonan/lacak/",
    "/lapak/lacak/",
    "/lapak/pesanan/",
    "/layanan/lacak/",
    "/pengaduan/lacak/",
]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "balai.lib.logs.RedactPersonalData"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"filters": ["redact"]},
        "balai.requests": {"level": env_str("REQUEST_LOG_LEVEL", "INFO"), "filters": ["redact"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact"],
        },
    },
}

# Optional error reporting to a Sentry-compatible server: nothing is sent unless SENTRY_DSN is
# set, and what is sent carries no request body, query string, cookie or e-mail (lib/errors.py).
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    from balai.lib.errors import init_error_reporting

    init_error_reporting(
        SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("SENTRY_RELEASE", ""),
    )
