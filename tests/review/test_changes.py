"""review.changes.report_change: the one report of a content change."""

import pytest

from review.changes import report_change, report_region_change, undo_warning
from review.models import Notification, SectionReview, State
from tests.factories import CohortFactory, MasterplanFactory
from tests.writepaths import approve, expect_report

pytestmark = pytest.mark.django_db
SECTION = "plan.programmes"


def test_an_approved_section_goes_back_to_draft_and_the_expert_and_coordinator_are_told(personas):
    with expect_report(personas.masterplan, SECTION, notified=[personas.expert, personas.coordinator]):
        report_change(masterplan=personas.masterplan, section_key=SECTION, user=personas.opd_member, reason="X.")
    review = SectionReview.objects.get(masterplan=personas.masterplan, section_key=SECTION)
    assert review.note == "X." and review.changed_by == personas.opd_member
    texts = Notification.objects.filter(kind=Notification.Kind.REOPENED).values_list("text", flat=True)
    assert all("sudah disetujui" in t and "kembali ke draf" in t for t in texts)
    assert not Notification.objects.filter(recipient=personas.opd_member).exists()  # not the editor
    assert not Notification.objects.filter(recipient=personas.stranger).exists()  # not another region


def test_the_editor_is_not_told_of_their_own_change(personas):
    approve(personas.masterplan, SECTION)
    report_change(masterplan=personas.masterplan, section_key=SECTION, user=personas.coordinator)
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {personas.expert.pk}


def test_a_draft_section_only_bumps_versions_and_tells_nobody(personas):
    mp = personas.masterplan
    report_change(masterplan=mp, section_key=SECTION, user=personas.coordinator)
    report_change(masterplan=mp, section_key=SECTION, user=personas.coordinator)
    review = SectionReview.objects.get(masterplan=mp, section_key=SECTION)
    mp.refresh_from_db()
    assert review.state == State.DRAFT and review.version == 2 and mp.content_version == 2
    assert not Notification.objects.exists()


def test_a_submitted_section_is_undone_with_its_own_words(personas):
    SectionReview.objects.create(masterplan=personas.masterplan, section_key=SECTION, state=State.SUBMITTED)
    assert "sedang diajukan" in undo_warning(personas.masterplan, SECTION)
    report_change(masterplan=personas.masterplan, section_key=SECTION, user=personas.opd_member)
    assert Notification.objects.filter(kind="reopened", text__contains="sedang diajukan").count() == 2
    assert undo_warning(personas.masterplan, SECTION) == ""


def test_the_warning_before_a_save_names_the_approval(personas):
    assert undo_warning(personas.masterplan, SECTION) == ""
    approve(personas.masterplan, SECTION)
    assert undo_warning(personas.masterplan, SECTION) == (
        "Bagian ini sudah disetujui tenaga ahli; menyimpan mengembalikannya ke draf."
    )


def test_a_change_to_region_data_reaches_every_masterplan_of_the_region(personas):
    later = MasterplanFactory(region=personas.masterplan.region, cohort=CohortFactory(year=2025), start_year=2026)
    with expect_report(personas.masterplan, "rpjmd.programs", masterplans=[later], notified=[personas.expert]):
        report_region_change(
            region_id=personas.masterplan.region_id, section_key="rpjmd.programs", user=personas.coordinator
        )
    assert SectionReview.objects.filter(masterplan=personas.other_masterplan).count() == 0  # another region


def test_an_unknown_section_is_a_programming_error(personas):
    with pytest.raises(ValueError):
        report_change(masterplan=personas.masterplan, section_key="nope", user=None)
