"""What the plan registers: tab, panel, sections, metrics, chapters; and the demo."""

import json

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from core import registry
from plan.models import Programme

from .factories import BudgetLineFactory, ProgrammeFactory, ReadinessItemFactory, SwotEntryFactory

METRIC_KEYS = [
    "plan.readiness_assessed",
    "plan.swot_per_dimension",
    "plan.vision_set",
    "plan.strategy_per_dimension",
    "plan.programmes_have_horizons",
    "plan.programmes_per_dimension",
    "plan.years_1_2_plan",
    "plan.roadmap_set",
    "plan.applications_listed",
    "plan.institutions_set",
]


def test_tab_and_chapters_are_registered():
    assert any(t.key == "plan" and t.order == 30 for t in registry.tabs())
    orders = {
        (c.book, c.order)
        for c in registry.chapters("analisis") + registry.chapters("masterplan") + registry.chapters("ringkasan")
        if c.key.startswith("plan-")
    }
    assert orders == {("analisis", o) for o in (20, 40, 50, 70, 80)} | {
        ("masterplan", o) for o in (10, 20, 30, 50, 60, 70, 80)
    } | {("ringkasan", o) for o in (10, 20, 30, 50, 60, 70, 75)}


@pytest.mark.parametrize("key", METRIC_KEYS)
def test_metrics_measure_an_empty_plan_as_incomplete(personas, key):
    done, total, detail = registry.metric(key).measure(personas.masterplan)
    assert not (total > 0 and done >= total), key
    assert detail


def test_metrics_see_progress(personas):
    mp = personas.masterplan
    for component in ("struktur", "infrastruktur", "suprastruktur"):
        ReadinessItemFactory(masterplan=mp, component=component)
    for kind in "SWOT":
        SwotEntryFactory(masterplan=mp, kind=kind)
    assert registry.metric("plan.readiness_assessed").measure(mp)[:2] == (3, 3)
    assert registry.metric("plan.swot_per_dimension").measure(mp)[0] == 1
    p = ProgrammeFactory(masterplan=mp, start_year=2023, end_year=2024, horizon="short")
    ProgrammeFactory(masterplan=mp, start_year=None, end_year=None)
    assert registry.metric("plan.programmes_have_horizons").measure(mp)[:2] == (1, 2)
    BudgetLineFactory(programme=p)
    assert registry.metric("plan.roadmap_set").measure(mp)[:2] == (1, 2)
    assert registry.metric("plan.years_1_2_plan").measure(mp)[0] == 1


def test_sections_serialize_to_json(personas):
    p = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    BudgetLineFactory(programme=p, amount=1500)
    ReadinessItemFactory(masterplan=personas.masterplan)
    for section in registry.sections():
        if section.key.startswith("plan."):
            records = section.serialize(personas.masterplan)
            json.dumps(records)
            assert all({"key", "label", "fields"} <= set(r) for r in records)
    programmes = registry.section("plan.programmes").serialize(personas.masterplan)
    assert programmes[0]["fields"]["anggaran"] == {"2023-apbd": 1500}


def test_dashboard_panel_says_what_to_do_when_empty(personas, as_user):
    html = (
        as_user(personas.coordinator)
        .get(reverse("masterplan:dashboard", args=[personas.masterplan.pk]))
        .content.decode()
    )
    assert "Belum ada program" in html
    assert reverse("plan:readiness", args=[personas.masterplan.pk]) in html


def test_demo_is_complete_and_idempotent(db):
    from masterplan import demo as foundation
    from plan import demo

    result = foundation.populate()
    demo.populate(result)
    demo.populate(result)
    mp = result.masterplan
    programmes = Programme.objects.filter(masterplan=mp)
    assert programmes.count() >= 30
    assert set(programmes.values_list("dimension__key", flat=True)) == {
        "governance",
        "branding",
        "economy",
        "living",
        "society",
        "environment",
    }
    assert set(programmes.values_list("horizon", flat=True)) == {"short", "medium", "long"}
    assert min(programmes.values_list("start_year", flat=True)) == 2023
    assert max(programmes.values_list("end_year", flat=True)) == 2032
    from plan.consistency import check

    assert check(mp) == []
    for key in METRIC_KEYS:
        done, total, _detail = registry.metric(key).measure(mp)
        assert total > 0 and done >= total, key
    for book in ("analisis", "masterplan", "ringkasan"):
        for chapter in registry.chapters(book):
            if chapter.key.startswith("plan-"):
                html = render_to_string(chapter.template, chapter.context(mp))
                assert '<section class="chapter"' in html and "<script" not in html


def test_demo_links_every_mapped_rpjmd_programme(db):
    from masterplan import demo as foundation
    from masterplan.models import Dimension
    from plan import demo
    from plan.consistency import check
    from rpjmd.models import RPJMD
    from rpjmd.models import Program as RPJMDProgram

    result = foundation.populate()
    rpjmd = RPJMD.objects.create(region=result.masterplan.region, start_year=2021, end_year=2026)
    for i, dimension in enumerate(Dimension.objects.all()):
        RPJMDProgram.objects.create(
            rpjmd=rpjmd,
            code=f"1.{i}",
            name=f"Program {i}",
            primary_dimension=dimension,
            opd=result.opds["DLH"] if i == 5 else None,
        )
    RPJMDProgram.objects.create(rpjmd=rpjmd, code="9.9", name="Belum dipetakan")
    demo.populate(result)
    assert check(result.masterplan) == []
    assert Programme.objects.filter(
        masterplan=result.masterplan, rpjmd_programs__code="1.5", lead_opd__acronym="DLH"
    ).exists()
