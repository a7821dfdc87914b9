"""Recording sessions: the form, sanitised minutes, attendance, decisions, follow-ups and their places."""

from django.core.cache import cache
from django.urls import reverse

from bimtek.models import FollowUp, Session, Stage, StageStatus

from .factories import FollowUpFactory, SessionFactory, StageFactory


def _session_data(personas, **extra):
    data = {
        "title": "Bimtek I hari 1",
        "starts_at": "2022-06-13T08:30",
        "ends_at": "2022-06-13T16:00",
        "venue": "Aula",
        "online_link": "",
        "experts": "Dr. Budi\nIr. Ratna",
        "agenda": "Pembukaan\nAnalisis kesiapan",
        "invited_opds": [personas.opd.pk],
        "minutes": '<h3>Ringkasan</h3><script>alert(1)</script><p onclick="x()">Isi</p>',
    }
    data.update(extra)
    return data


def test_coordinator_records_a_session_with_sanitised_minutes(as_user, personas):
    url = reverse("bimtek:session_add", args=[personas.masterplan.pk, 1])
    response = as_user(personas.coordinator).post(url, _session_data(personas))
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.stage.number == 1 and session.masterplan == personas.masterplan
    assert "<script" not in session.minutes and "onclick" not in session.minutes
    assert "<h3>Ringkasan</h3>" in session.minutes
    assert session.expert_list() == ["Dr. Budi", "Ir. Ratna"]
    assert list(session.invited_opds.all()) == [personas.opd]


def test_session_form_refuses_another_regions_opd_and_end_before_start(as_user, personas):
    from tests.factories import OPDFactory

    foreign = OPDFactory(region=personas.other_masterplan.region)
    url = reverse("bimtek:session_add", args=[personas.masterplan.pk, 1])
    data = _session_data(personas, invited_opds=[foreign.pk], ends_at="2022-06-12T08:00")
    response = as_user(personas.coordinator).post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "invited_opds" in form.errors and "ends_at" in form.errors
    assert not Session.objects.exists()


def test_concurrent_edit_is_not_lost(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    url = reverse("bimtek:session_edit", args=[personas.masterplan.pk, session.pk])
    data = _session_data(personas, version=session.version)
    Session.objects.filter(pk=session.pk).update(version=session.version + 1, title="Diubah orang lain")
    response = as_user(personas.coordinator).post(url, data)
    assert response.status_code == 200 and response.context["conflict"]
    assert Session.objects.get(pk=session.pk).title == "Diubah orang lain"


def test_attendee_needs_an_opd_or_an_institution(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    url = reverse("bimtek:attendee_add", args=[personas.masterplan.pk, session.pk])
    client = as_user(personas.coordinator)
    assert client.post(url, {"attendee-name": "Agus"}).status_code == 400
    assert client.post(url, {"attendee-name": "Agus", "attendee-opd": personas.opd.pk}).status_code == 302
    assert session.attendees.get().opd == personas.opd


def test_follow_up_with_owner_and_due_date(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    url = reverse("bimtek:followup_add", args=[personas.masterplan.pk, session.pk])
    response = as_user(personas.coordinator).post(
        url, {"followup-text": "Isi kertas kerja", "followup-opd": personas.opd.pk, "followup-due_date": "2022-06-24"}
    )
    assert response.status_code == 302
    followup = FollowUp.objects.get()
    assert followup.opd == personas.opd and str(followup.due_date) == "2022-06-24"
    assert followup.masterplan == personas.masterplan


def test_opd_member_marks_own_follow_up_done_in_place(as_user, personas):
    followup = FollowUpFactory(
        session=SessionFactory(stage=StageFactory(masterplan=personas.masterplan)), opd=personas.opd
    )
    url = reverse("bimtek:followup_toggle", args=[personas.masterplan.pk, followup.pk])
    response = as_user(personas.opd_member).post(url, {"done": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f'id="followup-{followup.pk}"' in response.content.decode()
    followup.refresh_from_db()
    assert followup.is_done


def test_followups_listed_per_opd_open_only_by_default(as_user, personas, django_assert_num_queries):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    for _ in range(3):
        FollowUpFactory(session=session, opd=personas.opd)
        FollowUpFactory(session=session, opd=personas.other_opd)
    done = FollowUpFactory(session=session, opd=personas.opd, text="Sudah selesai")
    FollowUp.objects.filter(pk=done.pk).update(done_at="2022-07-01T00:00Z")
    client = as_user(personas.opd_member)
    url = reverse("bimtek:followups", args=[personas.masterplan.pk])
    # session, user, masterplan + membership (access), the section's review state (the undo warning of the
    # rows' forms), follow-ups with OPD and stage, unread notifications (bell)
    with django_assert_num_queries(9):  # + the section thread: comments, members for the box
        response = client.get(url)
    html = response.content.decode()
    assert "Sudah selesai" not in html and html.index("DLH") < html.index("Dispar")  # own OPD first
    assert "Sudah selesai" in client.get(url, {"semua": "1"}).content.decode()


def test_home_panel_shows_own_opds_open_follow_ups(as_user, personas):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    FollowUpFactory(session=session, opd=personas.opd, text="Punya DLH")
    FollowUpFactory(session=session, opd=personas.other_opd, text="Punya Dispar")
    html = as_user(personas.opd_member).get(reverse("masterplan:home")).content.decode()
    assert "Punya DLH" in html and "Punya Dispar" not in html
    html = as_user(personas.expert).get(reverse("masterplan:home")).content.decode()
    assert "Tindak lanjut bimtek untuk OPD Anda" not in html


def test_stage_reached_on_home_cards(as_user, personas):
    StageFactory(masterplan=personas.masterplan, number=1, status=StageStatus.CLOSED)
    StageFactory(masterplan=personas.masterplan, number=2, status=StageStatus.RUNNING)
    StageFactory(masterplan=personas.masterplan, number=3)  # planned: not reached
    html = as_user(personas.reader).get(reverse("masterplan:home")).content.decode()
    assert "Bimtek II" in html


def test_stages_page_query_count_is_constant(as_user, personas, django_assert_num_queries):
    client = as_user(personas.expert)
    url = reverse("bimtek:stages", args=[personas.masterplan.pk])
    for number in (1, 2, 3):
        stage = StageFactory(masterplan=personas.masterplan, number=number)
        for _ in range(3):
            FollowUpFactory(session=SessionFactory(stage=stage), opd=personas.opd)
    # django session, user, masterplan, membership (access); stages (with who closed them); checklist items;
    # the metrics, sharing their lookups (core.memo): plan facts, dimensions, quick wins, the sessions (also the
    # track's), RPJMD (2: current, latest), SWOT, programme figures, commitment; unread notifications (bell).
    # The first view also stores each saved stage's checklist figures (one UPDATE per stage whose figures
    # changed): warm up so both runs store nothing.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(5):
        FollowUpFactory(session=SessionFactory(stage=stage), opd=personas.opd)
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert (
        len(few.captured_queries) == len(more.captured_queries) == 18
    )  # + the section thread: comments, members for the box
    assert Stage.objects.filter(masterplan=personas.masterplan).count() == 3


def test_dashboard_panel_adds_a_constant_number_of_queries(as_user, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(personas.reader)
    url = reverse("masterplan:dashboard", args=[personas.masterplan.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for number in (1, 2, 3, 4):
        stage = StageFactory(masterplan=personas.masterplan, number=number)
        SessionFactory.create_batch(3, stage=stage)
    cache.clear()  # the other cards cached by the first request (core.fragments) would hide a growing count
    assert count() == few


def test_session_page_query_count_is_constant(as_user, personas, django_assert_num_queries):
    from .factories import AttachmentFactory, AttendeeFactory, DecisionFactory

    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan))
    session.invited_opds.set([personas.opd, personas.other_opd])
    for _ in range(4):
        AttendeeFactory(session=session, opd=personas.opd)
        DecisionFactory(session=session)
        FollowUpFactory(session=session, opd=personas.other_opd)
        AttachmentFactory(session=session)
    client = as_user(personas.reader)
    url = reverse("bimtek:session", args=[personas.masterplan.pk, session.pk])
    client.get(url)  # warm up: the comment thread's content type is then cached, as in production
    # django session, user, masterplan, membership (access); the session with its stage; attendees with
    # OPD; decisions; follow-ups with OPD; attachments; invited OPDs; the comment thread (comments, replies;
    # no member list: a reader has no form); unread notifications (bell)
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200


def test_home_page_query_count_is_constant_for_an_opd_member(as_user, personas, django_assert_num_queries):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan, status=StageStatus.RUNNING))
    FollowUpFactory.create_batch(6, session=session, opd=personas.opd)
    client = as_user(personas.opd_member)
    # django session, user; masterplan count and page (with stage reached and member count); the
    # user's OPD memberships; their open follow-ups with OPD, stage and region; the review app's
    # home block (the user's expert memberships); unread notifications (bell); monev's home block (the user's
    # OPD memberships, the open reporting years); the evaluation's open follow-ups of the user's OPDs; monev's
    # expert block (expert memberships, submitted years); the OPD's summary extract (OPD memberships, its exports,
    # the masterplans)
    with django_assert_num_queries(14):
        response = client.get(reverse("masterplan:home"))
    assert response.content.decode().count("bimtek/sesi/") == 6
