"""Rancang settings: one module, read from the environment (see .env.example).

With nothing set, the portal runs on SQLite with a filesystem Celery broker under ./var.
DATABASE_URL switches the database, REDIS_URL the broker. A malformed value stops start-up.
"""

import os

# openpyxl parses with lxml when it is installed (python-docx brings it), and lxml expands internal XML
# entities: uploads are read with defusedxml instead, which refuses them (core/spreadsheets.py).
os.environ["OPENPYXL_LXML"] = "False"
import secrets
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .client_ip import parse_networks
from .env import env_bool, env_choice, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("RANCANG_DATA_DIR") or BASE_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
HTTPS = env_bool("RANCANG_HTTPS", False)


def _secret_key():
    key = env_str("SECRET_KEY")
    if key:
        return key
    if HTTPS:
        # Several web servers and workers must share one key; a generated one would differ per machine.
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when RANCANG_HTTPS=1 (production): 50 or more random characters."
        )
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "axes",
    "core",
    "accounts",
    "masterplan",
    "rpjmd",
    "bimtek",
    "plan",
    "quickwins",
    "books",
    "review",
    "monev",
    "backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.IndonesianFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PrivateNoStoreMiddleware",
    "core.middleware.UploadBudgetMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
            ],
        },
    }
]

# Database: SQLite under ./var unless DATABASE_URL says otherwise.
_database_url = env_url("DATABASE_URL", "", ("postgres", "postgresql", "sqlite"))
if _database_url:
    DATABASES = {
        # Health checks: a connection broken by a PostgreSQL restart is replaced, not reused for an error.
        "default": dj_database_url.parse(
            _database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0), conn_health_checks=True
        )
    }
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "db.sqlite3"}}
SQLITE_OPTIONS = {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker processes write to one file. A transaction takes the write lock when it
    # begins (IMMEDIATE) and waits for it up to `timeout`; a deferred one that reads first and writes later
    # failed at once with "database is locked" while another process wrote (seen with `make run`).
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    DATABASES["default"].pop("CONN_MAX_AGE", None)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "masterplan:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling: lock a user name *from one address*, so a shared office address is not locked out.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 8, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.identity.axes_username"  # one budget per email, whatever its case
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

# Password reset mails: at most this many per address and per client address (config/client_ip.py) in
# PASSWORD_RESET_WINDOW_MINUTES; beyond that the same answer page is shown and no mail is sent.
PASSWORD_RESET_PER_ADDRESS = env_int("PASSWORD_RESET_PER_ADDRESS", 3, minimum=1)
PASSWORD_RESET_PER_CLIENT = env_int("PASSWORD_RESET_PER_CLIENT", 10, minimum=1)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60, minimum=1)

SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8, minimum=1, maximum=24 * 30) * 3600
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# The proxies whose X-Real-IP is believed (config/client_ip.py): addresses or networks, comma-separated.
try:
    TRUSTED_PROXY_NETWORKS = parse_networks(env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"]))
except ValueError as _error:
    raise ImproperlyConfigured(
        f"TRUSTED_PROXIES: {_error} (use addresses or networks, e.g. 127.0.0.1,10.0.0.0/8)."
    ) from None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or DATA_DIR / "media")
MEDIA_URL = "/media/"  # never served directly: uploads go through views that check access
# The manifest (hashed names) once collectstatic has written it; STATIC_MANIFEST=1 forces it, so the
# first collectstatic of a deployment (deploy/Dockerfile) writes the manifest too.
_collected = env_bool("STATIC_MANIFEST", (STATIC_ROOT / "staticfiles.json").exists())
WHITENOISE_USE_FINDERS = not _collected
if not _collected:  # served from the finders: compress them on the way out (core/static_gzip.py)
    MIDDLEWARE.insert(
        MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware"), "core.static_gzip.StaticGZipMiddleware"
    )
_media_backend = env_choice("MEDIA_STORAGE", "filesystem", ("filesystem", "s3"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "config.static_storage.StaticStorage"
        if _collected
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if _media_backend == "s3":
    # Any S3-compatible store (AWS, MinIO, a data centre's object storage). Without AWS_ACCESS_KEY_ID,
    # boto3 falls back to its own chain (instance role, ~/.aws). Files stay private: the portal serves
    # them itself after its access check, never through a public bucket URL.
    if not env_str("S3_BUCKET"):
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs S3_BUCKET (and usually S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)."
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_url("S3_ENDPOINT_URL", "", ("https", "http")) or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "location": env_str("S3_PREFIX", "media").strip("/"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            "signature_version": "s3v4",
        },
    }

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
UPLOAD_MAX_MB = env_int("UPLOAD_MAX_MB", 20, minimum=1, maximum=500)
# Images (core/uploads.py): refused above this many pixels, alone or together in one request (decoding
# costs 4 bytes a pixel: 30 MP is about 120 MB, so a request stays under 200 MB; a 39.7 MP PNG took +208 MB on a
# fresh server); stored at most IMAGE_MAX_SIDE pixels on the longest side.
UPLOAD_MAX_IMAGE_PIXELS = env_int("UPLOAD_MAX_IMAGE_PIXELS", 30_000_000, minimum=1_000_000, maximum=40_000_000)
UPLOAD_MAX_REQUEST_PIXELS = env_int("UPLOAD_MAX_REQUEST_PIXELS", 150_000_000, minimum=1_000_000)
IMAGE_MAX_SIDE = env_int("IMAGE_MAX_SIDE", 2400, minimum=320, maximum=10_000)

# Mail: the console unless an SMTP host is given.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", bool(EMAIL_HOST))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rancang <noreply@rancang.local>")

# Celery: Redis when REDIS_URL is set, otherwise kombu's filesystem transport under ./var/broker.
REDIS_URL = env_url("REDIS_URL", "", ("redis", "rediss"))
BROKER_DIR = DATA_DIR / "broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # A job taken by a worker that dies unacknowledged is re-delivered after this many seconds: it must
    # be longer than the longest render (CELERY_TASK_TIME_LIMIT) and the longest retry countdown.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 7200, minimum=60)}
else:
    for _sub in ("queue", "processed", "control"):
        (BROKER_DIR / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
# The cache: throttling counts (core/throttle.py) and the heavy page fragments (core/fragments.py). Redis when
# there is one, so every web server shares it; otherwise files under the data folder, shared by the processes of
# this machine. Fragment keys carry the masterplan's content version, so a reported change is never served from
# the cache; FRAGMENT_CACHE_SECONDS bounds how long anything stays.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": DATA_DIR / "cache"}
    }
CACHES["default"].update(KEY_PREFIX="rancang-cache", TIMEOUT=300)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600, minimum=0)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 900, minimum=30)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 20
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_KB", 600_000, minimum=50_000)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "books.*": {"queue": "render"},
    "review.tasks.send_*": {"queue": "mail"},
    "core.tasks.send_*": {"queue": "mail"},
}
# A worker that loses the broker stops its late-acknowledged jobs: the broker hands them out again,
# so they are not finished twice (Celery 6's default).
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
if REDIS_URL and CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= CELERY_TASK_TIME_LIMIT + 60:
    raise ImproperlyConfigured(
        f"CELERY_VISIBILITY_TIMEOUT={CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout']} must be longer than "
        f"CELERY_TASK_TIME_LIMIT={CELERY_TASK_TIME_LIMIT} plus a minute, or a long render would be run twice."
    )
CELERY_TASK_ALWAYS_EAGER = False
# Monev reminders: a daily digest to each OPD member whose OPD still owes reports, from this many days before a
# reporting year's deadline until the deadline (monev.reminders); sent by Celery beat at this hour (local time).
MONEV_REMINDER_DAYS = env_int("MONEV_REMINDER_DAYS", 14, minimum=0, maximum=120)
MONEV_REMINDER_HOUR = env_int("MONEV_REMINDER_HOUR", 7, minimum=0, maximum=23)
CELERY_BEAT_SCHEDULE = {
    "monev-reminders": {
        "task": "monev.tasks.send_reminders",
        "schedule": crontab(hour=MONEV_REMINDER_HOUR, minute=0),
    }
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"one_line_refusals": {"()": "config.logging.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["one_line_refusals"]}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django.request": {"filters": ["one_line_refusals"]},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
