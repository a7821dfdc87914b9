"""The RPJMD in the review: mapping and import send approved sections back to draft (once per workflow),
the activity stream, the section thread on the mapping page, the programme dashboard column."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masterplan.models import Element
from review.models import SectionReview, State
from rpjmd import contributions
from rpjmd.models import RPJMD, Program
from tests.factories import MasterplanFactory, RegionFactory

from .conftest import records, workbook
from .factories import ProgramFactory


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def setup(personas):
    rpjmd = RPJMD.objects.create(region=personas.masterplan.region, start_year=2021, end_year=2026)
    personas.rpjmd = rpjmd
    personas.own = ProgramFactory(rpjmd=rpjmd, opd=personas.opd, code="2.99.11", name="Program Persampahan")
    return personas


def _approve(masterplan, key):
    return SectionReview.objects.create(masterplan=masterplan, section_key=key, state=State.APPROVED)


def _state(masterplan, key):
    return SectionReview.objects.get(masterplan=masterplan, section_key=key).state


def test_mapping_a_programme_sends_the_approved_section_back_to_draft(setup, as_user):
    _approve(setup.masterplan, "rpjmd.programs")
    _approve(setup.masterplan, "rpjmd.misi")
    element = Element.objects.get(key="pengelolaan-sampah")
    response = as_user(setup.opd_member).post(
        reverse("rpjmd:map_program", args=[setup.masterplan.pk, setup.own.pk]),
        {"primary_element": element.pk, "justification": "Bank sampah", "version": setup.own.version},
    )
    assert response.status_code == 302
    review = SectionReview.objects.get(masterplan=setup.masterplan, section_key="rpjmd.programs")
    assert review.state == State.DRAFT and "2.99.11" in review.note
    assert _state(setup.masterplan, "rpjmd.misi") == State.APPROVED


def test_bulk_mapping_reports_once(setup, as_user):
    programs = [setup.own, *(ProgramFactory(rpjmd=setup.rpjmd, opd=setup.opd) for _ in range(5))]
    review = _approve(setup.masterplan, "rpjmd.programs")
    element = Element.objects.get(key="proteksi-lingkungan")
    response = as_user(setup.opd_member).post(
        reverse("rpjmd:bulk_map", args=[setup.masterplan.pk]),
        {
            "programs": [p.pk for p in programs],
            "primary_element": element.pk,
            **{f"version-{p.pk}": p.version for p in programs},  # the versions the mapping page showed
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == State.DRAFT
    assert review.history.count() == 2  # created approved, then one report for the six programmes


def _confirm(client, personas, rows):
    preview = client.post(
        reverse("rpjmd:import", args=[personas.masterplan.pk]),
        {"file": SimpleUploadedFile("rpjmd.xlsx", workbook(records(rows)))},
    )
    token = preview["Location"].rstrip("/").split("/")[-1]
    url = reverse("rpjmd:import_confirm", args=[personas.masterplan.pk, token])
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {"create_opds": "0"})
    assert response.status_code == 302
    return [q["sql"] for q in queries.captured_queries if "review_sectionreview" in q["sql"]]


def test_import_reports_both_sections_once_whatever_its_size(region_opds, as_user, data_dir):
    client = as_user(region_opds.coordinator)
    _approve(region_opds.masterplan, "rpjmd.programs")
    _approve(region_opds.masterplan, "rpjmd.misi")
    small = _confirm(client, region_opds, 5)
    assert _state(region_opds.masterplan, "rpjmd.programs") == State.DRAFT
    assert _state(region_opds.masterplan, "rpjmd.misi") == State.DRAFT
    Program.objects.all().delete()
    SectionReview.objects.update(state=State.APPROVED)
    large = _confirm(client, region_opds, 60)
    assert Program.objects.count() == 60
    assert len(large) == len(small) <= 12  # per section: lock, save, history row (+ masterplan status)


def test_mapping_shows_in_the_activity_stream(setup, as_user):
    element = Element.objects.get(key="pengelolaan-sampah")
    as_user(setup.opd_member).post(
        reverse("rpjmd:map_program", args=[setup.masterplan.pk, setup.own.pk]),
        {"primary_element": element.pk, "justification": "", "version": setup.own.version},
    )
    response = as_user(setup.coordinator).get(
        reverse("review:activity", args=[setup.masterplan.pk]), {"section": "rpjmd.programs"}
    )
    entries = [e for e in response.context["entries"] if e.text == "2.99.11 Program Persampahan"]
    assert entries and entries[0].user == setup.opd_member
    assert str(entries[0].section) == "Pemetaan program RPJMD"
    assert entries[0].url == reverse("rpjmd:mapping", args=[setup.masterplan.pk])


def test_mapping_page_has_the_section_thread(setup, as_user):
    html = as_user(setup.expert).get(reverse("rpjmd:mapping", args=[setup.masterplan.pk])).content.decode()
    assert 'id="thread-section-rpjmd-programs"' in html


def test_cohort_column_is_the_mapped_percentage(setup, django_assert_num_queries):
    from masterplan.models import Masterplan

    ProgramFactory(rpjmd=setup.rpjmd, opd=setup.opd, primary_dimension=Element.objects.first().dimension)
    cohort = setup.masterplan.cohort
    for i in range(30):
        mp = MasterplanFactory(cohort=cohort, region=RegionFactory(code=f"72.{i + 10:03d}"))
        rpjmd = RPJMD.objects.create(region=mp.region, start_year=2021, end_year=2026)
        ProgramFactory(rpjmd=rpjmd, opd=None)
    queryset = Masterplan.objects.filter(cohort=cohort)
    with django_assert_num_queries(2):  # the cohort's masterplans; RPJMDs of their regions with counts
        values = contributions.mapping_percentages(queryset)
    assert values[setup.masterplan.pk] == "50%"
    assert sum(1 for v in values.values() if v == "0%") == 30
    assert values[setup.other_masterplan.pk] in ("–", "50%")  # same region, or none
