"""Rendered parts of a masterplan's pages kept in Django's cache until the masterplan's content changes.

    html = cached_fragment(masterplan, "plan.roadmap", lambda: render_to_string(...), vary=[access, request.GET])

    {% load fragments %}
    {% cached_fragment masterplan "quickwins.selection" access %} … {% endcached_fragment %}

The key holds the masterplan (its id and creation time, so a reused id never finds an old entry), its
`content_version` (bumped by `review.changes.report_change` on every reported change of its content, and of
its region's shared data), its own `version` (title, horizon years), the active language, the fragment's
name and whatever else the fragment shows (`vary`): an `Access` stands for the role and the OPD (what the
buttons depend on), a QueryDict for the page's filters, anything else for its `str()`. State that changes
without a content change (review states, a bimtek stage closed, an export finished) must be part of `vary`.

A fragment with forms is stored without a CSRF token: it is rendered with a placeholder, which is replaced
by the current request's token when the fragment is served. Entries expire after FRAGMENT_CACHE_SECONDS
whatever happens, so a write path that forgot to report its change is wrong for minutes at most.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "csrf0fragment0placeholder"  # no character the token tag would escape
logger = logging.getLogger(__name__)


def _part(value):
    from django.http import QueryDict

    from masterplan.access import Access

    if isinstance(value, Access):
        return f"access={value.role}/{value.opd_id or ''}"
    if isinstance(value, QueryDict):
        return "query=" + value.urlencode()  # the order the user sent: a different order is another entry
    return str(value)


GENERATION_KEY = "fragment:generation"


def generation():
    """A number every fragment key holds: `forget_all_fragments()` changes it, so a restored database (whose
    masterplans may carry the ids, creation times and versions of entries already cached) finds none of them.
    Kept without expiry; if the cache evicts it, the next value is the current time: everything is forgotten,
    never an old entry served."""
    return _cache_call(cache.get_or_set, GENERATION_KEY, time.time_ns, None) or ""


def forget_all_fragments():
    """Every cached fragment is ignored from now on (the cache also holds the broker's neighbours and the
    throttling counts, so it is not flushed)."""
    _cache_call(cache.set, GENERATION_KEY, time.time_ns(), None)


def fragment_key(masterplan, name, vary=()):
    created = masterplan.created_at.timestamp() if masterplan.created_at else ""
    varied = hashlib.sha1("|".join(_part(v) for v in vary).encode()).hexdigest()[:16]
    return (
        f"fragment:{generation()}:{name}:{masterplan.pk}:{created}:{masterplan.content_version}:{masterplan.version}:"
        f"{get_language() or ''}:{varied}"
    )


def cached_fragment(masterplan, name, render, *, vary=(), csrf_token=""):
    """The HTML `render()` returns, from the cache when this masterplan's content is unchanged.

    `render` is called only on a miss; a fragment with forms renders `CSRF_PLACEHOLDER` as its token
    (render_fragment does) and `csrf_token` (a value or a function; asked only when a form needs it) is the
    current one that replaces it."""
    key = fragment_key(masterplan, name, vary)
    seconds = settings.FRAGMENT_CACHE_SECONDS
    html = _cache_call(cache.get, key) if seconds else None
    if html is None:
        html = str(render())
        if seconds:
            _cache_call(cache.set, key, html, seconds)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, str(csrf_token() if callable(csrf_token) else csrf_token))
    return mark_safe(html)  # rendered by a template, escaped there


def _cache_call(method, *args):
    """A cache that is down (Redis restarting) means an uncached page, never a failed one."""
    try:
        return method(*args)
    except Exception:  # the backends raise their own connection errors
        logger.warning("fragment cache unavailable", exc_info=True)
        return None


def render_fragment(request, masterplan, name, template, context, *, vary=()):
    """A template rendered as a cached fragment (with the request's context processors)."""
    from django.middleware.csrf import get_token
    from django.template.loader import render_to_string

    def render():
        return render_to_string(template, {**context, "csrf_token": CSRF_PLACEHOLDER}, request=request)

    return cached_fragment(masterplan, name, render, vary=vary, csrf_token=lambda: get_token(request))


def render_panels(request, access):
    """The dashboard's cards (core.registry panels) as HTML, the cached ones from the cache when the masterplan
    is unchanged; the others' lookups are shared as before (core.memo)."""
    from django.middleware.csrf import get_token
    from django.template.loader import render_to_string

    from core import registry
    from core.memo import shared_lookups

    masterplan = access.masterplan
    base = {"masterplan": masterplan, "access": access}
    html = []
    with shared_lookups(masterplan):
        for panel in registry.panels():
            if not panel.cached:
                context = {**base, "data": panel.context(masterplan, access)}
                html.append(mark_safe(render_to_string(panel.template, context, request=request)))
                continue

            def render(panel=panel):
                context = {**base, "data": panel.context(masterplan, access), "csrf_token": CSRF_PLACEHOLDER}
                return render_to_string(panel.template, context, request=request)

            vary = [access, *(panel.vary(masterplan) if panel.vary else ())]
            html.append(
                cached_fragment(
                    masterplan, f"panel.{panel.key}", render, vary=vary, csrf_token=lambda: get_token(request)
                )
            )
    return html
