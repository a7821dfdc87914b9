"""An OPD's reports of a year as an .xlsx it fills in, and reading the filled file back.

The workbook has a sheet "Laporan" (one row per programme or quick win: status, budget realised and its
source, notes; the plan's budget for the year is shown, never read back), a sheet "Indikator" (one row per
indicator: the year's target shown, the realisation read) and "Petunjuk". Reading checks every row of both
sheets before anything is written and says what is wrong by sheet, row and column, in Indonesian. Each row
carries the version of its report; a report changed in the portal since the download is not overwritten.
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from core.spreadsheets import SpreadsheetError, read_upload, write_xlsx
from plan.models import Source

from .items import load_items
from .models import Status
from .numbers import format_number, normalise_value, parse_rupiah
from .services import ReportData

REPORT_SHEET, INDICATOR_SHEET, GUIDE_SHEET = "Laporan", "Indikator", "Petunjuk"
REPORT_COLUMNS = {
    "key": "ID",
    "kind": "Jenis",
    "name": "Nama",
    "dimension": "Dimensi",
    "opd": "OPD",
    "status": "Status",
    "plan": "Rencana anggaran",
    "budget": "Realisasi anggaran",
    "source": "Sumber dana",
    "notes": "Catatan",
    "version": "Versi (jangan diubah)",
}
REPORT_REQUIRED = ["key", "status", "budget", "source", "notes"]
REPORT_WIDTHS = [8, 10, 50, 18, 12, 16, 20, 22, 14, 60, 10]
INDICATOR_COLUMNS = {
    "key": "ID",
    "indicator": "ID indikator",
    "name": "Program / quick win",
    "indicator_name": "Indikator",
    "unit": "Satuan",
    "target": "Target",
    "value": "Realisasi",
}
INDICATOR_REQUIRED = ["key", "indicator", "value"]
INDICATOR_WIDTHS = [8, 12, 40, 40, 12, 14, 14]
MAX_NOTES = 5000
MAX_VALUE = 60


def export_sheet(reporting_year, *, opd_id=None):
    """The .xlsx of the year's items (of one OPD), prefilled with what is reported so far."""
    items = load_items(reporting_year, opd_id=opd_id)
    report_rows, indicator_rows = [], []
    for item in items:
        report = item.report
        report_rows.append(
            [
                item.key,
                str(item.kind_label),
                item.name,
                item.dimension.name,
                item.opd.acronym if item.opd else "",
                report.get_status_display() if report and report.status else None,
                int(item.plan_total) if item.plan_total is not None else None,
                int(report.budget_realised) if report and report.budget_realised is not None else None,
                report.get_budget_source_display() if report and report.budget_source else None,
                report.notes if report and report.notes else None,
                report.version if report else 0,
            ]
        )
        for indicator in item.indicators:
            indicator_rows.append(
                [
                    item.key,
                    indicator.pk,
                    item.name,
                    indicator.name,
                    indicator.unit or None,
                    indicator.target or None,
                    indicator.realisation or None,
                ]
            )
    guide = [
        [
            _(
                "Laporan pelaksanaan tahun %(y)s. Isi kolom Status, Realisasi anggaran, Sumber dana dan Catatan pada lembar Laporan, dan kolom Realisasi pada lembar Indikator."
            )
            % {"y": reporting_year.year}
        ],
        [_("Jangan ubah kolom ID, ID indikator dan Versi: kolom itu menentukan baris mana yang dilaporkan.")],
        [_("Status: %(s)s.") % {"s": ", ".join(str(label) for label in Status.labels)}],
        [_("Sumber dana: %(s)s.") % {"s": ", ".join(str(label) for label in Source.labels)}],
        [
            _(
                "Rupiah ditulis penuh dengan titik ribuan (1.250.000) atau dengan kata (2 juta, 1,5 miliar). Koma menandai desimal (85,5)."
            )
        ],
        [
            _(
                "Rencana anggaran dan Target berasal dari masterplan dan hanya ditampilkan; mengubahnya di sini tidak berpengaruh."
            )
        ],
        [_("Baris tanpa status dan tanpa isian dilewati. Bila satu baris salah, tidak ada yang disimpan.")],
    ]
    return write_xlsx(
        [
            (REPORT_SHEET, list(REPORT_COLUMNS.values()), report_rows, REPORT_WIDTHS),
            (INDICATOR_SHEET, list(INDICATOR_COLUMNS.values()), indicator_rows, INDICATOR_WIDTHS),
            (GUIDE_SHEET, [_("Petunjuk pengisian")], guide, [120]),
        ]
    )


@dataclass
class Row:
    row: int
    key: str
    label: str
    status: str
    budget_realised: str | None  # whole rupiah as text (JSON for the session)
    budget_source: str
    notes: str
    realisations: dict = field(default_factory=dict)  # {indicator pk as text: value}
    version: int | None = None
    action: str = ""  # new, change

    @property
    def status_label(self):
        return Status(self.status).label if self.status else ""

    @property
    def budget_display(self):
        return format_number(parse_rupiah(self.budget_realised)) if self.budget_realised is not None else ""


@dataclass
class Reading:
    rows: list  # rows to write
    errors: list
    unchanged: int = 0

    @property
    def ok(self):
        return not self.errors

    def counts(self):
        return {
            "new": sum(1 for r in self.rows if r.action == "new"),
            "change": sum(1 for r in self.rows if r.action == "change"),
            "same": self.unchanged,
        }

    def as_json(self):
        return [asdict(row) for row in self.rows]


def _columns(header, titles):
    wanted = {title.strip().lower(): key for key, title in titles.items()}
    found = {}
    for index, cell in enumerate(header):
        key = wanted.get(str(cell or "").strip().lower())
        if key and key not in found:
            found[key] = index
    return found


def _choice(value, choices):
    text = str(value).strip().lower()
    for choice in choices:
        if text in (choice.value, str(choice.label).lower()):
            return choice.value
    return None


class _Cells:
    def __init__(self, sheet, titles, required):
        self.sheet = sheet
        self.titles = titles
        self.columns = _columns(sheet.rows[0] if sheet.rows else [], titles)
        missing = [titles[key] for key in required if key not in self.columns]
        if missing:
            raise SpreadsheetError(
                _("Baris 1 lembar %(s)s: kolom %(c)s tidak ditemukan. Pakai lembar hasil unduhan.")
                % {"s": sheet.name, "c": ", ".join(missing)}
            )

    def get(self, values, key):
        index = self.columns.get(key)
        value = values[index] if index is not None and index < len(values) else None
        if isinstance(value, str):
            value = value.strip()
        return None if value in (None, "") else value

    def rows(self):
        for number, values in enumerate(self.sheet.rows[1:], start=2):
            if not all(v in (None, "") for v in values):
                yield number, values


def _sheet(sheets, name, index):
    for sheet in sheets:
        if sheet.name.strip().lower() == name.lower():
            return sheet
    if index is not None and index < len(sheets):
        return sheets[index]
    return None


def read_sheet(uploaded, *, access, reporting_year):
    """Read and check a filled sheet; nothing is written. Raises SpreadsheetError for a file that is not ours."""
    sheets = read_upload(uploaded)
    report_sheet = _sheet(sheets, REPORT_SHEET, 0)
    if report_sheet is None or not report_sheet.rows:
        raise SpreadsheetError(_("Lembar %(s)s kosong.") % {"s": REPORT_SHEET})
    report_cells = _Cells(report_sheet, REPORT_COLUMNS, REPORT_REQUIRED)
    indicator_sheet = _sheet(sheets, INDICATOR_SHEET, None)
    indicator_cells = (
        _Cells(indicator_sheet, INDICATOR_COLUMNS, INDICATOR_REQUIRED)
        if indicator_sheet is not None and indicator_sheet.rows
        else None
    )
    items = {item.key: item for item in load_items(reporting_year)}
    errors = []

    def error(sheet, number, column, message):
        where = (
            _("Baris %(r)s, kolom %(c)s") % {"r": number, "c": column} if column else _("Baris %(r)s") % {"r": number}
        )
        if sheet != REPORT_SHEET:
            where = _("Lembar %(s)s, %(w)s") % {"s": sheet, "w": where[:1].lower() + where[1:]}
        errors.append(f"{where}: {message}")

    # Indicators first: {item key: {indicator pk: (value, row)}}
    realised, indicator_rows = {}, {}
    if indicator_cells is not None:
        for number, values in indicator_cells.rows():
            key = str(indicator_cells.get(values, "key") or "").upper()
            item = items.get(key)
            if item is None:
                error(
                    INDICATOR_SHEET,
                    number,
                    INDICATOR_COLUMNS["key"],
                    _("%(v)s bukan program atau quick win tahun ini.") % {"v": key or "–"},
                )
                continue
            raw_pk = indicator_cells.get(values, "indicator")
            try:
                pk = int(raw_pk)
            except (TypeError, ValueError):
                pk = None
            if pk not in {i.pk for i in item.indicators}:
                error(
                    INDICATOR_SHEET,
                    number,
                    INDICATOR_COLUMNS["indicator"],
                    _("indikator %(v)s bukan indikator %(k)s.") % {"v": raw_pk or "–", "k": key},
                )
                continue
            if pk in realised.get(key, {}):
                error(
                    INDICATOR_SHEET,
                    number,
                    INDICATOR_COLUMNS["indicator"],
                    _("indikator ini sudah diisi di baris %(r)s.") % {"r": realised[key][pk][1]},
                )
                continue
            value = normalise_value(indicator_cells.get(values, "value"))
            if len(value) > MAX_VALUE:
                error(
                    INDICATOR_SHEET,
                    number,
                    INDICATOR_COLUMNS["value"],
                    _("lebih dari %(n)s karakter.") % {"n": MAX_VALUE},
                )
                continue
            realised.setdefault(key, {})[pk] = (value, number)
            indicator_rows.setdefault(key, number)

    rows, seen, unchanged = [], {}, 0
    for number, values in report_cells.rows():
        key = str(report_cells.get(values, "key") or "").upper()
        item = items.get(key)
        if item is None:
            error(
                REPORT_SHEET,
                number,
                REPORT_COLUMNS["key"],
                _("%(v)s bukan program atau quick win tahun ini.") % {"v": key or "–"},
            )
            continue
        if key in seen:
            error(
                REPORT_SHEET,
                number,
                REPORT_COLUMNS["key"],
                _("%(k)s sudah ada di baris %(r)s.") % {"k": key, "r": seen[key]},
            )
            continue
        seen[key] = number
        before = len(errors)
        raw_status = report_cells.get(values, "status")
        status = _choice(raw_status, Status) if raw_status is not None else ""
        if status is None:
            error(
                REPORT_SHEET,
                number,
                REPORT_COLUMNS["status"],
                _("%(v)s bukan status yang dikenal (%(s)s).")
                % {"v": raw_status, "s": ", ".join(str(x) for x in Status.labels)},
            )
        try:
            budget = parse_rupiah(report_cells.get(values, "budget"))
        except ValueError as problem:
            error(REPORT_SHEET, number, REPORT_COLUMNS["budget"], str(problem))
            budget = None
        raw_source = report_cells.get(values, "source")
        source = _choice(raw_source, Source) if raw_source is not None else ""
        if source is None:
            error(
                REPORT_SHEET,
                number,
                REPORT_COLUMNS["source"],
                _("%(v)s bukan sumber dana yang dikenal (%(s)s).")
                % {"v": raw_source, "s": ", ".join(str(x) for x in Source.labels)},
            )
        notes = str(report_cells.get(values, "notes") or "")
        if len(notes) > MAX_NOTES:
            error(
                REPORT_SHEET,
                number,
                REPORT_COLUMNS["notes"],
                _("catatan lebih dari %(n)s karakter.") % {"n": MAX_NOTES},
            )
        raw_version = report_cells.get(values, "version")
        try:
            version = int(raw_version) if raw_version is not None else None
        except (TypeError, ValueError):
            version = None
        if len(errors) > before:
            continue
        data = ReportData(
            status=status,
            budget_realised=budget,
            budget_source=source,
            notes=notes,
            realisations={pk: value for pk, (value, _r) in realised.get(key, {}).items()},
        )
        if not data.differs_from(item):
            unchanged += 1
            continue
        if not access.can_edit(item):
            error(
                REPORT_SHEET,
                number,
                None,
                _("Anda tidak berhak melaporkan %(k)s %(n)s (milik %(o)s).")
                % {"k": key, "n": item.name, "o": item.opd.acronym if item.opd else _("tanpa OPD")},
            )
            continue
        if not status:
            error(
                REPORT_SHEET,
                number,
                REPORT_COLUMNS["status"],
                _("status wajib diisi bila baris ini (atau indikatornya) diisi."),
            )
            continue
        current = item.report.version if item.report else 0
        if version is not None and version != current:
            who = item.report.updated_by.display_name if item.report and item.report.updated_by else _("orang lain")
            error(
                REPORT_SHEET,
                number,
                None,
                _(
                    "laporan %(k)s sudah diubah di portal oleh %(w)s sejak lembar ini diunduh; unduh lagi lembarnya atau ubah di portal."
                )
                % {"k": key, "w": who},
            )
            continue
        rows.append(
            Row(
                row=number,
                key=key,
                label=item.name,
                status=status,
                budget_realised=None if budget is None else str(budget),
                budget_source=source,
                notes=notes,
                realisations={str(pk): value for pk, value in data.realisations.items()},
                version=item.report.version if item.report else None,
                action="change" if item.report else "new",
            )
        )
    for key, number in indicator_rows.items():
        if key not in seen:
            error(
                INDICATOR_SHEET,
                number,
                INDICATOR_COLUMNS["key"],
                _("%(k)s tidak ada di lembar %(s)s; isi statusnya di sana.") % {"k": key, "s": REPORT_SHEET},
            )
    return Reading(rows, errors, unchanged)
