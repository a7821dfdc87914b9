"""Two people edit the same report: the second save is refused and both versions are shown."""

from django.test import Client
from django.urls import reverse

from monev.models import Report


def test_concurrent_edit_is_refused_with_both_versions(personas, as_user, year, programme):
    client = Client()
    url = reverse("monev:report_programme", args=[personas.masterplan.pk, 2024, programme.pk])
    base = {"status": "running", "budget_source": "apbd", "budget_realised": "1.000.000"}
    as_user(personas.coordinator).post(url, {**base, "version": ""})
    assert Report.objects.get().version == 1
    # Both open version 1; the coordinator saves first
    as_user(personas.coordinator).post(url, {**base, "version": 1, "notes": "Versi koordinator"})
    client.force_login(personas.opd_member)
    response = client.post(url, {**base, "version": 1, "status": "done", "notes": "Versi DLH"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Versi koordinator" in html and "Versi DLH" in html and "Perubahan bersamaan" in html
    report = Report.objects.get()
    assert (report.version, report.notes, report.status) == (2, "Versi koordinator", "running")
    # The form now carries the current version: saving again is the user's decision
    assert 'name="version" value="2"' in html
    assert client.post(url, {**base, "version": 2, "status": "done", "notes": "Versi DLH"}).status_code == 302
    assert Report.objects.get().notes == "Versi DLH"


def test_a_report_created_meanwhile_is_not_overwritten(personas, as_user, year, programme):
    client = Client()
    url = reverse("monev:report_programme", args=[personas.masterplan.pk, 2024, programme.pk])
    base = {"status": "running", "budget_source": "", "budget_realised": ""}
    as_user(personas.coordinator).post(url, {**base, "version": "", "notes": "Pertama"})
    client.force_login(personas.opd_member)
    response = client.post(url, {**base, "version": "", "notes": "Kedua, dari formulir kosong"})
    assert response.status_code == 409
    assert Report.objects.get().notes == "Pertama"
