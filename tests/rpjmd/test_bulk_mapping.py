"""Bulk mapping (issues 13 and 15): it asks before replacing existing mappings, lists them, and refuses rows that
somebody else changed since the mapping page was opened. Without JavaScript: the confirmation is a page."""

import pytest
from django.urls import reverse

from masterplan.models import Element
from rpjmd import services
from rpjmd.models import RPJMD, Program

from .factories import ProgramFactory


@pytest.fixture
def setup(personas):
    p = personas
    p.rpjmd = RPJMD.objects.create(region=p.masterplan.region, start_year=2021, end_year=2026)
    p.free = ProgramFactory(rpjmd=p.rpjmd, opd=p.opd, code="2.11.01", name="Program Persampahan", order=1)
    p.mapped = ProgramFactory(rpjmd=p.rpjmd, opd=p.opd, code="2.11.02", name="Program Air Limbah", order=2)
    p.same = ProgramFactory(rpjmd=p.rpjmd, opd=p.opd, code="2.11.03", name="Program Taman Kota", order=3)
    services.map_program(
        program=p.mapped, element=element("komunitas"), expected_version=p.mapped.version, user=p.coordinator
    )
    services.map_program(
        program=p.same, element=element("proteksi-lingkungan"), expected_version=p.same.version, user=p.coordinator
    )
    return p


def element(key):
    return Element.objects.select_related("dimension").get(key=key)


def post(client, p, programs, target="proteksi-lingkungan", *, versions=None, **extra):
    versions = versions or {}
    data = {"programs": [x.pk for x in programs], "primary_element": element(target).pk, **extra}
    for program in programs:
        data[f"version-{program.pk}"] = versions.get(program.pk, Program.objects.get(pk=program.pk).version)
    return client.post(reverse("rpjmd:bulk_map", args=[p.masterplan.pk]), data)


def mapping_of(program):
    saved = Program.objects.get(pk=program.pk).primary_element
    return saved.key if saved else None


def test_unmapped_rows_are_mapped_at_once_without_a_question(setup, as_user):
    response = post(as_user(setup.opd_member), setup, [setup.free])
    assert response.status_code == 302
    assert mapping_of(setup.free) == "proteksi-lingkungan"


def test_replacing_asks_first_lists_the_rows_and_changes_nothing(setup, as_user):
    before = Program.objects.get(pk=setup.mapped.pk).version
    response = post(as_user(setup.opd_member), setup, [setup.free, setup.mapped, setup.same])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dari 3 program yang dicentang, 1 sudah dipetakan ke elemen lain" in html
    table = html[html.index('id="replaced-rows"') :]
    table = table[: table.index("</table>")]
    assert "2.11.02" in table and "Komunitas" in table  # the row that changes, with its current mapping
    assert "2.11.01" not in table and "2.11.03" not in table  # unmapped and unchanged rows are not listed
    assert 'name="confirm_replace" value="1"' in html
    assert html.count('name="programs"') == 3  # the confirm form carries every ticked row with its version
    assert f'name="version-{setup.mapped.pk}" value="{before}"' in html
    assert mapping_of(setup.free) is None  # nothing written before the confirmation
    assert mapping_of(setup.mapped) == "komunitas"
    assert Program.objects.get(pk=setup.mapped.pk).version == before


def test_confirmed_replacement_maps_every_row_and_reports_it_once(setup, as_user, monkeypatch):
    reports = []
    real = services.report_rpjmd_change
    monkeypatch.setattr(services, "report_rpjmd_change", lambda **kw: reports.append(kw["reason"]) or real(**kw))
    response = post(as_user(setup.opd_member), setup, [setup.free, setup.mapped], confirm_replace="1")
    assert response.status_code == 302
    assert mapping_of(setup.free) == mapping_of(setup.mapped) == "proteksi-lingkungan"
    assert reports == ["Pemetaan 2 program RPJMD diubah sekaligus. 1 pemetaan lama diganti."]


def test_rows_changed_since_the_page_was_opened_are_refused_and_listed(setup, as_user):
    shown = {setup.free.pk: setup.free.version, setup.mapped.pk: Program.objects.get(pk=setup.mapped.pk).version}
    services.map_program(  # somebody else maps the free programme meanwhile
        program=Program.objects.get(pk=setup.free.pk),
        element=element("kesehatan"),
        expected_version=setup.free.version,
        user=setup.coordinator,
    )
    response = post(as_user(setup.opd_member), setup, [setup.free, setup.mapped], versions=shown, confirm_replace="1")
    assert response.status_code == 409
    html = response.content.decode()
    assert "1 program sudah diubah oleh orang lain sejak Anda membuka halaman pemetaan" in html
    table = html[html.index('id="stale-rows"') :]
    table = table[: table.index("</table>")]
    assert "2.11.01" in table and "Kesehatan" in table and setup.coordinator.get_full_name() in table
    assert "2.11.02" not in table
    assert mapping_of(setup.free) == "kesehatan"  # nothing of the bulk mapping was written
    assert mapping_of(setup.mapped) == "komunitas"


def test_a_post_without_versions_is_refused(setup, as_user):
    client = as_user(setup.opd_member)
    data = {"programs": [setup.free.pk], "primary_element": element("komunitas").pk}
    response = client.post(reverse("rpjmd:bulk_map", args=[setup.masterplan.pk]), data, follow=True)
    assert "tidak membawa versi data" in response.content.decode()
    assert mapping_of(setup.free) is None


def test_the_service_refuses_without_confirmation(setup):
    programs = [Program.objects.get(pk=setup.mapped.pk)]
    with pytest.raises(services.BulkNeedsConfirmation) as error:
        services.bulk_map(
            programs=programs,
            element=element("kesehatan"),
            expected_versions={p.pk: p.version for p in programs},
            user=setup.coordinator,
        )
    assert [p.code for p in error.value.rows] == ["2.11.02"]
    assert mapping_of(setup.mapped) == "komunitas"


def test_the_mapping_page_carries_each_rows_version(setup, as_user):
    html = as_user(setup.opd_member).get(reverse("rpjmd:mapping", args=[setup.masterplan.pk])).content.decode()
    version = Program.objects.get(pk=setup.mapped.pk).version
    assert f'name="version-{setup.mapped.pk}" value="{version}" form="bulk-form"' in html


def test_supporting_elements_are_checkboxes_grouped_by_dimension(setup, as_user):
    Program.objects.get(pk=setup.mapped.pk).secondary_elements.add(element("kesehatan"))
    client = as_user(setup.opd_member)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):  # the page and the in-place editor
        url = reverse("rpjmd:map_program", args=[setup.masterplan.pk, setup.mapped.pk])
        html = client.get(url, **headers).content.decode()
        assert "<select multiple" not in html and 'multiple name="secondary_elements"' not in html
        boxes = html[html.index('class="checkbox-groups') :]
        boxes = boxes[: boxes.rindex("</fieldset>")]
        assert "<legend" in boxes and "Elemen pendukung" in boxes
        assert boxes.count('type="checkbox" name="secondary_elements"') == Element.objects.count()
        living = boxes[boxes.index("Smart Living") :]
        assert f'value="{element("kesehatan").pk}" id="map{setup.mapped.pk}_secondary_elements_' in living
        checked = [line for line in boxes.splitlines() if " checked" in line]
        assert len(checked) == 1 and f'value="{element("kesehatan").pk}"' in checked[0]
