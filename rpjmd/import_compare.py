"""Comparing an import with what is stored: misi, sasaran and mapping columns resolved, programmes' details
loaded in a fixed number of queries, and the differences that make a programme "updated"."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from .layout import Problem
from .models import Indicator, IndicatorTarget, Program, ProgramBudget, Sasaran


def key(value):
    return re.sub(r"\s+", " ", (value or "").strip().lower())


def sasaran_map(rpjmd):
    return {
        (s.tujuan.misi.number, key(s.text)): s
        for s in Sasaran.objects.filter(tujuan__misi__rpjmd=rpjmd).select_related("tujuan__misi")
    }


def check_sasaran(plan, row, layout):
    if row.misi is None:
        plan.problems.append(
            Problem(
                layout.sheet,
                row.row,
                layout.where(layout.columns["sasaran"]),
                _("Sasaran diabaikan karena kolom Misi program ini kosong."),
                "warning",
            )
        )
        row.sasaran = ""
        return
    wanted = (row.misi, key(row.sasaran))
    if wanted not in plan.sasaran and wanted not in {(n, key(t)) for n, t in plan.new_sasaran}:
        plan.new_sasaran.append((row.misi, row.sasaran[:2000]))


def check_mapping(plan, row, layout):
    mapping = row.mapping
    where = layout.where
    dimension = plan.dimensions.get(key(mapping["dimension"])) if mapping["dimension"] else None
    if mapping["dimension"] and dimension is None:
        plan.problems.append(
            Problem(
                layout.sheet,
                row.row,
                where(layout.columns["dimension"]),
                _("Dimensi “%(v)s” tidak dikenal.") % {"v": mapping["dimension"][:60]},
            )
        )
    element = plan.elements.get(key(mapping["element"])) if mapping["element"] else None
    if mapping["element"] and element is None:
        plan.problems.append(
            Problem(
                layout.sheet,
                row.row,
                where(layout.columns["element"]),
                _("Elemen “%(v)s” tidak dikenal.") % {"v": mapping["element"][:60]},
            )
        )
    if element and dimension and element.dimension_id != dimension.pk:
        plan.problems.append(
            Problem(
                layout.sheet,
                row.row,
                where(layout.columns["element"]),
                _("Elemen “%(e)s” bukan bagian dari %(d)s.") % {"e": element.name_id, "d": dimension.name_id},
            )
        )
    if element and not dimension:
        dimension = next(d for d in plan.dimensions.values() if d.pk == element.dimension_id)
    secondary = []
    for label in re.split(r"[;\n]", mapping["secondary"] or ""):
        if not label.strip():
            continue
        found = plan.elements.get(key(label))
        if found is None:
            plan.problems.append(
                Problem(
                    layout.sheet,
                    row.row,
                    where(layout.columns["secondary"]),
                    _("Elemen pendukung “%(v)s” tidak dikenal.") % {"v": label.strip()[:60]},
                )
            )
        elif found != element and found not in secondary:
            secondary.append(found)
    mapping["resolved"] = {
        "primary_dimension": dimension,
        "primary_element": element,
        "secondary_elements": secondary,
        "justification": mapping["justification"],
    }


def attach_details(programs):
    by_id = {p.pk: p for p in programs.values()}
    for program in by_id.values():
        program.loaded_indicators, program.loaded_budgets, program.loaded_secondary = [], {}, set()
    indicators = {}
    for indicator in Indicator.objects.filter(program__in=by_id).order_by("program", "order", "pk"):
        indicator.loaded_targets = {}
        indicators[indicator.pk] = indicator
        by_id[indicator.program_id].loaded_indicators.append(indicator)
    for target in IndicatorTarget.objects.filter(indicator__program__in=by_id).only("indicator_id", "year", "value"):
        indicators[target.indicator_id].loaded_targets[target.year] = target.value
    for budget in ProgramBudget.objects.filter(program__in=by_id).only("program_id", "year", "amount"):
        by_id[budget.program_id].loaded_budgets[budget.year] = budget.amount
    through = Program.secondary_elements.through
    for program_id, element_id in through.objects.filter(program__in=by_id).values_list("program_id", "element_id"):
        by_id[program_id].loaded_secondary.add(element_id)


def indicator_signature(indicators):
    return [(i.name, i.unit, i.baseline, tuple(sorted(i.targets.items()))) for i in indicators]


def loaded_indicator_signature(program):
    return [(i.name, i.unit, i.baseline, tuple(sorted(i.loaded_targets.items()))) for i in program.loaded_indicators]


def differences(plan, row, program):
    changed = []
    opd = plan.opds.get(key(row.opd)) if row.opd else None
    wanted = {
        "urusan": row.urusan[:255],
        "bidang": row.bidang[:255],
        "name": row.name[:500],
        "location": row.location[:255],
    }
    for name, value in wanted.items():
        if getattr(program, name) != value:
            changed.append(name)
    if row.opd and (opd is None or opd.pk != program.opd_id):
        changed.append("opd")
    if row.misi is not None and (program.misi is None or program.misi.number != row.misi):
        changed.append("misi")
    if row.sasaran and (program.sasaran is None or key(program.sasaran.text) != key(row.sasaran)):
        changed.append("sasaran")
    if indicator_signature(row.indicators) != loaded_indicator_signature(program):
        changed.append("indicators")
    budgets = {y: Decimal(a).quantize(Decimal("0.01")) for y, a in row.budgets.items()}
    if budgets != {y: Decimal(a).quantize(Decimal("0.01")) for y, a in program.loaded_budgets.items()}:
        changed.append("budgets")
    resolved = (row.mapping or {}).get("resolved")
    if resolved is not None:
        if (resolved["primary_dimension"] and resolved["primary_dimension"].pk) != program.primary_dimension_id:
            changed.append("primary_dimension")
        if (resolved["primary_element"] and resolved["primary_element"].pk) != program.primary_element_id:
            changed.append("primary_element")
        if {e.pk for e in resolved["secondary_elements"]} != program.loaded_secondary:
            changed.append("secondary_elements")
        if resolved["justification"] != program.justification:
            changed.append("justification")
    return changed
