"""Counting attempts per key in Django's cache (a fixed window that starts with the first attempt).

    if not throttle.allow("password-reset:address", email, limit=3, window=3600):
        ...  # over the limit: do nothing, answer as usual

Keys are hashed, so an email address is never a cache key in clear. Redis (REDIS_URL) shares the counts
between web servers; without it the file cache under RANCANG_DATA_DIR shares them between the processes
of one machine (config/settings.py CACHES)."""

import hashlib

from django.core.cache import cache


def _key(scope, value):
    digest = hashlib.sha256(str(value).encode()).hexdigest()[:32]
    return f"throttle:{scope}:{digest}"


def allow(scope, value, *, limit, window):
    """Count one attempt for `value`; True while the attempts in the window are at most `limit`."""
    key = _key(scope, value)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
