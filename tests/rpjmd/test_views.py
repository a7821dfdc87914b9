"""Access rules per view, in-place mapping, bulk mapping, filters, query counts."""

import pytest
from django.urls import reverse

from masterplan.models import Dimension, Element
from rpjmd.models import RPJMD, Program

from .factories import BudgetFactory, MisiFactory, ProgramFactory

ALL = ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"]


@pytest.fixture
def setup(personas):
    rpjmd = RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026)
    misi = MisiFactory(rpjmd=rpjmd, number=1)
    own = ProgramFactory(
        rpjmd=rpjmd, opd=personas.opd, misi=misi, code="2.11.11", name="Program Pengelolaan Persampahan"
    )
    other = ProgramFactory(rpjmd=rpjmd, opd=personas.other_opd, code="3.26.02", name="Program Destinasi Pariwisata")
    BudgetFactory(program=own, year=2022, amount=1_500_000_000)
    personas.rpjmd, personas.own, personas.other, personas.misi = rpjmd, own, other, misi
    return personas


def element(key):
    return Element.objects.select_related("dimension").get(key=key)


def url(name, p, **kwargs):
    return reverse(f"rpjmd:{name}", kwargs={"mp": p.masterplan.pk, **kwargs})


@pytest.mark.parametrize("who", ALL)
@pytest.mark.parametrize("name", ["index", "mapping", "coverage", "template"])
def test_every_member_reads(setup, as_user, who, name):
    assert as_user(getattr(setup, who)).get(url(name, setup)).status_code == 200


@pytest.mark.parametrize(
    "who, status", [("coordinator", 200), ("admin", 200), ("expert", 200), ("reader", 403), ("opd_member", 403)]
)
def test_export_is_for_coordinators_and_experts(setup, as_user, who, status):
    response = as_user(getattr(setup, who)).get(url("export", setup, fmt="csv"))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert b"2.11.11" in response.content


def test_export_unknown_format(setup, as_user):
    assert as_user(setup.coordinator).get(url("export", setup, fmt="exe")).status_code == 404


@pytest.mark.parametrize(
    "who, status", [("coordinator", 200), ("admin", 200), ("opd_member", 403), ("expert", 403), ("reader", 403)]
)
@pytest.mark.parametrize("name", ["import", "visi_misi"])
def test_only_the_coordinator_imports_and_edits_visi(setup, as_user, who, status, name):
    assert as_user(getattr(setup, who)).get(url(name, setup)).status_code == status


def test_stranger_gets_404(setup, as_user):
    client = as_user(setup.stranger)
    assert client.get(url("mapping", setup)).status_code == 404
    assert (
        client.post(
            url("map_program", setup, pk=setup.own.pk), {"primary_element": element("pengelolaan-sampah").pk}
        ).status_code
        == 404
    )


def test_opd_member_sees_own_programmes_first_and_others_read_only(setup, as_user):
    response = as_user(setup.other_opd_member).get(url("mapping", setup))
    rows = [program for program, _editable in response.context["rows"]]
    assert rows == [setup.other, setup.own]
    assert [editable for _program, editable in response.context["rows"]] == [True, False]


def test_opd_member_maps_own_programme_in_place(setup, as_user):
    target = element("pengelolaan-sampah")
    response = as_user(setup.opd_member).post(
        url("map_program", setup, pk=setup.own.pk),
        {
            "primary_element": target.pk,
            "secondary_elements": [element("komunitas").pk],
            "justification": "Bank sampah",
            "version": setup.own.version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert b"table-success" in response.content and b"Smart Environment" in response.content
    setup.own.refresh_from_db()
    assert setup.own.primary_dimension == target.dimension and setup.own.primary_element == target
    assert [e.key for e in setup.own.secondary_elements.all()] == ["komunitas"]
    assert setup.own.history.first().history_user == setup.opd_member


def test_mapping_without_javascript_redirects_back(setup, as_user):
    client = as_user(setup.coordinator)
    assert client.get(url("map_program", setup, pk=setup.own.pk)).status_code == 200
    response = client.post(
        url("map_program", setup, pk=setup.own.pk),
        {"primary_element": element("pengelolaan-sampah").pk, "version": setup.own.version},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#program-{setup.own.pk}")


def test_opd_member_cannot_map_another_opds_programme(setup, as_user):
    client = as_user(setup.opd_member)
    data = {"primary_element": element("branding-pariwisata").pk, "version": setup.other.version}
    assert client.post(url("map_program", setup, pk=setup.other.pk), data).status_code == 403
    assert client.get(url("map_program", setup, pk=setup.other.pk)).status_code == 403
    setup.other.refresh_from_db()
    assert setup.other.primary_dimension is None


@pytest.mark.parametrize("who", ["expert", "reader"])
def test_readers_and_experts_cannot_map(setup, as_user, who):
    data = {"primary_element": element("pengelolaan-sampah").pk, "version": 1}
    assert as_user(getattr(setup, who)).post(url("map_program", setup, pk=setup.own.pk), data).status_code == 403
    setup.own.refresh_from_db()
    assert setup.own.primary_dimension is None


def test_programme_of_another_region_is_404(setup, as_user):
    foreign = ProgramFactory(
        rpjmd=RPJMD.objects.create(region=setup.other_masterplan.region, start_year=2021, end_year=2026)
    )
    response = as_user(setup.coordinator).post(url("map_program", setup, pk=foreign.pk), {"primary_element": ""})
    assert response.status_code == 404


@pytest.mark.parametrize("htmx", [True, False])
def test_stale_version_shows_both_versions_keeps_what_was_typed_and_overwrites_nothing(setup, as_user, htmx):
    Program.objects.filter(pk=setup.own.pk).update(version=5, justification="versi orang lain")
    client = as_user(setup.opd_member)
    typed = {"primary_element": element("pengelolaan-sampah").pk, "justification": "versi saya", "version": 1}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(url("map_program", setup, pk=setup.own.pk), typed, **headers)
    body = response.content.decode()
    assert response.status_code == 200 and "sudah diubah oleh" in body
    assert "versi orang lain" in body  # the saved version, in the comparison
    assert ">versi saya</textarea>" in body  # what was typed stays in the form
    assert f'value="{typed["primary_element"]}" selected' in body
    assert 'name="version" value="5"' in body  # the next save (after comparing) goes through
    setup.own.refresh_from_db()
    assert setup.own.justification == "versi orang lain" and setup.own.primary_dimension is None
    again = client.post(url("map_program", setup, pk=setup.own.pk), {**typed, "version": 5}, **headers)
    assert again.status_code in (200, 302)
    setup.own.refresh_from_db()
    assert setup.own.justification == "versi saya"


@pytest.mark.parametrize("htmx", [True, False])
def test_a_mapping_without_version_is_refused(setup, as_user, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = as_user(setup.opd_member).post(
        url("map_program", setup, pk=setup.own.pk), {"primary_element": element("pengelolaan-sampah").pk}, **headers
    )
    assert response.status_code == (200 if htmx else 400)  # htmx swaps only 2xx: the fragment says why
    assert "tidak membawa versi data" in response.content.decode()
    setup.own.refresh_from_db()
    assert setup.own.primary_dimension is None and setup.own.version == 1


def test_secondary_without_primary_is_refused(setup, as_user):
    response = as_user(setup.opd_member).post(
        url("map_program", setup, pk=setup.own.pk), {"secondary_elements": [element("komunitas").pk], "version": 1}
    )
    assert response.status_code == 200 and "Pilih elemen utama" in response.content.decode()


def test_cancel_returns_the_display_row(setup, as_user):
    response = as_user(setup.opd_member).get(url("program_row", setup, pk=setup.own.pk), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b"Belum dipetakan" in response.content


def test_bulk_map_own_programmes(setup, as_user):
    second = ProgramFactory(rpjmd=setup.rpjmd, opd=setup.opd)
    target = element("proteksi-lingkungan")
    response = as_user(setup.opd_member).post(
        url("bulk_map", setup),
        {
            "programs": [setup.own.pk, second.pk],
            "primary_element": target.pk,
            f"version-{setup.own.pk}": setup.own.version,
            f"version-{second.pk}": second.version,
        },
    )
    assert response.status_code == 302
    assert Program.objects.filter(primary_element=target).count() == 2


def test_bulk_map_with_another_opds_id_is_refused_and_changes_nothing(setup, as_user):
    response = as_user(setup.opd_member).post(
        url("bulk_map", setup),
        {"programs": [setup.own.pk, setup.other.pk], "primary_element": element("proteksi-lingkungan").pk},
    )
    assert response.status_code == 403
    assert not Program.objects.mapped().exists()


def test_bulk_map_unknown_id_is_404(setup, as_user):
    response = as_user(setup.coordinator).post(
        url("bulk_map", setup), {"programs": [999999], "primary_element": element("komunitas").pk}
    )
    assert response.status_code == 404


def test_bulk_map_needs_an_element(setup, as_user):
    client = as_user(setup.coordinator)
    data = {"programs": [setup.own.pk], "primary_element": "", f"version-{setup.own.pk}": 1}
    response = client.post(url("bulk_map", setup), data, follow=True)
    assert "Pilih elemen tujuan" in response.content.decode()
    assert not Program.objects.mapped().exists()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=persampahan", ["2.11.11"]),
        ("q=3.26", ["3.26.02"]),
        ("status=unmapped", ["2.11.11", "3.26.02"]),
        ("status=mapped", []),
        ("misi={misi}", ["2.11.11"]),
        ("opd={other_opd}", ["3.26.02"]),
    ],
)
def test_filters(setup, as_user, query, expected):
    query = query.format(misi=setup.misi.pk, other_opd=setup.other_opd.pk)
    response = as_user(setup.coordinator).get(url("mapping", setup) + "?" + query)
    assert [p.code for p, _e in response.context["rows"]] == expected


def test_filter_by_dimension(setup, as_user):
    Program.objects.filter(pk=setup.own.pk).update(primary_dimension=Dimension.objects.get(key="environment"))
    dimension = Dimension.objects.get(key="environment")
    response = as_user(setup.coordinator).get(url("mapping", setup) + f"?dimension={dimension.pk}")
    assert [p.code for p, _e in response.context["rows"]] == ["2.11.11"]


def test_mapping_page_query_count_does_not_grow(setup, as_user, django_assert_num_queries):
    client = as_user(setup.opd_member)
    client.get(url("mapping", setup))  # warm the session

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("mapping", setup)).status_code == 200
        return len(queries)

    few = count()
    for n in range(30):
        program = ProgramFactory(rpjmd=setup.rpjmd, opd=setup.opd if n % 2 else setup.other_opd)
        BudgetFactory(program=program)
        if n % 3 == 0:
            program.secondary_elements.add(element("komunitas"))
    assert count() == few
    # session, user, masterplan, membership, RPJMD, count, programmes page, their secondary elements,
    # elements for the form, OPDs and misi for the filters, dimensions for the filter and the patterns,
    # the bell, the section's comment thread (comments, their replies, members for the form).
    with django_assert_num_queries(few):
        client.get(url("mapping", setup))


def test_empty_state_without_rpjmd(personas, as_user):
    response = as_user(personas.coordinator).get(reverse("rpjmd:mapping", args=[personas.masterplan.pk]))
    assert "Impor RPJMD lebih dulu" in response.content.decode()
    response = as_user(personas.coordinator).get(reverse("rpjmd:index", args=[personas.masterplan.pk]))
    assert "belum ada di Rancang" in response.content.decode()


def test_coordinator_edits_visi_and_misi(setup, as_user):
    client = as_user(setup.coordinator)
    response = client.post(
        url("visi_misi", setup), {"visi-visi": "Maju dan modern", "visi-version": setup.rpjmd.version}
    )
    assert response.status_code == 302
    setup.rpjmd.refresh_from_db()
    assert setup.rpjmd.visi == "Maju dan modern"
    environment, society = Dimension.objects.get(key="environment"), Dimension.objects.get(key="society")
    response = client.post(
        url("misi_edit", setup, pk=setup.misi.pk),
        {
            "number": 1,
            "text": "Lingkungan lestari",
            "dimensions": [environment.pk, society.pk],
            "version": setup.misi.version,
        },
    )
    assert response.status_code == 302
    assert set(setup.misi.dimensions.values_list("key", flat=True)) == {"environment", "society"}
    response = client.post(url("misi_add", setup), {"number": 1, "text": "Duplikat", "version": ""})
    assert response.status_code == 200 and "Misi nomor 1 sudah ada" in response.content.decode()
    response = client.post(url("misi_add", setup), {"number": 2, "text": "Ekonomi", "dimensions": [environment.pk]})
    assert response.status_code == 302


def test_misi_edit_conflict(setup, as_user):
    from rpjmd.models import Misi

    Misi.objects.filter(pk=setup.misi.pk).update(version=3)
    response = as_user(setup.coordinator).post(
        url("misi_edit", setup, pk=setup.misi.pk), {"number": 1, "text": "Versi saya", "version": 1}
    )
    assert response.status_code == 200 and "Perubahan bersamaan" in response.content.decode()


@pytest.mark.parametrize("who", ["opd_member", "expert", "reader"])
def test_only_coordinator_changes_misi(setup, as_user, who):
    response = as_user(getattr(setup, who)).post(url("misi_edit", setup, pk=setup.misi.pk), {"number": 1, "text": "x"})
    assert response.status_code == 403


def test_coverage_page_figures(setup, as_user):
    Program.objects.filter(pk=setup.own.pk).update(
        primary_dimension=Dimension.objects.get(key="environment"), primary_element=element("pengelolaan-sampah")
    )
    response = as_user(setup.expert).get(url("coverage", setup))
    rows = {r.dimension.key: r for r in response.context["dimension_rows"]}
    assert rows["environment"].programs == 1 and rows["environment"].budget == 1_500_000_000
    opds = {r.label: (r.total, r.mapped) for r in response.context["opd_rows"]}
    assert opds == {"DLH": (1, 1), "Dispar": (1, 0)}
    body = response.content.decode()
    assert "<title" in body and "url(#pat-environment)" in body
