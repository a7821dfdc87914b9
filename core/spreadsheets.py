"""Reading and writing the spreadsheets regions keep (xlsx and csv), safely.

Every upload is hostile: size, unpacked size (zip bombs), XML tricks (openpyxl uses defusedxml
when it is installed, and it is pinned), and row count are bounded. Problems raise
SpreadsheetError with an Indonesian message. Writers neutralise formula injection.
"""

import csv
import io
import os
import zipfile

os.environ["OPENPYXL_LXML"] = "False"  # defusedxml, not lxml (see config/settings.py); before openpyxl loads
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .uploads import check_zip_safety

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 300  # cells further right are ignored (a hostile file could address column XFD)
MAX_MERGED_CELLS = 2_000_000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Sheet:
    name: str
    rows: list  # list of lists of cell values (str, int, float, datetime, None)
    merged: list = field(default_factory=list)  # (min_row, min_col, max_row, max_col), 0-based


def read_upload(uploaded, *, fill_merged=True):
    """Read an uploaded .xlsx or .csv into a list of Sheets."""
    name = (getattr(uploaded, "name", "") or "").lower()
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_BYTES:
        raise SpreadsheetError(
            _("Berkas terlalu besar (%(mb)s MB); batasnya %(max)s MB.")
            % {"mb": round(size / 2**20, 1), "max": MAX_BYTES // 2**20}
        )
    uploaded.seek(0)
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(_("Berkas terlalu besar; batasnya %(max)s MB.") % {"max": MAX_BYTES // 2**20})
    if not data:
        raise SpreadsheetError(_("Berkas kosong."))
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx_bytes(data, fill_merged=fill_merged)
    if name.endswith((".xlsx", ".xlsm", ".xls")) or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _(
                "Berkas ini bukan lembar kerja .xlsx yang dapat dibaca. Simpan ulang sebagai .xlsx (Excel 2007 ke atas) atau .csv."
            )
        )
    return [read_csv_bytes(data)]


def read_xlsx_bytes(data, *, fill_merged=True):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_safety(archive)
            if "xl/workbook.xml" not in archive.namelist():
                raise SpreadsheetError(_("Berkas ini bukan lembar kerja Excel (.xlsx)."))
    except zipfile.BadZipFile:
        raise SpreadsheetError(_("Berkas ini bukan lembar kerja Excel (.xlsx) yang utuh.")) from None
    except ValidationError as error:
        raise SpreadsheetError(" ".join(error.messages)) from None
    try:
        # Read-only (streaming) mode: the normal mode formats every merged cell and slows down
        # quadratically on the merged tables regions keep (thousands of merged ranges).
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds on broken or hostile files
        raise SpreadsheetError(
            _("Lembar kerja tidak dapat dibaca: %(error)s") % {"error": type(error).__name__}
        ) from None
    sheets = []
    total = 0
    try:
        for worksheet in workbook.worksheets:
            if not hasattr(worksheet, "reset_dimensions"):
                continue  # a chartsheet
            worksheet.reset_dimensions()  # the stored dimension may be wrong; read what is there
            rows = []
            for row in worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                total += 1
                if total > MAX_ROWS:
                    raise SpreadsheetError(
                        _("Berkas berisi lebih dari %(max)s baris.") % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
                    )
                row = list(row)
                while row and row[-1] is None:
                    row.pop()
                rows.append(row)
            merged = _merged_ranges(worksheet, len(rows))
            if fill_merged:
                _fill_merged(rows, merged)
            sheets.append(Sheet(worksheet.title, _trim(rows), merged))
    except SpreadsheetError:
        raise
    except Exception as error:
        raise SpreadsheetError(
            _("Lembar kerja tidak dapat dibaca: %(error)s") % {"error": type(error).__name__}
        ) from None
    finally:
        workbook.close()
    return sheets


def _merged_ranges(worksheet, row_count):
    """Merged ranges of a read-only worksheet, read from its XML with defusedxml, clipped to the data."""
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils.cell import range_boundaries

    merged = []
    with worksheet._get_source() as source:
        for _event, element in iterparse(source):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "mergeCell":
                try:
                    min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                except (TypeError, ValueError):
                    continue
                if min_row <= row_count and min_col <= MAX_COLUMNS:
                    merged.append(
                        (min_row - 1, min_col - 1, min(max_row, row_count) - 1, min(max_col, MAX_COLUMNS) - 1)
                    )
            if tag in ("row", "mergeCell"):
                element.clear()
    return merged


def _fill_merged(rows, merged):
    """Give every cell of a merged range the value of its top-left cell (as the eye reads the table)."""
    budget = MAX_MERGED_CELLS
    for min_row, min_col, max_row, max_col in merged:
        budget -= (max_row - min_row + 1) * (max_col - min_col + 1)
        if budget < 0:
            raise SpreadsheetError(_("Berkas berisi terlalu banyak sel gabungan."))
        top = rows[min_row]
        value = top[min_col] if min_col < len(top) else None
        if value is None:
            continue
        for r in range(min_row, max_row + 1):
            row = rows[r]
            if len(row) <= max_col:
                row.extend([None] * (max_col + 1 - len(row)))
            for c in range(min_col, max_col + 1):
                if (r, c) != (min_row, min_col):
                    row[c] = value


def read_csv_bytes(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise SpreadsheetError(_("Berkas CSV tidak dapat dibaca: pengodean tidak dikenal."))
    if "\x00" in text:
        raise SpreadsheetError(_("Berkas ini bukan CSV teks."))
    sample = text[:20000]
    first_lines = "\n".join(sample.splitlines()[:20])
    delimiter = ";" if first_lines.count(";") > first_lines.count(",") else ","
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) >= MAX_ROWS:
                raise SpreadsheetError(
                    _("Berkas berisi lebih dari %(max)s baris.") % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
                )
            rows.append([_uncsv(cell) for cell in row])
    except csv.Error as error:  # e.g. one cell longer than the csv module's limit (128 KB)
        raise SpreadsheetError(_("Berkas CSV tidak dapat dibaca: %(e)s.") % {"e": error}) from None
    return Sheet("CSV", _trim(rows))


def _uncsv(cell):
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] in FORMULA_PREFIXES:
        return cell[1:]
    return cell or None


def _trim(rows):
    while rows and all(v in (None, "") for v in rows[-1]):
        rows.pop()
    return rows


def column_letter(index):
    """0-based column index to Excel letters (0 -> A)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def neutralise(value):
    """For CSV: a text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _neutralise_csv(value):
    """Like neutralise, but also when a part after a `,` or `;` starts a formula: the file is `;`-separated,
    yet a spreadsheet opening it with `,` would split `a,=1+1` into a formula cell."""
    if isinstance(value, str):
        parts = value.replace(";", ",").split(",")
        if any(part.startswith(FORMULA_PREFIXES) for part in parts):
            return "'" + value.replace(",", ",'").replace(";", ";'")
    return value


def write_csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL)
    writer.writerow([_neutralise_csv(v) for v in header])
    for row in rows:
        writer.writerow(["" if v is None else _neutralise_csv(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(sheets):
    """sheets: list of (title, header, rows, widths or None). Text is always stored as text, never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE6F0")
    for title, header, rows, widths in sheets:
        worksheet = workbook.create_sheet(title[:31])
        worksheet.append(header)
        for cell in worksheet[1]:
            cell.font = bold
            cell.fill = fill
        for row_number, row in enumerate(rows, start=2):
            for col, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = worksheet.cell(row=row_number, column=col)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"
        for index, width in enumerate(widths or []):
            worksheet.column_dimensions[column_letter(index)].width = width
        worksheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
