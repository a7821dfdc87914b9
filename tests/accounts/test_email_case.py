"""An email is one identity whatever its letter case: sign-in, lockout, uniqueness, invitations."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from masterplan import services
from masterplan.models import Invitation, Role
from tests.factories import MasterplanFactory, UserFactory

PASSWORD = "rahasia-uji-123"  # UserFactory's


def login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR="10.9.9.9")


@pytest.mark.django_db
def test_lockout_holds_whatever_the_case_of_the_email(client, settings):
    settings.AXES_FAILURE_LIMIT = 8
    UserFactory(email="dlh@ppu.demo")
    for _ in range(8):
        login(client, "dlh@ppu.demo", "salah-sekali")

    response = login(client, "DLH@ppu.demo", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failures_in_every_spelling_count_against_one_budget(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="dlh@ppu.demo")
    for spelling in ["dlh@ppu.demo", "DLH@ppu.demo", " Dlh@PPU.demo "]:
        login(client, spelling, "salah-sekali")

    response = login(client, "dlh@ppu.demo", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_in_with_mixed_case_email(client):
    user = UserFactory(email="bappeda@ppu.demo")

    response = login(client, "BapPeda@PPU.Demo", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_email_is_stored_in_lower_case():
    User = get_user_model()
    assert User.objects.create_user(email=" Kominfo@PPU.demo ", password="x").email == "kominfo@ppu.demo"
    user = UserFactory(email="diskominfo@ppu.demo")
    user.email = "DisKominfo@PPU.demo"
    user.save()
    user.refresh_from_db()
    assert user.email == "diskominfo@ppu.demo"


@pytest.mark.django_db
def test_second_user_differing_only_by_case_is_refused():
    User = get_user_model()
    User.objects.create_user(email="dlh@ppu.demo", password="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="DLH@ppu.demo", password="x")
    # Even when save() is bypassed, the database refuses it.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="DLH@PPU.DEMO")])
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_invitation_with_upper_case_email_is_stored_in_lower_case():
    masterplan = MasterplanFactory()

    services.invite_member(masterplan=masterplan, email=" Bappeda@PPU.Demo ", role=Role.READER)
    direct = Invitation.objects.create(masterplan=masterplan, email="DLH@PPU.demo", role=Role.READER)

    assert set(Invitation.objects.values_list("email", flat=True)) == {"bappeda@ppu.demo", "dlh@ppu.demo"}
    assert direct.email == "dlh@ppu.demo"
