"""Financing totals always match the programmes they sum, whatever way they are cut."""

from decimal import Decimal

from django.urls import reverse

from masterplan.models import Dimension
from plan import financing

from .factories import BudgetLineFactory, ProgrammeFactory


def test_totals_match_per_year_source_dimension_and_programme(personas):
    mp = personas.masterplan
    dims = list(Dimension.objects.all())
    amounts = Decimal(0)
    for i in range(12):
        p = ProgrammeFactory(masterplan=mp, dimension=dims[i % 6], start_year=2023, end_year=2027)
        for year, source, amount in [
            (2023 + i % 5, "apbd", 1_000_000 * (i + 1)),
            (2025, "csr", 333_333),
            (2026, "kpbu", 7),
        ]:
            BudgetLineFactory(programme=p, year=year, source=source, amount=amount)
            amounts += amount
    tables = financing.tables(mp)
    assert tables["grand_total"] == amounts
    assert sum(r["total"] for r in tables["year_rows"]) == amounts
    assert sum(tables["source_totals"]) == amounts
    assert sum(r["total"] for r in tables["dimension_rows"]) == amounts
    assert sum(tables["year_totals"]) == amounts
    assert sum(financing.programme_totals(mp).values()) == amounts
    assert round(sum(s["share"] for s in tables["source_shares"])) == 100


def test_other_masterplans_budgets_are_not_counted(personas):
    BudgetLineFactory(programme=ProgrammeFactory(masterplan=personas.other_masterplan), amount=5)
    assert financing.tables(personas.masterplan)["grand_total"] == 0


def test_budget_grid_saves_and_replaces_lines(personas, as_user):
    p = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, start_year=2024, end_year=2025)
    BudgetLineFactory(programme=p, year=2024, source="apbn", amount=9)
    url = reverse("plan:programme_budget", args=[personas.masterplan.pk, p.pk])
    response = as_user(personas.opd_member).post(
        url, {"version": p.version, "b_2024_apbd": "1000000", "b_2025_csr": "250000", "b_2024_apbn": ""}
    )
    assert response.status_code == 302
    lines = sorted((b.year, b.source, int(b.amount)) for b in p.budget_lines.all())
    assert lines == [(2024, "apbd", 1_000_000), (2025, "csr", 250_000)]


def test_budget_grid_keeps_amounts_of_years_outside_the_programme_visible(personas):
    from plan.forms.programmes import BudgetForm

    p = ProgrammeFactory(masterplan=personas.masterplan, start_year=2024, end_year=2025)
    line = BudgetLineFactory(programme=p, year=2030, amount=5)
    form = BudgetForm(programme=p, lines=[line])
    assert form.years == [2024, 2025, 2030]
    assert form["b_2030_apbd"].initial == 5


def test_budget_grid_detects_a_concurrent_change(personas, as_user):
    p = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    url = reverse("plan:programme_budget", args=[personas.masterplan.pk, p.pk])
    client = as_user(personas.coordinator)
    assert client.post(url, {"version": p.version, "b_2024_apbd": "100"}).status_code == 302
    response = client.post(url, {"version": p.version, "b_2024_apbd": "200"})  # stale version
    assert response.status_code == 409
    assert [int(b.amount) for b in p.budget_lines.all()] == [100]
    # both versions shown, what was typed kept in the grid, with the saved version: saving again overwrites
    conflict = response.context["conflict"]
    assert "sudah diubah oleh" in response.content.decode()
    assert conflict.changed_by == personas.coordinator
    assert [(theirs, yours, differs) for _label, theirs, yours, differs in conflict.rows()] == [("100", "200", True)]
    form = response.context["form"]
    assert form["b_2024_apbd"].value() == "200"
    p.refresh_from_db()
    assert str(form["version"].value()) == str(p.version)
    assert client.post(url, {"version": form["version"].value(), "b_2024_apbd": "200"}).status_code == 302
    assert [int(b.amount) for b in p.budget_lines.all()] == [200]


def test_juta_filter():
    from plan.templatetags.plan_tags import juta

    assert juta(1_250_000_000) == "1.250"
    assert juta(1_500_000) == "1,5"
    assert juta(12_345_600_000) == "12.345,6"
    assert juta(None) == "–"
