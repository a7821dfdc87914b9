"""Every write of monitoring and evaluation: reporting years, their small review, reports, evidence, sheets.

Monev is not content of the masterplan's review: nothing here reports a change to review.changes (a final
masterplan stays final while its OPDs report). A reporting year has its own workflow instead:

    open --submit (coordinator)--> submitted --accept (expert)--> accepted
                                   submitted --request_changes (expert, with a note)--> changes --submit--> ...

OPDs write while the year is open (or sent back) and not closed by the coordinator. Every write checks the
version the user saw (select_for_update), so concurrent edits are refused instead of lost.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from masterplan.access import Access
from review import notify
from review.models import Notification

from .items import PROGRAMME, Item
from .models import Evidence, Realisation, Report, ReportingYear, YearState

MAX_EVIDENCE_FILES = 10


class Conflict(Exception):
    """Somebody saved the same row since the user opened it. `rows`: (label, theirs, yours, differs) for
    templates/core/partials/conflict.html."""

    def __init__(self, *, current, rows=()):
        self.current = current
        last = current.history.first()
        self.changed_by = getattr(last, "history_user", None)
        self.changed_at = getattr(last, "history_date", None)
        self._rows = list(rows)
        super().__init__(self.message)

    @property
    def message(self):
        who = (self.changed_by.display_name if self.changed_by else "") or _("orang lain")
        return _(
            "Data ini sudah diubah oleh %(who)s sejak Anda membukanya. Perubahan Anda belum disimpan: "
            "bandingkan kedua versi di bawah, lalu simpan lagi bila versi Anda yang benar."
        ) % {"who": who}

    def rows(self):
        return self._rows


def _locked_year(reporting_year, expected_version):
    current = ReportingYear.objects.select_for_update().get(pk=reporting_year.pk)
    if expected_version is not None and current.version != expected_version:
        raise Conflict(current=current)
    return current


def _save(instance, user):
    instance._history_user = user
    instance.save()
    return instance


# Reporting years ---------------------------------------------------------------------------------------


@transaction.atomic
def open_year(*, access: Access, year: int, deadline: datetime.date) -> ReportingYear:
    """The coordinator opens a reporting year of the masterplan (once per year)."""
    access.require(access.can_manage)
    reporting_year = ReportingYear(masterplan=access.masterplan, year=year, deadline=deadline)
    reporting_year.full_clean(exclude=["masterplan"], validate_unique=False)
    if ReportingYear.objects.filter(masterplan=access.masterplan, year=year).exists():
        raise ValidationError({"year": _("Tahun pelaporan %(y)s sudah dibuka.") % {"y": year}})
    try:
        with transaction.atomic():
            return _save(reporting_year, access.user)
    except IntegrityError:  # opened meanwhile by a concurrent request
        raise ValidationError({"year": _("Tahun pelaporan %(y)s sudah dibuka.") % {"y": year}}) from None


@transaction.atomic
def set_closed(*, access: Access, reporting_year: ReportingYear, closed: bool, expected_version: int | None):
    """Close the year to reports (closed=True) or open it again."""
    access.require(access.can_manage)
    current = _locked_year(reporting_year, expected_version)
    if not closed and current.state == YearState.ACCEPTED:
        raise ValidationError(_("Pelaporan %(y)s sudah diterima; tidak dapat dibuka lagi.") % {"y": current.year})
    current.closed_at = timezone.now() if closed else None
    current.version += 1
    return _save(current, access.user)


TRANSITIONS = {
    # action: (from states, to state, who may)
    "submit": ({YearState.OPEN, YearState.CHANGES}, YearState.SUBMITTED, "manage"),
    "accept": ({YearState.SUBMITTED}, YearState.ACCEPTED, "review"),
    "request_changes": ({YearState.SUBMITTED}, YearState.CHANGES, "review"),
}


def allowed_actions(access: Access, reporting_year: ReportingYear) -> list[str]:
    result = []
    for action, (sources, _target, who) in TRANSITIONS.items():
        permitted = access.can_manage if who == "manage" else access.can_review
        if permitted and reporting_year.state in sources:
            result.append(action)
    return result


@transaction.atomic
def transition(
    *, access: Access, reporting_year: ReportingYear, action: str, expected_version: int | None, note: str = ""
) -> ReportingYear:
    """Move a reporting year along its workflow and tell the people concerned."""
    if action not in TRANSITIONS:
        raise ValidationError(_("Tindakan tidak dikenal."))
    sources, target, who = TRANSITIONS[action]
    access.require(access.can_manage if who == "manage" else access.can_review)
    current = _locked_year(reporting_year, expected_version)
    if current.state not in sources:
        raise ValidationError(
            _("Pelaporan %(y)s berstatus %(s)s; tindakan ini tidak dapat dilakukan.")
            % {"y": current.year, "s": current.get_state_display()}
        )
    note = note.strip()
    if action == "request_changes" and not note:
        raise ValidationError(_("Tuliskan apa yang perlu diperbaiki."))
    current.state = target
    current.version += 1
    if action != "submit":
        current.note = note
        current.decided_by = access.user
    _save(current, access.user)
    _notify(access=access, reporting_year=current, action=action)
    return current


def _notify(*, access, reporting_year, action):
    masterplan = access.masterplan
    url = reporting_year.get_absolute_url()
    values = {"who": access.user.display_name, "year": reporting_year.year, "region": masterplan.region.name}
    if action == "submit":
        users, kind = notify.experts(masterplan), Notification.Kind.SUBMITTED
        text = _("%(who)s mengajukan laporan monev %(year)s (%(region)s) untuk direview.") % values
    elif action == "accept":
        users, kind = notify.coordinators(masterplan), Notification.Kind.DECIDED
        text = _("%(who)s menerima laporan monev %(year)s (%(region)s).") % values
    else:
        users = list(notify.coordinators(masterplan)) + list(notify.members_of(masterplan, roles=["opd_member"]))
        kind = Notification.Kind.CHANGES
        text = _("%(who)s meminta perbaikan laporan monev %(year)s: %(note)s") % {
            **values,
            "note": reporting_year.note[:150],
        }
    notify.notify(masterplan=masterplan, users=users, kind=kind, text=text, url=url, exclude=access.user)


# Reports -----------------------------------------------------------------------------------------------


def require_report_access(*, access: Access, reporting_year: ReportingYear, item: Item) -> None:
    """PermissionDenied unless this user may write the item's report now; ValidationError when the year is shut."""
    access.require_edit(item)
    if not reporting_year.accepts_reports:
        raise ValidationError(
            _("Pelaporan %(y)s sedang tidak menerima laporan (%(s)s).")
            % {
                "y": reporting_year.year,
                "s": _("ditutup") if reporting_year.is_closed else reporting_year.get_state_display(),
            }
        )


@dataclass
class ReportData:
    status: str
    budget_realised: Decimal | None
    budget_source: str
    notes: str
    realisations: dict  # {indicator pk: value as text ("" removes it)}

    def differs_from(self, item: Item) -> bool:
        report = item.report
        if report is None:
            return bool(self.status or self.budget_realised is not None or self.budget_source or self.notes) or any(
                self.realisations.values()
            )
        current = {i.pk: i.realisation for i in item.indicators}
        return (report.status, report.budget_realised, report.budget_source, report.notes) != (
            self.status,
            self.budget_realised,
            self.budget_source,
            self.notes,
        ) or any(current.get(pk, "") != value for pk, value in self.realisations.items())


def conflict_rows(item: Item, current: Report, data: ReportData) -> list:
    """(label, saved value, your value, differs) for the report's fields and indicators."""
    saved = {r.indicator_id: r.value for r in current.realisations.all()}
    pairs = [
        (_("Status"), current.get_status_display(), dict(_status_choices()).get(data.status, "")),
        (
            _("Realisasi anggaran"),
            "" if current.budget_realised is None else str(current.budget_realised),
            "" if data.budget_realised is None else str(data.budget_realised),
        ),
        (_("Sumber dana"), current.get_budget_source_display(), data.budget_source),
        (_("Catatan"), current.notes, data.notes),
    ]
    pairs += [(i.name, saved.get(i.pk, ""), data.realisations.get(i.pk, "")) for i in item.indicators]
    return [(label, str(theirs), str(yours), str(theirs) != str(yours)) for label, theirs, yours in pairs]


def _status_choices():
    from .models import Status

    return Status.choices


@transaction.atomic
def save_report(
    *,
    access: Access,
    reporting_year: ReportingYear,
    item: Item,
    data: ReportData,
    expected_version: int | None,
    files: tuple = (),
) -> Report:
    """Create or change the item's report (files: [(uploaded, kind)] already validated with validate_upload).

    `expected_version`: the report's version the user saw (None: there was no report yet). Raises Conflict
    when the report changed (or was created) since."""
    require_report_access(access=access, reporting_year=reporting_year, item=item)
    ReportingYear.objects.select_for_update().filter(pk=reporting_year.pk).first()  # serialise with submit/close
    subject = {item.kind: item.subject}
    report = Report.objects.select_for_update().filter(reporting_year=reporting_year, **subject).first()
    if report is None and expected_version is not None:
        raise ValidationError(_("Laporan ini sudah dihapus sejak Anda membukanya."))
    if report is not None and report.version != (expected_version or 0):
        report.reporting_year = reporting_year
        raise Conflict(current=report, rows=conflict_rows(item, report, data))
    if report is None:
        report = Report(reporting_year=reporting_year, **subject)
    else:
        report.version += 1
    report.status = data.status
    report.budget_realised = data.budget_realised
    report.budget_source = data.budget_source
    report.notes = data.notes
    report.updated_by = access.user
    report.full_clean(exclude=["reporting_year", "programme", "quickwin", "updated_by"], validate_constraints=False)
    _save(report, access.user)
    _write_realisations(report=report, item=item, values=data.realisations, user=access.user)
    for uploaded, kind in files:
        add_evidence(report=report, uploaded=uploaded, kind=kind, user=access.user)
    return report


def _write_realisations(*, report, item, values, user):
    field = "programme_indicator_id" if item.kind == PROGRAMME else "quickwin_indicator_id"
    known = {i.pk for i in item.indicators}
    existing = {getattr(r, field): r for r in Realisation.objects.filter(report=report)}
    for pk, value in values.items():
        if pk not in known:
            continue
        row = existing.get(pk)
        if not value:
            if row is not None:
                row._history_user = user
                row.delete()
        elif row is None:
            _save(Realisation(report=report, value=value, **{field: pk}), user)
        elif row.value != value:
            row.value = value
            _save(row, user)


@transaction.atomic
def add_evidence(*, report: Report, uploaded, kind: str, user) -> Evidence:
    """Store one validated evidence file of a report (the caller checked access and the file's content)."""
    evidence = Evidence(report=report, kind=kind, original_name=PurePath(uploaded.name).name[:255], uploaded_by=user)
    evidence.file.save(uploaded.name, uploaded, save=False)
    _save(evidence, user)
    Report.objects.filter(pk=report.pk).update(version=F("version") + 1)
    report.version += 1
    return evidence


@transaction.atomic
def delete_evidence(*, access: Access, evidence: Evidence, item: Item) -> None:
    require_report_access(access=access, reporting_year=evidence.report.reporting_year, item=item)
    stored = (evidence.file.storage, evidence.file.name)
    evidence._history_user = access.user
    evidence.delete()
    Report.objects.filter(pk=evidence.report_id).update(version=F("version") + 1)
    transaction.on_commit(lambda: stored[0].delete(stored[1]))


# Spreadsheets ------------------------------------------------------------------------------------------


class SheetRefused(Exception):
    """Rows of a checked sheet no longer apply (a report changed, or an item left the OPD, since the preview)."""


@transaction.atomic
def apply_sheet(*, access: Access, reporting_year: ReportingYear, rows: list, user) -> int:
    """Write the rows of a checked sheet (monev.sheet.read_sheet): all or nothing, in a few bulk writes with
    their history. Each row carries the version of the report it was checked against; a report changed (or
    created) since, an item that left the user's OPD or a year that stopped taking reports refuses the whole
    sheet. Returns the number of reports written."""
    from .items import load_items

    locked = ReportingYear.objects.select_for_update().get(pk=reporting_year.pk)
    if not locked.accepts_reports:
        raise SheetRefused(rows[0]["row"] if rows else 0)
    items = {item.key: item for item in load_items(reporting_year)}
    current = {(r.programme_id, r.quickwin_id): r for r in Report.objects.select_for_update().for_year(reporting_year)}
    now = timezone.now()
    new, changed, values = [], [], []
    for row in rows:
        item = items.get(row["key"])
        if item is None or not access.can_edit(item):
            raise SheetRefused(row["row"])
        key = (item.pk, None) if item.kind == PROGRAMME else (None, item.pk)
        report = current.get(key)
        if (report.version if report else None) != row["version"]:
            raise SheetRefused(row["row"])
        if report is None:
            report = Report(reporting_year=reporting_year, **{item.kind: item.subject})
            new.append(report)
        else:
            report.version += 1
            changed.append(report)
        report.status = row["status"]
        report.budget_realised = None if row["budget_realised"] is None else Decimal(row["budget_realised"])
        report.budget_source = row["budget_source"]
        report.notes = row["notes"]
        report.updated_by = user
        report.updated_at = now
        values.append((report, item, {int(pk): value for pk, value in row["realisations"].items()}))
    bulk_create_with_history(new, Report, default_user=user, default_date=now)
    if new and new[0].pk is None:  # a database that returns no ids from a bulk insert
        created = {(r.programme_id, r.quickwin_id): r for r in Report.objects.for_year(reporting_year)}
        for report in new:
            report.pk = created[(report.programme_id, report.quickwin_id)].pk
    fields = ["status", "budget_realised", "budget_source", "notes", "updated_by", "updated_at", "version"]
    bulk_update_with_history(changed, Report, fields, default_user=user, default_date=now)
    _bulk_realisations(values, user=user, date=now)
    return len(values)


def _bulk_realisations(values, *, user, date):
    """Create, change or remove the realisations of the sheet's reports, with history (two bulk writes)."""
    existing = {}
    for realisation in Realisation.objects.filter(report__in=[report.pk for report, _i, _v in values]):
        existing[(realisation.report_id, realisation.indicator_id)] = realisation
    create, update = [], []
    for report, item, realised in values:
        field = "programme_indicator_id" if item.kind == PROGRAMME else "quickwin_indicator_id"
        known = {i.pk for i in item.indicators}
        for pk, value in realised.items():
            if pk not in known:
                continue
            row = existing.get((report.pk, pk))
            if not value:
                if row is not None:
                    row._history_user = user
                    row.delete()
            elif row is None:
                create.append(Realisation(report_id=report.pk, value=value, **{field: pk}))
            elif row.value != value:
                row.value = value
                update.append(row)
    bulk_create_with_history(create, Realisation, default_user=user, default_date=date)
    bulk_update_with_history(update, Realisation, ["value"], default_user=user, default_date=date)


# For the yearly evaluation (branch evaluation): how often the Dewan Smart City's forum met in a year.
from .sosialisasi import forum_meetings  # noqa: E402, F401
