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


def opd_of(plan, name, lead=None):
    """The OPD a name of the file stands for ("" stands for the lead), or None when unknown or none."""
    if not name:
        return lead
    return plan.opds.get(key(name))


def shares(plan, row, current=None):
    """What a row of the file says about its responsible OPDs, resolved: (lead, co-responsible OPDs,
    [(indicator row, its OPD)], {(OPD id or None, year): amount}). Two names of one OPD ("DLH" and its full
    name) are one OPD: its amounts add up."""
    lead = opd_of(plan, row.opd) if row.opd else (current.opd if current is not None else None)
    co = []
    for name in row.other_opds:
        opd = opd_of(plan, name)
        if opd is not None and opd != lead and opd not in co:
            co.append(opd)
    indicators = [(item, opd_of(plan, item.opd, lead)) for item in row.indicators]
    budgets = {}
    for name, amounts in row.opd_budgets.items():
        opd = opd_of(plan, name, lead)
        for year, amount in amounts.items():
            if plan.start_year and not (plan.start_year <= year <= plan.end_year):
                continue
            slot = (opd.pk if opd else None, year)
            budgets[slot] = budgets.get(slot, Decimal(0)) + Decimal(amount).quantize(Decimal("0.01"))
    return lead, co, indicators, budgets


def attach_details(programs):
    by_id = {p.pk: p for p in programs.values()}
    for program in by_id.values():
        program.loaded_indicators, program.loaded_budgets, program.loaded_secondary = [], {}, set()
        program.loaded_co_opds = set()
    indicators = {}
    for indicator in Indicator.objects.filter(program__in=by_id).order_by("program", "order", "pk"):
        indicator.loaded_targets = {}
        indicators[indicator.pk] = indicator
        by_id[indicator.program_id].loaded_indicators.append(indicator)
    for target in IndicatorTarget.objects.filter(indicator__program__in=by_id).only("indicator_id", "year", "value"):
        indicators[target.indicator_id].loaded_targets[target.year] = target.value
    for budget in ProgramBudget.objects.filter(program__in=by_id).only("program_id", "opd_id", "year", "amount"):
        by_id[budget.program_id].loaded_budgets[(budget.opd_id, budget.year)] = budget.amount
    co = Program.co_opds.through
    for program_id, opd_id in co.objects.filter(program__in=by_id).values_list("program_id", "opd_id"):
        by_id[program_id].loaded_co_opds.add(opd_id)
    through = Program.secondary_elements.through
    for program_id, element_id in through.objects.filter(program__in=by_id).values_list("program_id", "element_id"):
        by_id[program_id].loaded_secondary.add(element_id)


def indicator_signature(indicators):
    """[(name, unit, baseline, targets, OPD id)] of resolved [(indicator row, OPD)]."""
    return [
        (i.name, i.unit, i.baseline, tuple(sorted(i.targets.items())), opd.pk if opd else None) for i, opd in indicators
    ]


def loaded_indicator_signature(program):
    return [
        (i.name, i.unit, i.baseline, tuple(sorted(i.loaded_targets.items())), i.opd_id)
        for i in program.loaded_indicators
    ]


def shared_line(plan, row):
    """ "Program 2.16.03 dilaksanakan oleh Diskominfo dan Bappeda" for a programme of several OPDs, else ""."""
    if not row.other_opds:
        return ""
    names = []
    for name in row.opds:
        opd = opd_of(plan, name)
        label = opd.acronym if opd else name[:60]
        if label not in names:
            names.append(label)
    if len(names) < 2:
        return ""
    listed = ", ".join(names[:-1]) + " " + _("dan") + " " + names[-1]
    return _("Program %(code)s dilaksanakan oleh %(opds)s.") % {"code": row.code, "opds": listed}


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
    lead, co, indicators, budgets = shares(plan, row, program)
    if row.opd and (opd is None or opd.pk != program.opd_id):
        changed.append("opd")
    if {o.pk for o in co} != program.loaded_co_opds:
        changed.append("co_opds")
    if row.misi is not None and (program.misi is None or program.misi.number != row.misi):
        changed.append("misi")
    if row.sasaran and (program.sasaran is None or key(program.sasaran.text) != key(row.sasaran)):
        changed.append("sasaran")
    if indicator_signature(indicators) != loaded_indicator_signature(program):
        changed.append("indicators")
    if budgets != {slot: Decimal(a).quantize(Decimal("0.01")) for slot, a in program.loaded_budgets.items()}:
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
