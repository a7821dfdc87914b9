"""Every write path of the RPJMD app reports once, through rpjmd.services, to every masterplan building on the
RPJMD: the masterplan the editor works in and a later cohort's masterplan of the same region (same RPJMD)."""

from contextlib import ExitStack

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import URLPattern, reverse

from masterplan.models import Element
from rpjmd import urls as rpjmd_urls
from rpjmd.models import RPJMD, Misi, Program
from tests.factories import CohortFactory, MasterplanFactory
from tests.writepaths import approve, expect_report

from .conftest import records, workbook
from .factories import MisiFactory, ProgramFactory


@pytest.fixture
def setup(region_opds, settings, tmp_path):
    p = region_opds
    settings.DATA_DIR = tmp_path
    p.rpjmd = RPJMD.objects.create(region=p.masterplan.region, start_year=2021, end_year=2026, visi="Visi lama")
    p.misi = MisiFactory(rpjmd=p.rpjmd, number=1)
    p.own = ProgramFactory(rpjmd=p.rpjmd, opd=p.opd, code="2.99.11", name="Program Persampahan")
    p.later = MasterplanFactory(region=p.masterplan.region, cohort=CohortFactory(year=2025))
    p.tmp_path = tmp_path
    return p


def _element(key="pengelolaan-sampah"):
    return Element.objects.get(key=key)


def _visi(p):
    p.client.post(reverse("rpjmd:visi_misi", args=[p.masterplan.pk]), {"visi-visi": "Visi baru", "visi-version": 1})
    assert RPJMD.objects.get(pk=p.rpjmd.pk).visi == "Visi baru"


def _misi_add(p):
    data = {"number": 2, "text": "Misi kedua", "dimensions": []}
    assert p.client.post(reverse("rpjmd:misi_add", args=[p.masterplan.pk]), data).status_code == 302
    assert Misi.objects.filter(rpjmd=p.rpjmd, number=2).exists()


def _misi_edit(p):
    data = {"number": 1, "text": "Misi diubah", "version": p.misi.version}
    assert p.client.post(reverse("rpjmd:misi_edit", args=[p.masterplan.pk, p.misi.pk]), data).status_code == 302
    assert Misi.objects.get(pk=p.misi.pk).text == "Misi diubah"


def _map(p, **headers):
    data = {"primary_element": _element().pk, "justification": "Bank sampah", "version": p.own.version}
    response = p.client.post(reverse("rpjmd:map_program", args=[p.masterplan.pk, p.own.pk]), data, **headers)
    assert response.status_code in (200, 302)
    assert Program.objects.get(pk=p.own.pk).primary_element == _element()


def _map_program(p):
    _map(p)


def _map_program_htmx(p):
    _map(p, HTTP_HX_REQUEST="true")


def _bulk_map(p):
    others = [ProgramFactory(rpjmd=p.rpjmd, opd=p.opd) for _ in range(3)]
    chosen = [p.own, *others]
    data = {"programs": [o.pk for o in chosen], "primary_element": _element("proteksi-lingkungan").pk}
    data.update({f"version-{o.pk}": o.version for o in chosen})
    assert p.client.post(reverse("rpjmd:bulk_map", args=[p.masterplan.pk]), data).status_code == 302
    assert Program.objects.filter(primary_element=_element("proteksi-lingkungan")).count() == 4


def _import_confirm(p):
    upload = p.client.post(
        reverse("rpjmd:import", args=[p.masterplan.pk]),
        {"file": SimpleUploadedFile("rpjmd.xlsx", workbook(records(5)))},
    )
    token = upload["Location"].rstrip("/").split("/")[-1]
    response = p.client.post(reverse("rpjmd:import_confirm", args=[p.masterplan.pk, token]), {"create_opds": "0"})
    assert response.status_code == 302
    assert Program.objects.filter(rpjmd=p.rpjmd).count() == 6


def _command(p):
    path = p.tmp_path / "rpjmd.xlsx"
    path.write_bytes(workbook(records(5)))
    call_command("import_rpjmd", p.masterplan.region.code, str(path))
    assert Program.objects.filter(rpjmd=p.rpjmd).count() == 6


MISI, PROGRAMS = "rpjmd.misi", "rpjmd.programs"

# (url name or command, who, the write, the sections it reports to)
WRITE_PATHS = [
    ("rpjmd:visi_misi", "coordinator", _visi, [MISI]),
    ("rpjmd:misi_add", "coordinator", _misi_add, [MISI]),
    ("rpjmd:misi_edit", "coordinator", _misi_edit, [MISI]),
    ("rpjmd:map_program", "opd_member", _map_program, [PROGRAMS]),
    ("rpjmd:map_program (htmx)", "opd_member", _map_program_htmx, [PROGRAMS]),
    ("rpjmd:bulk_map", "opd_member", _bulk_map, [PROGRAMS]),
    ("rpjmd:import_confirm", "coordinator", _import_confirm, [MISI, PROGRAMS]),
    ("manage.py import_rpjmd", None, _command, [MISI, PROGRAMS]),
]

# URLs that answer POST without changing content (nothing to report), with the reason.
NOT_CONTENT = {
    "rpjmd:import": "stores the uploaded file for the preview; nothing is written until import_confirm",
}
READ_ONLY = {
    "rpjmd:index",
    "rpjmd:mapping",
    "rpjmd:program_row",
    "rpjmd:coverage",
    "rpjmd:export",
    "rpjmd:template",
    "rpjmd:import_preview",
}


@pytest.mark.parametrize("name, who, write, sections", WRITE_PATHS, ids=[w[0] for w in WRITE_PATHS])
def test_every_write_path_reports_to_every_masterplan_of_the_rpjmd(setup, client, name, who, write, sections):
    if who:
        client.force_login(getattr(setup, who))
    setup.client = client
    notified = [setup.expert] + ([setup.coordinator] if who != "coordinator" else [])  # never the editor
    with ExitStack() as stack:
        for key in sections:
            stack.enter_context(expect_report(setup.masterplan, key, notified=notified, masterplans=[setup.later]))
        write(setup)


def test_the_list_covers_every_url_of_the_app():
    names = {f"rpjmd:{p.name}" for p in rpjmd_urls.urlpatterns if isinstance(p, URLPattern)}
    covered = {w[0] for w in WRITE_PATHS if w[0].startswith("rpjmd:") and " " not in w[0]}
    assert names == covered | set(NOT_CONTENT) | READ_ONLY


def test_an_rpjmd_change_does_not_reach_a_masterplan_on_another_rpjmd(setup, as_user):
    """A masterplan whose cohort year falls in a newer RPJMD of the region builds on that one: untouched."""
    newer = RPJMD.objects.create(region=setup.masterplan.region, start_year=2030, end_year=2035)
    future = MasterplanFactory(region=setup.masterplan.region, cohort=CohortFactory(year=2031))
    approve(future, PROGRAMS)
    assert [mp.pk for mp in newer.masterplans()] == [future.pk]
    assert {mp.pk for mp in setup.rpjmd.masterplans()} == {setup.masterplan.pk, setup.later.pk}
    with expect_report(setup.masterplan, PROGRAMS, masterplans=[setup.later]):
        _map(type("P", (), {"client": as_user(setup.opd_member), "masterplan": setup.masterplan, "own": setup.own}))
    from review.models import SectionReview, State

    assert SectionReview.objects.get(masterplan=future, section_key=PROGRAMS).state == State.APPROVED


def test_an_import_without_changes_reports_nothing(setup):
    from review.models import SectionReview, State

    path = setup.tmp_path / "rpjmd.xlsx"
    path.write_bytes(workbook(records(5)))
    call_command("import_rpjmd", setup.masterplan.region.code, str(path))
    approve(setup.masterplan, PROGRAMS)
    call_command("import_rpjmd", setup.masterplan.region.code, str(path))  # the same file again
    assert SectionReview.objects.get(masterplan=setup.masterplan, section_key=PROGRAMS).state == State.APPROVED


@pytest.mark.parametrize(
    "url_name, section",
    [("rpjmd:visi_misi", MISI), ("rpjmd:map_program", PROGRAMS), ("rpjmd:mapping", PROGRAMS)],
)
def test_edit_pages_warn_before_undoing_an_approval(setup, as_user, url_name, section):
    args = [setup.masterplan.pk, setup.own.pk] if url_name == "rpjmd:map_program" else [setup.masterplan.pk]
    client = as_user(setup.coordinator)
    draft = client.get(reverse(url_name, args=args)).content.decode()
    assert "sudah disetujui tenaga ahli" not in draft and 'data-confirm="Bagian ini' not in draft
    approve(setup.masterplan, section)
    body = client.get(reverse(url_name, args=args)).content.decode()
    assert body.count("sudah disetujui tenaga ahli") >= 2  # the alert and the form's data-confirm
    assert 'data-confirm="Bagian ini sudah disetujui' in body


def test_the_in_place_mapping_form_asks_before_undoing_an_approval(setup, as_user):
    url = reverse("rpjmd:map_program", args=[setup.masterplan.pk, setup.own.pk])
    client = as_user(setup.opd_member)
    assert "hx-confirm" not in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    approve(setup.masterplan, PROGRAMS)
    body = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-confirm="Bagian ini sudah disetujui' in body and body.count("sudah disetujui tenaga ahli") == 2
