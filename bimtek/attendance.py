"""Reading an attendance list pasted from Excel or a chat, or uploaded as an attendance sheet (.xlsx, .csv).

One person per line: name, position, OPD, separated by tabs (Excel), semicolons or commas (a chat). The OPD is
matched by name or acronym, ignoring case and spaces. What cannot be read is refused line by line with a message
naming the line; nothing here writes (services.import_attendees writes a clean list, all or nothing).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.spreadsheets import read_upload
from masterplan.models import OPD

MAX_LINES = 500  # a bimtek hall holds 40-100 people
NAME_MAX, POSITION_MAX, INSTITUTION_MAX = 150, 150, 150  # Attendee.name, .position, .institution
HEADER_NAMES = {"nama", "namalengkap", "namapeserta"}
HEADER_POSITIONS = {"jabatan", "jabatanpeserta", "posisi"}
HEADER_OPDS = {
    "opd",
    "instansi",
    "asalinstansi",
    "unitkerja",
    "perangkatdaerah",
    "asalopd",
    "opd/instansi",
    "instansi/opd",
    "asalopd/instansi",
}
HEADER_NUMBERS = {"no", "no.", "nomor", "#"}
_NUMBERING = re.compile(r"^\s*\d{1,3}\s*[.)]\s+")  # "1. Budi" or "12) Budi" in a chat list
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def normalise(value):
    """Case- and spacing-insensitive form of an OPD's name or acronym."""
    return re.sub(r"\s+", "", str(value or "")).casefold()


@dataclass
class Line:
    number: int  # the line of the pasted text, or the row of the sheet (1-based)
    fields: list


@dataclass
class Row:
    number: int
    name: str
    position: str
    opd: OPD | None
    institution: str = ""  # a person from outside the region's OPDs (Kominfo, a university): the name as written


@dataclass
class Preview:
    rows: list = field(default_factory=list)  # [Row]
    errors: list = field(default_factory=list)  # ["Baris 7: ..."]
    notices: list = field(default_factory=list)  # ["Baris 3: 'Kominfo' dicatat sebagai instansi lain ..."]

    @property
    def ok(self):
        return bool(self.rows) and not self.errors

    def canonical_text(self):
        """The rows as one tab-separated line each (name, position, OPD acronym): what the confirm step sends."""
        return "\n".join(f"{r.name}\t{r.position}\t{r.opd.acronym if r.opd else r.institution}" for r in self.rows)


def _split(text_line):
    """The fields of one pasted line: by tab, else semicolon, else comma. With commas, a name keeps its academic
    titles ("Budi Santoso, S.Kom., M.T., Kepala Bidang, DLH"): the last field is the OPD, the one before it the
    position, and the rest the name."""
    if "\t" in text_line:
        parts = text_line.split("\t")
    elif ";" in text_line:
        parts = text_line.split(";")
    else:
        parts = text_line.split(",")
        parts = [p.strip() for p in parts]
        if len(parts) > 3:
            parts = [", ".join(p for p in parts[:-2] if p), parts[-2], parts[-1]]
    return [p.strip() for p in parts]


def lines_from_text(text):
    """[Line] of a pasted list; blank lines are skipped, a header line (Nama, Jabatan, OPD) too."""
    lines = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        if not raw.strip():
            continue
        lines.append(Line(number, _split(raw)))
    return lines


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def lines_from_upload(uploaded):
    """[Line] of the first sheet that has data; a header row (Nama / Jabatan / OPD or Instansi) among the first ten
    rows places the columns, otherwise they are read in that order (after a leading No column). Raises
    core.spreadsheets.SpreadsheetError for a file that is not a readable, safe spreadsheet."""
    sheets = read_upload(uploaded)
    sheet = next((s for s in sheets if any(any(c not in (None, "") for c in row) for row in s.rows)), None)
    if sheet is None:
        return []
    columns, start = None, 0
    for index, row in enumerate(sheet.rows[:10]):
        keys = [normalise(_cell(c)) for c in row]
        name_col = next((i for i, k in enumerate(keys) if k in HEADER_NAMES), None)
        if name_col is not None:
            position_col = next((i for i, k in enumerate(keys) if k in HEADER_POSITIONS), None)
            opd_col = next((i for i, k in enumerate(keys) if k in HEADER_OPDS), None)
            columns, start = (name_col, position_col, opd_col), index + 1
            break
    lines = []
    for index, row in enumerate(sheet.rows[start:], start=start + 1):
        cells = [_cell(c) for c in row]
        if not any(cells):
            continue
        if columns:
            fields = [cells[i] if i is not None and i < len(cells) else "" for i in columns]  # a missing column: ""
        else:
            fields = cells
        lines.append(Line(index, fields))
    return lines


class OPDMatcher:
    """The region's OPDs by normalised name and acronym (one query)."""

    def __init__(self, masterplan):
        self.by_key = {}
        opds = list(OPD.objects.for_masterplan(masterplan))
        for opd in opds:  # names first: an acronym never hides another OPD's full name
            self.by_key.setdefault(normalise(opd.name), opd)
        for opd in opds:
            self.by_key.setdefault(normalise(opd.acronym), opd)

    def get(self, text):
        return self.by_key.get(normalise(text))


def _is_header(fields):
    return bool(fields) and normalise(fields[0]) in HEADER_NAMES | HEADER_NUMBERS and len(fields) >= 2


def preview(lines, *, session):
    """Preview of the lines against the session's region and its attendance so far (nothing is written)."""
    result = Preview()
    if len(lines) > MAX_LINES:
        result.errors.append(
            _("Daftar berisi %(n)s baris; paling banyak %(max)s baris sekaligus.") % {"n": len(lines), "max": MAX_LINES}
        )
        return result
    matcher = OPDMatcher(session.masterplan)
    seen = {
        (normalise(name), opd_id or normalise(institution))
        for name, opd_id, institution in session.attendees.values_list("name", "opd_id", "institution")
    }
    for index, line in enumerate(lines):
        fields = [_CONTROL.sub("", f).strip() for f in line.fields]
        if index == 0 and _is_header(fields):
            continue
        if len(fields) > 3 and re.fullmatch(r"\d{1,4}\.?", fields[0]):
            fields = fields[1:]  # a leading "No" column
        while len(fields) > 3 and not fields[-1]:
            fields.pop()
        prefix = _("Baris %(n)s") % {"n": line.number}
        if len(fields) < 2 or not fields[0]:
            result.errors.append(
                _("%(line)s: tidak terbaca; tulis nama, jabatan dan OPD, dipisah tab, titik koma atau koma.")
                % {"line": prefix}
            )
            continue
        if len(fields) > 3:
            result.errors.append(
                _("%(line)s: %(n)s kolom; yang dibaca hanya nama, jabatan dan OPD.")
                % {"line": prefix, "n": len(fields)}
            )
            continue
        name = _NUMBERING.sub("", fields[0]).strip()
        position, opd_text = ("", fields[1]) if len(fields) == 2 else (fields[1], fields[2])
        if not name:
            result.errors.append(_("%(line)s: nama kosong.") % {"line": prefix})
            continue
        if len(name) > NAME_MAX or len(position) > POSITION_MAX:
            result.errors.append(
                _("%(line)s: nama atau jabatan lebih dari %(max)s karakter.") % {"line": prefix, "max": NAME_MAX}
            )
            continue
        if not opd_text:
            result.errors.append(_("%(line)s: OPD kosong.") % {"line": prefix})
            continue
        opd = matcher.get(opd_text)
        institution = ""
        if opd is None:
            # Not one of the region's OPDs: a person of another institution (Kominfo, a university, a company).
            # Said in the preview, so a misspelt OPD is seen before saving.
            if len(opd_text) > INSTITUTION_MAX:
                result.errors.append(
                    _("%(line)s: instansi lebih dari %(max)s karakter.") % {"line": prefix, "max": INSTITUTION_MAX}
                )
                continue
            institution = opd_text
            result.notices.append(
                _(
                    "%(line)s: '%(opd)s' bukan OPD daerah ini; dicatat sebagai instansi lain. Periksa ejaannya bila itu OPD."
                )
                % {"line": prefix, "opd": opd_text[:80]}
            )
        key = (normalise(name), opd.pk if opd else normalise(institution))
        if key in seen:
            result.errors.append(
                _("%(line)s: %(name)s (%(opd)s) sudah ada di daftar hadir.")
                % {"line": prefix, "name": name, "opd": opd.acronym if opd else institution}
            )
            continue
        seen.add(key)
        result.rows.append(Row(line.number, name, position, opd, institution))
    if not result.rows and not result.errors:
        result.errors.append(_("Daftar kosong: tidak ada peserta yang terbaca."))
    return result
