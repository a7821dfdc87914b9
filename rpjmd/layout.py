"""Reading the RPJMD's table of priority programmes ("Indikasi Rencana Program Prioritas") as regions keep it.

The header is found wherever it is (not necessarily on the first row), over one row ("Target 2022",
"Pagu 2022") or two (a year merged over its "Target" and "Rp" columns). Urusan and bidang rows group
the programmes; a programme's name may be merged down over its indicator rows; blank rows, column
numbering rows ("(1) (2) (3)") and subtotal rows are skipped. The result is a list of ProgramRow and
a list of Problem, never an exception: the caller decides what to do.

The money unit is read from the budget columns' titles ("Rp (juta)", "(Rp. 000)", "Pagu (miliar)") or from a
note above the table ("dalam jutaan rupiah") and applied to every amount without a unit of its own. Tables
converted from PDF stack several indicators in one row, one per line of each cell: such a row is split into
one row per indicator.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets import column_letter

HEADER_SCAN_ROWS = 40
YEAR_RE = re.compile(r"^(?:tahun\s*)?(20\d\d|19\d\d)$")
SINGLE_YEAR_RE = re.compile(r"^(target|t|rp\.?|pagu|anggaran|dana|pagu indikatif)\s*(?:tahun\s*)?(20\d\d|19\d\d)$")
SUBTOTAL_RE = re.compile(r"^(sub\s*-?\s*total|jumlah|total|grand total)\b", re.IGNORECASE)
NUMBERING_RE = re.compile(r"^\(?\d{1,2}\)?$")
# A row naming the OPD whose programmes follow (tables without an OPD column)
OPD_ROW_RE = re.compile(
    r"^(dinas|badan|sekretariat|inspektorat|kecamatan|satuan polisi|satpol|rumah sakit|rsud|kantor|bagian|"
    r"kelurahan|unit pelaksana)\b",
    re.IGNORECASE,
)
MULTIPLIERS = {
    "t": Decimal("1e12"),
    "triliun": Decimal("1e12"),
    "m": Decimal("1e9"),
    "miliar": Decimal("1e9"),
    "milyar": Decimal("1e9"),
    "jt": Decimal("1e6"),
    "juta": Decimal("1e6"),
    "rb": Decimal("1e3"),
    "ribu": Decimal("1e3"),
}
# The unit of a whole budget column, as its title or a note above the table says it
UNIT_PATTERNS = [
    (re.compile(r"triliun"), Decimal("1e12"), gettext_lazy("triliun rupiah")),
    (re.compile(r"mil[iy]ar|\bm\b(?=\s*\)|$)"), Decimal("1e9"), gettext_lazy("miliar rupiah")),
    (re.compile(r"\bjuta|\bjt\b"), Decimal("1e6"), gettext_lazy("juta rupiah")),
    (
        re.compile(r"\bribu|\brb\b|rp\.?\s*0{3}\b|\(\s*0{3}\s*\)|\brp\.?\s*\(?\s*0{3}"),
        Decimal("1e3"),
        gettext_lazy("ribu rupiah"),
    ),
]
UNIT_WORDS_RE = re.compile(
    r"\((?:[^)]*?(?:juta|jt|ribu|rb|mil[iy]ar|triliun|rupiah|000|\bm\b|\brp\b)[^)]*)\)|"
    r"\b(?:dalam\s+)?(?:jutaan|juta|ribuan|ribu|miliaran|miliar|milyar|triliun)\b(?:\s+rupiah)?"
)
NOTE_UNIT_RE = re.compile(
    r"(?:dalam|satuan)\s*:?\s*(?:rp\.?\s*)?(jutaan|juta|ribuan|ribu|miliaran|miliar|milyar|triliun)"
)

BUDGET_WORDS = {"rp", "rp.", "pagu", "anggaran", "dana", "pagu indikatif", "(rp)", "rp (rupiah)"}
TARGET_WORDS = {"target", "t", "kinerja", "target kinerja", "k"}


@dataclass
class Problem:
    sheet: str
    row: int | None  # 1-based, as the spreadsheet shows it
    column: str  # "E (Rp 2023)" or ""
    message: str
    level: str = "error"  # "error" blocks the import; "warning" does not
    kind: str = ""  # e.g. "unknown_opd": the preview offers to create them

    @property
    def is_error(self):
        return self.level == "error"

    def as_text(self):
        where = [self.sheet]
        if self.row:
            where.append(_("baris %(n)s") % {"n": self.row})
        if self.column:
            where.append(_("kolom %(c)s") % {"c": self.column})
        return f"{', '.join(where)}: {self.message}"


@dataclass
class IndicatorRow:
    name: str
    unit: str = ""
    baseline: str = ""
    targets: dict = field(default_factory=dict)  # year -> text
    opd: str = ""  # the OPD of the row it was read from, as written ("" when the table names none)


@dataclass
class ProgramRow:
    code: str
    name: str
    row: int  # 1-based row of its first line
    urusan: str = ""
    bidang: str = ""
    opd: str = ""
    location: str = ""
    misi: int | None = None
    sasaran: str = ""
    indicators: list = field(default_factory=list)
    budgets: dict = field(default_factory=dict)  # year -> Decimal
    mapping: dict | None = None  # {"dimension", "element", "secondary", "justification"} as text
    other_opds: list = field(default_factory=list)  # further responsible OPDs the table lists it for, as written
    opd_budgets: dict = field(default_factory=dict)  # OPD as written ("" for none) -> {year: Decimal}
    opd_rows: dict = field(default_factory=dict, repr=False)  # norm(OPD) -> 1-based row where its block begins
    block: str = ""  # the OPD whose rows are being read (as written)

    @property
    def opds(self):
        """Every responsible OPD as written, the lead first."""
        return ([self.opd] if self.opd else []) + self.other_opds

    def start_block(self, opd, row):
        """Rows of `opd` follow (the first OPD becomes the lead)."""
        if not opd:
            return
        if not self.opd:
            self.opd = opd
        elif norm(opd) != norm(self.opd) and norm(opd) not in self.opd_rows:
            self.other_opds.append(opd)
        self.opd_rows.setdefault(norm(opd), row)
        self.block = opd


@dataclass
class Layout:
    sheet: str
    header_row: int  # 0-based index of the (first) header row
    data_start: int  # 0-based index of the first data row
    columns: dict  # role -> column index
    target_columns: dict  # year -> column index
    budget_columns: dict  # year -> column index
    titles: dict  # column index -> header title, for messages
    money_unit: Decimal = Decimal(1)  # every amount without its own unit is multiplied by it
    money_label: str = ""  # "juta rupiah" when the table says so; "" for rupiah
    unit_problem: str = ""  # the budget columns contradict each other about the unit

    @property
    def years(self):
        return sorted(set(self.target_columns) | set(self.budget_columns))

    def where(self, column):
        title = self.titles.get(column, "")
        return f"{column_letter(column)} ({title})" if title else column_letter(column)


def text(value):
    """A cell as trimmed text ('' for empty); whole floats lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return re.sub(r"\s+", " ", str(value)).strip()


def norm(value):
    return text(value).lower().replace("\n", " ")


def parse_number(value, unit=Decimal(1)):
    """A rupiah amount as Decimal: 1250000000, '1.250.000.000', '1.250.000.000,00', 'Rp 1,25 M', '1,5 juta'.
    `unit` multiplies an amount that has no unit of its own (a column in millions: 1.250 -> 1.250.000.000).
    Returns None for an empty cell; raises ValueError for text that is not a number."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float | Decimal):
        return (Decimal(str(value)) * unit).quantize(Decimal("0.01"))
    raw = text(value).lower()
    if raw in ("", "-", "–", "—"):
        return None
    cleaned = re.sub(r"^rp\.?\s*", "", raw).strip()
    multiplier = unit
    match = re.match(r"^(.*?)\s*([a-z]+)\.?$", cleaned)
    if match and match.group(2) in MULTIPLIERS:
        cleaned, multiplier = match.group(1).strip(), MULTIPLIERS[match.group(2)]
    cleaned = cleaned.replace(" ", "")
    if not re.fullmatch(r"-?[\d.,]+", cleaned) or not re.search(r"\d", cleaned):
        raise ValueError(value)
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):  # 1.250.000,00 (Indonesian)
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:  # 1,250,000.00 (English)
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", "") if cleaned.count(",") > 1 else cleaned.replace(",", ".")
    elif cleaned.count(".") > 1 or (cleaned.count(".") == 1 and re.search(r"\.\d{3}$", cleaned)):
        cleaned = cleaned.replace(".", "")  # 1.250.000 or 1.500: thousands
    try:
        return (Decimal(cleaned) * multiplier).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(value) from None


def target_text(value, unit=""):
    """A target as text: 85 and '85%' are the same target when the unit is a percentage."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}".replace(".", ",")
    result = text(value)
    if result.endswith("%"):
        result = result[:-1].strip()
    return result


def _role(title):
    """The role of a one-row column title, or None."""
    if not title:
        return None
    if title in ("no", "no.", "nomor"):
        return None
    if "dimensi" in title:
        return "dimension"
    if "elemen" in title and ("pendukung" in title or "sekunder" in title or "lain" in title):
        return "secondary"
    if "elemen" in title:
        return "element"
    if "alasan" in title or "justifikasi" in title:
        return "justification"
    if title.startswith("kode"):
        return "code"
    if "indikator" in title:
        return "indicator"
    if title.startswith("satuan"):
        return "unit"
    if "akhir" in title:
        return None  # Kondisi Kinerja pada Akhir Periode: derived, not stored
    if "kondisi awal" in title or "baseline" in title or "kondisi kinerja awal" in title or title == "awal":
        return "baseline"
    if "perangkat daerah" in title or title.startswith("opd") or "penanggung jawab" in title or title == "pd":
        return "opd"
    if title.startswith("lokasi"):
        return "location"
    if title.startswith("misi"):
        return "misi"
    if title.startswith("sasaran"):
        return "sasaran"
    if "program" in title or "kegiatan" in title or title in ("uraian", "nama"):
        return "name"
    return None


def column_unit(title):
    """(multiplier, label) a budget column's title gives its amounts, or None when it names no unit."""
    for pattern, multiplier, label in UNIT_PATTERNS:
        if pattern.search(title):
            return multiplier, label
    if "rupiah" in title:
        return Decimal(1), ""
    return None


def strip_unit(title):
    """A title without its unit words: "pagu 2023 (rp juta)" -> "pagu 2023"."""
    return re.sub(r"\s+", " ", UNIT_WORDS_RE.sub(" ", title)).strip()


def _money_unit(layout, rows, index, two_rows):
    """Set the layout's money unit from the budget columns' titles, or else a note above the table."""
    found = {}  # column -> (multiplier, label)
    for col in layout.budget_columns.values():
        texts = [norm(rows[index][col]) if col < len(rows[index]) else ""]
        if two_rows and index + 1 < len(rows) and col < len(rows[index + 1]):
            texts.append(norm(rows[index + 1][col]))
        for title in texts:
            unit = column_unit(title)
            if unit:
                found[col] = unit
                break
    units = {unit for unit in found.values()}
    if len(units) > 1:
        layout.unit_problem = _("Kolom pagu menyebut satuan yang berbeda: %(list)s. Samakan satuannya.") % {
            "list": "; ".join(f"{layout.where(col)}: {unit[1] or _('rupiah')}" for col, unit in sorted(found.items()))
        }
        return
    if units:
        layout.money_unit, layout.money_label = units.pop()
        return
    for row in rows[:index]:
        for value in row:
            match = NOTE_UNIT_RE.search(norm(value))
            if match:
                word = match.group(1)
                unit = column_unit(word)
                if unit:
                    layout.money_unit, layout.money_label = unit
                    return


def find_layout(sheet):
    """The table's header in a sheet, or None when the sheet holds no programme table."""
    rows = sheet.rows
    for index in range(min(len(rows), HEADER_SCAN_ROWS)):
        titles = [norm(v) for v in rows[index]]
        roles = [_role(t) for t in titles]
        if "name" not in roles or not ("code" in roles or "indicator" in roles):
            continue
        columns, target_columns, budget_columns, labels = {}, {}, {}, {}
        below = [norm(v) for v in rows[index + 1]] if index + 1 < len(rows) else []
        two_rows = False
        for col, raw_title in enumerate(titles):
            title = strip_unit(raw_title)
            sub_raw = below[col] if col < len(below) else ""
            sub = strip_unit(sub_raw)
            money = sub in BUDGET_WORDS or sub.startswith("rp") or re.match(r"^\(?\s*rp\b", sub_raw) is not None
            year_match = YEAR_RE.match(title)
            single = SINGLE_YEAR_RE.match(title)
            if year_match and (money or sub in TARGET_WORDS or sub.startswith("target")):
                two_rows = True
                year = int(year_match.group(1))
                if money:
                    budget_columns.setdefault(year, col)
                    labels[col] = f"Rp {year}"
                else:
                    target_columns.setdefault(year, col)
                    labels[col] = f"Target {year}"
            elif single:
                year = int(single.group(2))
                if single.group(1) in ("target", "t"):
                    target_columns.setdefault(year, col)
                    labels[col] = f"Target {year}"
                else:
                    budget_columns.setdefault(year, col)
                    labels[col] = f"Rp {year}"
            else:
                role = roles[col]
                if role and role not in columns:
                    columns[role] = col
                    labels[col] = text(rows[index][col])
        if not (target_columns or budget_columns) and index + 1 < len(rows):
            # A two-row header whose years sit on the second row under "Target" / "Pagu" groups.
            for col, sub in enumerate(below):
                year_match = YEAR_RE.match(strip_unit(sub))
                group = strip_unit(titles[col])
                if year_match and group:
                    two_rows = True
                    year = int(year_match.group(1))
                    if group in BUDGET_WORDS or group.startswith(("rp", "pagu", "anggaran", "kebutuhan", "dana")):
                        budget_columns.setdefault(year, col)
                        labels[col] = f"Rp {year}"
                    elif group.startswith(("target", "capaian")):
                        target_columns.setdefault(year, col)
                        labels[col] = f"Target {year}"
        layout = Layout(
            sheet=sheet.name,
            header_row=index,
            data_start=index + (2 if two_rows else 1),
            columns=columns,
            target_columns=target_columns,
            budget_columns=budget_columns,
            titles=labels,
        )
        _money_unit(layout, rows, index, two_rows)
        return layout
    return None


def _merged_copies(sheet, columns):
    """Cells (row, col) that only repeat a merged cell's value (not its top-left), in the given columns."""
    copies = set()
    wanted = set(columns)
    for min_row, min_col, max_row, max_col in sheet.merged:
        for col in range(min_col, max_col + 1):
            if col not in wanted:
                continue
            for row in range(min_row, max_row + 1):
                if (row, col) != (min_row, min_col):
                    copies.add((row, col))
    return copies


def read_programs(sheet, layout):
    """Walk the data rows: (programs, problems). Every problem names its sheet, row and column."""
    problems, programs = [], []
    columns = layout.columns
    budget_copies = _merged_copies(sheet, layout.budget_columns.values())
    urusan = bidang = group_opd = ""
    current = None
    seen = {}  # code -> ProgramRow
    marks = {"since": 0, "bidang": 0, "urusan": 0, "opd": 0, "all": 0}  # where each scope's programmes begin

    def cell(row, role):
        col = columns.get(role)
        return row[col] if col is not None and col < len(row) else None

    def problem(row_index, col, message, level="error"):
        problems.append(
            Problem(layout.sheet, row_index + 1, layout.where(col) if col is not None else "", message, level)
        )

    if layout.unit_problem:
        problems.append(Problem(layout.sheet, layout.header_row + 1, "", layout.unit_problem))
    lines = []
    for index in range(layout.data_start, len(sheet.rows)):
        lines.extend((index, row) for row in _unstack(sheet.rows[index], index, layout, problem))
    for index, row in lines:
        values = [text(v) for v in row]
        if not any(values):
            continue
        filled = [v for v in values if v]
        if len(filled) >= 3 and all(NUMBERING_RE.match(v) for v in filled):
            continue  # the column numbering row: (1) (2) (3) ...
        code = text(cell(row, "code"))
        name = text(cell(row, "name"))
        if SUBTOTAL_RE.match(code) or SUBTOTAL_RE.match(name) or (not code and not name and _only_numbers(values)):
            _check_subtotal(row, index, layout, programs, marks, problem)
            marks["since"] = len(programs)
            continue
        segments = [s for s in code.split(".") if s] if code else []
        if code and len(segments) == 1 or (not code and name.lower().startswith("urusan pemerintahan wajib")):
            urusan, bidang, current = name, "", None
            marks.update(urusan=len(programs), bidang=len(programs), since=len(programs))
            _numbers_in_group_row(row, index, layout, problem)
            continue
        if code and len(segments) == 2 or (not code and name.lower().startswith("urusan pemerintahan bidang")):
            bidang, current = name, None
            marks.update(bidang=len(programs), since=len(programs))
            _numbers_in_group_row(row, index, layout, problem)
            continue
        if not code and "opd" not in columns and OPD_ROW_RE.match(name) and not text(cell(row, "indicator")):
            group_opd, current = name, None
            marks.update(opd=len(programs), since=len(programs))
            _numbers_in_group_row(row, index, layout, problem)
            continue
        opd_here = text(cell(row, "opd")) or ("" if "opd" in columns else group_opd)
        if code and current is not None and code == current.code:
            # an indicator row of the same programme (code and name merged down or repeated), maybe of the
            # next OPD that delivers it (real tables give one row per indicator and OPD)
            if name and norm(name) != norm(current.name):
                _two_names(problem, index, columns, current, name)
                continue
        elif code:
            if code in seen:
                first = seen[code]
                if name and norm(name) != norm(first.name):
                    _two_names(problem, index, columns, first, name)
                    current = None
                    continue
                if not opd_here or _repeated_for_opd(problem, index, columns, first, opd_here):
                    if not opd_here:
                        problem(
                            index,
                            columns.get("code"),
                            _(
                                "Kode program %(code)s sudah dipakai di baris %(row)s; setiap program hanya sekali "
                                "(sekali per OPD bila dilaksanakan beberapa OPD)."
                            )
                            % {"code": code, "row": first.row},
                        )
                    current = None
                    continue
                current = first  # the same programme again, for another OPD
                current.start_block(opd_here, index + 1)
                _read_line(current, row, index, layout, budget_copies, cell, problem)
                continue
            if not name:
                problem(index, columns.get("name"), _("Nama program kosong untuk kode %(code)s.") % {"code": code})
            current = ProgramRow(code=code, name=name, row=index + 1, urusan=urusan, bidang=bidang)
            current.start_block(opd_here, index + 1)
            seen[code] = current
            programs.append(current)
        elif name and (current is None or name != current.name):
            problem(index, columns.get("code"), _("Program “%(name)s” tidak memiliki kode.") % {"name": name[:80]})
            current = None
            continue
        elif current is None:
            problem(index, None, _("Baris ini tidak berada di bawah program mana pun; isinya diabaikan."), "warning")
            continue
        if opd_here and current.block and norm(opd_here) != norm(current.block):
            if _repeated_for_opd(problem, index, columns, current, opd_here):
                current = None
                continue
            current.start_block(opd_here, index + 1)
        _read_line(current, row, index, layout, budget_copies, cell, problem)
    return programs, problems


def _amounts(row, index, layout):
    """{year: amount} of a row's budget cells that hold a number (unreadable cells are left out)."""
    result = {}
    for year, col in layout.budget_columns.items():
        if col < len(row):
            try:
                amount = parse_number(row[col], layout.money_unit)
            except ValueError:
                continue
            if amount is not None:
                result[year] = amount
    return result


def _rupiah(amount):
    return "Rp " + f"{amount:,.0f}".replace(",", ".")


def _check_subtotal(row, index, layout, programs, marks, problem):
    """A subtotal or total row of the table against the programmes above it: it may sum those since the last
    subtotal, the bidang, the urusan, the OPD or the whole table; a warning when it matches none of them."""
    written = _amounts(row, index, layout)
    if not written:
        return
    tolerance = max(Decimal(1), layout.money_unit)
    best = None
    for start in sorted(set(marks.values())):
        sums = {year: sum((p.budgets.get(year, Decimal(0)) for p in programs[start:]), Decimal(0)) for year in written}
        gap = max(abs(sums[year] - written[year]) for year in written)
        if gap <= tolerance:
            return
        if best is None or gap < best[0]:
            best = (gap, sums)
    sums = best[1]
    for year, amount in sorted(written.items()):
        if abs(sums[year] - amount) > tolerance:
            problem(
                index,
                layout.budget_columns[year],
                _(
                    "Baris jumlah menulis %(written)s, sedangkan jumlah pagu program di atasnya %(sum)s. Angka "
                    "baris jumlah tidak disimpan; periksa pagu programnya."
                )
                % {"written": _rupiah(amount), "sum": _rupiah(sums[year])},
                "warning",
            )


def _numbers_in_group_row(row, index, layout, problem):
    for year, amount in sorted(_amounts(row, index, layout).items()):
        problem(
            index,
            layout.budget_columns[year],
            _(
                "Baris urusan, bidang atau OPD ini menulis pagu %(amount)s; angka itu tidak disimpan karena pagu "
                "disimpan per program."
            )
            % {"amount": _rupiah(amount)},
            "warning",
        )


def _two_names(problem, index, columns, first, name):
    problem(
        index,
        columns.get("code"),
        _(
            "Kode %(code)s dipakai untuk dua program yang berbeda: baris %(row)s “%(first)s” dan baris %(here)s "
            "“%(name)s”. Perbaiki kode salah satunya."
        )
        % {"code": first.code, "row": first.row, "first": first.name[:80], "here": index + 1, "name": name[:80]},
    )


def _repeated_for_opd(problem, index, columns, program, opd):
    """A programme listed again for an OPD it was already listed for: an error (True), naming both rows."""
    first_row = program.opd_rows.get(norm(opd))
    if first_row is None:
        return False
    problem(
        index,
        columns.get("code"),
        _(
            "Kode program %(code)s sudah dipakai untuk %(opd)s di baris %(row)s; setiap program hanya sekali per "
            "OPD. Gabungkan indikatornya di bawah baris %(row)s atau perbaiki kodenya."
        )
        % {"code": program.code, "opd": opd[:60], "row": first_row},
    )
    return True


def _lines(value):
    """The non-empty lines of a cell ("85\n90" -> ["85", "90"]); a number is one line."""
    if value is None:
        return []
    if not isinstance(value, str):
        return [value]
    return [line.strip() for line in value.replace("\r", "\n").split("\n") if line.strip()]


def _unstack(row, index, layout, problem):
    """A row holding several indicators, one per line of each cell, as one row per indicator. Budget amounts
    stay on the first (they are the programme's, not the indicators'). When a cell holds another number of
    lines than the indicator cell, that is an error naming the cell, and the row is read as it is."""
    col = layout.columns.get("indicator")
    if col is None or col >= len(row):
        return [row]
    names = _lines(row[col])
    if len(names) < 2:
        return [row]
    stacked = [layout.columns[r] for r in ("unit", "baseline") if r in layout.columns]
    stacked += list(layout.target_columns.values())
    split = {}
    for other in stacked:
        values = _lines(row[other]) if other < len(row) else []
        if len(values) == len(names) or not values:
            split[other] = values
        elif len(values) == 1 and other == layout.columns.get("unit"):
            split[other] = values * len(names)  # one unit for every indicator ("%")
        else:
            problem(
                index,
                other,
                _(
                    "Sel %(cell)s berisi %(k)s baris, sedangkan sel indikatornya berisi %(n)s baris; setiap "
                    "indikator harus punya nilainya sendiri di baris yang sama."
                )
                % {"cell": f"{column_letter(other)}{index + 1}", "k": len(values), "n": len(names)},
            )
            return [row]
    result = []
    for i, name in enumerate(names):
        line = list(row)
        line[col] = name
        for other, values in split.items():
            line[other] = values[i] if values else None
        if i:
            for budget in layout.budget_columns.values():
                if budget < len(line):
                    line[budget] = None
        result.append(line)
    return result


def _only_numbers(values):
    """A row with numbers but no code, name or indicator: a subtotal without a label."""
    return all(re.fullmatch(r"[\d.,\s%Rp-]+", v, re.IGNORECASE) for v in values if v)


def _read_line(program, row, index, layout, budget_copies, cell, problem):
    columns = layout.columns
    opd = text(cell(row, "opd"))
    if opd and not program.opd:
        program.start_block(opd, index + 1)
    for role in ("location", "sasaran"):
        value = text(cell(row, role))
        if value and not getattr(program, role):
            setattr(program, role, value)
    misi = text(cell(row, "misi"))
    if misi and program.misi is None:
        match = re.search(r"(\d+)", misi)
        if match and 0 < int(match.group(1)) < 100:
            program.misi = int(match.group(1))
        else:
            problem(index, columns.get("misi"), _("Nomor misi “%(v)s” tidak dapat dibaca.") % {"v": misi[:40]})
    if any(role in columns for role in ("dimension", "element", "secondary", "justification")):
        if program.mapping is None:
            program.mapping = {
                "dimension": text(cell(row, "dimension")),
                "element": text(cell(row, "element")),
                "secondary": text(cell(row, "secondary")),
                "justification": text(cell(row, "justification")),
            }
    for year, col in layout.budget_columns.items():
        if (index, col) in budget_copies or col >= len(row):
            continue
        try:
            amount = parse_number(row[col], layout.money_unit)
        except ValueError:
            problem(index, col, _("“%(v)s” bukan angka rupiah yang dapat dibaca.") % {"v": text(row[col])[:40]})
            continue
        if amount is not None:
            if amount < 0:
                problem(index, col, _("Pagu tidak boleh negatif."))
                continue
            program.budgets[year] = program.budgets.get(year, Decimal(0)) + amount
            share = program.opd_budgets.setdefault(program.block, {})
            share[year] = share.get(year, Decimal(0)) + amount
    indicator_name = text(cell(row, "indicator"))
    if indicator_name:
        if any(i.name == indicator_name and norm(i.opd) == norm(program.block) for i in program.indicators):
            return  # the same indicator repeated by a merged cell
        unit = text(cell(row, "unit"))
        baseline_raw = cell(row, "baseline")
        targets = {}
        for year, col in layout.target_columns.items():
            if col < len(row) and text(row[col]):
                targets[year] = target_text(row[col], unit)[:60]
        program.indicators.append(
            IndicatorRow(
                name=indicator_name[:500],
                unit=("%" if not unit and text(baseline_raw).endswith("%") else unit)[:60],
                baseline=target_text(baseline_raw, unit)[:60],
                targets=targets,
                opd=program.block,
            )
        )
