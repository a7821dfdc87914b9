"""Monev on the programme dashboard (reporting rate and outcome share per region, sortable, in the .xlsx) and
on an expert's home page (the regions whose monev report waits for their review)."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from masterplan.models import Masterplan
from monev.cohort import outcome_column, reporting_rate_column
from monev.models import Report
from tests.factories import MasterplanFactory, OPDFactory, RegionFactory
from tests.plan.factories import ProgrammeFactory

from .factories import ReportingYearFactory


def _report(year, programme, status="running"):
    return Report.objects.create(reporting_year=year, programme=programme, status=status)


def _cells(response, key):
    index = [c.key for c in response.context["columns"]].index(key)
    return {r["masterplan"].pk: str(r["extra"][index]) for r in response.context["rows"]}


def test_rate_and_outcome_of_the_latest_year(personas, as_user, year, programme, other_programme, quickwin):
    older = ReportingYearFactory(masterplan=personas.masterplan, year=2023)
    _report(older, programme, "cancelled")
    _report(year, programme, "running")  # DLH: programme reported, quick win not -> DLH has not reported all
    _report(year, other_programme, "postponed")  # Dispar: all reported, not carried out
    response = as_user(personas.admin).get(reverse("review:programme"))
    mp = personas.masterplan.pk
    assert _cells(response, "monev.rate")[mp] == "1/2 OPD (50,00 %) · 2024"
    assert _cells(response, "monev.outcome")[mp] == "1 dari 2 program, 50,00 %"
    assert _cells(response, "monev.rate")[personas.other_masterplan.pk] == ""  # no reporting year: empty cell
    page = response.content.decode()
    assert "Pelaporan monev" in page and "1/2 OPD (50,00 %) · 2024" in page


def test_the_columns_sort_by_their_numbers_and_export(personas, as_user, year, programme):
    cohort = personas.masterplan.cohort
    better = MasterplanFactory(region=RegionFactory(code="64.71", name="Kota Balikpapan"), cohort=cohort)
    opd = OPDFactory(region=better.region, acronym="Diskominfo")
    for n in range(3):
        programme_b = ProgrammeFactory(masterplan=better, name=f"Program {n}", lead_opd=opd)
        _report(ReportingYearFactory(masterplan=better, year=2024), programme_b, "done")
    _report(year, programme, "not_started")
    client = as_user(personas.admin)
    url = reverse("review:programme")
    rows = client.get(url, {"cohort": cohort.pk, "sort": "monev.outcome", "desc": "on"}).context["rows"]
    assert [r["masterplan"].pk for r in rows] == [better.pk, personas.masterplan.pk, personas.other_masterplan.pk]
    rows = client.get(url, {"cohort": cohort.pk, "sort": "monev.outcome"}).context["rows"]
    assert [r["masterplan"].pk for r in rows][:2] == [personas.masterplan.pk, better.pk]  # empty cells last
    assert rows[-1]["masterplan"] == personas.other_masterplan
    sheet = load_workbook(io.BytesIO(client.get(reverse("review:programme_export"), {"cohort": cohort.pk}).content))
    values = [[c.value for c in row] for row in sheet.active.iter_rows()]
    assert "Pelaporan monev" in values[0] and "Program berjalan" in values[0]
    flat = [v for row in values for v in row]
    assert "3 dari 3 program, 100,00 %" in flat and "0 dari 1 program, 0,00 %" in flat


def test_column_queries_do_not_grow_with_the_regions(personas, year, programme):
    _report(year, programme)

    def count():
        queryset = Masterplan.objects.filter(cohort=personas.masterplan.cohort)
        with CaptureQueriesContext(connection) as queries:
            reporting_rate_column(queryset)
            outcome_column(queryset)
        return len(queries)

    few = count()
    for n in range(4):
        mp = MasterplanFactory(region=RegionFactory(code=f"64.{80 + n}"), cohort=personas.masterplan.cohort)
        opd = OPDFactory(region=mp.region, acronym=f"OPD{n}")
        _report(ReportingYearFactory(masterplan=mp, year=2024), ProgrammeFactory(masterplan=mp, lead_opd=opd))
    # years, reports, programmes, chosen quick wins (their owners when there are some): once for both columns
    assert count() == few <= 5


def test_an_expert_sees_the_monev_reports_that_wait_for_review(personas, as_user, year):
    home = reverse("masterplan:home")
    assert "Laporan monev menunggu review Anda" not in as_user(personas.expert).get(home).content.decode()
    year.state = "submitted"
    year.save()
    html = as_user(personas.expert).get(home).content.decode()
    assert "Laporan monev menunggu review Anda" in html
    assert reverse("monev:year", args=[personas.masterplan.pk, 2024]) in html
    for name in ("reader", "coordinator", "stranger"):
        assert "Laporan monev menunggu review Anda" not in as_user(getattr(personas, name)).get(home).content.decode()
