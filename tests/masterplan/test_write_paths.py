"""Every write path of the masterplan app: content changes report through masterplan.services (the masterplan's
own data to its four books; OPDs, shared by the region, to the four books of every masterplan of the region);
members and invitations are not book content and are kept in the history instead."""

import io
from contextlib import ExitStack

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import URLPattern, reverse

from masterplan import urls as masterplan_urls
from masterplan.models import OPD, Invitation, Masterplan, Membership, Region, Role
from tests.factories import CohortFactory, MasterplanFactory, MembershipFactory, OPDFactory
from tests.writepaths import expect_report

BOOKS = ["book:analisis", "book:masterplan", "book:ringkasan", "book:quickwin"]


@pytest.fixture
def setup(personas):
    p = personas
    p.later = MasterplanFactory(region=p.masterplan.region, cohort=CohortFactory(year=2025))
    p.unused = OPDFactory(region=p.masterplan.region, acronym="Disdukcapil", name="Dinas Kependudukan")
    return p


def _edit(p):
    data = {
        "title": "Masterplan Smart City PPU 2023–2032",
        "start_year": 2023,
        "end_year": 2032,
        "version": p.masterplan.version,
    }
    assert p.client.post(reverse("masterplan:edit", args=[p.masterplan.pk]), data).status_code == 302
    assert Masterplan.objects.get(pk=p.masterplan.pk).title == "Masterplan Smart City PPU 2023–2032"


def _opd_add(p):
    data = {"name": "Dinas Perhubungan", "acronym": "Dishub", "kind": "dinas"}
    assert p.client.post(reverse("masterplan:opd_add", args=[p.masterplan.pk]), data).status_code == 302
    assert OPD.objects.filter(acronym="Dishub").exists()


def _opd_edit(p):
    data = {"name": "Dinas LH Kabupaten PPU", "acronym": "DLH", "kind": "dinas", "version": p.opd.version}
    response = p.client.post(reverse("masterplan:opd_edit", args=[p.masterplan.pk, p.opd.pk]), data)
    assert response.status_code == 302
    assert OPD.objects.get(pk=p.opd.pk).name == "Dinas LH Kabupaten PPU"


def _opd_delete(p):
    response = p.client.post(reverse("masterplan:opd_delete", args=[p.masterplan.pk, p.unused.pk]))
    assert response.status_code == 302 and not OPD.objects.filter(pk=p.unused.pk).exists()


def _admin_masterplan(p):
    admin = site._registry[Masterplan]
    request = _admin_request(p.admin)
    obj = Masterplan.objects.get(pk=p.masterplan.pk)
    form = admin.get_form(request, obj, change=True)(instance=obj)
    form.changed_data = ["title"]
    obj.title = "Judul dari admin"
    admin.save_model(request, obj, form, True)


def _admin_opd(p):
    admin = site._registry[OPD]
    request = _admin_request(p.admin)
    opd = OPD.objects.get(pk=p.opd.pk)
    opd.name = "Dinas LH (admin)"
    admin.save_model(request, opd, None, True)


def _admin_opd_delete(p):
    admin = site._registry[OPD]
    admin.delete_model(_admin_request(p.admin), OPD.objects.get(pk=p.unused.pk))
    assert not OPD.objects.filter(pk=p.unused.pk).exists()


def _load_regions(p):
    path = p.tmp_path / "regions.csv"
    path.write_text(
        "code,province_code,kind,name,population,area_km2\n"
        "64,,provinsi,Kalimantan Timur,3766039,126981.28\n"
        "64.09,64,kabupaten,Kabupaten Penajam Paser Utara,210000,3333.06\n",
        encoding="utf-8",
    )
    call_command("load_regions", "--file", str(path), stdout=io.StringIO())
    assert Region.objects.get(code="64.09").population == 210000


# (url name or other door, the write, whether it reaches every masterplan of the region)
WRITE_PATHS = [
    ("masterplan:edit", _edit, False),
    ("masterplan:opd_add", _opd_add, True),
    ("masterplan:opd_edit", _opd_edit, True),
    ("masterplan:opd_delete", _opd_delete, True),
    ("admin: masterplan", _admin_masterplan, False),
    ("admin: OPD", _admin_opd, True),
    ("admin: OPD delete", _admin_opd_delete, True),
    ("manage.py load_regions", _load_regions, True),
]
# POST URLs that change no book content: members and invitations (in the history, tested below), enrolment
# (a new masterplan has nothing approved yet).
NOT_CONTENT = {
    "masterplan:create",
    "masterplan:member_invite",
    "masterplan:member_edit",
    "masterplan:member_remove",
    "masterplan:invitation_cancel",
    "masterplan:invitation_accept",
}
READ_ONLY = {"masterplan:home", "masterplan:dashboard", "masterplan:logo", "masterplan:members", "masterplan:opds"}


@pytest.mark.parametrize("name, write, region_wide", WRITE_PATHS, ids=[w[0] for w in WRITE_PATHS])
def test_every_write_path_reports_to_the_books(setup, client, tmp_path, name, write, region_wide):
    client.force_login(setup.coordinator)
    setup.client, setup.tmp_path = client, tmp_path
    others = [setup.later] if region_wide else []
    with ExitStack() as stack:
        for key in BOOKS:
            stack.enter_context(expect_report(setup.masterplan, key, notified=[setup.expert], masterplans=others))
        write(setup)


def test_the_list_covers_every_url_of_the_app():
    names = {f"masterplan:{p.name}" for p in masterplan_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == {w[0] for w in WRITE_PATHS if w[0].startswith("masterplan:")} | NOT_CONTENT | READ_ONLY


def test_an_opd_in_use_is_refused_with_what_uses_it_and_keeps_every_link(setup, client):
    from plan.models import Programme
    from rpjmd.models import RPJMD
    from tests.plan.factories import ProgrammeFactory
    from tests.rpjmd.factories import ProgramFactory

    partner = ProgrammeFactory(masterplan=setup.later, name="Program Kota Hijau")
    partner.partner_opds.add(setup.unused)
    rpjmd = RPJMD.objects.create(region=setup.masterplan.region, start_year=2021, end_year=2026)
    ProgramFactory(rpjmd=rpjmd, opd=setup.unused, code="2.11.01", name="Program Persampahan")
    client.force_login(setup.coordinator)
    response = client.post(reverse("masterplan:opd_delete", args=[setup.masterplan.pk, setup.unused.pk]), follow=True)
    body = response.content.decode()
    assert "tidak dapat dihapus" in body and "Program Kota Hijau" in body and "2.11.01 Program Persampahan" in body
    assert OPD.objects.filter(pk=setup.unused.pk).exists()
    assert list(Programme.objects.get(pk=partner.pk).partner_opds.all()) == [setup.unused]


def test_a_deleted_opd_is_in_the_history_with_who(setup, client):
    client.force_login(setup.coordinator)
    client.post(reverse("masterplan:opd_delete", args=[setup.masterplan.pk, setup.unused.pk]))
    last = OPD.history.filter(id=setup.unused.pk).latest("history_date")
    assert last.history_type == "-" and last.history_user == setup.coordinator


def test_member_changes_are_in_the_history(setup, client):
    client.force_login(setup.coordinator)
    mp = setup.masterplan.pk
    client.post(reverse("masterplan:member_invite", args=[mp]), {"email": "baru@uji.test", "role": Role.READER})
    invitation = Invitation.objects.get(email="baru@uji.test")
    assert invitation.history.get().history_user == setup.coordinator
    assert "token" not in {f.name for f in Invitation.history.model._meta.fields}  # the secret stays out
    client.post(reverse("masterplan:invitation_cancel", args=[mp, invitation.pk]))
    assert Invitation.history.filter(id=invitation.pk, history_type="-").get().history_user == setup.coordinator
    reader = Membership.objects.get(user=setup.reader, masterplan=setup.masterplan)
    data = {"role": Role.EXPERT, "opd": "", "version": reader.version}
    assert client.post(reverse("masterplan:member_edit", args=[mp, reader.pk]), data).status_code == 302
    assert reader.history.latest("history_date").history_user == setup.coordinator
    client.post(reverse("masterplan:member_remove", args=[mp, reader.pk]))
    gone = Membership.history.filter(id=reader.pk).latest("history_date")
    assert gone.history_type == "-" and gone.history_user == setup.coordinator


def test_a_role_change_since_the_form_was_opened_is_refused_with_both_versions(setup, client):
    client.force_login(setup.coordinator)
    reader = Membership.objects.get(user=setup.reader, masterplan=setup.masterplan)
    opened = reader.version
    url = reverse("masterplan:member_edit", args=[setup.masterplan.pk, reader.pk])
    assert client.post(url, {"role": Role.EXPERT, "opd": "", "version": opened}).status_code == 302
    response = client.post(url, {"role": Role.OPD_MEMBER, "opd": setup.opd.pk, "version": opened})
    body = response.content.decode()
    assert response.status_code == 200 and "sudah diubah oleh" in body
    assert "Tenaga ahli" in body and "Anggota pokja OPD" in body  # the saved role and the one chosen
    assert Membership.objects.get(pk=reader.pk).role == Role.EXPERT


def _admin_request(user):
    request = RequestFactory().post("/")
    request.user = user
    return request


def test_the_admin_keeps_the_last_coordinator(setup):
    admin = site._registry[Membership]
    only = Membership.objects.filter(masterplan=setup.masterplan, role=Role.COORDINATOR)
    request = _admin_request(setup.admin)
    _deleted, _counts, _perms, protected = admin.get_deleted_objects(list(only), request)
    assert any("tanpa koordinator" in str(reason) for reason in protected)
    with pytest.raises(ValidationError):
        admin.delete_queryset(request, only)
    with pytest.raises(ValidationError):
        admin.delete_model(request, only.get())
    assert only.count() == 1
    MembershipFactory(masterplan=setup.masterplan, role=Role.COORDINATOR)
    _deleted, _counts, _perms, protected = admin.get_deleted_objects([only.first()], request)
    assert not protected


def test_the_admin_refuses_to_delete_an_opd_in_use(setup):
    admin = site._registry[OPD]
    request = _admin_request(setup.admin)
    _deleted, _counts, _perms, protected = admin.get_deleted_objects([setup.opd], request)
    assert any("keanggotaan" in str(reason) for reason in protected)  # DLH's member
    _deleted, _counts, _perms, protected = admin.get_deleted_objects([setup.unused], request)
    assert not protected


def test_the_masterplan_and_opd_forms_warn_before_undoing_an_approval(setup, as_user):
    from tests.writepaths import approve

    client = as_user(setup.coordinator)
    urls = [
        reverse("masterplan:edit", args=[setup.masterplan.pk]),
        reverse("masterplan:opd_edit", args=[setup.masterplan.pk, setup.opd.pk]),
        reverse("masterplan:opds", args=[setup.masterplan.pk]),
    ]
    for url in urls:
        assert "sudah disetujui tenaga ahli" not in client.get(url).content.decode()
    approve(setup.masterplan, "book:masterplan")
    for url in urls:
        body = client.get(url).content.decode()
        assert "sudah disetujui tenaga ahli" in body and 'data-confirm="' in body
