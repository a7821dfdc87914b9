"""Home and dashboard run a fixed number of queries, however many masterplans, members and OPDs exist."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masterplan.models import Role

from ..factories import MasterplanFactory, MembershipFactory, OPDFactory


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_home_query_count_does_not_grow_with_masterplans(client, personas):
    client.force_login(personas.admin)
    url = reverse("masterplan:home")
    few = count_queries(client, url)
    for _ in range(30):
        mp = MasterplanFactory()
        MembershipFactory(masterplan=mp, role=Role.COORDINATOR)
    assert count_queries(client, url) == few


def test_home_queries_named(client, personas, django_assert_max_num_queries):
    client.force_login(personas.coordinator)
    # session, user, count for the paginator, the page of masterplans (with region, province, cohort and
    # member count), plus what the registered home panels need (at most 7 together: bimtek's follow-ups, review,
    # monev's OPD and expert blocks, the evaluation's follow-ups, the OPD extract, the bell).
    with django_assert_max_num_queries(4 + 7):
        client.get(reverse("masterplan:home"))


def test_dashboard_query_count_does_not_grow_with_members_or_opds(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:dashboard", args=[personas.masterplan.pk])
    few = count_queries(client, url)
    # session, user, masterplan, membership (access); OPDs; the panels, which share their lookups (core.memo):
    # bimtek 11 (stages, checklist items, plan facts, dimensions, quick wins, sessions, RPJMD (2: current,
    # latest), SWOT, programme figures, commitment), quick win cards 1, books 3, review 2; unread
    # notifications (bell); members; the cached cards' keys: bimtek stages and checklist items (core.fragments);
    # monev's card 1 (the reporting years)
    assert few <= 27
    for _ in range(20):
        MembershipFactory(
            masterplan=personas.masterplan, role=Role.OPD_MEMBER, opd=OPDFactory(region=personas.masterplan.region)
        )
    cache.clear()  # the cards cached by the first request would hide a growing count
    assert count_queries(client, url) == few


def test_members_page_query_count_is_constant(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:members", args=[personas.masterplan.pk])
    few = count_queries(client, url)
    for _ in range(15):
        MembershipFactory(masterplan=personas.masterplan, role=Role.READER)
    assert count_queries(client, url) == few
