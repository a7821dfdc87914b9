"""Bimtek workflows. Every write of the app goes through one of these functions: each runs in one transaction,
keeps the change in the history (who and when) and reports it once per section to the review
(review.changes.report_change):

- sessions, their attendance, decisions and attachments -> "bimtek.sessions" (the analysis book's chapter
  "Proses Penyusunan Masterplan" prints them);
- follow-ups -> "bimtek.followups";
- the Komitmen Bersama, its signatories and its signed scan -> "bimtek.commitment" (the masterplan book's
  appendix).

Starting and closing a stage are not reported: no book prints a stage's status, and closing freezes the content
in a snapshot instead of changing it (the stage keeps its own history).

Uploaded files (attachments, the signed scan) are never removed from storage: the history rows name them, so an
earlier scan replaced by a new one, or a deleted attachment, can still be opened from its history and a backup."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.concurrency import save_versioned
from core.uploads import IMAGE_KINDS, make_thumbnail
from masterplan.models import Masterplan
from review.changes import report_change

from . import attendance, reviewing, snapshots
from .checklists import checklists
from .models import (
    Attachment,
    Attendee,
    Commitment,
    Decision,
    FollowUp,
    Session,
    Signatory,
    Snapshot,
    Stage,
    StageStatus,
)
from .reviewing import COMMITMENT, FOLLOWUPS, SESSIONS

DEFAULT_COMMITMENT_TEXT = """Kami, Kepala Daerah dan pimpinan perangkat daerah {region}, yang bertanda tangan di bawah ini, setelah mengikuti empat tahap bimbingan teknis Gerakan Menuju 100 Smart City, dengan ini menyatakan komitmen bersama untuk:

1. Mengintegrasikan dan menyinkronkan perencanaan pembangunan daerah dengan Masterplan Smart City {region};

2. Melaksanakan program dan rencana aksi yang tertuang dalam Masterplan Smart City sesuai tugas dan fungsi masing-masing perangkat daerah;

3. Mendukung pembangunan daerah yang efektif, efisien, inklusif dan partisipatif melalui penerapan smart city.

Demikian komitmen bersama ini kami buat untuk dilaksanakan dengan penuh tanggung jawab."""


def default_commitment_text(masterplan):
    return DEFAULT_COMMITMENT_TEXT.format(region=masterplan.region.name)


def ensure_stage(*, masterplan, number):
    stage, _created = Stage.objects.get_or_create(masterplan=masterplan, number=number)
    return stage


def ensure_commitment(*, masterplan):
    commitment, _created = Commitment.objects.get_or_create(
        masterplan=masterplan, defaults={"text": default_commitment_text(masterplan)}
    )
    return commitment


def _report(masterplan, section_key, user, reason):
    report_change(masterplan=masterplan, section_key=section_key, user=user, reason=reason)


def _by(instance, user):
    """The history row of the next save or delete names `user` (also outside a request: demo, commands)."""
    instance._history_user = user
    return instance


# Stages --------------------------------------------------------------------------------------------


@transaction.atomic
def start_stage(*, masterplan: Masterplan, number: int, user=None) -> Stage:
    stage = Stage.objects.select_for_update().filter(pk=ensure_stage(masterplan=masterplan, number=number).pk).get()
    stage.status = StageStatus.RUNNING
    stage.closed_at = None
    stage.closed_by = None
    stage.missing_at_close = None
    stage.version += 1
    _by(stage, user).save()
    reviewing.store_checklists(masterplan, [(stage, checklists(masterplan)[number], [])])
    return stage


def take_snapshot(*, masterplan, user, stage=None, label="", when=None):
    labels, data = snapshots.freeze(masterplan)
    when = when or timezone.now()
    if not label:
        label = _("Penutupan Bimtek %(s)s") % {"s": stage.roman} if stage else _("Snapshot %(d)s") % {"d": when.date()}
    return Snapshot.objects.create(
        masterplan=masterplan,
        stage=stage,
        label=label,
        taken_at=when,
        taken_by=user,
        taken_by_name=user.display_name if user else "",
        sections=labels,
        data=data,
    )


@transaction.atomic
def close_stage(*, masterplan: Masterplan, number: int, user, when=None) -> Snapshot:
    """Close a stage and freeze the masterplan's content with who and when. Returns the snapshot."""
    stage = Stage.objects.select_for_update().filter(pk=ensure_stage(masterplan=masterplan, number=number).pk).get()
    when = when or timezone.now()
    checklist = checklists(masterplan)[number]
    stage.status = StageStatus.CLOSED
    stage.closed_at = when
    stage.closed_by = user
    stage.missing_at_close = [{"key": item.key, "label": str(item.label)} for item in checklist.missing]
    stage.version += 1
    _by(stage, user).save()
    reviewing.store_checklists(masterplan, [(stage, checklist, [])])
    return take_snapshot(masterplan=masterplan, user=user, stage=stage, when=when)


# Sessions ------------------------------------------------------------------------------------------


class StageClosedError(ValidationError):
    """A session for a closed stage was not confirmed."""


@transaction.atomic
def create_session(*, masterplan: Masterplan, user, form, number: int, confirm_closed: bool = False) -> Session:
    """Save a valid SessionForm as a new session of stage `number`. A closed stage takes a session only with
    `confirm_closed` (its closing snapshot stays as it was); otherwise StageClosedError, nothing written."""
    stage = Stage.objects.select_for_update().filter(pk=ensure_stage(masterplan=masterplan, number=number).pk).get()
    if stage.is_closed and not confirm_closed:
        raise StageClosedError(
            _("Bimtek %(s)s sudah ditutup. Konfirmasi dulu bila sesi ini memang tetap dicatat di tahap tersebut.")
            % {"s": stage.roman}
        )
    form.instance.masterplan = masterplan
    form.instance.stage = stage
    _by(form.instance, user)
    session = save_versioned(form)
    _report(masterplan, SESSIONS, user, _("Sesi “%(t)s” ditambahkan.") % {"t": session.title})
    return session


@transaction.atomic
def update_session(*, masterplan: Masterplan, user, form) -> Session:
    """Save a valid SessionForm; raises EditConflict when the session changed since the form was opened."""
    _by(form.instance, user)
    session = save_versioned(form)
    _report(masterplan, SESSIONS, user, _("Sesi “%(t)s” diubah.") % {"t": session.title})
    return session


@transaction.atomic
def delete_session(*, masterplan: Masterplan, user, session: Session) -> None:
    """The session goes with its attendance, decisions, follow-ups and attachments (each keeps its history)."""
    had_followups = session.followups.exists()
    _by(session, user).delete()
    _report(masterplan, SESSIONS, user, _("Sesi “%(t)s” dihapus.") % {"t": session.title})
    if had_followups:
        _report(masterplan, FOLLOWUPS, user, _("Tindak lanjut sesi “%(t)s” ikut dihapus.") % {"t": session.title})


@transaction.atomic
def add_attendee(*, masterplan: Masterplan, user, session: Session, form) -> Attendee:
    form.instance.session = session
    attendee = _by(form.instance, user)
    form.save()
    _report(masterplan, SESSIONS, user, _("Daftar hadir sesi “%(t)s” diubah.") % {"t": session.title})
    return attendee


class AttendanceError(ValidationError):
    """A pasted or uploaded attendance list that cannot be written whole; `messages` name the lines."""


@transaction.atomic
def import_attendees(*, masterplan: Masterplan, user, session: Session, text: str) -> list[Attendee]:
    """Add every person of an attendance list (attendance.py's format: one per line, name, position, OPD) to the
    session, all or nothing: the list is read again here (the confirm step's text is as hostile as the first
    paste), and one unreadable line or duplicate refuses the whole list with AttendanceError; a name that is no OPD
    of the region is kept as the person's other institution (the preview said so)."""
    Session.objects.select_for_update().filter(pk=session.pk).get()  # two confirms of one list: one wins
    result = attendance.preview(attendance.lines_from_text(text), session=session)
    if not result.ok:
        raise AttendanceError(result.errors)
    # The parser checked every field (lengths, the region's OPDs, duplicates): one INSERT for the rows, one for
    # their history, whatever the size of the hall.
    rows = [
        Attendee(session=session, name=r.name, position=r.position, opd=r.opd, institution=r.institution)
        for r in result.rows
    ]
    added = bulk_create_with_history(rows, Attendee, default_user=user)
    _report(
        masterplan,
        SESSIONS,
        user,
        _("%(n)s peserta ditambahkan ke daftar hadir sesi “%(t)s”.") % {"n": len(added), "t": session.title},
    )
    return added


@transaction.atomic
def delete_attendee(*, masterplan: Masterplan, user, attendee: Attendee) -> None:
    _by(attendee, user).delete()
    _report(masterplan, SESSIONS, user, _("%(n)s dihapus dari daftar hadir.") % {"n": attendee.name})


@transaction.atomic
def add_decision(*, masterplan: Masterplan, user, session: Session, form) -> Decision:
    form.instance.session = session
    decision = _by(form.instance, user)
    form.save()
    _report(masterplan, SESSIONS, user, _("Keputusan sesi “%(t)s” ditambahkan.") % {"t": session.title})
    return decision


@transaction.atomic
def delete_decision(*, masterplan: Masterplan, user, decision: Decision) -> None:
    _by(decision, user).delete()
    _report(masterplan, SESSIONS, user, _("Keputusan sesi dihapus: %(d)s") % {"d": decision.text[:120]})


@transaction.atomic
def add_attachment(
    *, masterplan: Masterplan, user, session: Session, uploaded, content_kind: str, kind: str, title: str
) -> Attachment:
    attachment = Attachment(
        masterplan_id=session.masterplan_id,
        session=session,
        kind=kind,
        title=title,
        original_name=uploaded.name[:255],
        content_kind=content_kind,
        size=uploaded.size,
        uploaded_by=user,
    )
    attachment.file.save(uploaded.name, uploaded, save=False)
    if content_kind in IMAGE_KINDS:
        attachment.thumbnail.save("thumb.jpg", ContentFile(make_thumbnail(uploaded)), save=False)
    _by(attachment, user).save()
    _report(masterplan, SESSIONS, user, _("Lampiran %(n)s diunggah.") % {"n": attachment.original_name})
    return attachment


@transaction.atomic
def delete_attachment(*, masterplan: Masterplan, user, attachment: Attachment) -> None:
    """The row goes (its history keeps it, with who and when); the stored files stay for that history."""
    _by(attachment, user).delete()
    _report(masterplan, SESSIONS, user, _("Lampiran %(n)s dihapus.") % {"n": attachment.original_name})


# Follow-ups ----------------------------------------------------------------------------------------


@transaction.atomic
def add_followup(*, masterplan: Masterplan, user, session: Session, form) -> FollowUp:
    form.instance.session = session
    form.instance.masterplan = masterplan
    _by(form.instance, user)
    followup = save_versioned(form)
    _report(masterplan, FOLLOWUPS, user, _("Tindak lanjut untuk %(o)s ditambahkan.") % {"o": followup.opd})
    return followup


@transaction.atomic
def update_followup(*, masterplan: Masterplan, user, form) -> FollowUp:
    """Save a valid FollowUpForm; raises EditConflict when the follow-up changed since the form was opened."""
    _by(form.instance, user)
    followup = save_versioned(form)
    _report(masterplan, FOLLOWUPS, user, _("Tindak lanjut diubah: %(t)s") % {"t": followup.text[:120]})
    return followup


@transaction.atomic
def set_followup_done(*, masterplan: Masterplan, user, followup: FollowUp, done: bool) -> FollowUp:
    """Mark a follow-up done or open again (the same request twice leaves it as asked)."""
    followup.done_at = timezone.now() if done else None
    followup.version += 1
    _by(followup, user).save()
    reason = _("Tindak lanjut ditandai selesai: %(t)s") if done else _("Tindak lanjut dibuka lagi: %(t)s")
    _report(masterplan, FOLLOWUPS, user, reason % {"t": followup.text[:120]})
    return followup


@transaction.atomic
def delete_followup(*, masterplan: Masterplan, user, followup: FollowUp) -> None:
    _by(followup, user).delete()
    _report(masterplan, FOLLOWUPS, user, _("Tindak lanjut dihapus: %(t)s") % {"t": followup.text[:120]})


# The Komitmen Bersama ------------------------------------------------------------------------------


@transaction.atomic
def save_commitment(*, masterplan: Masterplan, user, form) -> Commitment:
    """Save a valid CommitmentForm (the first save creates the commitment); raises EditConflict when it changed
    since the form was opened."""
    form.instance.masterplan = masterplan
    _by(form.instance, user)
    commitment = save_versioned(form)
    _report(masterplan, COMMITMENT, user, _("Naskah Komitmen Bersama diubah."))
    return commitment


@transaction.atomic
def add_signatory(*, masterplan: Masterplan, user, form) -> Signatory:
    """Save a valid SignatoryForm under the commitment (created with the default text if there is none yet)."""
    form.instance.commitment = ensure_commitment(masterplan=masterplan)
    signatory = _by(form.instance, user)
    form.save()
    _report(masterplan, COMMITMENT, user, _("Penanda tangan %(n)s ditambahkan.") % {"n": signatory.name})
    return signatory


@transaction.atomic
def delete_signatory(*, masterplan: Masterplan, user, signatory: Signatory) -> None:
    _by(signatory, user).delete()
    _report(masterplan, COMMITMENT, user, _("Penanda tangan %(n)s dihapus.") % {"n": signatory.name})


@transaction.atomic
def set_commitment_scan(*, masterplan: Masterplan, user, uploaded) -> Commitment:
    """Store the signed scan. An earlier scan is replaced but its file stays: the commitment's history names it."""
    commitment = Commitment.objects.select_for_update().filter(pk=ensure_commitment(masterplan=masterplan).pk).get()
    replaced = bool(commitment.scan)
    commitment.scan.save(uploaded.name, uploaded, save=False)
    commitment.scan_name = uploaded.name[:255]
    commitment.version += 1
    if replaced:
        commitment._change_reason = _("Pindaian diganti")
    _by(commitment, user).save()
    reason = (
        _("Pindaian naskah bertanda tangan diganti.") if replaced else _("Pindaian naskah bertanda tangan diunggah.")
    )
    _report(masterplan, COMMITMENT, user, reason)
    return commitment
