"""One test per access rule per view (stranger and anonymous: tests/test_url_sweep.py)."""

import pytest
from django.urls import reverse

from plan.models import Programme, ReadinessItem

from .factories import ProgrammeFactory, ReadinessItemFactory

READ_PAGES = [
    "overview",
    "profile",
    "readiness",
    "swot",
    "applications",
    "institutions",
    "vision",
    "strategies",
    "settings",
    "programmes",
    "roadmap",
    "financing",
    "consistency",
]
ROLES = ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_every_member_reads_every_page(personas, as_user, role):
    ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    client = as_user(getattr(personas, role))
    for name in READ_PAGES:
        response = client.get(reverse(f"plan:{name}", args=[personas.masterplan.pk]))
        assert response.status_code == 200, name


@pytest.mark.parametrize(
    "role,status", [("coordinator", 200), ("admin", 200), ("opd_member", 403), ("expert", 403), ("reader", 403)]
)
@pytest.mark.parametrize("name", ["profile_edit", "vision_edit"])
def test_only_the_coordinator_edits_analysis_texts(personas, as_user, role, status, name):
    response = as_user(getattr(personas, role)).get(reverse(f"plan:{name}", args=[personas.masterplan.pk]))
    assert response.status_code == status


@pytest.mark.parametrize("role,status", [("coordinator", 302), ("opd_member", 403), ("expert", 403), ("reader", 403)])
def test_only_the_coordinator_adds_list_rows(personas, as_user, role, status):
    url = reverse("plan:item_add", args=[personas.masterplan.pk, "kesiapan"])
    data = {
        "_list": "list-x",
        "list-x-component": "struktur",
        "list-x-dimension": 1,
        "list-x-name": "SDM TIK",
        "list-x-rating": "baik",
    }
    response = as_user(getattr(personas, role)).post(url, data)
    assert response.status_code == status
    assert ReadinessItem.objects.filter(masterplan=personas.masterplan).count() == (1 if status == 302 else 0)


@pytest.mark.parametrize(
    "role,status",
    [("coordinator", 200), ("opd_member", 200), ("other_opd_member", 403), ("expert", 403), ("reader", 403)],
)
def test_programme_edit_by_lead_opd_or_coordinator(personas, as_user, role, status):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    url = reverse("plan:programme_edit", args=[personas.masterplan.pk, programme.pk])
    assert as_user(getattr(personas, role)).get(url).status_code == status


@pytest.mark.parametrize(
    "role,status",
    [("coordinator", 200), ("opd_member", 200), ("other_opd_member", 403), ("expert", 403), ("reader", 403)],
)
def test_programme_budget_by_lead_opd_or_coordinator(personas, as_user, role, status):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    url = reverse("plan:programme_budget", args=[personas.masterplan.pk, programme.pk])
    assert as_user(getattr(personas, role)).get(url).status_code == status


@pytest.mark.parametrize(
    "role,status",
    [("coordinator", 302), ("opd_member", 302), ("other_opd_member", 403), ("expert", 403), ("reader", 403)],
)
def test_programme_delete(personas, as_user, role, status):
    programme = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    url = reverse("plan:programme_delete", args=[personas.masterplan.pk, programme.pk])
    assert as_user(getattr(personas, role)).post(url).status_code == status
    assert Programme.objects.filter(pk=programme.pk).exists() == (status != 302)


@pytest.mark.parametrize("role,status", [("coordinator", 200), ("opd_member", 200), ("expert", 403), ("reader", 403)])
def test_programme_add_page(personas, as_user, role, status):
    url = reverse("plan:programme_add", args=[personas.masterplan.pk])
    assert as_user(getattr(personas, role)).get(url).status_code == status


def _programme_data(**extra):
    data = {
        "name": "Program baru",
        "dimension": 1,
        "kind": "programme",
        "horizon": "medium",
        "start_year": 2024,
        "end_year": 2026,
        "priority": "high",
    }
    data.update(extra)
    return data


def test_opd_member_creates_programmes_of_their_own_opd_only(personas, as_user):
    client = as_user(personas.opd_member)
    url = reverse("plan:programme_add", args=[personas.masterplan.pk])
    response = client.post(url, _programme_data(lead_opd=personas.other_opd.pk))
    assert response.status_code == 200
    assert "lead_opd" in response.context["form"].errors
    response = client.post(url, _programme_data(lead_opd=personas.opd.pk))
    assert response.status_code == 302
    assert Programme.objects.get(name="Program baru").lead_opd == personas.opd


def test_coordinator_cannot_pick_an_opd_of_another_region(personas, as_user):
    from tests.factories import OPDFactory

    foreign = OPDFactory(region=personas.other_masterplan.region)
    response = as_user(personas.coordinator).post(
        reverse("plan:programme_add", args=[personas.masterplan.pk]), _programme_data(lead_opd=foreign.pk)
    )
    assert "lead_opd" in response.context["form"].errors


def test_list_row_of_another_masterplan_is_404(personas, as_user):
    item = ReadinessItemFactory(masterplan=personas.other_masterplan)
    url = reverse("plan:item_edit", args=[personas.masterplan.pk, "kesiapan", item.pk])
    assert as_user(personas.coordinator).get(url).status_code == 404


def test_unknown_list_kind_is_404(personas, as_user):
    url = reverse("plan:item_add", args=[personas.masterplan.pk, "tidak-ada"])
    assert as_user(personas.coordinator).get(url).status_code == 404


def test_opd_member_sees_edit_buttons_only_on_their_programmes(personas, as_user):
    mine = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.opd)
    theirs = ProgrammeFactory(masterplan=personas.masterplan, lead_opd=personas.other_opd)
    html = as_user(personas.opd_member).get(reverse("plan:programmes", args=[personas.masterplan.pk])).content.decode()
    assert reverse("plan:programme_edit", args=[personas.masterplan.pk, mine.pk]) in html
    assert reverse("plan:programme_edit", args=[personas.masterplan.pk, theirs.pk]) not in html


def test_rpjmd_programmes_are_limited_to_the_masterplans_rpjmd(personas, as_user):
    from rpjmd.models import RPJMD
    from rpjmd.models import Program as RPJMDProgram

    mine = RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026)
    foreign = RPJMD.objects.create(region=personas.other_masterplan.region, start_year=2021, end_year=2026)
    own = RPJMDProgram.objects.create(rpjmd=mine, code="1", name="Milik sendiri")
    other = RPJMDProgram.objects.create(rpjmd=foreign, code="1", name="Milik daerah lain")
    url = reverse("plan:programme_add", args=[personas.masterplan.pk])
    client = as_user(personas.coordinator)
    response = client.post(url, _programme_data(lead_opd=personas.opd.pk, rpjmd_programs=[other.pk]))
    assert "rpjmd_programs" in response.context["form"].errors
    assert client.post(url, _programme_data(lead_opd=personas.opd.pk, rpjmd_programs=[own.pk])).status_code == 302
    assert list(Programme.objects.get(name="Program baru").rpjmd_programs.all()) == [own]
