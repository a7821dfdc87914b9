"""Strict readers of environment variables: a malformed value stops start-up with a clear message."""

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off.")


def env_int(name, default, *, minimum=None, maximum=None):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ImproperlyConfigured(f"{name}={value} is outside {minimum}..{maximum}.")
    return value


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name, default, choices):
    value = env_str(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


def env_url(name, default, schemes):
    """A URL whose scheme is one of `schemes`; refuses anything else with a message."""
    raw = env_str(name, default)
    if not raw:
        return ""
    parsed = urlparse(raw)
    if parsed.scheme not in schemes:
        raise ImproperlyConfigured(f"{name}={raw!r} must start with {' or '.join(s + '://' for s in schemes)}.")
    if parsed.scheme.startswith("postgres") and not (parsed.path.strip("/") and parsed.hostname):
        raise ImproperlyConfigured(
            f"{name}={raw!r} needs a host and a database name, e.g. postgres://user@127.0.0.1:5432/rancang."
        )
    if parsed.scheme in ("redis", "rediss") and not parsed.hostname:
        raise ImproperlyConfigured(f"{name}={raw!r} needs a host, e.g. redis://127.0.0.1:6379/0.")
    return raw
