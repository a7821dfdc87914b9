"""The pages of an empty region say what to do first; the report pages cost a constant number of queries."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masterplan.models import Masterplan, Membership, Role
from monev.models import Evidence, Realisation, Report
from plan.models import BudgetLine, Programme, ProgrammeIndicator, ProgrammeTarget
from tests.factories import OPDFactory, RegionFactory, UserFactory


@pytest.fixture
def empty(db):
    """A masterplan as `manage.py create_masterplan` leaves it: no programmes, no quick wins, no reporting year."""
    region = RegionFactory(code="64.05", name="Kota Uji Kosong")
    call_command("create_masterplan", "64.05", "--cohort", "2023", stdout=open("/dev/null", "w"))
    masterplan = Masterplan.objects.get(region=region)
    opd = OPDFactory(region=region, acronym="Diskes")
    coordinator, member = UserFactory(email="k@kosong.test"), UserFactory(email="o@kosong.test")
    Membership.objects.create(masterplan=masterplan, user=coordinator, role=Role.COORDINATOR)
    Membership.objects.create(masterplan=masterplan, user=member, role=Role.OPD_MEMBER, opd=opd)
    return masterplan, opd, coordinator, member


def test_empty_region_pages_say_what_to_do_first(empty, client):
    masterplan, opd, coordinator, member = empty
    mp = masterplan.pk
    client.force_login(coordinator)
    dashboard = client.get(reverse("masterplan:dashboard", args=[mp])).content.decode()
    assert "Belum ada tahun pelaporan" in dashboard
    index = client.get(reverse("monev:index", args=[mp])).content.decode()
    assert "Belum ada yang bisa dilaporkan" in index and reverse("plan:programmes", args=[mp]) in index
    year = masterplan.start_year
    response = client.post(reverse("monev:year_open", args=[mp]), {"year": year, "deadline": f"{year + 1}-01-31"})
    assert response.status_code == 302
    page = client.get(reverse("monev:year", args=[mp, year])).content.decode()
    assert "0 dari 0 OPD sudah melapor" in page and "Susun program dengan tahun mulai dan selesai" in page
    client.force_login(member)
    home = client.get(reverse("masterplan:home")).content.decode()
    assert "Laporan yang belum Anda isi" in home and f"Pelaporan {year} · Diskes" in home
    report = client.get(reverse("monev:opd_report", args=[mp, year, opd.pk])).content.decode()
    assert "tidak mengampu program masterplan" in report
    assert client.get(reverse("monev:export", args=[mp, year, opd.pk])).status_code == 200
    assert client.get(reverse("monev:import", args=[mp, year, opd.pk])).status_code == 200


def test_member_without_open_year_sees_that_nothing_is_owed(empty, client):
    _masterplan, _opd, _coordinator, member = empty
    client.force_login(member)
    assert "Tidak ada pelaporan monev yang sedang terbuka" in client.get(reverse("masterplan:home")).content.decode()


def _programmes(personas, year, start, n):
    created = Programme.objects.bulk_create(
        Programme(
            masterplan=personas.masterplan,
            name=f"Program {i}",
            dimension_id=personas_dimension(),
            lead_opd=personas.opd,
            horizon="medium",
            start_year=2023,
            end_year=2027,
            order=i,
        )
        for i in range(start, start + n)
    )
    indicators = ProgrammeIndicator.objects.bulk_create(
        ProgrammeIndicator(programme=p, name=f"Indikator {k}") for p in created for k in range(2)
    )
    ProgrammeTarget.objects.bulk_create(ProgrammeTarget(indicator=i, year=2024, value="10") for i in indicators)
    BudgetLine.objects.bulk_create(BudgetLine(programme=p, year=2024, source="apbd", amount=1000) for p in created)
    reports = Report.objects.bulk_create(
        Report(reporting_year=year, programme=p, status="running", updated_by=personas.opd_member) for p in created
    )
    Realisation.objects.bulk_create(
        Realisation(report=r, programme_indicator=i, value="7")
        for r, p in zip(reports, created, strict=True)
        for i in indicators
        if i.programme_id == p.pk
    )
    Evidence.objects.bulk_create(Evidence(report=r, file="x.pdf", kind="pdf", original_name="sk.pdf") for r in reports)


def personas_dimension():
    from masterplan.models import Dimension

    return Dimension.objects.get(key="environment").pk


def _count(client, url):
    from django.core.cache import cache

    cache.clear()  # every page counted cold: the dashboard's cached cards would otherwise hide their queries
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_report_pages_cost_the_same_for_5_and_50_programmes(
    personas, as_user, year, quickwin, django_assert_max_num_queries
):
    client = as_user(personas.opd_member)
    mp = personas.masterplan.pk
    urls = [
        reverse("monev:opd_report", args=[mp, 2024, personas.opd.pk]),
        reverse("monev:year", args=[mp, 2024]),
        reverse("monev:index", args=[mp]),
        reverse("monev:export", args=[mp, 2024, personas.opd.pk]),
        reverse("masterplan:dashboard", args=[mp]),
    ]
    _programmes(personas, year, 0, 5)
    small = [_count(client, url) for url in urls]
    _programmes(personas, year, 5, 45)
    assert [_count(client, url) for url in urls] == small
    # The OPD's report page: session and user (2), the membership (1), the reporting year (1), the OPD (1);
    # programmes, their indicators, the year's targets, the year's budget lines (4); chosen quick wins, their
    # owners, indicators, budgets of the year (4); reports, realisations, evidence (3); the tabs' lookups.
    with django_assert_max_num_queries(small[0]):
        client.get(urls[0])
    assert small[0] <= 20, small
