"""Registry contributions: panel, sections, metrics, book chapters (constant queries), the demo."""

import pytest
from django.template.loader import render_to_string

from core import registry
from masterplan.access import access_for
from masterplan.models import Dimension, Element
from rpjmd.models import RPJMD, Program

from .factories import BudgetFactory, MisiFactory, ProgramFactory


@pytest.fixture
def filled(personas):
    rpjmd = RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026, visi="Maju")
    misi = MisiFactory(rpjmd=rpjmd, number=1)
    misi.dimensions.set([Dimension.objects.get(key="environment")])
    MisiFactory(rpjmd=rpjmd, number=2)
    sampah = Element.objects.get(key="pengelolaan-sampah")
    mapped = ProgramFactory(
        rpjmd=rpjmd, opd=personas.opd, misi=misi, primary_dimension=sampah.dimension, primary_element=sampah
    )
    BudgetFactory(program=mapped)
    ProgramFactory(rpjmd=rpjmd, opd=personas.other_opd)
    personas.rpjmd = rpjmd
    return personas


def test_registered():
    assert registry.metric("rpjmd.imported") and registry.metric("rpjmd.misi_mapped")
    assert registry.metric("rpjmd.all_opds_mapped")
    assert {c.key: c.order for c in registry.chapters("analisis") if c.key.startswith("rpjmd")} == {
        "rpjmd-visi-misi": 30,
        "rpjmd-pemetaan": 60,
    }
    assert any(t.key == "rpjmd" and t.order == 20 for t in registry.tabs())


def test_metrics(filled):
    mp = filled.masterplan
    assert registry.metric("rpjmd.imported").measure(mp)[:2] == (1, 1)
    assert registry.metric("rpjmd.misi_mapped").measure(mp)[:2] == (1, 2)
    done, total, detail = registry.metric("rpjmd.all_opds_mapped").measure(mp)
    assert (done, total) == (1, 2) and "Dispar" in detail


def test_metrics_without_rpjmd(personas):
    assert registry.metric("rpjmd.imported").measure(personas.masterplan)[:2] == (0, 1)
    assert registry.metric("rpjmd.misi_mapped").measure(personas.masterplan)[:2] == (0, 0)


def test_sections_are_json(filled):
    import json

    programs = registry.section("rpjmd.programs").serialize(filled.masterplan)
    assert len(programs) == 2
    first = next(p for p in programs if p["fields"]["primary_element"])
    assert first["fields"]["primary_dimension"] == "environment" and first["fields"]["pagu"] == "1000000000.00"
    misi = registry.section("rpjmd.misi").serialize(filled.masterplan)
    assert misi[0]["key"] == "visi" and misi[1]["fields"]["dimensions"] == ["environment"]
    json.dumps(programs + misi)


def test_panel_tells_the_opd_member_what_is_left(filled):
    panel = next(p for p in registry.panels() if p.key == "rpjmd")
    data = panel.context(filled.masterplan, access_for(filled.other_opd_member, filled.masterplan))
    assert data["own_unmapped"] == 1 and data["percent"] == 50
    html = render_to_string(panel.template, {"data": data})
    assert "1 program OPD Anda belum dipetakan" in html


def test_panel_when_empty_says_what_to_do(personas):
    panel = next(p for p in registry.panels() if p.key == "rpjmd")
    data = panel.context(personas.masterplan, access_for(personas.coordinator, personas.masterplan))
    assert "Impor RPJMD" in render_to_string(panel.template, {"data": data})


@pytest.mark.parametrize("key", ["rpjmd-visi-misi", "rpjmd-pemetaan"])
def test_chapters_run_constant_queries(filled, key, django_assert_num_queries):
    chapter = next(c for c in registry.chapters("analisis") if c.key == key)

    def run():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            html = render_to_string(chapter.template, chapter.context(filled.masterplan))
        return len(queries), html

    few, html = run()
    assert '<section class="chapter"' in html
    for _n in range(20):
        program = ProgramFactory(
            rpjmd=filled.rpjmd, opd=filled.opd, primary_dimension=Dimension.objects.get(key="living")
        )
        BudgetFactory(program=program)
    many, html = run()
    assert many == few
    if key == "rpjmd-pemetaan":
        assert "<figure" in html and "<title" in html and "<pattern" in html


def test_chapters_when_empty(personas):
    for chapter in registry.chapters("analisis"):
        if chapter.key.startswith("rpjmd"):
            html = render_to_string(chapter.template, chapter.context(personas.masterplan))
            assert 'class="empty"' in html


def test_demo_is_idempotent(db, settings, tmp_path):
    from django.core.management import call_command

    settings.DATA_DIR = tmp_path
    call_command("demo", stdout=open("/dev/null", "w"))
    counts = (Program.objects.count(), Program.objects.mapped().count())
    call_command("demo", stdout=open("/dev/null", "w"))
    assert (Program.objects.count(), Program.objects.mapped().count()) == counts
    assert 55 <= counts[0] <= 65 and counts[1] * 3 >= counts[0] * 1.8
