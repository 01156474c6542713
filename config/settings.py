"""Django settings, read from the environment. See docs/settings.md for every variable."""

import os
from pathlib import Path

from vennlig.lib.env import (
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
)
from vennlig.lib.secrets import load_or_create_key

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = env_path("VENNLIG_DATA_DIR", BASE_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)

# The analyser uses this installation's retrained model (vennlig train-analyzer) when there is one.
if (DATA_DIR / "analyzer.npz").exists():
    os.environ.setdefault("VENNLIG_ANALYZER_MODEL", str(DATA_DIR / "analyzer.npz"))

DEBUG = env_bool("VENNLIG_DEBUG", False)
SECRET_KEY = env_str("VENNLIG_SECRET_KEY") or load_or_create_key(DATA_DIR / "secret_key")
# Key for secrets that channels keep (mail passwords, page tokens).
VENNLIG_ENCRYPTION_KEY = env_str("VENNLIG_ENCRYPTION_KEY") or load_or_create_key(
    DATA_DIR / "encryption_key", fernet=True
)
ALLOWED_HOSTS = env_list("VENNLIG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("VENNLIG_CSRF_TRUSTED_ORIGINS", [])
VENNLIG_BASE_URL = env_str("VENNLIG_BASE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "vennlig.accounts",
    "vennlig.desk",
    "vennlig.intake",
    "vennlig.channels.email",
    "vennlig.search",
    "vennlig.triage",
    "vennlig.privacy",
    "vennlig.jobs",
    "vennlig.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "vennlig.accounts.middleware.AgentLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASE_URL = env_str("VENNLIG_DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "vennlig.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA cache_size=-65536;"
                ),
            },
            "TEST": {"NAME": DATA_DIR / "test.sqlite3"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inbox"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nb"
# Each language is named in itself, so everyone can find their own in the list.
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "vennlig" / "locale"]
TIME_ZONE = env_str("VENNLIG_TIME_ZONE", "Europe/Oslo")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "files"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve app static files even before collectstatic

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("VENNLIG_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = env_str("VENNLIG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

VENNLIG_INBOX_PAGE_SIZE = env_int("VENNLIG_INBOX_PAGE_SIZE", 25)
VENNLIG_LOGIN_MAX_FAILURES_PER_ACCOUNT = env_int("VENNLIG_LOGIN_MAX_FAILURES_PER_ACCOUNT", 5)
VENNLIG_LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("VENNLIG_LOGIN_MAX_FAILURES_PER_ADDRESS", 20)
VENNLIG_LOGIN_WINDOW_MINUTES = env_int("VENNLIG_LOGIN_WINDOW_MINUTES", 15)
VENNLIG_MAX_ATTACHMENT_BYTES = env_int("VENNLIG_MAX_ATTACHMENT_BYTES", 25 * 1024 * 1024)
# E-mail: the largest mail accepted, the domain of our Message-IDs, and the loop breaker.
VENNLIG_MAIL_MAX_BYTES = env_int("VENNLIG_MAIL_MAX_BYTES", 25 * 1024 * 1024)
VENNLIG_MAIL_DOMAIN = env_str("VENNLIG_MAIL_DOMAIN", "vennlig.example")
VENNLIG_MAIL_STORM_LIMIT = env_int("VENNLIG_MAIL_STORM_LIMIT", 30)
# The analyser: the built-in one (offline), or an OpenAI-compatible chat endpoint on top of it.
VENNLIG_ANALYZER = {
    "provider": env_str("VENNLIG_ANALYZER_PROVIDER", "builtin"),
    "url": env_str("VENNLIG_CHAT_URL"),
    "model": env_str("VENNLIG_CHAT_MODEL"),
    "key": env_str("VENNLIG_CHAT_API_KEY"),
    "timeout": env_int("VENNLIG_CHAT_TIMEOUT", 5),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("VENNLIG_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
