"""Reminder digests: one mail a day per person listing everything the person's OPD still owes, before the
deadline only, never twice a day, none for people who turned mail off."""

import datetime

import pytest
from django.core.management import call_command

from monev.models import ReminderDigest, Report
from monev.reminders import send_reminders
from tests.plan.factories import ProgrammeFactory

from .factories import ReportingYearFactory

TODAY = datetime.date(2025, 1, 25)  # the year fixture's deadline is 31 January 2025: 6 days later


@pytest.fixture(autouse=True)
def _eager(settings):
    # Celery reads its settings once: an earlier test may have made its configuration already, so the running
    # app is told directly (in random order on PostgreSQL and Redis, the mails went to the broker instead)
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MONEV_REMINDER_DAYS = 14
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


def _send(capture, **kwargs):
    with capture(execute=True):
        return send_reminders(today=kwargs.pop("today", TODAY), **kwargs)


def test_one_digest_per_person_lists_every_item_of_the_opd(
    personas, year, programme, quickwin, other_programme, mailoutbox, django_capture_on_commit_callbacks
):
    second = ProgrammeFactory(masterplan=personas.masterplan, name="Kompos kelurahan", lead_opd=personas.opd)
    counts = _send(django_capture_on_commit_callbacks)
    by_person = {m.to[0]: m for m in mailoutbox}
    assert set(by_person) == {personas.opd_member.email, personas.other_opd_member.email}
    assert counts == {"sent": 2, "already": 0, "no_mail": 0}
    mail = by_person[personas.opd_member.email]
    for name in ("Bank sampah digital", "Kompos kelurahan", "Serbu Gass"):
        assert name in mail.body
    assert "Promosi wisata pesisir" not in mail.body  # Dispar's, not DLH's
    assert "3 laporan belum lengkap" in mail.subject and "6 hari lagi" in mail.body
    assert f"/m/{personas.masterplan.pk}/monev/2024/opd/{personas.opd.pk}/" in mail.body
    assert second.pk  # the second programme is DLH's


def test_two_years_of_two_masterplans_make_one_mail(
    personas, year, programme, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.factories import CohortFactory, MasterplanFactory, MembershipFactory

    later = MasterplanFactory(region=personas.masterplan.region, cohort=CohortFactory(year=2024))
    MembershipFactory(masterplan=later, user=personas.opd_member, role="opd_member", opd=personas.opd)
    ReportingYearFactory(masterplan=later, year=later.start_year, deadline=datetime.date(2025, 2, 2))
    ProgrammeFactory(masterplan=later, name="Program angkatan berikut", lead_opd=personas.opd)
    _send(django_capture_on_commit_callbacks)
    mine = [m for m in mailoutbox if m.to == [personas.opd_member.email]]
    assert len(mine) == 1
    assert "Bank sampah digital" in mine[0].body and "Program angkatan berikut" in mine[0].body


def test_a_second_run_the_same_day_sends_nothing(
    personas, year, programme, mailoutbox, django_capture_on_commit_callbacks
):
    _send(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    counts = _send(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1 and counts == {"sent": 0, "already": 1, "no_mail": 0}
    assert ReminderDigest.objects.get().day == TODAY
    _send(django_capture_on_commit_callbacks, today=TODAY + datetime.timedelta(days=1))
    assert len(mailoutbox) == 2  # the next day: a new digest


def test_mail_off_gets_no_digest(personas, year, programme, mailoutbox, django_capture_on_commit_callbacks):
    personas.opd_member.notify_by_email = False
    personas.opd_member.save()
    counts = _send(django_capture_on_commit_callbacks)
    assert mailoutbox == [] and counts["no_mail"] == 1 and not ReminderDigest.objects.exists()


@pytest.mark.parametrize(
    "today", [datetime.date(2025, 1, 10), datetime.date(2025, 2, 1)], ids=["too-early", "after-deadline"]
)
def test_only_within_the_window_before_the_deadline(
    personas, year, programme, mailoutbox, django_capture_on_commit_callbacks, today
):
    _send(django_capture_on_commit_callbacks, today=today)
    assert mailoutbox == []


def test_the_deadline_day_is_still_reminded(personas, year, programme, mailoutbox, django_capture_on_commit_callbacks):
    _send(django_capture_on_commit_callbacks, today=year.deadline)
    assert len(mailoutbox) == 1 and "hari ini batas terakhir" in mailoutbox[0].body


def test_submitted_or_closed_years_and_complete_opds_are_not_reminded(
    personas, year, programme, mailoutbox, django_capture_on_commit_callbacks
):
    year.state = "submitted"
    year.save()
    _send(django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_an_opd_that_owes_nothing_gets_nothing(personas, year, mailoutbox, django_capture_on_commit_callbacks):
    from monev.models import Evidence

    bare = ProgrammeFactory(masterplan=personas.masterplan, name="Tanpa indikator", lead_opd=personas.opd)
    report = Report.objects.create(reporting_year=year, programme=bare, status="running")
    Evidence.objects.create(report=report, file="x.pdf", kind="pdf", original_name="x.pdf")
    _send(django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_the_command_reports_and_is_idempotent(personas, year, programme, mailoutbox, capsys):
    call_command("send_monev_reminders", "--date", "2025-01-25")
    call_command("send_monev_reminders", "--date", "2025-01-25")
    out = capsys.readouterr().out
    assert "1 dikirim" in out and "1 sudah dikirim hari ini" in out
    assert ReminderDigest.objects.count() == 1


def test_the_beat_schedule_names_the_task(settings):
    from monev.tasks import send_reminders as task

    assert settings.CELERY_BEAT_SCHEDULE["monev-reminders"]["task"] == task.name
