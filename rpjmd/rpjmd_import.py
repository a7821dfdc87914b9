"""Importing the RPJMD's priority programmes: parse -> a plan (creates, updates, unchanged, problems) -> apply.

`build_plan` reads everything it compares against in a fixed number of queries and writes nothing.
`apply_plan` writes the whole plan in one transaction with bulk queries (never one per row), and only
when the plan has no errors. Importing the same file twice changes nothing; a corrected file updates
programmes by their code.
"""

import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.spreadsheets import SpreadsheetError, read_upload
from masterplan.models import OPD, Dimension, Element

from . import import_compare as compare
from .layout import Problem, find_layout, norm, read_programs
from .models import RPJMD, Indicator, IndicatorTarget, Misi, Program, ProgramBudget, Sasaran, Tujuan
from .numbers import indicator_number

FIELDS = ["urusan", "bidang", "name", "opd", "location", "misi", "sasaran"]
MAPPING_FIELDS = ["primary_dimension", "primary_element", "secondary_elements", "justification"]
FIELD_LABELS = {
    "urusan": "urusan",
    "bidang": "bidang",
    "name": "nama",
    "opd": "OPD",
    "co_opds": "OPD lain",
    "location": "lokasi",
    "misi": "misi",
    "sasaran": "sasaran",
    "indicators": "indikator/target",
    "budgets": "pagu",
    "primary_dimension": "dimensi",
    "primary_element": "elemen",
    "secondary_elements": "elemen pendukung",
    "justification": "alasan",
}


@dataclass
class Change:
    row: object  # ProgramRow
    program: Program | None = None
    changed: list = field(default_factory=list)

    @property
    def changed_labels(self):
        return ", ".join(FIELD_LABELS.get(name, name) for name in self.changed)


@dataclass
class ImportPlan:
    region: object
    start_year: int | None
    end_year: int | None
    rpjmd: RPJMD | None
    sheet: str = ""
    creates: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    untouched: int = 0  # programmes in the database that the file does not list (left alone)
    new_opds: list = field(default_factory=list)  # names to create
    new_misi: list = field(default_factory=list)  # numbers to create
    new_sasaran: list = field(default_factory=list)  # (misi number, text) to create
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # how the file was read ("Satuan pagu: juta rupiah; ...")
    shared: list = field(default_factory=list)  # "Program 2.16.03 dilaksanakan oleh Diskominfo dan Bappeda."
    has_mapping: bool = False
    # lookups filled by build_plan
    opds: dict = field(default_factory=dict, repr=False)
    dimensions: dict = field(default_factory=dict, repr=False)
    elements: dict = field(default_factory=dict, repr=False)
    sasaran: dict = field(default_factory=dict, repr=False)  # (misi number, key of text) -> Sasaran

    @property
    def errors(self):
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self):
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self):
        return not self.errors

    @property
    def has_changes(self):
        return bool(
            self.creates or self.updates or self.new_opds or self.new_misi or self.new_sasaran or self.rpjmd is None
        )

    def summary(self):
        return _("%(c)s program baru, %(u)s diperbarui, %(n)s tetap, %(e)s masalah (%(w)s peringatan).") % {
            "c": len(self.creates),
            "u": len(self.updates),
            "n": len(self.unchanged),
            "e": len(self.errors),
            "w": len(self.warnings),
        }

    def report_lines(self):
        lines = [self.summary(), *self.notes, *self.shared]
        if self.rpjmd is None and self.start_year:
            lines.append(_("RPJMD %(a)s–%(b)s akan dibuat.") % {"a": self.start_year, "b": self.end_year})
        for name in self.new_opds:
            lines.append(_("OPD baru akan dibuat: %(name)s") % {"name": name})
        for change in self.creates:
            lines.append(f"+ {change.row.code} {change.row.name}")
        for change in self.updates:
            lines.append(f"~ {change.row.code} {change.row.name} ({change.changed_labels})")
        for problem in self.problems:
            prefix = _("GALAT") if problem.is_error else _("PERINGATAN")
            lines.append(f"{prefix} {problem.as_text()}")
        return lines


class BytesUpload(io.BytesIO):
    """Bytes that look like an uploaded file (name, size) to the spreadsheet reader."""

    def __init__(self, data, name):
        super().__init__(data)
        self.name = name
        self.size = len(data)


def read_file(uploaded):
    """Sheets of an upload, or a Problem when the file cannot be read."""
    try:
        return read_upload(uploaded), None
    except SpreadsheetError as error:
        return None, Problem(getattr(uploaded, "name", "") or _("berkas"), None, "", error.message)


def build_plan(sheets, *, region, masterplan=None, period=None, create_opds=False):
    """Compare the file with the region's RPJMD: the masterplan's, or the one of `period` (start, end),
    created when the region has none for that period (a new RPJMD next to an older one)."""
    if period:  # a named period: that RPJMD of the region, or a new one
        rpjmd = RPJMD.objects.filter(region=region, start_year=period[0]).first()
    else:
        rpjmd = RPJMD.objects.for_masterplan(masterplan) if masterplan else None
    plan = ImportPlan(region=region, start_year=None, end_year=None, rpjmd=rpjmd)
    layout = sheet = None
    for candidate in sheets:
        layout = find_layout(candidate)
        if layout:
            sheet = candidate
            break
    if layout is None:
        plan.problems.append(
            Problem(
                sheets[0].name if sheets else "",
                None,
                "",
                _(
                    "Tabel program tidak ditemukan: tidak ada baris judul yang memuat kolom Kode, Program dan "
                    "Indikator Kinerja. Gunakan templat yang disediakan atau tabel Indikasi Rencana Program Prioritas."
                ),
            )
        )
        return plan
    plan.sheet = sheet.name
    if "code" not in layout.columns:
        plan.problems.append(
            Problem(sheet.name, layout.header_row + 1, "", _("Kolom Kode tidak ditemukan di baris judul."))
        )
        return plan
    _set_period(plan, layout, rpjmd, period)
    if layout.money_label:
        example = f"{int(1250 * layout.money_unit):,}".replace(",", ".")
        plan.notes.append(
            _("Satuan pagu: %(unit)s; Rp 1.250 dibaca Rp %(example)s.")
            % {"unit": layout.money_label, "example": example}
        )
    rows, problems = read_programs(sheet, layout)
    plan.problems.extend(problems)
    plan.has_mapping = any(r in layout.columns for r in ("dimension", "element", "secondary", "justification"))
    _resolve(plan, rows, layout, create_opds)
    return plan


def _set_period(plan, layout, rpjmd, period):
    years = layout.years
    if rpjmd is not None:
        plan.start_year, plan.end_year = rpjmd.start_year, rpjmd.end_year
    elif period:
        plan.start_year, plan.end_year = period
    elif years:
        plan.start_year, plan.end_year = years[0], years[-1]
        if plan.end_year - plan.start_year < 1:
            plan.problems.append(
                Problem(
                    layout.sheet,
                    layout.header_row + 1,
                    "",
                    _("Periode RPJMD tidak dapat ditentukan dari satu tahun saja; sebutkan periodenya."),
                )
            )
    else:
        plan.problems.append(
            Problem(
                layout.sheet,
                layout.header_row + 1,
                "",
                _(
                    "Tidak ada kolom tahun (Target/Rp per tahun), jadi periode RPJMD tidak diketahui; sebutkan periodenya."
                ),
            )
        )
    if plan.start_year and plan.end_year and not (1 <= plan.end_year - plan.start_year <= 6):
        plan.problems.append(
            Problem(layout.sheet, None, "", _("Periode RPJMD biasanya lima tahun (misalnya 2021–2026)."))
        )
    for year in years:
        if plan.start_year and not (plan.start_year <= year <= plan.end_year):
            columns = [c for y, c in (*layout.target_columns.items(), *layout.budget_columns.items()) if y == year]
            plan.problems.append(
                Problem(
                    layout.sheet,
                    layout.header_row + 1,
                    layout.where(columns[0]) if columns else "",
                    _("Tahun %(y)s di luar periode RPJMD %(a)s–%(b)s.")
                    % {"y": year, "a": plan.start_year, "b": plan.end_year},
                )
            )


def _resolve(plan, rows, layout, create_opds):
    region = plan.region
    opds = list(OPD.objects.filter(region=region))  # query: the region's OPDs
    by_key = {}
    for opd in opds:
        by_key[compare.key(opd.acronym)] = opd
        by_key.setdefault(compare.key(opd.name), opd)
    plan.opds = by_key
    dimensions = list(Dimension.objects.all())  # query: dimensions
    elements = list(Element.objects.all())  # query: elements
    for dimension in dimensions:
        for label in (dimension.key, dimension.name_id, dimension.name_en):
            plan.dimensions[compare.key(label)] = dimension
        plan.dimensions[compare.key(dimension.name_id.replace("Smart ", ""))] = dimension
    for element in elements:
        for label in (element.key, element.name_id, element.name_en):
            plan.elements[compare.key(label)] = element
    existing = {}
    misi_numbers = set()
    if plan.rpjmd is not None:
        existing = {
            p.code: p for p in Program.objects.filter(rpjmd=plan.rpjmd).select_related("opd", "misi", "sasaran")
        }  # query
        compare.attach_details(existing)  # queries: indicators, targets, budgets, secondary elements
        misi_numbers = set(Misi.objects.filter(rpjmd=plan.rpjmd).values_list("number", flat=True))  # query
        plan.sasaran = compare.sasaran_map(plan.rpjmd)  # query
    new_opds = {}
    opd_col = layout.where(layout.columns["opd"]) if "opd" in layout.columns else ""
    for row in rows:
        for opd in row.opds:
            if compare.key(opd) in by_key:
                continue
            if create_opds:
                new_opds.setdefault(compare.key(opd), opd)
            else:
                plan.problems.append(
                    Problem(
                        layout.sheet,
                        row.opd_rows.get(norm(opd), row.row),
                        opd_col,
                        _("OPD “%(opd)s” belum terdaftar di daerah ini. Tambahkan OPD-nya atau buat dari pratinjau.")
                        % {"opd": opd[:100]},
                        kind="unknown_opd",
                    )
                )
        if row.misi is not None and row.misi not in misi_numbers and row.misi not in plan.new_misi:
            plan.new_misi.append(row.misi)
        if row.sasaran:
            compare.check_sasaran(plan, row, layout)
        if row.mapping is not None:
            compare.check_mapping(plan, row, layout)
        for year in list(row.budgets):
            if plan.start_year and not (plan.start_year <= year <= plan.end_year):
                row.budgets.pop(year)
        current = existing.get(row.code)
        if current is None:
            plan.creates.append(Change(row))
            continue
        changed = compare.differences(plan, row, current)
        (plan.updates if changed else plan.unchanged).append(Change(row, current, changed))
    plan.new_opds = sorted(new_opds.values(), key=str.lower)
    plan.shared = [line for line in (compare.shared_line(plan, row) for row in rows) if line]
    plan.new_misi.sort()
    listed = {row.code for row in rows}
    plan.untouched = sum(1 for code in existing if code not in listed)


def import_file(uploaded, *, region, masterplan=None, period=None, create_opds=False):
    """Read and plan in one step (the command line and the preview use it)."""
    sheets, problem = read_file(uploaded)
    if problem:
        plan = ImportPlan(region=region, start_year=None, end_year=None, rpjmd=None)
        plan.problems.append(problem)
        return plan
    return build_plan(sheets, region=region, masterplan=masterplan, period=period, create_opds=create_opds)


class PlanHasErrors(Exception):
    pass


@transaction.atomic
def apply_plan(plan, *, user=None):
    """Write the plan, all or nothing. Returns the RPJMD. Raises PlanHasErrors when the plan has errors.
    Reports nothing: pages and the command apply an import through `services.apply_import`, which reports it."""
    if not plan.ok:
        raise PlanHasErrors(plan.summary())
    rpjmd = plan.rpjmd
    if rpjmd is None:
        rpjmd = RPJMD(region=plan.region, start_year=plan.start_year, end_year=plan.end_year)
        rpjmd._history_user = user
        rpjmd.save()
        plan.rpjmd = rpjmd
    if plan.new_opds:
        known = set(plan.opds)
        created = bulk_create_with_history(
            [OPD(region=plan.region, name=name[:200], acronym=_acronym(name, known)) for name in plan.new_opds],
            OPD,
            default_user=user,
        )
        for opd in created:
            plan.opds[compare.key(opd.name)] = opd
            plan.opds.setdefault(compare.key(opd.acronym), opd)
    if plan.new_misi:
        bulk_create_with_history(
            [Misi(rpjmd=rpjmd, number=n, text=_("Misi %(n)s") % {"n": n}) for n in plan.new_misi],
            Misi,
            default_user=user,
        )
    misi = {m.number: m for m in Misi.objects.filter(rpjmd=rpjmd)}
    if plan.new_sasaran:
        _create_sasaran(plan, rpjmd, misi, user)
    new_programs = []
    for change in plan.creates:
        program = Program(rpjmd=rpjmd, code=change.row.code[:40], order=0)
        _fill(program, change.row, plan, misi)
        new_programs.append(program)
    order_by_code = {}
    all_rows = [c.row for c in (*plan.creates, *plan.updates, *plan.unchanged)]
    for position, row in enumerate(sorted(all_rows, key=lambda r: r.row), start=1):
        order_by_code[row.code] = position
    for program in new_programs:
        program.order = order_by_code[program.code]
    created = bulk_create_with_history(new_programs, Program, default_user=user) if new_programs else []
    updated = []
    for change in plan.updates:
        program = change.program
        _fill(program, change.row, plan, misi)
        program.order = order_by_code[program.code]
        program.version += 1
        updated.append(program)
    if updated:
        bulk_update_with_history(
            updated,
            Program,
            [*FIELDS, "order", "version", "primary_dimension", "primary_element", "justification"],
            default_user=user,
        )
    # Details: replace indicators and budgets (per OPD) of new and changed programmes.
    replace = list(created) + [c.program for c in plan.updates if {"indicators", "budgets"} & set(c.changed)]
    rows = {c.row.code: c.row for c in (*plan.creates, *plan.updates)}
    replace_ids = [p.pk for p in replace]
    if replace_ids:
        _raw_delete(IndicatorTarget.objects.filter(indicator__program__in=replace_ids))
        _raw_delete(Indicator.objects.filter(program__in=replace_ids))
        _raw_delete(ProgramBudget.objects.filter(program__in=replace_ids))
        indicators, targets, budgets = [], [], []
        for program in replace:
            _lead, _co, resolved, amounts = compare.shares(plan, rows[program.code], program)
            for order, (item, opd) in enumerate(resolved, start=1):
                indicator = Indicator(
                    program=program,
                    opd=opd,
                    name=item.name,
                    unit=item.unit,
                    baseline=item.baseline,
                    baseline_number=indicator_number(item.baseline),
                    order=order,
                )
                indicator.wanted_targets = item.targets
                indicators.append(indicator)
            for (opd_id, year), amount in sorted(amounts.items(), key=lambda kv: (kv[0][1], kv[0][0] or 0)):
                budgets.append(ProgramBudget(program=program, opd_id=opd_id, year=year, amount=amount))
        indicators = bulk_create_with_history(indicators, Indicator, default_user=user)
        for indicator in indicators:
            for year, value in sorted(getattr(indicator, "wanted_targets", {}).items()):
                targets.append(
                    IndicatorTarget(indicator=indicator, year=year, value=value, number=indicator_number(value))
                )
        IndicatorTarget.objects.bulk_create(targets, batch_size=1000)
        bulk_create_with_history(budgets, ProgramBudget, default_user=user)
    _replace_co_opds(plan, created, [c.program for c in plan.updates if "co_opds" in c.changed])
    if plan.has_mapping:
        _replace_secondary(plan, created, updated)
    return rpjmd


def _replace_co_opds(plan, created, updated):
    """The co-responsible OPDs of new programmes and of those whose OPDs changed (bulk, one query each way)."""
    through = Program.co_opds.through
    touched = [*created, *updated]
    if not touched:
        return
    rows = {c.row.code: c.row for c in (*plan.creates, *plan.updates)}
    through.objects.filter(program__in=[p.pk for p in updated]).delete()
    links = []
    for program in touched:
        _lead, co, _indicators, _budgets = compare.shares(plan, rows[program.code], program)
        links += [through(program_id=program.pk, opd_id=opd.pk) for opd in co if opd.pk != program.opd_id]
    through.objects.bulk_create(links, batch_size=1000)


def _replace_secondary(plan, created, updated):
    through = Program.secondary_elements.through
    by_code = {c.row.code: c.row for c in (*plan.creates, *plan.updates)}
    touched = [p for p in (*created, *updated) if "resolved" in (by_code[p.code].mapping or {})]
    through.objects.filter(program__in=[p.pk for p in touched]).delete()
    links = []
    for program in touched:
        for element in by_code[program.code].mapping["resolved"]["secondary_elements"]:
            links.append(through(program_id=program.pk, element_id=element.pk))
    through.objects.bulk_create(links, batch_size=1000)


def _create_sasaran(plan, rpjmd, misi, user):
    """New sasaran go under the misi's first tujuan (one is created when the misi has none)."""
    tujuan = {}
    for item in Tujuan.objects.filter(misi__rpjmd=rpjmd).order_by("code", "pk"):
        tujuan.setdefault(item.misi_id, item)
    missing = sorted({n for n, _text in plan.new_sasaran if misi[n].pk not in tujuan})
    created = bulk_create_with_history(
        [Tujuan(misi=misi[n], text=_("Tujuan misi %(n)s") % {"n": n}) for n in missing], Tujuan, default_user=user
    )
    for item in created:
        tujuan[item.misi_id] = item
    bulk_create_with_history(
        [Sasaran(tujuan=tujuan[misi[n].pk], text=text) for n, text in plan.new_sasaran], Sasaran, default_user=user
    )
    plan.sasaran = compare.sasaran_map(rpjmd)


def _fill(program, row, plan, misi):
    program.urusan = row.urusan[:255]
    program.bidang = row.bidang[:255]
    program.name = row.name[:500]
    program.location = row.location[:255]
    if row.opd:
        program.opd = plan.opds.get(compare.key(row.opd))
    if row.misi is not None:
        program.misi = misi.get(row.misi)
    if row.sasaran:
        program.sasaran = plan.sasaran.get((row.misi, compare.key(row.sasaran)))
    resolved = (row.mapping or {}).get("resolved")
    if resolved is not None:
        program.primary_dimension = resolved["primary_dimension"]
        program.primary_element = resolved["primary_element"]
        program.justification = resolved["justification"]


def _raw_delete(queryset):
    """Delete rows in one query (no per-row signals: they are replaced right after, with history)."""
    queryset._raw_delete(queryset.db)


def _acronym(name, known):
    """A short acronym for an OPD created from a file: the name itself when short, else its initials."""
    words = name.split()
    candidate = name if len(name) <= 20 else "".join(w[0] for w in words if w[:1].isalpha()).upper()
    candidate = candidate[:36] or "OPD"
    base, n = candidate, 2
    while compare.key(candidate) in known:
        candidate = f"{base}-{n}"
        n += 1
    known.add(compare.key(candidate))
    return candidate
