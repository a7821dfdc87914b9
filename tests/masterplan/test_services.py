import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from accounts.models import User
from masterplan import services
from masterplan.models import OPD, Invitation, Membership, Role

from ..factories import MembershipFactory, UserFactory


def png_bytes(size=(8, 8)):
    out = io.BytesIO()
    Image.new("RGB", size, "navy").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def eager_mail(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_inviting_a_new_person_mails_a_link_after_commit(
    client, personas, django_capture_on_commit_callbacks, eager_mail
):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:member_invite", args=[personas.masterplan.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, {"email": "Baru@Uji.test", "role": Role.OPD_MEMBER, "opd": personas.opd.pk})
    assert response.status_code == 302
    assert len(callbacks) == 1
    invitation = Invitation.objects.get(email="baru@uji.test")
    assert invitation.opd == personas.opd
    assert len(mail.outbox) == 1 and invitation.token in mail.outbox[0].body


def test_inviting_an_existing_user_adds_them_at_once(client, personas, django_capture_on_commit_callbacks):
    someone = UserFactory(email="ada@uji.test")
    client.force_login(personas.coordinator)
    with django_capture_on_commit_callbacks():
        client.post(
            reverse("masterplan:member_invite", args=[personas.masterplan.pk]),
            {"email": "ada@uji.test", "role": Role.EXPERT},
        )
    assert Membership.objects.get(user=someone, masterplan=personas.masterplan).role == Role.EXPERT
    assert not Invitation.objects.exists()


def test_invite_refuses_an_opd_member_without_opd_and_another_regions_opd(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:member_invite", args=[personas.masterplan.pk])
    response = client.post(url, {"email": "x@uji.test", "role": Role.OPD_MEMBER})
    assert response.status_code == 400 and "harus memilih OPD" in response.content.decode()
    foreign = OPD.objects.create(region=personas.other_masterplan.region, name="Dinas Luar", acronym="DL")
    response = client.post(url, {"email": "x@uji.test", "role": Role.OPD_MEMBER, "opd": foreign.pk})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_accepting_an_invitation_creates_the_account_and_membership(client, personas):
    invitation = Invitation.objects.create(masterplan=personas.masterplan, email="baru@uji.test", role=Role.READER)
    url = reverse("masterplan:invitation_accept", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"first_name": "Baru", "password1": "sandi-yang-kuat-77", "password2": "sandi-yang-kuat-77"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="baru@uji.test")
    assert Membership.objects.get(user=user).role == Role.READER
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    client.logout()
    assert client.get(url).status_code == 410


def test_invitation_for_someone_else_is_refused(client, personas):
    invitation = Invitation.objects.create(masterplan=personas.masterplan, email="baru@uji.test", role=Role.READER)
    client.force_login(personas.reader)
    assert client.post(reverse("masterplan:invitation_accept", args=[invitation.token])).status_code == 403


def test_the_last_coordinator_cannot_be_removed(personas):
    membership = Membership.objects.get(user=personas.coordinator, masterplan=personas.masterplan)
    with pytest.raises(ValidationError):
        services.remove_member(membership=membership, user=personas.coordinator)
    MembershipFactory(masterplan=personas.masterplan, role=Role.COORDINATOR)
    services.remove_member(membership=membership, user=personas.coordinator)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_an_opd_in_use_is_not_deleted(client, personas):
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("masterplan:opd_delete", args=[personas.masterplan.pk, personas.opd.pk]), follow=True
    )
    assert OPD.objects.filter(pk=personas.opd.pk).exists()
    assert "tidak dapat dihapus" in response.content.decode()


def test_concurrent_opd_edits_are_detected(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:opd_edit", args=[personas.masterplan.pk, personas.opd.pk])
    opened = personas.opd.version
    first = client.post(
        url, {"name": "Dinas Lingkungan Hidup Kab. PPU", "acronym": "DLH", "kind": "dinas", "version": opened}
    )
    assert first.status_code == 302
    second = client.post(url, {"name": "Dinas LH", "acronym": "DLH", "kind": "dinas", "version": opened})
    assert second.status_code == 200
    page = second.content.decode()
    assert "sudah diubah oleh" in page and "Dinas Lingkungan Hidup Kab. PPU" in page and "Dinas LH" in page
    personas.opd.refresh_from_db()
    assert personas.opd.name == "Dinas Lingkungan Hidup Kab. PPU"
    assert personas.opd.history.count() == 2  # created + the first edit; the refused one left no trace


def test_duplicate_opd_acronym_is_refused_with_a_message(client, personas):
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("masterplan:opd_add", args=[personas.masterplan.pk]),
        {"name": "Dinas Lain", "acronym": "dlh", "kind": "dinas"},
    )
    assert response.status_code == 200
    assert "sudah dipakai" in response.content.decode()


def test_masterplan_horizon_is_at_most_ten_years(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:edit", args=[personas.masterplan.pk])
    data = {
        "title": "Masterplan",
        "start_year": 2023,
        "end_year": 2033,
        "foreword": "",
        "version": personas.masterplan.version,
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "paling lama 10 tahun" in response.content.decode()
    data["end_year"] = 2032
    assert client.post(url, data).status_code == 302


def test_logo_upload_checks_the_content(client, personas, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(personas.coordinator)
    url = reverse("masterplan:edit", args=[personas.masterplan.pk])
    data = {"title": "Masterplan", "start_year": 2023, "end_year": 2032, "version": personas.masterplan.version}
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(url, {**data, "logo": fake})
    assert response.status_code == 200 and response.context["form"].errors["logo"]
    personas.masterplan.refresh_from_db()
    assert not personas.masterplan.logo
    real = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    data["version"] = personas.masterplan.version
    assert client.post(url, {**data, "logo": real}).status_code == 302
    personas.masterplan.refresh_from_db()
    assert personas.masterplan.logo.name.startswith(f"masterplan/{personas.masterplan.pk}/logo/")


def test_admin_enrols_a_region_from_the_page(client, personas):
    from masterplan.models import Masterplan

    from ..factories import RegionFactory

    RegionFactory(code="64.02", name="Kabupaten Kutai Kartanegara")
    client.force_login(personas.admin)
    response = client.post(
        reverse("masterplan:create"),
        {"region_code": "64.02", "cohort_year": 2023, "start_year": 2024, "end_year": 2033, "coordinator_email": ""},
    )
    assert response.status_code == 302
    assert Masterplan.objects.filter(region__code="64.02", cohort__year=2023).exists()
    again = client.post(
        reverse("masterplan:create"),
        {"region_code": "64.02", "cohort_year": 2023, "start_year": 2024, "end_year": 2033},
    )
    assert "sudah terdaftar" in again.content.decode()
    province = client.post(
        reverse("masterplan:create"), {"region_code": "64", "cohort_year": 2023, "start_year": 2024, "end_year": 2033}
    )
    assert "provinsi" in province.content.decode()
