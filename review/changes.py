"""The one report of a content change. Every write service calls `report_change` inside its transaction,
whichever door the change came through (page, htmx, import, bulk action, command, task):

- the change is recorded on the section's review row (who, when, why) and its version is bumped, so an expert
  approving from a page opened before the edit is refused;
- a submitted or approved section goes back to draft with that reason, and the section's experts and the
  coordinators are told (bell and mail) that an approval or a submission was undone;
- the masterplan's content version is bumped (cache keys of page fragments, book freshness);
- after commit, the registered change listeners run once per masterplan (the books mark their drafts stale and
  schedule the quiet background refresh).

Data of the region (OPDs, the RPJMD, the region profile) is shared by every masterplan of the region:
`report_region_change` reports it to each of them, so an approved masterplan never shows unreviewed content.
"""

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import registry
from masterplan.models import Masterplan

from . import notify
from .messages import Message
from .models import Notification, SectionReview, State
from .sections import section_keys

UNDONE = (State.APPROVED, State.SUBMITTED)


def report_change(*, masterplan: Masterplan, section_key: str, user, reason: str = "") -> SectionReview | None:
    """Report that `section_key` of `masterplan` changed; returns the section's review row (None for a key
    no section has). Must run inside the writing service's transaction (it opens one if there is none)."""
    if section_key not in section_keys():
        raise ValueError(f"unknown section {section_key!r}")  # a programming error, never user input
    from .services import locked_review, update_masterplan_status

    with transaction.atomic():
        review = locked_review(masterplan, section_key, user)
        previous = review.state
        if previous in UNDONE:
            review.state = State.DRAFT
            review.note = reason or _("Isi bagian diubah setelah diajukan atau disetujui.")
            review.changed_by = user
            review.changed_at = timezone.now()
        review.version += 1
        review._history_user = user
        review.save()
        Masterplan.objects.filter(pk=masterplan.pk).update(content_version=F("content_version") + 1)
        masterplan.content_version = (masterplan.content_version or 0) + 1
        if previous in UNDONE:
            update_masterplan_status(masterplan=masterplan, user=user)
            _notify_undone(masterplan=masterplan, section_key=section_key, user=user, previous=previous, reason=reason)
        _after_commit(masterplan.pk)
    return review


def report_region_change(*, region_id: int, section_key: str, user, reason: str = "", masterplans=None) -> list:
    """A change to data the region shares (OPDs, RPJMD, profile): reported to every masterplan of the region,
    or to `masterplans` (those that use the changed data) when given."""
    if masterplans is None:
        masterplans = Masterplan.objects.filter(region_id=region_id).order_by("pk")
    return [report_change(masterplan=mp, section_key=section_key, user=user, reason=reason) for mp in list(masterplans)]


def undo_warning(masterplan: Masterplan, section_key: str) -> str:
    """What the editor is told before a save would undo an approval or a submission ("" when it would not)."""
    state = (
        SectionReview.objects.filter(masterplan=masterplan, section_key=section_key)
        .values_list("state", flat=True)
        .first()
    )
    if state == State.APPROVED:
        return _("Bagian ini sudah disetujui tenaga ahli; menyimpan mengembalikannya ke draf.")
    if state == State.SUBMITTED:
        return _("Bagian ini sedang diajukan untuk review; menyimpan mengembalikannya ke draf.")
    return ""


def _notify_undone(*, masterplan, section_key, user, previous, reason):
    who = getattr(user, "display_name", None) or gettext_noop("Sistem")
    if previous == State.APPROVED:
        msgid = gettext_noop(
            "%(who)s mengubah bagian %(section)s (%(region)s) yang sudah disetujui; bagian kembali ke draf. %(reason)s"
        )
    else:
        msgid = gettext_noop(
            "%(who)s mengubah bagian %(section)s (%(region)s) yang sedang diajukan; bagian kembali ke draf. %(reason)s"
        )
    params = {"who": who, "section": section_key, "region": masterplan.region.name, "reason": reason}
    users = list(notify.experts(masterplan)) + list(notify.coordinators(masterplan))
    notify.notify(
        masterplan=masterplan,
        users=users,
        kind=Notification.Kind.REOPENED,
        text=Message(msgid, params),
        url=reverse("review:page", args=[masterplan.pk]) + f"?section={section_key}",
        exclude=user,
    )


def _after_commit(masterplan_id):
    """Run the change listeners after the transaction commits (nothing when it rolls back). A listener that
    fails is logged and never undoes the committed change."""

    def run():
        for listener in registry.change_listeners():
            listener(masterplan_id)

    transaction.on_commit(run, robust=True)
