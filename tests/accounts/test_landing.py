"""After signing in: one masterplan -> its dashboard; several -> the list; a safe ?next= wins."""

from django.urls import reverse

from masterplan.models import Role
from tests.factories import MasterplanFactory, MembershipFactory

PASSWORD = "rahasia-uji-123"  # UserFactory's


def login(client, user, next_url=None):
    url = reverse("accounts:login")
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"username": user.email, "password": PASSWORD}, REMOTE_ADDR="10.9.9.8")


def test_one_masterplan_lands_on_its_dashboard(client, personas):
    response = login(client, personas.coordinator)
    assert response.status_code == 302
    assert response["Location"] == reverse("masterplan:dashboard", args=[personas.masterplan.pk])


def test_several_masterplans_land_on_the_list(client, personas):
    MembershipFactory(masterplan=MasterplanFactory(), user=personas.expert, role=Role.EXPERT)
    response = login(client, personas.expert)
    assert response["Location"] == reverse("masterplan:home")


def test_programme_admin_lands_on_the_list(client, personas):
    personas.admin.set_password(PASSWORD)
    personas.admin.save()
    response = login(client, personas.admin)
    assert response["Location"] == reverse("masterplan:home")


def test_next_wins_over_the_landing(client, personas):
    target = reverse("bimtek:stages", args=[personas.masterplan.pk])
    response = login(client, personas.coordinator, next_url=target)
    assert response["Location"] == target


def test_foreign_next_is_ignored(client, personas):
    response = login(client, personas.coordinator, next_url="https://jahat.example/")
    assert response["Location"] == reverse("masterplan:dashboard", args=[personas.masterplan.pk])
