"""A GET changes nothing: a reader's crawl of every page sends no INSERT, UPDATE or DELETE (issue 18:
the bimtek stage page stored checklist figures on every GET)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bimtek.models import StageStatus
from tests.bimtek.factories import StageFactory
from tests.url_sweep import all_rules

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# The session row is the login's, not the page's (a GET may refresh its expiry).
ALLOWED_TABLES = ("django_session",)


def _writes(queries):
    return [
        q["sql"][:160]
        for q in queries
        if WRITE.match(q["sql"]) and not any(f'"{table}"' in q["sql"] for table in ALLOWED_TABLES)
    ]


def test_a_readers_crawl_of_every_get_url_writes_nothing(client, personas):
    StageFactory(masterplan=personas.masterplan, number=1, status=StageStatus.RUNNING)
    urls = [
        (name, reverse(name, kwargs=rule.kwargs(personas))) for name, rule in sorted(all_rules().items())
    ]  # the rules make their objects here, before the capture
    client.force_login(personas.reader)
    client.get("/")  # the first request of a session may write the session row
    found = {}
    for name, url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        if writes := _writes(queries.captured_queries):
            found[name] = writes
    assert found == {}


def test_the_stage_page_leaves_the_checklist_figures_alone(as_user, personas):
    stage = StageFactory(masterplan=personas.masterplan, number=2, status=StageStatus.RUNNING)
    as_user(personas.reader).get(reverse("bimtek:stages", args=[personas.masterplan.pk]))
    stage.refresh_from_db()
    assert stage.checklist_at is None
