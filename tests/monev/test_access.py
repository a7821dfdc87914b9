"""One test per access rule, through the pages: who reads, who writes which rows, another region's ids."""

import pytest
from django.urls import reverse

from monev.models import Report, ReportingYear
from tests.plan.factories import ProgrammeFactory

from .factories import ReportingYearFactory


def _report_url(personas, year, programme):
    return reverse("monev:report_programme", args=[personas.masterplan.pk, year.year, programme.pk])


def _post_data(version="", **extra):
    return {"version": version, "status": "running", "budget_realised": "1.250.000", "budget_source": "apbd", **extra}


@pytest.mark.parametrize("name", ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"])
def test_every_member_reads_the_pages(personas, as_user, year, programme, name):
    client = as_user(getattr(personas, name))
    mp = personas.masterplan.pk
    for url in [
        reverse("monev:index", args=[mp]),
        reverse("monev:year", args=[mp, 2024]),
        reverse("monev:opd_report", args=[mp, 2024, personas.opd.pk]),
        _report_url(personas, year, programme),
        reverse("monev:export", args=[mp, 2024, personas.opd.pk]),
    ]:
        assert client.get(url).status_code == 200, (name, url)


def test_opd_member_reports_own_programme(personas, as_user, year, programme):
    client = as_user(personas.opd_member)
    page = client.get(_report_url(personas, year, programme))
    assert b'name="status"' in page.content
    response = client.post(_report_url(personas, year, programme), _post_data())
    assert response.status_code == 302
    report = Report.objects.get(programme=programme)
    assert report.budget_realised == 1_250_000 and report.updated_by == personas.opd_member


@pytest.mark.parametrize("name", ["other_opd_member", "expert", "reader"])
def test_others_cannot_write_the_row(personas, as_user, year, programme, name):
    client = as_user(getattr(personas, name))
    assert b'name="status"' not in client.get(_report_url(personas, year, programme)).content
    assert client.post(_report_url(personas, year, programme), _post_data()).status_code == 403
    assert not Report.objects.exists()


def test_coordinator_writes_any_row(personas, as_user, year, programme):
    response = as_user(personas.coordinator).post(_report_url(personas, year, programme), _post_data())
    assert response.status_code == 302 and Report.objects.filter(programme=programme).exists()


def test_another_regions_ids_give_404_and_change_nothing(personas, as_user, year):
    """The stranger's own masterplan, with ids of ours: every id outside the masterplan is 404."""
    theirs = personas.other_masterplan
    ReportingYearFactory(masterplan=theirs, year=2024)
    client = as_user(personas.stranger)
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    mp = theirs.pk
    for url in [
        reverse("monev:report_programme", args=[mp, 2024, programme.pk]),  # our programme, their masterplan
        reverse("monev:opd_report", args=[mp, 2024, personas.opd.pk]),  # our OPD
        reverse("monev:export", args=[mp, 2024, personas.opd.pk]),
        reverse("monev:import", args=[mp, 2024, personas.opd.pk]),
        reverse("monev:year", args=[mp, 2031]),  # no such reporting year
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, _post_data()).status_code == 404, url
    assert not Report.objects.exists()


def test_quickwin_that_is_not_chosen_is_not_reported(personas, as_user, year):
    from tests.quickwins.factories import QuickWinFactory

    candidate = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd, chosen=False)
    url = reverse("monev:report_quickwin", args=[personas.masterplan.pk, 2024, candidate.pk])
    assert as_user(personas.coordinator).get(url).status_code == 404


@pytest.mark.parametrize("name", ["opd_member", "expert", "reader"])
def test_only_the_coordinator_opens_and_closes(personas, as_user, year, name):
    client = as_user(getattr(personas, name))
    mp = personas.masterplan.pk
    assert (
        client.post(reverse("monev:year_open", args=[mp]), {"year": 2025, "deadline": "2026-01-31"}).status_code == 403
    )
    client.post(reverse("monev:year_close", args=[mp, 2024]), {"version": 1})
    assert ReportingYear.objects.count() == 1 and not ReportingYear.objects.get().is_closed


def test_coordinator_opens_and_closes_through_the_pages(personas, as_user, year):
    client = as_user(personas.coordinator)
    mp = personas.masterplan.pk
    response = client.post(reverse("monev:year_open", args=[mp]), {"year": 2025, "deadline": "2026-01-31"})
    assert response.status_code == 302 and ReportingYear.objects.filter(year=2025).exists()
    client.post(reverse("monev:year_close", args=[mp, 2024]), {"version": 1})
    assert ReportingYear.objects.get(year=2024).is_closed


def test_expert_decides_through_the_page(personas, as_user, year):
    mp = personas.masterplan.pk
    url = reverse("monev:year_transition", args=[mp, 2024])
    as_user(personas.coordinator).post(url, {"version": 1, "action": "submit"})
    page = as_user(personas.expert).get(reverse("monev:year", args=[mp, 2024]))
    assert b'value="accept"' in page.content
    as_user(personas.expert).post(url, {"version": 2, "action": "accept", "note": "Lengkap."})
    assert ReportingYear.objects.get().state == "accepted"


def test_evidence_is_validated_and_served_after_the_access_check(personas, year, programme):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    member, client = Client(), Client()
    member.force_login(personas.opd_member)
    pdf = SimpleUploadedFile("sk-bupati.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    url = _report_url(personas, year, programme)
    response = member.post(url, {**_post_data(), "files": [fake]})
    assert response.status_code == 400 and "bukan jenis yang diizinkan" in response.content.decode()
    assert not Report.objects.exists()
    assert member.post(url, {**_post_data(), "files": [pdf]}).status_code == 302
    evidence = Report.objects.get().evidence.get()
    served = member.get(reverse("monev:evidence", args=[personas.masterplan.pk, evidence.pk]))
    assert served.status_code == 200 and served["Content-Security-Policy"].startswith("default-src 'none'")
    client.force_login(personas.stranger)
    assert client.get(reverse("monev:evidence", args=[personas.other_masterplan.pk, evidence.pk])).status_code == 404
    client.force_login(personas.other_opd_member)
    delete = reverse("monev:evidence_delete", args=[personas.masterplan.pk, evidence.pk])
    assert client.post(delete).status_code == 403
    assert member.post(delete).status_code == 302
    assert not Report.objects.get().evidence.exists()
