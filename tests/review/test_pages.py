"""The pages: access per role, the activity stream, notifications, the expert's home and the programme dashboard."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from masterplan.access import access_for
from masterplan.models import Masterplan, Role
from review import services
from review.models import Notification, SectionReview, State
from tests.factories import MasterplanFactory, MembershipFactory, ProvinceFactory, RegionFactory

from .factories import CommentFactory

MEMBERS = ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"]


@pytest.mark.parametrize("name", ["review:page", "review:activity"])
@pytest.mark.parametrize("persona", MEMBERS + ["stranger"])
def test_masterplan_pages_per_role(personas, as_user, name, persona):
    response = as_user(getattr(personas, persona)).get(reverse(name, args=[personas.masterplan.pk]))
    assert response.status_code == (404 if persona == "stranger" else 200)


@pytest.mark.parametrize("name", ["review:page", "review:activity", "review:programme", "review:notifications"])
def test_anonymous_goes_to_login(client, personas, name):
    args = [personas.masterplan.pk] if name in ("review:page", "review:activity") else []
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_activity_shows_who_changed_what_with_a_link(personas, as_user):
    services.transition(
        access=access_for(personas.coordinator, personas.masterplan), section_key="book:masterplan", action="submit"
    )
    html = as_user(personas.reader).get(reverse("review:activity", args=[personas.masterplan.pk])).content.decode()
    assert "Buku Masterplan: Diajukan" in html
    assert reverse("review:page", args=[personas.masterplan.pk]) in html
    assert personas.other_masterplan.title not in html


def test_activity_records_who_and_filters_by_section(personas, as_user):
    coordinator = access_for(personas.coordinator, personas.masterplan)
    services.transition(access=coordinator, section_key="book:masterplan", action="submit")
    services.transition(access=coordinator, section_key="book:analisis", action="submit")
    url = reverse("review:activity", args=[personas.masterplan.pk])
    entries = as_user(personas.expert).get(url, {"section": "book:analisis"}).context["entries"]
    assert {e.text for e in entries} == {"Buku Analisis Strategis: Draf", "Buku Analisis Strategis: Diajukan"}
    assert {e.user for e in entries} == {personas.coordinator}
    assert {e.section for e in entries} == {"Buku Analisis Strategis"}
    update = next(e for e in entries if e.text.endswith("Diajukan"))
    assert "status review" in update.changed and "catatan" not in update.changed


def test_activity_filters_by_person_and_opd(personas, as_user):
    membership = personas.masterplan.memberships.get(user=personas.opd_member)
    membership._history_user = personas.coordinator
    membership.save()
    url = reverse("review:activity", args=[personas.masterplan.pk])
    client = as_user(personas.expert)
    entries = client.get(url, {"person": personas.coordinator.pk}).context["entries"]
    assert [e.text.split(" · ")[0] for e in entries] == [personas.opd_member.display_name]
    entries = client.get(url, {"opd": personas.other_opd.pk}).context["entries"]
    assert [e.text.split(" · ")[0] for e in entries] == [personas.other_opd_member.display_name]


def test_activity_queries_are_constant_per_page(personas, as_user, django_assert_max_num_queries):
    client = as_user(personas.expert)
    url = reverse("review:activity", args=[personas.masterplan.pk])
    for _ in range(3):
        comment = CommentFactory(masterplan=personas.masterplan, author=personas.expert)
        comment.body += " (diubah)"
        comment.save()  # an update: its changed fields come from the previous record
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(30):
        comment = CommentFactory(masterplan=personas.masterplan, author=personas.expert)
        comment.body += " (diubah)"
        comment.save()
    # the union (1), then per source with rows on the page: its rows (with the previous record's id) and the
    # previous records of its updates: bounded by the sources, never by the rows
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["entries"]) == 50
    assert any(e.changed == ["komentar"] for e in response.context["entries"])


def test_activity_many_to_many_changes_cost_no_query_per_row(personas, as_user, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.bimtek.factories import SessionFactory, StageFactory

    client = as_user(personas.expert)
    url = reverse("review:activity", args=[personas.masterplan.pk])
    stage = StageFactory(masterplan=personas.masterplan, number=1)

    def invite(n):
        for _ in range(n):
            SessionFactory(stage=stage).invited_opds.add(personas.opd)  # an update of a many-to-many field only

    invite(2)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    invite(20)
    # per source on the page: its rows with the previous records (1), each tracked many-to-many field (1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    changed = [e.changed for e in response.context["entries"] if e.action == "mengubah"]
    assert len(changed) == 22 and all(c == ["OPD yang diundang"] for c in changed)


def test_notifications_page_open_and_read_all(personas, as_user):
    mine = Notification.objects.create(
        recipient=personas.reader, masterplan=personas.masterplan, kind="mention", text="Untuk pembaca", url="/m/1/"
    )
    Notification.objects.create(recipient=personas.expert, kind="mention", text="Untuk ahli")
    client = as_user(personas.reader)
    html = client.get(reverse("review:notifications")).content.decode()
    assert "Untuk pembaca" in html and "Untuk ahli" not in html
    response = client.post(reverse("review:notification_open", args=[mine.pk]))
    assert response["Location"] == "/m/1/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    client.post(reverse("review:notifications_read_all"))
    assert Notification.objects.filter(recipient=personas.expert, read_at__isnull=True).count() == 1


def test_someone_elses_notification_is_404(personas, as_user):
    theirs = Notification.objects.create(recipient=personas.expert, kind="mention", text="x")
    assert as_user(personas.reader).post(reverse("review:notification_open", args=[theirs.pk])).status_code == 404


def test_bell_counts_unread_in_one_query(personas, as_user, django_assert_num_queries):
    from django.template import Context, Template

    Notification.objects.create(recipient=personas.reader, kind="mention", text="x")
    Notification.objects.create(recipient=personas.reader, kind="mention", text="y")
    template = Template('{% include "core/partials/bell.html" %}')
    with django_assert_num_queries(1):
        html = template.render(Context({"user": personas.reader}))
    assert ">2<" in html.replace(" ", "").replace("\n", "")[:2000] or "2<span" in html


def test_expert_home_lists_what_waits(personas, as_user):
    services.transition(
        access=access_for(personas.coordinator, personas.masterplan), section_key="book:masterplan", action="submit"
    )
    comment = CommentFactory(masterplan=personas.masterplan, author=personas.coordinator)
    comment.mentions.add(personas.expert)
    html = as_user(personas.expert).get(reverse("masterplan:home")).content.decode()
    assert "Menunggu review Anda" in html
    assert "Menunggu review Anda" not in as_user(personas.reader).get(reverse("masterplan:home")).content.decode()


def test_dashboard_panel(personas, as_user):
    CommentFactory(masterplan=personas.masterplan, author=personas.expert)
    html = as_user(personas.reader).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk])).content.decode()
    assert "Review tenaga ahli" in html and "1 komentar terbuka" in html


@pytest.mark.parametrize("persona", [m for m in MEMBERS if m not in ("expert", "admin")] + ["stranger"])
def test_programme_dashboard_is_for_programme_admins_and_experts(personas, as_user, persona):
    client = as_user(getattr(personas, persona))
    response = client.get(reverse("review:programme"))
    assert response.status_code == 403
    assert "hanya untuk admin program dan tenaga ahli" in response.content.decode()
    assert client.get(reverse("review:programme_export")).status_code == 403


def test_an_expert_sees_the_regions_they_follow_and_no_other(personas, as_user):
    client = as_user(personas.expert)
    assert "Dasbor program: daerah yang Anda dampingi" in client.get(reverse("masterplan:home")).content.decode()
    page = client.get(reverse("review:programme")).content.decode()
    assert personas.masterplan.region.name in page
    assert personas.other_masterplan.region.name not in page
    sheet = client.get(reverse("review:programme_export"))
    assert sheet.status_code == 200 and sheet["Content-Type"].startswith("application/vnd.openxmlformats")


def _regions(n, cohort, start=0):
    province = ProvinceFactory(code="71", name="Sulawesi Utara")
    for i in range(start, start + n):
        mp = MasterplanFactory(region=RegionFactory(code=f"71.{i + 10:03d}", province=province), cohort=cohort)
        SectionReview.objects.create(masterplan=mp, section_key="book:masterplan", state=State.APPROVED)
        CommentFactory(masterplan=mp, author_id=_author())
        MembershipFactory(masterplan=mp, role=Role.COORDINATOR)


def _author():
    from tests.factories import UserFactory

    return UserFactory(email="penulis@uji.test").pk


def test_programme_dashboard_queries_are_constant_in_regions(personas, as_user, django_assert_num_queries):
    client = as_user(personas.admin)
    url = reverse("review:programme")
    _regions(3, personas.masterplan.cohort)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert len(response.context["rows"]) == 5
    _regions(100, personas.masterplan.cohort, start=3)
    # session, user, bell, cohort, province choices, the annotated masterplans (members, open comments,
    # section states, last activity in subqueries); one per registered column or two or three: bimtek's
    # stored checklists, books' latest exports, "Pemetaan RPJMD" (masterplans, RPJMDs with counts) and
    # "Quick win terpilih" (dimensions, chosen per masterplan, the cohort's ids), monev's reporting years (its two
    # columns share them; none here), monev's latest index (one): the same whatever the number of regions
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["rows"]) == 105
    assert len(few.captured_queries) <= 17


def test_programme_dashboard_filters_sorts_and_exports(personas, as_user):
    _regions(3, personas.masterplan.cohort)
    Masterplan.objects.filter(pk=personas.masterplan.pk).update(status=Masterplan.Status.APPROVED)
    client = as_user(personas.admin)
    url = reverse("review:programme")
    cohort = personas.masterplan.cohort.pk
    rows = client.get(url, {"cohort": cohort, "status": "approved"}).context["rows"]
    assert [r["masterplan"] for r in rows] == [personas.masterplan]
    rows = client.get(url, {"cohort": cohort, "province": personas.masterplan.region.province_id}).context["rows"]
    assert {r["masterplan"] for r in rows} == {personas.masterplan, personas.other_masterplan}
    rows = client.get(url, {"cohort": cohort, "sort": "open_comments", "desc": "on"}).context["rows"]
    assert rows[0]["open_comments"] == 1 and rows[-1]["open_comments"] == 0
    response = client.get(reverse("review:programme_export"), {"cohort": cohort, "status": "approved"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:3] == ["Daerah", "Provinsi", "Status"]
    assert sheet.max_row == 2 and sheet["A2"].value == personas.masterplan.region.name


def test_cohort_columns_from_the_registry(personas, as_user):
    from core import registry

    registry.register_cohort_column(
        registry.CohortColumn(
            "uji.kolom", "Kolom uji", lambda qs: {pk: f"nilai-{pk}" for pk in qs.values_list("pk", flat=True)}
        )
    )
    try:
        html = as_user(personas.admin).get(reverse("review:programme")).content.decode()
    finally:
        registry._cohort_columns.pop("uji.kolom")
    assert "Kolom uji" in html and f"nilai-{personas.masterplan.pk}" in html


def test_notifications_page_queries_are_constant(personas, as_user, django_assert_num_queries):
    client = as_user(personas.reader)
    url = reverse("review:notifications")
    Notification.objects.create(recipient=personas.reader, masterplan=personas.masterplan, kind="mention", text="x")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(25):
        Notification.objects.create(
            recipient=personas.reader, masterplan=personas.masterplan, kind="mention", text=str(i)
        )
    # session, user, bell count, page count, the page (with masterplan and region joined)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
