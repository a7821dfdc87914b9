"""Workflows that write quick wins. Every write of the app goes through one of these functions: each runs in one
transaction, keeps the change in the history (who and when) and reports it once to the review
(review.changes.report_change) under the section "quickwins.quickwins", the section the quick-win book, the
masterplan book and the executive summary print them from. The selection weights are reported there too: the
weighted scores are part of the quick wins' selection.

Uploaded files (photos, progress attachments) are never removed from storage: their history rows name them, so
a deleted photo can still be seen (and restored) from its history and from a backup."""

import datetime
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import EditConflict, save_versioned
from core.uploads import IMAGE_KINDS, make_thumbnail
from masterplan.models import Masterplan
from review.changes import report_change

from .models import Attachment, Photo, ProgressUpdate, QuickWin, QuickWinOwner

SECTION = "quickwins.quickwins"


def _reason(quickwin, what):
    return _("%(what)s: %(q)s.") % {"what": what, "q": str(quickwin)[:120]}


def _report(*, masterplan, user, reason):
    report_change(masterplan=masterplan, section_key=SECTION, user=user, reason=reason)


def _locked(quickwin) -> QuickWin:
    return QuickWin.objects.select_for_update().get(pk=quickwin.pk)


def _save_with_history(quickwin, *, user, reason=""):
    """Save a locked quick win with a new version; its history row names the user (also outside a request)."""
    quickwin.version += 1
    quickwin._history_user = user
    if reason:
        quickwin._change_reason = reason[:100]
    quickwin.save()


# Conflicts -----------------------------------------------------------------------------------------


class DetailsConflict(EditConflict):
    """The details (owners, partners, budgets, indicators) changed since the page was opened: the rows saved
    now beside the rows the user typed (kept in the bound formsets)."""

    def __init__(self, current, formsets):
        self.formsets = formsets
        super().__init__(current, form=None)

    def rows(self):
        result = []
        for formset in self.formsets.values():
            model = formset.model
            theirs = "\n".join(str(row) for row in model.objects.filter(quickwin=self.current))
            yours = "\n".join(
                str(form.instance)
                for form in formset.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
            )
            label = str(model._meta.verbose_name_plural)
            result.append((label[:1].upper() + label[1:], theirs, yours, theirs != yours))
        return result


class ChoiceConflict(EditConflict):
    """The quick win changed since the selection page was opened: its saved choice beside the one asked for."""

    def __init__(self, current, chosen):
        self.chosen = chosen
        super().__init__(current, form=None)

    def rows(self):
        def label(value):
            return _("Terpilih") if value else _("Kandidat")

        theirs, yours = label(self.current.chosen), label(self.chosen)
        return [(_("Status seleksi"), theirs, yours, theirs != yours)]


# The quick win -------------------------------------------------------------------------------------


@transaction.atomic
def create_quickwin(*, masterplan: Masterplan, user, form) -> QuickWin:
    """Save a new quick win from a valid QuickWinForm with its first owning OPD."""
    quickwin = form.save(commit=False)
    quickwin.masterplan = masterplan
    quickwin._history_user = user
    quickwin.save()
    form.save_m2m()
    _tie_to_programme(quickwin)
    QuickWinOwner.objects.create(
        quickwin=quickwin, year=form.cleaned_data["owner_year"], opd=form.cleaned_data["owner_opd"]
    )
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Quick win baru")))
    return quickwin


@transaction.atomic
def update_quickwin(*, masterplan: Masterplan, user, form) -> QuickWin:
    """Save a valid QuickWinForm of a quick win; raises EditConflict when it changed since the form was opened."""
    form.instance._history_user = user
    quickwin = save_versioned(form)
    _tie_to_programme(quickwin)
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Diubah")))
    return quickwin


def _tie_to_programme(quickwin):
    """A quick win that is a programme is also among its related programmes (the programme's pages and the
    review's reporting find it there)."""
    if quickwin.programme_id:
        quickwin.plan_programmes.add(quickwin.programme_id)


def follow_programme(*, programme, user) -> int:
    """Called by plan.services inside the transaction that saved `programme`: the quick win that is this programme
    takes its dimension and element (the only fields kept on the quick win for queries; owner, budget, years and
    targets are read from the programme). Returns the number of quick wins changed."""
    changed = 0
    for quickwin in QuickWin.objects.select_for_update().filter(programme=programme):
        if (quickwin.dimension_id, quickwin.element_id) == (programme.dimension_id, programme.element_id):
            continue
        quickwin.dimension_id, quickwin.element_id = programme.dimension_id, programme.element_id
        _save_with_history(quickwin, user=user, reason=_("Mengikuti program masterplan"))
        changed += 1
    return changed


@transaction.atomic
def save_details(*, masterplan: Masterplan, user, quickwin: QuickWin, formsets: dict, expected: int) -> QuickWin:
    """Save the valid detail formsets under the quick win's version; raises DetailsConflict (nothing saved)
    when the quick win changed since the page was opened."""
    current = _locked(quickwin)
    if current.version != expected:
        raise DetailsConflict(current, formsets)
    for formset in formsets.values():
        formset.save()
    _save_with_history(current, user=user, reason=_("Rincian diubah"))
    quickwin.version = current.version
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Rincian diubah")))
    return current


@transaction.atomic
def delete_quickwin(*, masterplan: Masterplan, user, quickwin: QuickWin) -> None:
    quickwin._history_user = user
    quickwin.delete()
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Dihapus")))


# Selection -----------------------------------------------------------------------------------------


@transaction.atomic
def save_weights(*, masterplan: Masterplan, user, form):
    """Save a valid WeightsForm; raises EditConflict when the weights changed since the form was opened."""
    form.instance._history_user = user
    weights = save_versioned(form)
    _report(masterplan=masterplan, user=user, reason=_("Bobot kriteria seleksi diubah."))
    return weights


@transaction.atomic
def save_scores(*, masterplan: Masterplan, user, form) -> QuickWin:
    """Save a valid ScoreForm; raises EditConflict when the quick win changed since the page was opened."""
    form.instance._history_user = user
    quickwin = save_versioned(form)
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Skor diubah")))
    return quickwin


@transaction.atomic
def set_chosen(*, masterplan: Masterplan, user, quickwin: QuickWin, chosen: bool, expected: int) -> QuickWin:
    """Mark a candidate as the region's chosen quick win (or not); raises ChoiceConflict (nothing saved) when the
    quick win changed since the page was opened."""
    current = _locked(quickwin)
    if current.version != expected:
        raise ChoiceConflict(current, chosen)
    what = _("Ditandai terpilih") if chosen else _("Kembali menjadi kandidat")
    current.chosen = chosen
    _save_with_history(current, user=user, reason=what)
    quickwin.chosen, quickwin.version = chosen, current.version
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, what))
    return current


# Progress ------------------------------------------------------------------------------------------


def _refresh_progress(quickwin, *, user):
    """The quick win's progress and status are those of its latest update (by date, then by entry); saved with
    history (who and when) on the locked row, so a concurrent edit of the quick win is not overwritten."""
    current = _locked(quickwin)
    latest = current.updates.order_by("-date", "-created_at", "-pk").first()
    fields = {"progress": None, "progress_date": None}
    if latest is not None:
        fields = {"progress": latest.percent, "progress_date": latest.date, "status": latest.status}
    for name, value in fields.items():
        setattr(current, name, value)
    _save_with_history(current, user=user, reason=_("Kemajuan diperbarui"))
    quickwin.version = current.version
    for name, value in fields.items():
        setattr(quickwin, name, value)


def _thumbnail_name(name):
    return PurePath(name).stem + ".jpg"


def _attach(*, update, uploaded, kind, user):
    attachment = Attachment(
        masterplan_id=update.quickwin.masterplan_id,
        update=update,
        kind=kind,
        original_name=PurePath(uploaded.name).name[:255],
    )
    if kind in IMAGE_KINDS:
        attachment.thumbnail.save(_thumbnail_name(uploaded.name), ContentFile(make_thumbnail(uploaded)), save=False)
    attachment.file.save(uploaded.name, uploaded, save=False)
    attachment._history_user = user
    attachment.save()
    return attachment


@transaction.atomic
def record_progress(
    *, masterplan: Masterplan, user, quickwin: QuickWin, date, percent: int, status: str, note: str, files=()
) -> ProgressUpdate:
    """Post a progress update (files: [(uploaded, kind)] already validated) and refresh the quick win."""
    update = ProgressUpdate(quickwin=quickwin, date=date, percent=percent, status=status, note=note, created_by=user)
    update._history_user = user
    update.save()
    for uploaded, kind in files:
        _attach(update=update, uploaded=uploaded, kind=kind, user=user)
    _refresh_progress(quickwin, user=user)
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Laporan kemajuan ditambahkan")))
    return update


@transaction.atomic
def delete_progress(*, masterplan: Masterplan, user, update: ProgressUpdate) -> None:
    quickwin = update.quickwin
    update._history_user = user
    update.delete()
    _refresh_progress(quickwin, user=user)
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Laporan kemajuan dihapus")))


class ImportRefused(Exception):
    """The rows no longer apply (a quick win was removed or changed hands since the preview)."""


@transaction.atomic
def apply_progress_rows(*, access, rows) -> int:
    """Write the rows of a checked progress sheet (progress_sheet.read_progress); all or nothing, one report.

    A row replaces the report its quick win has on that date, so applying the same rows twice changes nothing.
    Returns the number of reports created or changed."""
    user = access.user
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
            update = ProgressUpdate(quickwin=quickwin, date=date, created_by=user, **fields)
        elif (update.percent, update.status, update.note) != tuple(fields.values()):
            for name, value in fields.items():
                setattr(update, name, value)
        else:
            continue
        update._history_user = user
        update.save()
        written += 1
        touched.add(quickwin.pk)
    for pk in touched:
        _refresh_progress(quickwins[pk], user=user)
    if written:
        _report(masterplan=access.masterplan, user=user, reason=_("Laporan kemajuan diimpor dari lembar kerja."))
    return written


# Photos --------------------------------------------------------------------------------------------


@transaction.atomic
def add_photo(*, masterplan: Masterplan, user, quickwin: QuickWin, uploaded, caption: str) -> Photo:
    photo = Photo(
        masterplan_id=quickwin.masterplan_id,
        quickwin=quickwin,
        caption=caption,
        original_name=PurePath(uploaded.name).name[:255],
        uploaded_by=user,
    )
    photo.thumbnail.save(_thumbnail_name(uploaded.name), ContentFile(make_thumbnail(uploaded)), save=False)
    photo.image.save(uploaded.name, uploaded, save=False)
    photo._history_user = user
    photo.save()
    _report(masterplan=masterplan, user=user, reason=_reason(quickwin, _("Foto ditambahkan")))
    return photo


@transaction.atomic
def delete_photo(*, masterplan: Masterplan, user, photo: Photo) -> None:
    """The row goes (its history keeps it, with who and when); the stored files stay for that history."""
    photo._history_user = user
    photo.delete()
    _report(masterplan=masterplan, user=user, reason=_reason(photo.quickwin, _("Foto dihapus")))


# Reads shared by the pages and the contributions ---------------------------------------------------


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
