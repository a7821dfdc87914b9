"""`manage.py demo` gives PPU a closed, accepted 2023 and an open 2024, marked as demo data; twice changes nothing."""

import io

import pytest
from django.core.management import call_command

from monev.items import load_items, summarise
from monev.models import Evidence, Realisation, Report, ReportingYear, Sosialisasi, YearState


def _counts():
    models = (ReportingYear, Report, Realisation, Evidence, Sosialisasi)
    return tuple(m.objects.count() for m in models) + tuple(m.history.count() for m in models)


@pytest.mark.django_db
def test_demo_has_two_reporting_years_and_is_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    call_command("demo", stdout=io.StringIO())
    years = {y.year: y for y in ReportingYear.objects.filter(masterplan__region__code="64.09")}
    assert sorted(years) == [2023, 2024]
    assert all(y.is_demo for y in years.values())
    closed, open_ = years[2023], years[2024]
    assert closed.is_closed and closed.state == YearState.ACCEPTED and not closed.accepts_reports
    assert open_.accepts_reports and open_.state == YearState.OPEN
    statuses = set(Report.objects.filter(reporting_year=closed).values_list("status", flat=True))
    assert {"running", "done", "not_started", "postponed"} <= statuses
    summary = summarise(load_items(closed))
    assert 0 < summary.opds_reported < summary.opds_total  # one OPD did not report in 2023
    dlh = [i for i in load_items(open_) if i.opd and i.opd.acronym == "DLH"]
    assert sum(i.reported for i in dlh) == 1 and len(dlh) > 1  # the demo OPD member still owes rows
    assert Report.objects.filter(notes__startswith="[Data demo]").count() == Report.objects.count()
    event = Sosialisasi.objects.get(masterplan__region__code="64.09")
    assert event.is_demo and event.title.startswith("[Data demo]") and event.kind == "forum"
    assert event.attending_opds.exists() and "<script" not in event.minutes and event.attendance
    before = _counts()
    call_command("demo", stdout=io.StringIO())
    assert _counts() == before
