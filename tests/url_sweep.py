"""Every URL of the portal is classified here, per app, in tests/<app>/url_rules.py (a RULES dict).

Rule(kwargs): personas -> URL kwargs with real objects of personas.masterplan.
public: anonymous users may open it (otherwise they are sent to the login page).
scoped: it belongs to one masterplan, so a stranger from another region gets 404 on GET and POST.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

APPS = ["accounts", "masterplan", "rpjmd", "bimtek", "plan", "quickwins", "books", "review", "monev"]
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language"}


@dataclass(frozen=True)
class Rule:
    kwargs: Callable = lambda personas: {}
    public: bool = False
    scoped: bool = True


def all_rules():
    rules = {}
    for app in APPS:
        try:
            module = importlib.import_module(f"tests.{app}.url_rules")
        except ModuleNotFoundError as error:
            if not f"tests.{app}.url_rules".startswith(error.name or "-"):
                raise
            continue
        rules.update(module.RULES)
    return rules


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    names = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in SKIPPED_NAMESPACES:
                continue
            names += url_names(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in SKIPPED_NAMES:
            names.append(f"{namespace}{pattern.name}")
    return sorted(set(names))
