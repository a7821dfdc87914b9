"""The state machine per role, the masterplan's approval, and an approval racing an edit."""

import pytest
from django.urls import reverse

from masterplan.access import access_for
from masterplan.models import Masterplan
from review import services
from review.changes import report_change
from review.models import SectionReview, State

BOOK = "book:masterplan"


def _state(personas, key=BOOK):
    review = SectionReview.objects.filter(masterplan=personas.masterplan, section_key=key).first()
    return review.state if review else State.DRAFT


def _post(client, personas, action, key=BOOK, **data):
    url = reverse("review:section_transition", args=[personas.masterplan.pk, key, action])
    return client.post(url, data)


def _set(personas, state, key=BOOK):
    SectionReview.objects.update_or_create(masterplan=personas.masterplan, section_key=key, defaults={"state": state})


@pytest.mark.parametrize(
    "persona,status,expected",
    [
        ("coordinator", 302, State.SUBMITTED),
        ("admin", 302, State.SUBMITTED),
        ("opd_member", 403, State.DRAFT),
        ("other_opd_member", 403, State.DRAFT),
        ("expert", 403, State.DRAFT),
        ("reader", 403, State.DRAFT),
    ],
)
def test_submit_per_role(personas, as_user, persona, status, expected):
    response = _post(as_user(getattr(personas, persona)), personas, "submit")
    assert response.status_code == status
    assert _state(personas) == expected


@pytest.mark.parametrize(
    "persona,status,expected",
    [
        ("expert", 302, State.APPROVED),
        ("admin", 302, State.APPROVED),
        ("coordinator", 403, State.SUBMITTED),
        ("opd_member", 403, State.SUBMITTED),
        ("reader", 403, State.SUBMITTED),
    ],
)
def test_approve_per_role(personas, as_user, persona, status, expected):
    _set(personas, State.SUBMITTED)
    response = _post(as_user(getattr(personas, persona)), personas, "approve")
    assert response.status_code == status
    assert _state(personas) == expected


def test_expert_requests_changes_with_a_note(personas, as_user):
    _set(personas, State.SUBMITTED)
    client = as_user(personas.expert)
    _post(client, personas, "request_changes", note="")
    assert _state(personas) == State.SUBMITTED  # refused: no note
    _post(client, personas, "request_changes", note="Lengkapi sumber data.")
    review = SectionReview.objects.get(masterplan=personas.masterplan, section_key=BOOK)
    assert (review.state, review.note, review.changed_by) == (State.CHANGES, "Lengkapi sumber data.", personas.expert)


@pytest.mark.parametrize(
    "start,action,allowed",
    [
        (State.DRAFT, "approve", False),
        (State.DRAFT, "request_changes", False),
        (State.CHANGES, "approve", False),
        (State.CHANGES, "submit", True),
        (State.SUBMITTED, "submit", False),
        (State.APPROVED, "submit", False),
        (State.APPROVED, "approve", False),
        (State.APPROVED, "request_changes", True),
    ],
)
def test_transitions_from_each_state(personas, start, action, allowed):
    _set(personas, start)
    admin = access_for(personas.admin, personas.masterplan)
    if allowed:
        services.transition(access=admin, section_key=BOOK, action=action, note="catatan")
        assert _state(personas) != start
    else:
        with pytest.raises(services.ValidationError, match="tindakan ini tidak dapat dilakukan"):
            services.transition(access=admin, section_key=BOOK, action=action, note="catatan")
        assert _state(personas) == start


def test_refused_transition_shows_a_message(personas, as_user):
    response = _post(as_user(personas.expert), personas, "approve")
    assert response.status_code == 302
    page = as_user(personas.expert).get(reverse("review:page", args=[personas.masterplan.pk]))
    assert "berstatus Draf" in page.content.decode()


def test_unknown_section_or_action_is_404(personas, as_user):
    client = as_user(personas.coordinator)
    assert _post(client, personas, "submit", key="tidak.ada").status_code == 404
    assert _post(client, personas, "hapus").status_code == 404


def test_edit_after_approval_sends_the_section_back_to_draft(personas, section):
    _set(personas, State.APPROVED, key=section)
    report_change(masterplan=personas.masterplan, section_key=section, user=personas.opd_member, reason="Visi diubah.")
    review = SectionReview.objects.get(masterplan=personas.masterplan, section_key=section)
    assert (review.state, review.note, review.changed_by) == (State.DRAFT, "Visi diubah.", personas.opd_member)


def test_edit_of_a_draft_keeps_it_draft_but_bumps_the_version(personas, section):
    report_change(masterplan=personas.masterplan, section_key=section, user=personas.coordinator)
    report_change(masterplan=personas.masterplan, section_key=section, user=personas.coordinator)
    review = SectionReview.objects.get(masterplan=personas.masterplan, section_key=section)
    assert review.state == State.DRAFT and review.version == 2  # a new row starts at 0, the version the page shows


def test_masterplan_is_approved_when_every_section_is(personas, section):
    expert = access_for(personas.expert, personas.masterplan)
    coordinator = access_for(personas.coordinator, personas.masterplan)
    from review.sections import section_keys

    keys = section_keys()  # every registered section and the four books
    assert section in keys and "book:analisis" in keys
    for key in keys:
        services.transition(access=coordinator, section_key=key, action="submit")
    personas.masterplan.refresh_from_db()
    assert personas.masterplan.status == Masterplan.Status.REVIEW
    for key in keys:
        services.transition(access=expert, section_key=key, action="approve")
    personas.masterplan.refresh_from_db()
    assert personas.masterplan.status == Masterplan.Status.APPROVED
    last = personas.masterplan.history.first()
    assert (last.status, last.history_user) == (Masterplan.Status.APPROVED, personas.expert)
    report_change(masterplan=personas.masterplan, section_key=section, user=personas.coordinator)
    personas.masterplan.refresh_from_db()
    assert personas.masterplan.status == Masterplan.Status.REVIEW


def test_approval_racing_an_edit_is_refused(personas, as_user, section):
    """The expert opened the page at version N; an OPD member's edit arrives first; the approval is refused."""
    coordinator = access_for(personas.coordinator, personas.masterplan)
    services.transition(access=coordinator, section_key=section, action="submit")
    seen = SectionReview.objects.get(masterplan=personas.masterplan, section_key=section).version
    report_change(masterplan=personas.masterplan, section_key=section, user=personas.opd_member, reason="Data diubah.")
    client = as_user(personas.expert)
    _post(client, personas, "approve", key=section, version=seen)
    review = SectionReview.objects.get(masterplan=personas.masterplan, section_key=section)
    assert review.state == State.DRAFT
    page = client.get(reverse("review:page", args=[personas.masterplan.pk])).content.decode()
    assert "sudah diubah oleh" in page and "Tindakan Anda tidak dijalankan" in page


def test_approval_with_the_current_version_goes_through(personas, as_user):
    _set(personas, State.SUBMITTED)
    version = SectionReview.objects.get(masterplan=personas.masterplan, section_key=BOOK).version
    _post(as_user(personas.expert), personas, "approve", version=version)
    assert _state(personas) == State.APPROVED


def test_review_page_buttons_per_role(personas, as_user):
    _set(personas, State.SUBMITTED)
    url = reverse("review:page", args=[personas.masterplan.pk])
    expert_page = as_user(personas.expert).get(url).content.decode()
    assert "Setujui" in expert_page and "Minta perbaikan" in expert_page
    reader_page = as_user(personas.reader).get(url).content.decode()
    assert "Setujui" not in reader_page and "Ajukan" not in reader_page
