"""One fact in one place: a quick win that is a masterplan programme takes its element, lead OPD, budget, years and
targets from the programme, so changing the programme changes the quick win on every page and in every book."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from books.rendering import render_chapters
from plan.models import BudgetLine, Programme, ProgrammeIndicator, ProgrammeTarget
from quickwins.forms import QuickWinForm
from quickwins.models import Budget, QuickWin, QuickWinIndicator, QuickWinOwner
from tests.plan.factories import ProgrammeFactory
from tests.writepaths import expect_report

from .factories import QuickWinFactory

NOTIFIED = "expert", "coordinator"


@pytest.fixture
def tied(personas):
    """Go PPU, the quick win that is the programme "Go PPU: aplikasi super layanan publik" (DLH leads it), with its
    own stale copies (another owner, budget and target) that must never be printed."""
    mp = personas.masterplan
    element = apps.get_model("masterplan", "Element").objects.get(key="layanan-publik")
    programme = ProgrammeFactory(
        masterplan=mp,
        name="Go PPU: aplikasi super layanan publik",
        element=element,
        dimension=element.dimension,
        lead_opd=personas.opd,
        horizon="short",
        start_year=2023,
        end_year=2023,
    )
    BudgetLine.objects.create(programme=programme, year=2023, source="apbd", amount=850_000_000)
    indicator = ProgrammeIndicator.objects.create(programme=programme, name="Layanan terintegrasi", unit="layanan")
    ProgrammeTarget.objects.create(indicator=indicator, year=2023, value="25")
    quickwin = QuickWinFactory(masterplan=mp, short_name="Go PPU", chosen=True, programme=programme)
    quickwin.plan_programmes.add(programme)
    QuickWinOwner.objects.create(quickwin=quickwin, year=2023, opd=personas.other_opd)
    Budget.objects.create(quickwin=quickwin, year=2023, source="apbd", amount=275_000_000)
    QuickWinIndicator.objects.create(quickwin=quickwin, name="Layanan", unit="layanan", target="20")
    return quickwin


def _profile(quickwin):
    return QuickWin.objects.for_profiles().get(pk=quickwin.pk)


def _books(masterplan):
    """The HTML of every chapter that prints quick wins: the quick-win book, the masterplan's and the summary's."""
    html = {}
    for book in ("quickwin", "masterplan", "ringkasan"):
        chapters, _t, _f = render_chapters(masterplan, book)
        html[book] = "".join(c.html for c in chapters if c.key.startswith("quickwins"))
    return html


def test_the_quickwin_reads_owner_budget_years_and_targets_from_its_programme(tied, personas):
    quickwin = _profile(tied)
    assert quickwin.owner() == personas.opd  # not its own stale owner (Dispar)
    assert quickwin.owner_opd_id == personas.opd.pk  # so DLH's members edit it
    assert quickwin.budget_total() == 850_000_000
    assert [(b.year, int(b.amount)) for b in quickwin.budget_rows()] == [(2023, 850_000_000)]
    assert [(i.name, i.target) for i in quickwin.indicator_rows()] == [("Layanan terintegrasi", "25")]
    assert quickwin.years_label() == "2023"


def test_changing_the_programme_changes_the_quickwin_in_every_book(tied, personas):
    programme = tied.programme
    Programme.objects.filter(pk=programme.pk).update(lead_opd=personas.other_opd, start_year=2024, end_year=2024)
    BudgetLine.objects.filter(programme=programme).update(amount=990_000_000, year=2024)
    ProgrammeTarget.objects.filter(indicator__programme=programme).update(value="31", year=2024)
    html = _books(personas.masterplan)
    assert "Dinas Pariwisata (Dispar)" in html["quickwin"] and "Dinas Lingkungan Hidup" not in html["quickwin"]
    assert "990.000.000" in html["quickwin"] and "275.000.000" not in html["quickwin"]
    assert "2024: 31" in html["quickwin"] and ">20<" not in html["quickwin"]
    assert "990.000.000" in html["masterplan"]
    for book in ("masterplan", "ringkasan"):
        assert "Dispar" in html[book] and "DLH" not in html[book], book


def test_saving_the_programme_moves_the_quickwin_to_its_element(tied, personas, as_user):
    element = apps.get_model("masterplan", "Element").objects.get(key="tata-kelola-birokrasi")
    programme = tied.programme
    data = {
        "name": programme.name,
        "dimension": element.dimension_id,
        "element": element.pk,
        "kind": "programme",
        "lead_opd": personas.opd.pk,
        "horizon": "short",
        "start_year": 2023,
        "end_year": 2023,
        "priority": "high",
        "version": programme.version,
    }
    client = as_user(personas.opd_member)
    notified = [getattr(personas, name) for name in NOTIFIED]
    with expect_report(personas.masterplan, "quickwins.quickwins", notified=notified):
        response = client.post(reverse("plan:programme_edit", args=[personas.masterplan.pk, programme.pk]), data)
    assert response.status_code == 302
    tied.refresh_from_db()
    assert tied.element == element
    assert tied.history.first().history_change_reason == "Mengikuti program masterplan"


def test_the_programmes_budget_is_the_quickwins_write_path(tied, personas, as_user):
    programme = tied.programme
    url = reverse("plan:programme_budget", args=[personas.masterplan.pk, programme.pk])
    notified = [getattr(personas, name) for name in NOTIFIED]
    with expect_report(personas.masterplan, "quickwins.quickwins", notified=notified):
        as_user(personas.opd_member).post(url, {"version": programme.version, "b_2023_apbd": "700000000"})
    assert _profile(tied).budget_total() == 700_000_000


def test_tying_a_quickwin_through_its_form_takes_the_programmes_dimension(personas, as_user, tied):
    programme = ProgrammeFactory(masterplan=personas.masterplan, name="Puspita", lead_opd=personas.opd)
    programme.dimension = apps.get_model("masterplan", "Dimension").objects.get(key="branding")
    programme.save()
    quickwin = QuickWinFactory(masterplan=personas.masterplan, short_name="Puspita")
    data = {
        "short_name": "Puspita",
        "full_name": "Pusat Promosi",
        "innovation_type": "program",
        "status": "idea",
        "programme": programme.pk,
        "version": quickwin.version,
    }
    url = reverse("quickwins:edit", args=[personas.masterplan.pk, quickwin.pk])
    with expect_report(personas.masterplan, "quickwins.quickwins", notified=[personas.expert]):
        response = as_user(personas.coordinator).post(url, data)
    assert response.status_code == 302
    quickwin.refresh_from_db()
    assert (quickwin.programme, quickwin.dimension.key) == (programme, "branding")
    assert list(quickwin.plan_programmes.all()) == [programme]
    # A programme is one quick win at most: the form no longer offers the one Go PPU is.
    form = QuickWinForm(masterplan=personas.masterplan, access=None, instance=quickwin)
    assert tied.programme not in form.fields["programme"].queryset


def test_the_details_of_a_tied_quickwin_edit_partners_only(tied, personas, as_user):
    response = as_user(personas.coordinator).get(reverse("quickwins:details", args=[personas.masterplan.pk, tied.pk]))
    html = response.content.decode()
    assert "budgets-TOTAL_FORMS" not in html and "indicators-TOTAL_FORMS" not in html
    assert "partners-TOTAL_FORMS" in html
    assert reverse("plan:programme_detail", args=[personas.masterplan.pk, tied.programme_id]) in html


def test_the_migration_ties_a_quickwin_to_the_one_programme_named_after_it(personas):
    mp = personas.masterplan
    named = ProgrammeFactory(masterplan=mp, name="SIHARPA: Sistem Informasi Harga Pasar", lead_opd=personas.opd)
    other = ProgrammeFactory(masterplan=mp, name="Pasar digital", lead_opd=personas.opd)
    quickwin = QuickWinFactory(masterplan=mp, short_name="SIHARPA")
    quickwin.plan_programmes.add(named, other)
    loose = QuickWinFactory(masterplan=mp, short_name="Si Jaka")
    loose.plan_programmes.add(other)
    migration = importlib.import_module("quickwins.migrations.0005_tie_quickwins_to_their_programme")
    migration.tie(apps, None)
    quickwin.refresh_from_db()
    loose.refresh_from_db()
    assert quickwin.programme == named and quickwin.dimension_id == named.dimension_id
    assert loose.programme is None


def test_monitoring_reads_a_tied_quickwins_owner_from_its_programme(tied, personas):
    from monev.models import owner_in_year

    quickwin = QuickWin.objects.select_related("programme__lead_opd").prefetch_related("owners").get(pk=tied.pk)
    assert owner_in_year(quickwin, 2023) == personas.opd  # not its own stale owner row (Dispar)
