"""Progress of every quick win as an .xlsx the OPDs fill in, and reading the filled sheet back.

The export holds one row per quick win with its latest report. An OPD changes the date, percent,
status and note (or adds a row with the same ID for another date) and sends it back. Reading checks
every row before anything is written (per-row errors in Indonesian, with the row and the column);
a row whose quick win already has a report on that date replaces it, so importing the same sheet
twice changes nothing.
"""

import datetime
from dataclasses import asdict, dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import SpreadsheetError, read_upload, write_xlsx

from .models import ProgressUpdate, QuickWin, Status

COLUMNS = {
    "id": "ID",
    "short_name": "Quick win",
    "full_name": "Nama lengkap",
    "dimension": "Dimensi",
    "opd": "OPD pemilik",
    "date": "Tanggal (TTTT-BB-HH)",
    "percent": "Kemajuan (%)",
    "status": "Status",
    "note": "Catatan",
}
REQUIRED = ["id", "date", "percent", "status", "note"]
WIDTHS = [6, 18, 40, 20, 14, 20, 14, 18, 60]
MAX_NOTE = 5000


def export_progress(masterplan):
    quickwins = list(QuickWin.objects.for_masterplan(masterplan).for_cards())
    latest = {}
    for update in ProgressUpdate.objects.filter(quickwin__masterplan=masterplan).order_by("-date", "-created_at"):
        latest.setdefault(update.quickwin_id, update)
    rows = []
    for quickwin in quickwins:
        update = latest.get(quickwin.pk)
        owner = quickwin.owner()
        rows.append(
            [
                quickwin.pk,
                quickwin.short_name,
                quickwin.full_name,
                quickwin.dimension.name,
                owner.acronym if owner else "",
                update.date.isoformat() if update else None,
                update.percent if update else None,
                update.get_status_display() if update else quickwin.get_status_display(),
                update.note if update else None,
            ]
        )
    guide = [
        [_("Isi satu baris per laporan. Kolom ID menentukan quick win; jangan diubah.")],
        [_("Tanggal ditulis TTTT-BB-HH (misalnya 2023-06-30); kemajuan 0 sampai 100.")],
        [_("Status: %(s)s.") % {"s": ", ".join(str(label) for label in Status.labels)}],
        [_("Baris dengan ID yang sama dan tanggal lain menambah laporan; tanggal yang sudah ada diganti.")],
        [_("Baris tanpa tanggal dan kemajuan dilewati.")],
    ]
    return write_xlsx(
        [
            (_("Kemajuan"), list(COLUMNS.values()), rows, WIDTHS),
            (_("Petunjuk"), [_("Petunjuk pengisian")], guide, [100]),
        ]
    )


@dataclass
class Row:
    row: int
    quickwin_id: int
    label: str
    date: str
    percent: int
    status: str
    note: str
    action: str = ""  # new, change, same

    @property
    def status_label(self):
        return Status(self.status).label


@dataclass
class Reading:
    rows: list
    errors: list

    @property
    def ok(self):
        return not self.errors

    def counts(self):
        counts = {"new": 0, "change": 0, "same": 0}
        for row in self.rows:
            counts[row.action] += 1
        return counts

    def as_json(self):
        return [asdict(row) for row in self.rows]


def _header_map(header):
    wanted = {title.strip().lower(): key for key, title in COLUMNS.items()}
    found = {}
    for index, cell in enumerate(header):
        key = wanted.get(str(cell or "").strip().lower())
        if key:
            found[key] = index
    return found


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _parse_percent(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().rstrip("%").strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    if number != int(number):
        return None
    return int(number)


def _parse_status(value):
    text = str(value).strip().lower()
    for choice in Status:
        if text in (choice.value, str(choice.label).lower()):
            return choice.value
    return None


def read_progress(uploaded, *, access):
    """Read and check a filled progress sheet; nothing is written. Raises SpreadsheetError for a bad file."""
    sheets = read_upload(uploaded)
    sheet = sheets[0]
    if not sheet.rows:
        raise SpreadsheetError(_("Lembar %(s)s kosong.") % {"s": sheet.name})
    columns = _header_map(sheet.rows[0])
    missing = [COLUMNS[key] for key in REQUIRED if key not in columns]
    if missing:
        raise SpreadsheetError(
            _("Baris 1 lembar %(s)s: kolom %(c)s tidak ditemukan. Pakai lembar hasil unduhan.")
            % {"s": sheet.name, "c": ", ".join(missing)}
        )
    quickwins = {q.pk: q for q in QuickWin.objects.for_masterplan(access.masterplan).for_cards()}
    existing = {}
    for update in ProgressUpdate.objects.filter(quickwin__masterplan=access.masterplan).order_by("created_at"):
        existing[(update.quickwin_id, update.date)] = update
    rows, errors, seen = [], [], {}
    today = timezone.localdate()

    def cell(values, key):
        index = columns.get(key)
        value = values[index] if index is not None and index < len(values) else None
        return None if value in (None, "") or (isinstance(value, str) and not value.strip()) else value

    def error(number, key, message):
        column = COLUMNS[key] if key else ""
        where = (
            _("Baris %(r)s, kolom %(c)s") % {"r": number, "c": column} if column else _("Baris %(r)s") % {"r": number}
        )
        errors.append(f"{where}: {message}")

    for number, values in enumerate(sheet.rows[1:], start=2):
        if all(v in (None, "") for v in values):
            continue
        raw_id, raw_date, raw_percent = cell(values, "id"), cell(values, "date"), cell(values, "percent")
        if raw_date is None and raw_percent is None:
            continue  # a quick win without a report in this sheet
        try:
            quickwin = quickwins.get(int(raw_id)) if raw_id is not None else None
        except (TypeError, ValueError):
            quickwin = None
        if quickwin is None:
            error(number, "id", _("quick win dengan ID %(v)s tidak ada di masterplan ini.") % {"v": raw_id or "–"})
            continue
        row_errors = len(errors)
        date = _parse_date(raw_date) if raw_date is not None else None
        if raw_date is None:
            error(number, "date", _("tanggal wajib diisi."))
        elif date is None:
            error(number, "date", _("%(v)s bukan tanggal (tulis TTTT-BB-HH).") % {"v": raw_date})
        elif date > today:
            error(number, "date", _("tanggal %(v)s di masa depan.") % {"v": date.isoformat()})
        percent = _parse_percent(raw_percent) if raw_percent is not None else None
        if raw_percent is None:
            error(number, "percent", _("kemajuan wajib diisi."))
        elif percent is None or not 0 <= percent <= 100:
            error(number, "percent", _("%(v)s bukan bilangan bulat 0 sampai 100.") % {"v": raw_percent})
        raw_status = cell(values, "status")
        status = _parse_status(raw_status) if raw_status is not None else quickwin.status
        if status is None:
            error(
                number,
                "status",
                _("%(v)s bukan status yang dikenal (%(s)s).")
                % {"v": raw_status, "s": ", ".join(str(label) for label in Status.labels)},
            )
        note = str(cell(values, "note") or "").strip()
        if len(note) > MAX_NOTE:
            error(number, "note", _("catatan lebih dari %(n)s karakter.") % {"n": MAX_NOTE})
        key = (quickwin.pk, date)
        previous = existing.get(key) if len(errors) == row_errors else None
        unchanged = previous is not None and (previous.percent, previous.status, previous.note) == (
            percent,
            status,
            note,
        )
        if not access.can_edit(quickwin):
            del errors[row_errors:]
            if unchanged:
                continue  # another OPD's row, as exported: nothing to do
            owner = quickwin.owner()
            error(
                number,
                None,
                _("Anda tidak berhak melaporkan kemajuan %(q)s (milik %(o)s).")
                % {"q": quickwin.short_name, "o": owner.acronym if owner else "–"},
            )
            continue
        if len(errors) > row_errors:
            continue
        if key in seen:
            error(
                number,
                "date",
                _("%(q)s sudah dilaporkan untuk tanggal %(d)s di baris %(r)s.")
                % {"q": quickwin.short_name, "d": date.isoformat(), "r": seen[key]},
            )
            continue
        seen[key] = number
        action = "new" if previous is None else "same" if unchanged else "change"
        rows.append(Row(number, quickwin.pk, quickwin.short_name, date.isoformat(), percent, status, note, action))
    return Reading(rows, errors)
