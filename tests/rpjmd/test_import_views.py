"""Upload -> preview (nothing written) -> confirm (all or nothing), in the browser's way."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from rpjmd.models import RPJMD, Program

from .conftest import records, workbook


@pytest.fixture
def settings_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def upload(client, personas, data, name="rpjmd.xlsx", **extra):
    return client.post(
        reverse("rpjmd:import", args=[personas.masterplan.pk]), {"file": SimpleUploadedFile(name, data), **extra}
    )


def test_upload_preview_confirm(region_opds, as_user, settings_data_dir):
    client = as_user(region_opds.coordinator)
    response = upload(client, region_opds, workbook(records(10)))
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "10 program baru" in body and "RPJMD 2021–2026 akan dibuat" in body
    assert not Program.objects.exists()  # nothing written before confirmation
    token = preview.context["token"]
    response = client.post(
        reverse("rpjmd:import_confirm", args=[region_opds.masterplan.pk, token]), {"create_opds": "0"}
    )
    assert response.status_code == 302
    assert Program.objects.count() == 10
    assert list(settings_data_dir.joinpath("rpjmd-imports").iterdir()) == []  # the pending file is gone


def test_preview_offers_to_create_unknown_opds(personas, as_user, settings_data_dir):
    client = as_user(personas.coordinator)
    preview_url = upload(client, personas, workbook(records(3)))["Location"]
    body = client.get(preview_url).content.decode()
    assert "Disdikbud" in body and "belum terdaftar" in body and "buat_opd=1" in body
    token = preview_url.rstrip("/").split("/")[-1]
    confirm = reverse("rpjmd:import_confirm", args=[personas.masterplan.pk, token])
    response = client.post(confirm, {"create_opds": "0"})
    assert response.status_code == 302 and not Program.objects.exists()  # refused: still has errors
    body = client.get(preview_url + "?buat_opd=1").content.decode()
    assert "OPD baru yang akan dibuat" in body
    client.post(confirm, {"create_opds": "1"})
    assert Program.objects.count() == 3


def test_unreadable_file_is_refused_on_the_form(personas, as_user, settings_data_dir):
    response = upload(as_user(personas.coordinator), personas, b"\x00\x01 bukan lembar kerja", name="x.xlsx")
    assert response.status_code == 200
    assert "bukan lembar kerja" in response.content.decode()


def test_bad_period_is_refused(personas, as_user, settings_data_dir):
    response = upload(as_user(personas.coordinator), personas, workbook(records(1)), period="2021-2040")
    assert "Tulis periode seperti 2021-2026" in response.content.decode()


def test_another_users_token_is_not_found(region_opds, as_user, settings_data_dir):
    from masterplan.models import Role
    from tests.factories import MembershipFactory, UserFactory

    preview_url = upload(as_user(region_opds.coordinator), region_opds, workbook(records(1)))["Location"]
    second = UserFactory(email="koordinator2@uji.test")
    MembershipFactory(masterplan=region_opds.masterplan, user=second, role=Role.COORDINATOR)
    response = as_user(second).get(preview_url)
    assert response.status_code == 302  # expired or not theirs: back to the upload form
    token = preview_url.rstrip("/").split("/")[-1]
    response = as_user(second).post(reverse("rpjmd:import_confirm", args=[region_opds.masterplan.pk, token]))
    assert response.status_code == 404 and not Program.objects.exists()


def test_hostile_token_is_not_a_path(personas, as_user, settings_data_dir):
    response = as_user(personas.coordinator).get(
        reverse("rpjmd:import_preview", args=[personas.masterplan.pk, "..%2F..%2Fetc"])
    )
    assert response.status_code in (302, 404)


@pytest.mark.parametrize("who", ["opd_member", "expert", "reader"])
def test_only_coordinator_uploads(personas, as_user, settings_data_dir, who):
    response = upload(as_user(getattr(personas, who)), personas, workbook(records(1)))
    assert response.status_code == 403


def test_template_download_is_a_workbook(personas, as_user):
    response = as_user(personas.reader).get(reverse("rpjmd:template", args=[personas.masterplan.pk]))
    assert response.status_code == 200 and response.content[:2] == b"PK"


# The command line runs the same importer.


def test_command_imports_and_reports(region_opds, tmp_path, capsys):
    path = tmp_path / "rpjmd.xlsx"
    path.write_bytes(workbook(records(4)))
    call_command("import_rpjmd", "64.09", str(path), "--dry-run")
    assert "4 program baru" in capsys.readouterr().out and not Program.objects.exists()
    call_command("import_rpjmd", "64.09", str(path))
    assert Program.objects.count() == 4 and RPJMD.objects.get().start_year == 2021


def test_command_exits_non_zero_on_errors_without_writing(personas, tmp_path, capsys):
    path = tmp_path / "rpjmd.xlsx"
    path.write_bytes(workbook(records(3)))
    with pytest.raises(CommandError):
        call_command("import_rpjmd", "64.09", str(path))
    assert "GALAT" in capsys.readouterr().out and not Program.objects.exists()
    call_command("import_rpjmd", "64.09", str(path), "--create-opds", "--period", "2021-2026")
    assert Program.objects.count() == 3


def test_command_unknown_region(db, tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_rpjmd", "99.99", str(tmp_path / "x.xlsx"))
