"""Checklists are data rows naming registered metrics; they turn complete as data appears."""

import pytest
from django.urls import reverse

from bimtek.checklists import DEFAULT_ITEMS, checklists
from bimtek.models import ChecklistItem
from core import registry

from .factories import AttendeeFactory, CommitmentFactory, SessionFactory, SignatoryFactory, StageFactory


@pytest.fixture
def counter_metric(monkeypatch):
    """A fake metric 'uji.count' whose value the test sets: state['done'] of 2."""
    state = {"done": 0}
    metric = registry.Metric("uji.count", "Metrik uji", lambda mp: (state["done"], 2, "uji"), "bimtek:stages")
    monkeypatch.setitem(registry._metrics, "uji.count", metric)
    return state


def test_default_lists_come_from_the_data_migration(db):
    rows = ChecklistItem.objects.filter(cohort__isnull=True)
    assert {(r.stage_number, r.metric_key) for r in rows} == {
        (n, key) for n, items in DEFAULT_ITEMS.items() for key, _label in items
    }
    keys = {r.metric_key for r in rows}
    for agreed in ["plan.readiness_assessed", "quickwins.idea_per_dimension", "rpjmd.all_opds_mapped"]:
        assert agreed in keys
    for agreed in ["quickwins.chosen_per_dimension", "plan.programmes_have_horizons", "plan.years_1_2_plan"]:
        assert agreed in keys
    assert "bimtek.commitment_signed" in keys


def test_unregistered_metric_says_not_available(personas, monkeypatch):
    monkeypatch.delitem(registry._metrics, "plan.readiness_assessed", raising=False)
    item = next(i for i in checklists(personas.masterplan)[1].items if i.key == "plan.readiness_assessed")
    assert not item.available and not item.complete
    assert "belum tersedia" in item.detail


def test_item_turns_complete_as_data_appears(personas, counter_metric):
    ChecklistItem.objects.create(cohort=personas.masterplan.cohort, stage_number=1, metric_key="uji.count")
    items = checklists(personas.masterplan)[1].items
    assert [i.key for i in items] == ["uji.count"]  # the cohort's own list replaces the default one
    assert not checklists(personas.masterplan)[1].complete
    counter_metric["done"] = 2
    result = checklists(personas.masterplan)[1]
    assert result.complete and result.items[0].url.endswith("/bimtek/")


def test_stage_recorded_needs_attendance_and_minutes(personas):
    mp = personas.masterplan

    def stage1():
        return next(i for i in checklists(mp)[1].items if i.key == "bimtek.stage1_recorded")

    assert not stage1().complete and "Belum ada sesi" in stage1().detail
    session = SessionFactory(stage=StageFactory(masterplan=mp, number=1), minutes="")
    AttendeeFactory(session=session)
    assert not stage1().complete
    session.minutes = "<p>Notulen</p>"
    session.save()
    assert stage1().complete


def test_commitment_signed_needs_place_date_signatories_and_scan(personas):
    from django.core.files.base import ContentFile

    mp = personas.masterplan
    measure = registry.metric("bimtek.commitment_signed").measure
    assert measure(mp)[0] == 0
    commitment = CommitmentFactory(masterplan=mp, place="Penajam", signed_on="2022-09-21")
    SignatoryFactory(commitment=commitment)
    assert measure(mp)[:2] == (2, 3)
    commitment.scan.save("s.pdf", ContentFile(b"%PDF-1.4"))
    assert measure(mp)[:2] == (3, 3)


def test_stage_page_shows_missing_items_and_links(as_user, personas):
    response = as_user(personas.expert).get(reverse("bimtek:stages", args=[personas.masterplan.pk]))
    html = response.content.decode()
    assert "Sesi tahap I tercatat" in html
    # every metric is registered now: a missing item says "Belum" and links to where it is fixed
    assert "Belum" in html and "Lengkapi" in html


def test_dashboard_shows_the_stage_track(as_user, personas):
    response = as_user(personas.reader).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk]))
    html = response.content.decode()
    assert 'class="stage-track' in html and "Bimtek IV" in html
    assert "Yang belum ada untuk Bimtek I" in html
