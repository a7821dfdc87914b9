"""The review workflow: section states, the masterplan's approval, and the events other apps report.

    draft / changes --submit (coordinator)--> submitted --request_changes (expert)--> changes
                                              submitted --approve (expert)--> approved
    approved / submitted --review.changes.report_change (any edit)--> draft, with the reason recorded

Every transition locks the section's row (select_for_update) and checks the version the user saw, so an
approval racing an edit is refused with a clear message instead of approving content nobody reviewed.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masterplan.access import Access
from masterplan.models import Masterplan

from . import notify
from .messages import Message
from .models import Comment, Notification, SectionReview, State
from .sections import section_keys, section_label


class ReviewConflict(ValidationError):
    """The section changed since the user opened the page."""


# (from states, to state, who may: "manage" or "review")
TRANSITIONS = {
    "submit": ({State.DRAFT, State.CHANGES}, State.SUBMITTED, "manage"),
    "request_changes": ({State.SUBMITTED, State.APPROVED}, State.CHANGES, "review"),
    "approve": ({State.SUBMITTED}, State.APPROVED, "review"),
}


def allowed_actions(access: Access, state: str) -> list[str]:
    """The transitions this user may make from `state` (for the buttons)."""
    result = []
    for action, (sources, _target, who) in TRANSITIONS.items():
        permitted = access.can_manage if who == "manage" else access.can_review
        if permitted and state in sources:
            result.append(action)
    return result


def locked_review(masterplan: Masterplan, section_key: str, user) -> SectionReview:
    """The section's row, locked until the end of the transaction (created as draft the first time)."""
    if section_key not in section_keys():
        raise ValidationError(_("Bagian '%(key)s' tidak dikenal.") % {"key": section_key})
    rows = SectionReview.objects.select_for_update().filter(masterplan=masterplan, section_key=section_key)
    review = rows.first()
    if review is None:
        try:
            with transaction.atomic():
                # version 0: the review page shows a section without a row as version 0
                review = SectionReview(masterplan=masterplan, section_key=section_key, version=0)
                review._history_user = user
                review.save()
        except IntegrityError:  # created meanwhile by a concurrent request
            pass
        review = rows.get()
    return review


def _review_url(masterplan: Masterplan) -> str:
    return reverse("review:page", args=[masterplan.pk])


@transaction.atomic
def transition(
    *, access: Access, section_key: str, action: str, expected_version: int | None = None, note: str = ""
) -> SectionReview:
    """Move a section along the workflow; raises PermissionDenied, ValidationError or ReviewConflict."""
    if action not in TRANSITIONS:
        raise ValidationError(_("Tindakan review tidak dikenal."))
    sources, target, who = TRANSITIONS[action]
    if not (access.can_manage if who == "manage" else access.can_review):
        raise PermissionDenied
    masterplan = access.masterplan
    review = locked_review(masterplan, section_key, access.user)
    label = section_label(section_key)
    if expected_version is not None and review.version != expected_version:
        who_changed = review.changed_by.display_name if review.changed_by else _("orang lain")
        raise ReviewConflict(
            _(
                "Bagian %(section)s sudah diubah oleh %(who)s sejak Anda membuka halaman ini (status sekarang: "
                "%(state)s). Tindakan Anda tidak dijalankan; periksa lagi isinya lalu ulangi."
            )
            % {"section": label, "who": who_changed, "state": review.get_state_display()}
        )
    if review.state not in sources:
        raise ValidationError(
            _("Bagian %(section)s berstatus %(state)s; tindakan ini tidak dapat dilakukan.")
            % {"section": label, "state": review.get_state_display()}
        )
    if action == "request_changes" and not note.strip():
        raise ValidationError(_("Tuliskan apa yang perlu diperbaiki pada bagian %(section)s.") % {"section": label})
    review.state = target
    review.note = note.strip()
    review.changed_by = access.user
    review.changed_at = timezone.now()
    review.version += 1
    review._history_user = access.user
    review.save()
    _notify_transition(access=access, masterplan=masterplan, section_key=section_key, label=label, action=action)
    update_masterplan_status(masterplan=masterplan, user=access.user)
    return review


def _notify_transition(*, access, masterplan, section_key, label, action):
    url = _review_url(masterplan) + f"?section={section_key}"
    params = {"who": access.user.display_name, "section": section_key, "region": masterplan.region.name}
    if action == "submit":
        notify.notify(
            masterplan=masterplan,
            users=notify.experts(masterplan),
            kind=Notification.Kind.SUBMITTED,
            text=Message(gettext_noop("%(who)s mengajukan bagian %(section)s (%(region)s) untuk direview."), params),
            url=url,
            exclude=access.user,
        )
        return
    if action == "request_changes":
        msgid = gettext_noop("%(who)s meminta perbaikan pada bagian %(section)s (%(region)s).")
        opd_ids = set(
            Comment.objects.open()
            .filter(masterplan=masterplan, section_key=section_key, opd__isnull=False)
            .values_list("opd_id", flat=True)
        )
        users = list(notify.coordinators(masterplan)) + list(notify.opd_members(masterplan, opd_ids))
        kind = Notification.Kind.CHANGES
    else:
        msgid = gettext_noop("%(who)s menyetujui bagian %(section)s (%(region)s).")
        users = notify.coordinators(masterplan)
        kind = Notification.Kind.DECIDED
    notify.notify(
        masterplan=masterplan, users=users, kind=kind, text=Message(msgid, params), url=url, exclude=access.user
    )


def section_states(masterplan: Masterplan) -> dict[str, SectionReview]:
    """{section key: SectionReview} for the rows that exist (absent = draft)."""
    return {r.section_key: r for r in SectionReview.objects.filter(masterplan=masterplan).select_related("changed_by")}


def target_status(masterplan: Masterplan, states: dict[str, str] | None = None) -> str:
    keys = section_keys()
    if states is None:
        states = dict(
            SectionReview.objects.filter(masterplan=masterplan, section_key__in=keys).values_list(
                "section_key", "state"
            )
        )
    values = [states.get(key, State.DRAFT) for key in keys]
    if values and all(v == State.APPROVED for v in values):
        return Masterplan.Status.APPROVED
    if any(v != State.DRAFT for v in values):
        return Masterplan.Status.REVIEW
    return Masterplan.Status.DRAFT


@transaction.atomic
def update_masterplan_status(*, masterplan: Masterplan, user=None) -> Masterplan:
    """Set Masterplan.status from the section states (approved when every section is); saved with history.
    A final masterplan stays final while everything stays approved."""
    current = Masterplan.objects.select_for_update().get(pk=masterplan.pk)
    status = target_status(current)
    if current.status == Masterplan.Status.FINAL and status == Masterplan.Status.APPROVED:
        return current
    if current.status != status:
        current.status = status
        current.version += 1
        if user is not None:
            current._history_user = user
        current.save(update_fields=["status", "version", "updated_at"])
        masterplan.status = current.status
        masterplan.version = current.version
    return current


def notify_book_ready(*, masterplan: Masterplan, title: str, url: str, users=None) -> list[Notification]:
    """The books app calls this when a book file is rendered: the requester(s) in `users`, or else the
    coordinators, get a notification (and an email unless they turned it off)."""
    recipients = users if users is not None else notify.coordinators(masterplan)
    return notify.notify(
        masterplan=masterplan,
        users=recipients,
        kind=Notification.Kind.BOOK_READY,
        text=Message(
            gettext_noop("%(title)s (%(region)s) siap diunduh."), {"title": title, "region": masterplan.region.name}
        ),
        url=url,
    )
