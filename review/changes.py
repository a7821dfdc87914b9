"""The one report of a content change. Every write service calls `report_change` inside its transaction,
whichever door the change came through (page, htmx, import, bulk action, command, task)."""

from review.services import section_edited


def report_change(*, masterplan, section_key, user, reason=""):
    """Record that `section_key` of `masterplan` changed: back to draft if it was submitted or approved,
    version bumped. (The full report, with notifications, content versions and book freshness, grows here.)"""
    return section_edited(masterplan=masterplan, section_key=section_key, user=user, reason=reason)
