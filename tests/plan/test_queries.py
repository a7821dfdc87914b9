"""Query counts stay constant in the number of programmes (300 here)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import registry
from masterplan.models import Dimension
from plan.models import BudgetLine, Programme, ProgrammeIndicator, ProgrammeTarget


def _programmes(masterplan, opds, n):
    dims = list(Dimension.objects.all())
    rows = Programme.objects.bulk_create(
        Programme(
            masterplan=masterplan,
            name=f"Program {i}",
            dimension=dims[i % 6],
            lead_opd=opds[i % 2],
            horizon=["short", "medium", "long"][i % 3],
            start_year=2023 + i % 5,
            end_year=2028,
            order=i,
        )
        for i in range(n)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(programme=p, year=y, source=s, amount=1000)
        for p in rows
        for y in (2024, 2025)
        for s in ("apbd", "csr")
    )
    indicators = ProgrammeIndicator.objects.bulk_create(ProgrammeIndicator(programme=p, name="Indikator") for p in rows)
    ProgrammeTarget.objects.bulk_create(ProgrammeTarget(indicator=i, year=2028, value="10") for i in indicators)
    for p in rows[:: max(1, n // 10)]:
        p.partner_opds.add(opds[0])
    return rows


@pytest.fixture
def big(personas):
    _programmes(personas.masterplan, [personas.opd, personas.other_opd], 300)
    return personas


def _count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["roadmap", "financing", "programmes"])
def test_pages_are_constant_in_the_number_of_programmes(personas, as_user, name):
    client = as_user(personas.coordinator)
    url = reverse(f"plan:{name}", args=[personas.masterplan.pk])
    _programmes(personas.masterplan, [personas.opd, personas.other_opd], 3)
    small = _count(client, url)
    _programmes(personas.masterplan, [personas.opd, personas.other_opd], 300)
    assert _count(client, url) == small


def test_roadmap_queries(big, as_user, django_assert_num_queries):
    client = as_user(big.coordinator)
    url = reverse("plan:roadmap", args=[big.masterplan.pk])
    # session, user, masterplan, membership, dimensions, programmes (joined with dimension and lead OPD),
    # the filter form's dimensions and OPDs, the horizons (plan settings), the programmes with a chosen quick win
    with django_assert_num_queries(13):  # + unread notifications (bell), the section thread (comments, members)
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<rect") > 300


def test_financing_queries(big, as_user, django_assert_num_queries):
    client = as_user(big.coordinator)
    url = reverse("plan:financing", args=[big.masterplan.pk])
    # session, user, masterplan, membership, dimensions, programmes, budget sums per year/source/dimension,
    # budget totals per programme, the filter form's dimensions and OPDs
    with django_assert_num_queries(11):  # + unread notifications (bell)
        response = client.get(url)
    assert response.context["tables"]["grand_total"] == 300 * 4 * 1000


@pytest.mark.parametrize("book", ["analisis", "masterplan", "ringkasan"])
def test_chapter_contexts_are_constant(personas, book):
    def counts():
        result = {}
        for chapter in registry.chapters(book):
            if not chapter.key.startswith("plan-"):
                continue
            with CaptureQueriesContext(connection) as context:
                chapter.context(personas.masterplan)
            result[chapter.key] = len(context.captured_queries)
        return result

    _programmes(personas.masterplan, [personas.opd, personas.other_opd], 3)
    small = counts()
    _programmes(personas.masterplan, [personas.opd, personas.other_opd], 300)
    assert counts() == small
