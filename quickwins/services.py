"""Workflows that write quick wins: creation with an owner, progress reports, photos, selection."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F

from core.uploads import IMAGE_KINDS, make_thumbnail

from .models import Attachment, Photo, ProgressUpdate, QuickWin, QuickWinOwner


@transaction.atomic
def quickwin_create(*, form, masterplan, owner_opd, owner_year):
    """Save a new quick win from a valid QuickWinForm with its first owning OPD."""
    quickwin = form.save(commit=False)
    quickwin.masterplan = masterplan
    quickwin.save()
    form.save_m2m()
    QuickWinOwner.objects.create(quickwin=quickwin, year=owner_year, opd=owner_opd)
    return quickwin


def refresh_progress(quickwin):
    """The quick win's progress and status are those of its latest update (by date, then by entry)."""
    latest = quickwin.updates.order_by("-date", "-created_at", "-pk").first()
    fields = {"progress": None, "progress_date": None}
    if latest is not None:
        fields = {"progress": latest.percent, "progress_date": latest.date, "status": latest.status}
    QuickWin.objects.filter(pk=quickwin.pk).update(version=F("version") + 1, **fields)
    quickwin.version += 1
    for name, value in fields.items():
        setattr(quickwin, name, value)


def _thumbnail_name(name):
    return PurePath(name).stem + ".jpg"


def _attach(*, update, uploaded, kind):
    attachment = Attachment(
        masterplan_id=update.quickwin.masterplan_id,
        update=update,
        kind=kind,
        original_name=PurePath(uploaded.name).name[:255],
    )
    if kind in IMAGE_KINDS:
        attachment.thumbnail.save(_thumbnail_name(uploaded.name), ContentFile(make_thumbnail(uploaded)), save=False)
    attachment.file.save(uploaded.name, uploaded, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def record_progress(*, quickwin, date, percent, status, note, user, files=()):
    """Post a progress update (files: [(uploaded, kind)] already validated) and refresh the quick win."""
    update = ProgressUpdate.objects.create(
        quickwin=quickwin, date=date, percent=percent, status=status, note=note, created_by=user
    )
    for uploaded, kind in files:
        _attach(update=update, uploaded=uploaded, kind=kind)
    refresh_progress(quickwin)
    return update


def _remove_files_on_commit(field_files):
    """Stored files go once the rows that name them are gone (and only if the transaction commits)."""
    files = [(f.storage, f.name) for f in field_files if f]

    def remove():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove)


def _files_of(photos=(), attachments=()):
    return [f for p in photos for f in (p.image, p.thumbnail)] + [f for a in attachments for f in (a.file, a.thumbnail)]


@transaction.atomic
def delete_progress(*, update):
    quickwin = update.quickwin
    _remove_files_on_commit(_files_of(attachments=update.attachments.all()))
    update.delete()
    refresh_progress(quickwin)


@transaction.atomic
def delete_photo(*, photo):
    _remove_files_on_commit(_files_of(photos=[photo]))
    photo.delete()


@transaction.atomic
def delete_quickwin(*, quickwin):
    photos = Photo.objects.filter(quickwin=quickwin)
    attachments = Attachment.objects.filter(update__quickwin=quickwin)
    _remove_files_on_commit(_files_of(photos=photos, attachments=attachments))
    quickwin.delete()


@transaction.atomic
def add_photo(*, quickwin, uploaded, caption, user):
    photo = Photo(
        masterplan_id=quickwin.masterplan_id,
        quickwin=quickwin,
        caption=caption,
        original_name=PurePath(uploaded.name).name[:255],
        uploaded_by=user,
    )
    photo.thumbnail.save(_thumbnail_name(uploaded.name), ContentFile(make_thumbnail(uploaded)), save=False)
    photo.image.save(uploaded.name, uploaded, save=False)
    photo.save()
    return photo


def set_chosen(*, quickwin, chosen):
    """Mark a candidate as the region's chosen quick win (or not); the caller checked the version."""
    QuickWin.objects.filter(pk=quickwin.pk).update(chosen=chosen)
    quickwin.chosen = chosen


@dataclass
class RollUp:
    """Average progress of the chosen quick wins that have a progress (others are left out)."""

    average: float | None
    counted: int  # chosen quick wins with a progress
    chosen: int  # all chosen quick wins

    @property
    def missing(self):
        return self.chosen - self.counted


def roll_up(quickwins):
    chosen = [q for q in quickwins if q.chosen]
    with_progress = [q.progress for q in chosen if q.progress is not None]
    average = round(sum(with_progress) / len(with_progress), 1) if with_progress else None
    return RollUp(average=average, counted=len(with_progress), chosen=len(chosen))


@dataclass
class DimensionGroup:
    dimension: object
    quickwins: list
    rollup: RollUp

    @property
    def chosen(self):
        return [q for q in self.quickwins if q.chosen]

    @property
    def candidates(self):
        return [q for q in self.quickwins if not q.chosen]


def group_by_dimension(dimensions, quickwins):
    """One group per dimension (also the empty ones), in the dimensions' order."""
    by_dimension = {d.pk: [] for d in dimensions}
    for quickwin in quickwins:
        by_dimension.setdefault(quickwin.dimension_id, []).append(quickwin)
    return [DimensionGroup(d, by_dimension[d.pk], roll_up(by_dimension[d.pk])) for d in dimensions]


class ImportRefused(Exception):
    """The rows no longer apply (a quick win was removed or changed hands since the preview)."""


@transaction.atomic
def apply_progress_rows(*, access, rows, user):
    """Write the rows of a checked progress sheet (progress_sheet.read_progress); all or nothing.

    A row replaces the report its quick win has on that date, so applying the same rows twice changes nothing.
    Returns the number of reports created or changed."""
    import datetime

    ids = {row["quickwin_id"] for row in rows}
    quickwins = {q.pk: q for q in QuickWin.objects.for_masterplan(access.masterplan).filter(pk__in=ids).for_cards()}
    written = 0
    touched = set()
    for row in rows:
        quickwin = quickwins.get(row["quickwin_id"])
        if quickwin is None or not access.can_edit(quickwin):
            raise ImportRefused(row["row"])
        date = datetime.date.fromisoformat(row["date"])
        fields = {"percent": row["percent"], "status": row["status"], "note": row["note"]}
        update = quickwin.updates.filter(date=date).order_by("-created_at").first()
        if update is None:
            ProgressUpdate.objects.create(quickwin=quickwin, date=date, created_by=user, **fields)
        elif (update.percent, update.status, update.note) != tuple(fields.values()):
            for name, value in fields.items():
                setattr(update, name, value)
            update.save()
        else:
            continue
        written += 1
        touched.add(quickwin.pk)
    for pk in touched:
        refresh_progress(quickwins[pk])
    return written
