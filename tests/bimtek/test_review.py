"""Bimtek wired into the review: edits send an approved section back to draft, sessions take comments,
the activity stream lists bimtek rows, and the programme dashboard shows the stored checklist figures."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bimtek.models import StageStatus
from review.models import Comment, SectionReview, State

from .factories import CommitmentFactory, FollowUpFactory, SessionFactory, StageFactory


def _approve(masterplan, key):
    return SectionReview.objects.create(masterplan=masterplan, section_key=key, state=State.APPROVED, version=3)


def _state(masterplan, key):
    return SectionReview.objects.get(masterplan=masterplan, section_key=key)


def test_editing_a_session_sends_the_approved_sessions_section_back_to_draft(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    _approve(personas.masterplan, "bimtek.sessions")
    url = reverse("bimtek:decision_add", args=[personas.masterplan.pk, session.pk])
    response = as_user(personas.coordinator).post(url, {"decision-text": "Bentuk Dewan Smart City."})
    assert response.status_code == 302
    review = _state(personas.masterplan, "bimtek.sessions")
    assert review.state == State.DRAFT and review.version == 4
    assert session.title in review.note and review.changed_by == personas.coordinator


def test_a_refused_edit_leaves_the_approval_alone(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    _approve(personas.masterplan, "bimtek.sessions")
    url = reverse("bimtek:decision_add", args=[personas.masterplan.pk, session.pk])
    assert as_user(personas.coordinator).post(url, {"decision-text": ""}).status_code == 400
    assert _state(personas.masterplan, "bimtek.sessions").state == State.APPROVED


def test_an_opd_member_ticking_a_follow_up_reopens_the_follow_ups_section(as_user, personas):
    followup = FollowUpFactory(
        session=SessionFactory(stage=StageFactory(masterplan=personas.masterplan)), opd=personas.opd
    )
    _approve(personas.masterplan, "bimtek.followups")
    _approve(personas.masterplan, "bimtek.sessions")
    url = reverse("bimtek:followup_toggle", args=[personas.masterplan.pk, followup.pk])
    assert as_user(personas.opd_member).post(url, {"done": "1"}).status_code == 302
    assert _state(personas.masterplan, "bimtek.followups").state == State.DRAFT
    assert _state(personas.masterplan, "bimtek.sessions").state == State.APPROVED  # another section


def test_adding_a_signatory_reopens_the_commitment(as_user, personas):
    CommitmentFactory(masterplan=personas.masterplan)
    _approve(personas.masterplan, "bimtek.commitment")
    url = reverse("bimtek:signatory_add", args=[personas.masterplan.pk])
    data = {"signatory-order": 1, "signatory-name": "H. Abdul Gafur", "signatory-position": "Bupati"}
    assert as_user(personas.coordinator).post(url, data).status_code == 302
    review = _state(personas.masterplan, "bimtek.commitment")
    assert review.state == State.DRAFT and "H. Abdul Gafur" in review.note


def test_deleting_a_session_reports_both_sections_once(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    FollowUpFactory(session=session, opd=personas.opd)
    _approve(personas.masterplan, "bimtek.sessions")
    _approve(personas.masterplan, "bimtek.followups")
    url = reverse("bimtek:session_delete", args=[personas.masterplan.pk, session.pk])
    assert as_user(personas.coordinator).post(url).status_code == 302
    for key in ("bimtek.sessions", "bimtek.followups"):
        review = _state(personas.masterplan, key)
        assert (review.state, review.version) == (State.DRAFT, 4)


def test_a_comment_on_a_session_shows_on_the_session_page(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan), title="Bimtek I hari 1")
    add = reverse("review:comment_add", args=[personas.masterplan.pk])
    body = "Notulen hari pertama belum mencatat keputusan soal <b>data</b>."
    response = as_user(personas.expert).post(add, {"target": f"bimtek.session:{session.pk}", "body": body})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.target == session and comment.masterplan == personas.masterplan
    html = as_user(personas.reader).get(session.get_absolute_url()).content.decode()
    assert "belum mencatat keputusan soal &lt;b&gt;data&lt;/b&gt;." in html
    assert 'name="target"' not in html  # a reader reads, does not write
    html = as_user(personas.opd_member).get(session.get_absolute_url()).content.decode()
    assert f'value="bimtek.session:{session.pk}"' in html  # members write


def test_a_stranger_gets_404_commenting_on_a_foreign_session(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    client = as_user(personas.stranger)
    target = {"target": f"bimtek.session:{session.pk}", "body": "x"}
    # through the victim's masterplan, and through the stranger's own
    assert client.post(reverse("review:comment_add", args=[personas.masterplan.pk]), target).status_code == 404
    assert client.post(reverse("review:comment_add", args=[personas.other_masterplan.pk]), target).status_code == 404
    assert not Comment.objects.exists()


def test_bimtek_rows_appear_in_the_activity_stream(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan), title="Sesi pemetaan RPJMD")
    FollowUpFactory(session=session, opd=personas.opd, text="Kirim data aplikasi")
    CommitmentFactory(masterplan=personas.masterplan)
    url = reverse("review:activity", args=[personas.masterplan.pk])
    html = as_user(personas.reader).get(url).content.decode()
    assert "Sesi pemetaan RPJMD" in html and "Kirim data aplikasi" in html and "Komitmen Bersama" in html
    html = as_user(personas.reader).get(url, {"section": "bimtek.followups"}).content.decode()
    assert "Kirim data aplikasi" in html and "Sesi pemetaan RPJMD" not in html


def test_starting_a_stage_stores_the_checklist_figures_for_the_programme_dashboard(as_user, personas):
    """Stored when the stage starts (a POST), not when a reader opens the page (tests/security/test_get_writes_nothing.py)."""
    StageFactory(masterplan=personas.masterplan, number=2, status=StageStatus.PLANNED)
    as_user(personas.coordinator).post(reverse("bimtek:stage_start", args=[personas.masterplan.pk, 2]))
    stage = personas.masterplan.bimtek_stages.get(number=2)
    assert stage.checklist_total == 7 and stage.checklist_done is not None and stage.checklist_at
    rows = as_user(personas.admin).get(reverse("review:programme")).context["rows"]
    row = next(r for r in rows if r["masterplan"] == personas.masterplan)
    day = timezone.localtime(stage.checklist_at).strftime("%d/%m/%Y")
    assert f"II: {stage.checklist_done}/7 ({day})" in row["extra"]


def test_closing_a_stage_stores_its_checklist(as_user, personas):
    url = reverse("bimtek:stage_close", args=[personas.masterplan.pk, 1])
    assert as_user(personas.expert).post(url).status_code == 302
    stage = personas.masterplan.bimtek_stages.get(number=1)
    assert stage.checklist_total == 3 and stage.checklist_at is not None


@pytest.mark.parametrize("n", [100])
def test_programme_dashboard_queries_stay_constant_with_bimtek_and_books_columns(
    as_user, personas, django_assert_num_queries, n
):
    from books.models import ExportJob
    from tests.books.factories import ExportJobFactory
    from tests.factories import MasterplanFactory, RegionFactory

    def region(i):
        mp = MasterplanFactory(region=RegionFactory(code=f"72.{i + 10:03d}"), cohort=personas.masterplan.cohort)
        StageFactory(
            masterplan=mp,
            number=1,
            status=StageStatus.CLOSED,
            checklist_done=2,
            checklist_total=3,
            checklist_at=timezone.now(),
        )
        ExportJobFactory(masterplan=mp, book_key="analisis", status=ExportJob.Status.DONE, finished_at=timezone.now())

    client = as_user(personas.admin)
    url = reverse("review:programme")
    region(0)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(1, n):
        region(i)
    # session, user, bell, cohort, province choices, the annotated masterplans; the registered columns
    # (bimtek's stored checklists 1, books' latest exports 1, RPJMD mapping 2, chosen quick wins 3): the
    # same whatever the number of regions
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    rows = response.context["rows"]
    assert len(rows) == n + 2
    assert len(few.captured_queries) <= 17  # + monev's reporting years and latest index
    html = response.content.decode()
    assert "I: 2/3" in html and "Daftar periksa" in html and "Buku terakhir" in html
