"""Who gets what on every masterplan page: one row per view, one column per persona."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masterplan.access import access_for
from masterplan.models import Invitation, Masterplan

from .test_services import png_bytes

MEMBERS = ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"]
MANAGERS = {"coordinator", "admin"}


def _expect(allowed, ok=200):
    """stranger: 404; members in `allowed`: ok; other members: 403."""
    return {name: (ok if name in allowed else 403) for name in MEMBERS} | {"stranger": 404}


READ = {name: 200 for name in MEMBERS} | {"stranger": 404}

CASES = [
    # (url name, method, kwargs builder, expected status per persona)
    ("masterplan:dashboard", "get", lambda p: {"mp": p.masterplan.pk}, READ),
    ("masterplan:members", "get", lambda p: {"mp": p.masterplan.pk}, READ),
    ("masterplan:opds", "get", lambda p: {"mp": p.masterplan.pk}, READ),
    ("masterplan:edit", "get", lambda p: {"mp": p.masterplan.pk}, _expect(MANAGERS)),
    ("masterplan:opd_add", "get", lambda p: {"mp": p.masterplan.pk}, _expect(MANAGERS)),
    ("masterplan:opd_edit", "get", lambda p: {"mp": p.masterplan.pk, "pk": p.opd.pk}, _expect(MANAGERS)),
    (
        "masterplan:member_edit",
        "get",
        lambda p: {"mp": p.masterplan.pk, "pk": p.masterplan.memberships.get(user=p.reader).pk},
        _expect(MANAGERS),
    ),
    (
        "masterplan:member_remove",
        "post",
        lambda p: {"mp": p.masterplan.pk, "pk": p.masterplan.memberships.get(user=p.reader).pk},
        _expect(MANAGERS, ok=302),
    ),
    ("masterplan:member_invite", "post", lambda p: {"mp": p.masterplan.pk}, _expect(MANAGERS, ok=302)),
    (
        "masterplan:opd_delete",
        "post",
        lambda p: {"mp": p.masterplan.pk, "pk": p.other_opd.pk},
        _expect(MANAGERS, ok=302),
    ),
    (
        "masterplan:invitation_cancel",
        "post",
        lambda p: {
            "mp": p.masterplan.pk,
            "pk": Invitation.objects.create(masterplan=p.masterplan, email="x@uji.test", role="reader").pk,
        },
        _expect(MANAGERS, ok=302),
    ),
]


@pytest.mark.parametrize("persona", [*MEMBERS, "stranger"])
@pytest.mark.parametrize("name,method,kwargs,expected", CASES, ids=[c[0] for c in CASES])
def test_access_per_role(client, personas, persona, name, method, kwargs, expected):
    client.force_login(getattr(personas, persona))
    url = reverse(name, kwargs=kwargs(personas))
    data = {"email": "baru@uji.test", "role": "reader"} if name == "masterplan:member_invite" else {}
    response = getattr(client, method)(url, data)
    assert response.status_code == expected[persona], (persona, name, response.status_code)


def test_home_lists_only_my_masterplans(client, personas):
    client.force_login(personas.reader)
    page = client.get(reverse("masterplan:home")).content.decode()
    assert personas.masterplan.region.name in page
    assert personas.other_masterplan.region.name not in page


def test_admin_sees_every_masterplan_and_filters(client, personas):
    client.force_login(personas.admin)
    page = client.get(reverse("masterplan:home")).content.decode()
    assert personas.masterplan.region.name in page and personas.other_masterplan.region.name in page
    page = client.get(reverse("masterplan:home"), {"q": "Paser Utara"}).content.decode()
    assert personas.other_masterplan.region.name not in page


def test_only_admins_create_masterplans(client, personas):
    client.force_login(personas.coordinator)
    assert client.get(reverse("masterplan:create")).status_code == 403


def test_logo_is_served_only_to_members(client, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    masterplan = personas.masterplan
    masterplan.logo = SimpleUploadedFile("logo.png", png_bytes())
    masterplan.save()
    url = reverse("masterplan:logo", args=[masterplan.pk])
    client.force_login(personas.reader)
    assert client.get(url).status_code == 200
    client.force_login(personas.stranger)
    assert client.get(url).status_code == 404


def test_access_object_rules(personas):
    access = access_for(personas.opd_member, personas.masterplan)

    class Item:
        owner_opd_id = personas.opd.pk

    class OtherItem:
        owner_opd_id = personas.other_opd.pk

    assert access.can_edit(Item()) and not access.can_edit(OtherItem())
    assert not access_for(personas.expert, personas.masterplan).can_edit(Item())
    assert access_for(personas.coordinator, personas.masterplan).can_edit(OtherItem())
    assert access_for(personas.stranger, personas.masterplan) is None
    assert Masterplan.objects.visible_to(personas.stranger).filter(pk=personas.masterplan.pk).count() == 0


def test_an_item_of_several_opds_may_be_edited_by_a_member_of_any_of_them(personas):
    """`owner_opd_ids` (an RPJMD programme's lead and co-responsible OPDs) wins over `owner_opd_id` (the lead)."""

    class Shared:
        owner_opd_id = personas.other_opd.pk  # the lead: Dispar
        owner_opd_ids = frozenset({personas.other_opd.pk, personas.opd.pk})  # and DLH

    class NotMine:
        owner_opd_id = personas.opd.pk  # a lead alone does not decide when the set is given
        owner_opd_ids = frozenset({personas.other_opd.pk})

    dlh = access_for(personas.opd_member, personas.masterplan)
    assert dlh.can_edit(Shared()) and not dlh.can_edit(NotMine())
    assert access_for(personas.other_opd_member, personas.masterplan).can_edit(Shared())
    assert not access_for(personas.expert, personas.masterplan).can_edit(Shared())
    assert not access_for(personas.reader, personas.masterplan).can_edit(Shared())
    assert dlh.can_edit(opd_id=personas.opd.pk) and not dlh.can_edit(opd_id=None)
