"""The one check of a write path: whichever door a change comes through (view, htmx, service, import, bulk
action, command), it is reported once through review.changes.report_change.

    with expect_report(masterplan, "plan.programmes", notified=[expert, coordinator]):
        client.post(url, data)

Before the block the section is made approved; after it the section is a draft again with its version bumped,
the masterplan's content version is bumped, the `notified` users got a "back to draft" notification, and the
draft books were marked stale after commit (DraftRefresh pending)."""

from contextlib import contextmanager
from unittest import mock

from django.test import TestCase

from books.models import DraftRefresh
from masterplan.models import Masterplan
from review.models import Notification, SectionReview, State


def approve(masterplan, section_key, version=5):
    SectionReview.objects.update_or_create(
        masterplan=masterplan, section_key=section_key, defaults={"state": State.APPROVED, "version": version}
    )


@contextmanager
def expect_report(masterplan, section_key, *, notified=(), masterplans=()):
    """`masterplans`: further masterplans (of the same region) the change must reach as well."""
    targets = [masterplan, *masterplans]
    for mp in targets:
        approve(mp, section_key)
    before = {mp.pk: Masterplan.objects.get(pk=mp.pk).content_version for mp in targets}
    DraftRefresh.objects.filter(masterplan__in=targets).delete()
    notes_before = Notification.objects.filter(kind=Notification.Kind.REOPENED).count()
    with (
        mock.patch("books.services._schedule_refresh") as scheduled,
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        yield
    for mp in targets:
        review = SectionReview.objects.get(masterplan=mp, section_key=section_key)
        assert review.state == State.DRAFT, f"{section_key} of {mp} is still {review.state}"
        assert review.version > 5, f"{section_key} of {mp}: version not bumped"
        assert review.note, "the reason is recorded"
        after = Masterplan.objects.get(pk=mp.pk).content_version
        assert after > before[mp.pk], f"content version of {mp} not bumped"
        assert DraftRefresh.objects.filter(masterplan=mp, pending=True).exists(), f"books of {mp} not marked stale"
    assert scheduled.called, "the background refresh was not scheduled"
    reopened = Notification.objects.filter(kind=Notification.Kind.REOPENED).order_by("pk")[notes_before:]
    recipients = {n.recipient_id for n in reopened}
    missing = [u for u in notified if u.pk not in recipients]
    assert not missing, f"not notified: {missing}"
