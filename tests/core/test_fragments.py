"""core.fragments: page parts cached until the masterplan's content changes, per language, role and masterplan."""

import contextlib
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.fragments import CSRF_PLACEHOLDER, GENERATION_KEY, cached_fragment, forget_all_fragments, fragment_key
from masterplan.access import access_for
from masterplan.models import Masterplan
from review.changes import report_change, report_region_change
from tests.quickwins.factories import QuickWinFactory

pytestmark = pytest.mark.django_db


class Renders:
    """A fragment's render function that counts its calls."""

    def __init__(self, text="<p>x</p>"):
        self.text, self.calls = text, 0

    def __call__(self):
        self.calls += 1
        return f"{self.text}{self.calls}"


def fresh(masterplan):
    return Masterplan.objects.get(pk=masterplan.pk)  # as the next request loads it


def test_an_unchanged_masterplan_renders_once(personas):
    render = Renders()
    first = cached_fragment(fresh(personas.masterplan), "t", render)
    assert cached_fragment(fresh(personas.masterplan), "t", render) == first and render.calls == 1


def test_a_reported_change_is_never_served_from_the_cache(personas):
    render = Renders()
    cached_fragment(fresh(personas.masterplan), "t", render)
    report_change(masterplan=personas.masterplan, section_key="plan.programmes", user=personas.coordinator)
    assert cached_fragment(fresh(personas.masterplan), "t", render) == "<p>x</p>2"


def test_a_change_of_the_regions_data_reaches_every_masterplan_of_the_region(personas):
    render = Renders()
    cached_fragment(fresh(personas.masterplan), "t", render)
    report_region_change(
        region_id=personas.masterplan.region_id, section_key="rpjmd.programs", user=personas.coordinator
    )
    cached_fragment(fresh(personas.masterplan), "t", render)
    assert render.calls == 2


def test_another_language_gets_its_own_fragment(personas):
    render = Renders()
    with translation.override("id"):
        cached_fragment(fresh(personas.masterplan), "t", render)
    with translation.override("en"):
        assert cached_fragment(fresh(personas.masterplan), "t", render) == "<p>x</p>2"
    with translation.override("id"):
        assert cached_fragment(fresh(personas.masterplan), "t", render) == "<p>x</p>1"


def test_another_masterplan_never_sees_the_fragment(personas):
    mine, other = fresh(personas.masterplan), fresh(personas.other_masterplan)
    assert (mine.content_version, mine.version) == (other.content_version, other.version)
    cached_fragment(mine, "t", Renders("mine"))
    assert cached_fragment(other, "t", Renders("other")) == "other1"


def test_a_reused_id_never_finds_the_deleted_masterplans_fragment(personas):
    masterplan = fresh(personas.masterplan)
    key = fragment_key(masterplan, "t")
    masterplan.created_at = masterplan.created_at.replace(year=masterplan.created_at.year + 1)  # same id, new row
    assert fragment_key(masterplan, "t") != key


def test_the_role_and_the_opd_are_part_of_the_key(personas):
    mp = fresh(personas.masterplan)
    accesses = [
        access_for(user, mp)
        for user in (personas.coordinator, personas.opd_member, personas.other_opd_member, personas.reader)
    ]
    assert len({fragment_key(mp, "t", [access]) for access in accesses}) == 4
    assert fragment_key(mp, "t", [access_for(personas.coordinator, mp)]) == fragment_key(mp, "t", [accesses[0]])


def test_the_stored_fragment_holds_no_csrf_token_and_each_user_gets_their_own(as_user, personas):
    QuickWinFactory(masterplan=personas.masterplan)
    url = reverse("quickwins:selection", args=[personas.masterplan.pk])
    client = as_user(personas.coordinator)
    client.get(url)
    stored = [value for value in cache._cache.values()]  # locmem: pickled strings
    assert stored and all(b"csrfmiddlewaretoken" not in value or CSRF_PLACEHOLDER.encode() in value for value in stored)
    html = client.get(url).content.decode()
    assert CSRF_PLACEHOLDER not in html
    assert f'value="{client.cookies["csrftoken"].value}"' not in html  # masked, as Django always serves it
    assert 'name="csrfmiddlewaretoken" value="' in html


def test_the_score_selects_post_as_before(as_user, personas):
    """The selection page writes its selects itself (faster than the widget): same names, values, selection."""
    quickwin = QuickWinFactory(masterplan=personas.masterplan, score_impact=4)
    html = as_user(personas.coordinator).get(reverse("quickwins:selection", args=[personas.masterplan.pk]))
    html = html.content.decode()
    prefix = f"q{quickwin.pk}"
    assert (
        f'<select name="{prefix}-score_impact" class="form-select" form="score-{quickwin.pk}" id="id_{prefix}-score_impact">'
        in html
    )
    assert '<option value="4" selected>4</option>' in html
    assert f'<select name="{prefix}-score_cost"' in html and '<option value="" selected>–</option>' in html


def test_an_opd_member_never_gets_the_coordinators_buttons(as_user, personas):
    QuickWinFactory(masterplan=personas.masterplan)
    url = reverse("quickwins:selection", args=[personas.masterplan.pk])
    assert "Simpan skor" in as_user(personas.coordinator).get(url).content.decode()
    assert "Simpan skor" not in as_user(personas.opd_member).get(url).content.decode()


def test_programmes_follow_the_filters(as_user, personas):
    from tests.plan.factories import ProgrammeFactory

    ProgrammeFactory(masterplan=personas.masterplan, name="Program Air Bersih", horizon="short")
    ProgrammeFactory(masterplan=personas.masterplan, name="Program Jalan Desa", horizon="long")
    client = as_user(personas.coordinator)
    url = reverse("plan:programmes", args=[personas.masterplan.pk])
    assert "Program Jalan Desa" in client.get(url).content.decode()
    assert "Program Jalan Desa" not in client.get(url, {"horizon": "short"}).content.decode()
    assert "Program Jalan Desa" in client.get(url).content.decode()


def test_nothing_is_cached_when_the_setting_is_zero(personas, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    render = Renders()
    cached_fragment(fresh(personas.masterplan), "t", render)
    cached_fragment(fresh(personas.masterplan), "t", render)
    assert render.calls == 2


def test_a_cache_that_is_down_gives_an_uncached_page(personas, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis restarting")

    class Down:
        get = set = get_or_set = staticmethod(down)

    monkeypatch.setattr("core.fragments.cache", Down())
    assert cached_fragment(fresh(personas.masterplan), "t", Renders()) == "<p>x</p>1"


def dashboard_queries(client, masterplan):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("masterplan:dashboard", args=[masterplan.pk]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_warm_dashboard_runs_fewer_queries_and_shows_the_same(as_user, personas, django_assert_max_num_queries):
    client = as_user(personas.coordinator)
    cold, cold_html = dashboard_queries(client, personas.masterplan)
    # session, user, masterplan, membership; members; OPDs; bimtek's key (stages, checklist items);
    # books 3 and review 2 (not cached: exports finish and comments arrive without a content change); the bell;
    # monev's card 1 (the reporting years)
    with django_assert_max_num_queries(15):
        warm, warm_html = dashboard_queries(client, personas.masterplan)
    assert warm < cold - 8
    strip = re.compile(r'value="[^"]{64}"|"X-CSRFToken": "[^"]{64}"')
    assert strip.sub("", warm_html) == strip.sub("", cold_html)


def test_a_reported_change_reaches_the_dashboard_card(as_user, personas):
    client = as_user(personas.coordinator)
    dashboard_queries(client, personas.masterplan)
    QuickWinFactory(masterplan=personas.masterplan, short_name="QW Sungai", chosen=True)
    _, html = dashboard_queries(client, personas.masterplan)
    assert "QW Sungai" not in html  # written behind the services' back: not reported, still cached
    report_change(masterplan=personas.masterplan, section_key="quickwins.quickwins", user=personas.coordinator)
    _, html = dashboard_queries(client, personas.masterplan)
    assert "QW Sungai" in html


def test_closing_a_bimtek_stage_reaches_the_cached_card_without_a_content_change(as_user, personas):
    from bimtek.models import Stage, StageStatus
    from bimtek.services import ensure_stage

    client = as_user(personas.coordinator)
    ensure_stage(masterplan=personas.masterplan, number=1)
    _, before = dashboard_queries(client, personas.masterplan)
    Stage.objects.filter(masterplan=personas.masterplan, number=1).update(status=StageStatus.CLOSED)
    _, after = dashboard_queries(client, personas.masterplan)
    assert after != before


def test_forgetting_all_fragments_renders_every_one_again(personas):
    masterplan = fresh(personas.masterplan)
    render = Renders()
    cached_fragment(masterplan, "t", render)
    cached_fragment(masterplan, "t", render)
    assert render.calls == 1

    forget_all_fragments()

    assert cached_fragment(masterplan, "t", render) == "<p>x</p>2"


def test_an_evicted_generation_forgets_rather_than_serves_old_entries(personas):
    masterplan = fresh(personas.masterplan)
    render = Renders()
    cached_fragment(masterplan, "t", render)
    cache.delete(GENERATION_KEY)

    assert cached_fragment(masterplan, "t", render) == "<p>x</p>2"


def test_a_restore_forgets_the_fragments_cached_before_it(personas, monkeypatch, tmp_path):
    from backups import restore

    masterplan = fresh(personas.masterplan)
    render = Renders()
    cached_fragment(masterplan, "t", render)
    # Only the last steps of a restore: the database and media steps are tested in tests/deploy/test_backup.py.
    for step in ("verify_archives", "check_migrations", "occupied", "restore_media", "verify"):
        monkeypatch.setattr(restore, step, lambda *a, **k: [])
    monkeypatch.setattr(restore, "read_manifest", lambda *a, **k: {"files": {}})
    monkeypatch.setattr(restore, "call_command", lambda *a, **k: None)
    monkeypatch.setattr(restore, "history_paused", contextlib.nullcontext)

    restore.restore_backup(source=tmp_path)

    assert cached_fragment(masterplan, "t", render) == "<p>x</p>2"
