"""Bimtek workflows: stage status, closing with a snapshot, sessions, attachments, the commitment."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import IMAGE_KINDS, make_thumbnail

from . import reviewing, snapshots
from .checklists import checklists
from .models import Attachment, Commitment, Snapshot, Stage, StageStatus

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


@transaction.atomic
def start_stage(*, masterplan, number):
    stage = Stage.objects.select_for_update().filter(pk=ensure_stage(masterplan=masterplan, number=number).pk).get()
    stage.status = StageStatus.RUNNING
    stage.closed_at = None
    stage.closed_by = None
    stage.version += 1
    stage.save()
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
def close_stage(*, masterplan, number, user, when=None):
    """Close a stage and freeze the masterplan's content with who and when. Returns the snapshot."""
    stage = Stage.objects.select_for_update().filter(pk=ensure_stage(masterplan=masterplan, number=number).pk).get()
    when = when or timezone.now()
    stage.status = StageStatus.CLOSED
    stage.closed_at = when
    stage.closed_by = user
    stage.version += 1
    stage.save()
    reviewing.store_checklists(masterplan, [(stage, checklists(masterplan)[number], [])])
    return take_snapshot(masterplan=masterplan, user=user, stage=stage, when=when)


@transaction.atomic
def add_attachment(*, session, uploaded, content_kind, kind, title, user):
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
    attachment.save()
    return attachment


def delete_attachment(*, attachment):
    files = [attachment.file, attachment.thumbnail]
    attachment.delete()
    for f in files:
        if f:
            transaction.on_commit(lambda f=f: f.storage.delete(f.name))


@transaction.atomic
def set_commitment_scan(*, commitment, uploaded):
    old = commitment.scan.name if commitment.scan else ""
    commitment.scan.save(uploaded.name, uploaded, save=False)
    commitment.scan_name = uploaded.name[:255]
    commitment.version += 1
    commitment.save()
    if old:
        storage = commitment.scan.storage
        transaction.on_commit(lambda: storage.delete(old))
    return commitment


@transaction.atomic
def set_followup_done(*, followup, done):
    followup.done_at = timezone.now() if done else None
    followup.version += 1
    followup.save()
    return followup
