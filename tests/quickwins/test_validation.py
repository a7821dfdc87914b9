"""Validation: dates, percent 0-100, budget and owner years, choices limited to the masterplan, conflicts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from masterplan.access import access_for
from quickwins.forms import BudgetFormSet, OwnerFormSet, ProgressForm, QuickWinForm
from quickwins.models import Budget, QuickWin
from rpjmd.models import RPJMD, Program
from tests.factories import MasterplanFactory

from .factories import QuickWinFactory


def _form(personas, dims, **data):
    base = {
        "short_name": "Uji",
        "full_name": "Quick win uji",
        "dimension": dims["environment"].pk,
        "innovation_type": "program",
        "status": "idea",
        "owner_opd": personas.opd.pk,
        "owner_year": 2022,
    }
    access = access_for(personas.coordinator, personas.masterplan)
    return QuickWinForm({**base, **data}, masterplan=personas.masterplan, access=access)


def test_end_date_before_start_date_is_refused(personas, dims):
    form = _form(personas, dims, start_date="2023-05-01", end_date="2023-01-01")
    assert not form.is_valid()
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in form.errors["end_date"]


def test_element_must_belong_to_the_dimension(personas, dims):
    element = dims["governance"].elements.first()
    form = _form(personas, dims, element=element.pk)
    assert not form.is_valid()
    assert "element" in form.errors


def test_owner_year_outside_the_masterplan_is_refused(personas, dims):
    form = _form(personas, dims, owner_year=2040)
    assert not form.is_valid()
    assert "2040" in form.errors["owner_year"][0]


def test_short_name_unique_per_masterplan(personas, dims, quickwin):
    form = _form(personas, dims, short_name="serbu gass")
    assert not form.is_valid()
    assert "short_name" in form.errors


def test_rpjmd_programmes_are_limited_to_the_masterplans_rpjmd(personas, dims):
    mine = RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026)
    other = RPJMD.objects.create(region=personas.other_masterplan.region, start_year=2021, end_year=2026)
    own = Program.objects.create(rpjmd=mine, code="2.11.03", name="Pengelolaan persampahan")
    foreign = Program.objects.create(rpjmd=other, code="2.11.03", name="Program daerah lain")
    assert _form(personas, dims, rpjmd_programs=[own.pk]).is_valid()
    form = _form(personas, dims, rpjmd_programs=[foreign.pk])
    assert not form.is_valid()
    assert "rpjmd_programs" in form.errors


@pytest.mark.parametrize("percent", [-1, 101, 250])
def test_percent_must_be_0_to_100(quickwin, percent):
    form = ProgressForm({"date": "2023-01-01", "percent": percent, "status": "build"}, quickwin=quickwin)
    assert not form.is_valid()
    assert "percent" in form.errors


@pytest.mark.parametrize("percent", [0, 100])
def test_percent_bounds_are_accepted(quickwin, percent):
    form = ProgressForm({"date": "2023-01-01", "percent": percent, "status": "build"}, quickwin=quickwin)
    assert form.is_valid(), form.errors


def test_progress_in_the_future_is_refused(quickwin):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    form = ProgressForm({"date": tomorrow.isoformat(), "percent": 10, "status": "build"}, quickwin=quickwin)
    assert not form.is_valid()
    assert "date" in form.errors


def _budget_data(rows):
    data = {"budgets-TOTAL_FORMS": len(rows), "budgets-INITIAL_FORMS": 0}
    for i, (year, source, amount) in enumerate(rows):
        data.update({f"budgets-{i}-year": year, f"budgets-{i}-source": source, f"budgets-{i}-amount": amount})
    return data


def test_budget_year_outside_the_masterplan_is_refused(personas, quickwin):
    formset = BudgetFormSet(
        _budget_data([(2045, "apbd", 1000)]), instance=quickwin, prefix="budgets", masterplan=personas.masterplan
    )
    assert not formset.is_valid()
    assert "Baris 1: tahun 2045 di luar rentang masterplan" in formset.forms[0].errors["year"][0]


def test_budget_year_outside_the_quick_wins_dates_is_refused(personas, quickwin):
    quickwin.start_date, quickwin.end_date = datetime.date(2022, 9, 1), datetime.date(2023, 6, 30)
    formset = BudgetFormSet(
        _budget_data([(2023, "apbd", 1000), (2025, "apbd", 1000)]),
        instance=quickwin,
        prefix="budgets",
        masterplan=personas.masterplan,
    )
    assert not formset.is_valid()
    assert formset.forms[0].errors == {}
    assert "masa pelaksanaan" in formset.forms[1].errors["year"][0]


def test_budget_year_and_source_once(personas, quickwin):
    formset = BudgetFormSet(
        _budget_data([(2023, "apbd", 1000), (2023, "apbd", 2000)]),
        instance=quickwin,
        prefix="budgets",
        masterplan=personas.masterplan,
    )
    assert not formset.is_valid()


def test_negative_budget_is_refused(personas, quickwin):
    formset = BudgetFormSet(
        _budget_data([(2023, "apbd", -5)]), instance=quickwin, prefix="budgets", masterplan=personas.masterplan
    )
    assert not formset.is_valid()


def test_a_quick_win_keeps_at_least_one_owner(personas, quickwin):
    owner = quickwin.owners.get()
    data = {
        "owners-TOTAL_FORMS": 1,
        "owners-INITIAL_FORMS": 1,
        "owners-0-id": owner.pk,
        "owners-0-year": owner.year,
        "owners-0-opd": owner.opd_id,
        "owners-0-DELETE": "on",
    }
    formset = OwnerFormSet(data, instance=quickwin, prefix="owners", masterplan=personas.masterplan)
    assert not formset.is_valid()
    assert "paling sedikit satu OPD" in formset.non_form_errors()[0]


def test_owner_opd_must_be_of_the_region(personas, quickwin):
    other_region_opd = personas.other_masterplan.region.opds.create(name="Dinas Lain", acronym="Lain")
    data = {
        "owners-TOTAL_FORMS": 1,
        "owners-INITIAL_FORMS": 0,
        "owners-0-year": 2023,
        "owners-0-opd": other_region_opd.pk,
    }
    formset = OwnerFormSet(data, instance=quickwin, prefix="owners", masterplan=personas.masterplan)
    assert not formset.is_valid()
    assert "opd" in formset.forms[0].errors


def test_owner_is_the_current_years_or_the_latest(personas, quickwin):
    year = timezone.localdate().year
    quickwin.owners.all().delete()
    quickwin.owners.create(year=year - 2, opd=personas.opd)
    quickwin.owners.create(year=year - 1, opd=personas.other_opd)
    assert quickwin.owner_opd_id == personas.other_opd.pk  # the latest
    quickwin.owners.create(year=year, opd=personas.opd)
    assert QuickWin.objects.get(pk=quickwin.pk).owner_opd_id == personas.opd.pk  # this year's


def test_details_are_saved_together(as_user, personas, quickwin):
    url = reverse("quickwins:details", args=[personas.masterplan.pk, quickwin.pk])
    data = {
        "version": quickwin.version,
        "partners-TOTAL_FORMS": 1,
        "partners-INITIAL_FORMS": 0,
        "partners-0-kind": "bank",
        "partners-0-name": "Bank Kaltimtara",
        "indicators-TOTAL_FORMS": 0,
        "indicators-INITIAL_FORMS": 0,
        **_budget_data([(2023, "apbd", 150000000)]),
    }
    assert as_user(personas.opd_member).post(url, data).status_code == 302
    assert Budget.objects.get(quickwin=quickwin).amount == 150000000
    assert quickwin.partners.get().name == "Bank Kaltimtara"


def test_details_with_a_stale_version_save_nothing(as_user, personas, quickwin):
    url = reverse("quickwins:details", args=[personas.masterplan.pk, quickwin.pk])
    data = {
        "version": quickwin.version - 1,
        "partners-TOTAL_FORMS": 0,
        "partners-INITIAL_FORMS": 0,
        "indicators-TOTAL_FORMS": 0,
        "indicators-INITIAL_FORMS": 0,
        **_budget_data([(2023, "apbd", 1)]),
    }
    response = as_user(personas.opd_member).post(url, data)
    assert response.status_code == 200
    assert "Perubahan bersamaan" in response.content.decode()
    assert not Budget.objects.exists()


def test_edit_conflict_shows_both_versions(as_user, personas, quickwin, dims):
    url = reverse("quickwins:edit", args=[personas.masterplan.pk, quickwin.pk])
    QuickWin.objects.filter(pk=quickwin.pk).update(version=quickwin.version + 1, full_name="Versi orang lain")
    data = {
        "short_name": quickwin.short_name,
        "full_name": "Versi saya",
        "dimension": dims["governance"].pk,
        "innovation_type": "program",
        "status": "idea",
        "version": quickwin.version,
    }
    response = as_user(personas.opd_member).post(url, data)
    assert response.status_code == 200
    assert "Versi orang lain" in response.content.decode() and "Versi saya" in response.content.decode()
    assert QuickWin.objects.get(pk=quickwin.pk).full_name == "Versi orang lain"


def test_weights_need_one_positive(as_user, personas):
    url = reverse("quickwins:weights", args=[personas.masterplan.pk])
    data = {"impact": 0, "feasibility": 0, "cost": 0, "speed": 0, "rpjmd": 0}
    response = as_user(personas.coordinator).post(url, data)
    assert response.status_code == 200
    assert "Paling sedikit satu kriteria" in response.content.decode()


def test_weighted_score_uses_the_masterplans_weights(personas):
    from quickwins.models import SelectionWeights

    quickwin = QuickWinFactory(masterplan=personas.masterplan, score_impact=5, score_cost=1)
    weights = SelectionWeights(masterplan=personas.masterplan, impact=30, feasibility=25, cost=10, speed=15, rpjmd=20)
    assert quickwin.weighted_score(weights) == round((30 * 5 + 10 * 1) / 40, 2)  # unscored criteria left out
    assert QuickWinFactory(masterplan=personas.masterplan).weighted_score(weights) is None


def test_another_masterplans_quick_win_is_404(as_user, personas):
    foreign = QuickWinFactory(masterplan=MasterplanFactory())
    url = reverse("quickwins:profile", args=[personas.masterplan.pk, foreign.pk])
    assert as_user(personas.coordinator).get(url).status_code == 404
