"""The services: opening a year, the year's workflow with notifications, reports with history."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase

from masterplan.models import Masterplan
from monev import services
from monev.items import PROGRAMME, find_item, load_items, summarise
from monev.models import Realisation, Report, ReportingYear, YearState
from review.models import Notification, SectionReview, State

from .conftest import access


def _data(**overrides):
    values = {
        "status": "running",
        "budget_realised": Decimal(1_200_000),
        "budget_source": "apbd",
        "notes": "Berjalan di 3 kecamatan.",
        "realisations": {},
    }
    values.update(overrides)
    return services.ReportData(**values)


def test_coordinator_opens_a_year_once_and_within_the_masterplan(personas):
    coordinator = access(personas.coordinator, personas.masterplan)
    opened = services.open_year(access=coordinator, year=2024, deadline=datetime.date(2025, 1, 31))
    assert opened.state == YearState.OPEN and opened.accepts_reports
    assert opened.history.first().history_user == personas.coordinator
    with pytest.raises(ValidationError, match="sudah dibuka"):
        services.open_year(access=coordinator, year=2024, deadline=datetime.date(2025, 1, 31))
    with pytest.raises(ValidationError, match="di luar tahun masterplan"):
        services.open_year(access=coordinator, year=2040, deadline=datetime.date(2041, 1, 31))
    with pytest.raises(PermissionDenied):
        services.open_year(
            access=access(personas.opd_member, personas.masterplan), year=2025, deadline=datetime.date(2026, 1, 1)
        )


def test_items_have_targets_budget_plan_and_owner(personas, year, programme, other_programme, quickwin):
    items = load_items(year)
    assert [i.key for i in items] == [f"P-{programme.pk}", f"P-{other_programme.pk}", f"Q-{quickwin.pk}"]
    mine = items[0]
    assert mine.opd == personas.opd and mine.owner_opd_id == personas.opd.pk
    assert [(i.name, i.target) for i in mine.indicators] == [("Bank sampah aktif", "120")]
    assert mine.plan_total == 1_500_000
    assert mine.missing == ["status", "realisasi indikator: Bank sampah aktif", "realisasi anggaran", "bukti dukung"]
    assert items[2].opd == personas.opd  # the quick win's owner (owner_year 2022 is the latest before 2024)
    assert [i.key for i in load_items(year, opd_id=personas.other_opd.pk)] == [f"P-{other_programme.pk}"]


def test_programmes_not_running_in_the_year_are_not_asked_for(personas, year):
    from tests.plan.factories import ProgrammeFactory

    ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, start_year=2026, end_year=2030)
    ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd, start_year=2023, end_year=2023)
    assert load_items(year) == []


def test_save_report_writes_history_realisations_and_read_targets(personas, year, programme):
    member = access(personas.opd_member, personas.masterplan)
    item = find_item(year, kind=PROGRAMME, pk=programme.pk)
    indicator = item.indicators[0]
    report = services.save_report(
        access=member,
        reporting_year=year,
        item=item,
        data=_data(realisations={indicator.pk: "85,5"}),
        expected_version=None,
    )
    assert report.version == 1 and report.updated_by == personas.opd_member
    assert Realisation.objects.get(report=report).value == "85,5"
    assert report.history.first().history_user == personas.opd_member
    item = find_item(year, kind=PROGRAMME, pk=programme.pk)
    assert item.indicators[0].achievement == 71.2  # 85,5 of 120
    assert item.missing == ["bukti dukung"]
    # A second save with the version seen: version 2, realisation removed when emptied
    services.save_report(access=member, reporting_year=year, item=item, data=_data(status="done"), expected_version=1)
    report.refresh_from_db()
    assert report.version == 2 and report.status == "done"
    assert report.history.count() == 2


def test_opd_member_cannot_report_another_opds_programme(personas, year, other_programme):
    item = find_item(year, kind=PROGRAMME, pk=other_programme.pk)
    with pytest.raises(PermissionDenied):
        services.save_report(
            access=access(personas.opd_member, personas.masterplan),
            reporting_year=year,
            item=item,
            data=_data(),
            expected_version=None,
        )
    for persona in (personas.expert, personas.reader):
        with pytest.raises(PermissionDenied):
            services.save_report(
                access=access(persona, personas.masterplan),
                reporting_year=year,
                item=item,
                data=_data(),
                expected_version=None,
            )
    assert not Report.objects.exists()


def test_a_closed_or_submitted_year_takes_no_reports(personas, year, programme):
    coordinator = access(personas.coordinator, personas.masterplan)
    item = find_item(year, kind=PROGRAMME, pk=programme.pk)
    services.set_closed(access=coordinator, reporting_year=year, closed=True, expected_version=1)
    year.refresh_from_db()
    with pytest.raises(ValidationError, match="tidak menerima laporan"):
        services.save_report(access=coordinator, reporting_year=year, item=item, data=_data(), expected_version=None)
    services.set_closed(access=coordinator, reporting_year=year, closed=False, expected_version=2)
    year.refresh_from_db()
    services.transition(access=coordinator, reporting_year=year, action="submit", expected_version=3)
    year.refresh_from_db()
    with pytest.raises(ValidationError, match="tidak menerima laporan"):
        services.save_report(access=coordinator, reporting_year=year, item=item, data=_data(), expected_version=None)


def test_workflow_notifies_and_keeps_history(personas, year):
    coordinator = access(personas.coordinator, personas.masterplan)
    expert = access(personas.expert, personas.masterplan)
    with TestCase.captureOnCommitCallbacks():
        services.transition(access=coordinator, reporting_year=year, action="submit", expected_version=1)
    assert Notification.objects.get(recipient=personas.expert).kind == Notification.Kind.SUBMITTED
    with pytest.raises(PermissionDenied):
        services.transition(access=coordinator, reporting_year=year, action="accept", expected_version=2)
    with pytest.raises(ValidationError, match="perlu diperbaiki"):
        services.transition(access=expert, reporting_year=year, action="request_changes", expected_version=2)
    with TestCase.captureOnCommitCallbacks():
        services.transition(
            access=expert, reporting_year=year, action="request_changes", expected_version=2, note="Bukti belum ada."
        )
    year.refresh_from_db()
    assert year.state == YearState.CHANGES and year.note == "Bukti belum ada." and year.accepts_reports
    told = set(Notification.objects.filter(kind=Notification.Kind.CHANGES).values_list("recipient", flat=True))
    assert {personas.coordinator.pk, personas.opd_member.pk, personas.other_opd_member.pk} <= told
    assert personas.stranger.pk not in told
    services.transition(access=coordinator, reporting_year=year, action="submit", expected_version=3)
    services.transition(access=expert, reporting_year=year, action="accept", expected_version=4)
    year.refresh_from_db()
    assert year.state == YearState.ACCEPTED and year.decided_by == personas.expert
    assert [h.state for h in year.history.order_by("history_date")] == [
        "open",
        "submitted",
        "changes",
        "submitted",
        "accepted",
    ]
    with pytest.raises(ValidationError):
        services.set_closed(access=coordinator, reporting_year=year, closed=False, expected_version=5)


def test_a_stale_version_is_refused(personas, year):
    coordinator = access(personas.coordinator, personas.masterplan)
    with pytest.raises(services.Conflict):
        services.transition(access=coordinator, reporting_year=year, action="submit", expected_version=0)
    assert ReportingYear.objects.get(pk=year.pk).state == YearState.OPEN


def test_monev_is_not_part_of_the_masterplan_review(personas, year, programme):
    """A final masterplan stays final while its OPDs report: monev registers no section, reports no change."""
    from core import registry

    assert not [s for s in registry.sections() if s.key.startswith("monev")]
    Masterplan.objects.filter(pk=personas.masterplan.pk).update(status=Masterplan.Status.FINAL)
    before = Masterplan.objects.get(pk=personas.masterplan.pk).content_version
    SectionReview.objects.create(masterplan=personas.masterplan, section_key="plan.programmes", state=State.APPROVED)
    item = find_item(year, kind=PROGRAMME, pk=programme.pk)
    services.save_report(
        access=access(personas.opd_member, personas.masterplan),
        reporting_year=year,
        item=item,
        data=_data(),
        expected_version=None,
    )
    masterplan = Masterplan.objects.get(pk=personas.masterplan.pk)
    assert masterplan.status == Masterplan.Status.FINAL and masterplan.content_version == before
    assert SectionReview.objects.get(section_key="plan.programmes").state == State.APPROVED


def test_summary_counts_opds_that_reported(personas, year, programme, other_programme):
    summary = summarise(load_items(year))
    assert (summary.opds_reported, summary.opds_total) == (0, 2)
    services.save_report(
        access=access(personas.opd_member, personas.masterplan),
        reporting_year=year,
        item=find_item(year, kind=PROGRAMME, pk=programme.pk),
        data=_data(),
        expected_version=None,
    )
    summary = summarise(load_items(year))
    assert (summary.opds_reported, summary.opds_total, summary.rate) == (1, 2, 50.0)
    assert dict(summary.status_counts())["Berjalan"] == 1


def test_a_quick_win_is_reported_by_its_owner_of_that_year(personas, quickwin):
    """Owned by DLH from 2022, by Dispar from 2025: DLH reports 2024, Dispar 2025 and later."""
    from quickwins.models import QuickWinOwner

    from .factories import ReportingYearFactory

    QuickWinOwner.objects.create(quickwin=quickwin, year=2025, opd=personas.other_opd)
    owners = {y: load_items(ReportingYearFactory(masterplan=personas.masterplan, year=y))[0].opd for y in (2024, 2026)}
    assert owners == {2024: personas.opd, 2026: personas.other_opd}


def test_reports_show_in_the_activity_stream(personas, as_user, year, programme, quickwin):
    from django.urls import reverse

    member = access(personas.opd_member, personas.masterplan)
    for kind, pk in (("programme", programme.pk), ("quickwin", quickwin.pk)):
        services.save_report(
            access=member,
            reporting_year=year,
            item=find_item(year, kind=kind, pk=pk),
            data=_data(),
            expected_version=None,
        )
    page = as_user(personas.coordinator).get(reverse("review:activity", args=[personas.masterplan.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "2024 · Bank sampah digital: Berjalan" in html and "2024 · Serbu Gass: Berjalan" in html
    filtered = as_user(personas.coordinator).get(
        reverse("review:activity", args=[personas.masterplan.pk]) + f"?opd={personas.opd.pk}"
    )
    assert filtered.status_code == 200
