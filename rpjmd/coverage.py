"""How far the RPJMD is mapped to the smart dimensions: figures for the coverage page, the dashboard panel,
the metrics and the books. Every function runs a fixed number of queries, whatever the size of the RPJMD."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from core.charts import Bar, LegendItem, Segment, StackRow, hbar_chart, stacked_chart
from core.memo import memoised
from masterplan.models import Dimension, Element

from .models import RPJMD, Misi, Program, ProgramBudget


@dataclass
class ElementRow:
    element: Element
    programs: int = 0
    secondary: int = 0
    budget: Decimal = Decimal(0)


@dataclass
class DimensionRow:
    dimension: Dimension
    programs: int = 0
    budget: Decimal = Decimal(0)
    elements: list = field(default_factory=list)


@dataclass
class OPDRow:
    opd_id: int | None
    label: str
    total: int = 0
    mapped: int = 0

    @property
    def unmapped(self):
        return self.total - self.mapped

    @property
    def percent(self):
        return round(100 * self.mapped / self.total) if self.total else 0


def rpjmd_for(masterplan):
    """The masterplan's current RPJMD (or None); looked up once inside core.memo.shared_lookups(masterplan)."""
    return memoised(masterplan, "rpjmd", lambda: RPJMD.objects.for_masterplan(masterplan))


def counts_for(masterplan):
    """counts() of the masterplan's current RPJMD; counted once inside core.memo.shared_lookups(masterplan)."""
    return memoised(masterplan, "rpjmd.counts", lambda: counts(rpjmd_for(masterplan)))


def counts(rpjmd):
    """(programmes, mapped) of an RPJMD in one query."""
    if rpjmd is None:
        return 0, 0
    result = Program.objects.filter(rpjmd=rpjmd).aggregate(
        total=Count("pk"), mapped=Count("pk", filter=Q(primary_dimension__isnull=False))
    )
    return result["total"], result["mapped"]


def dimension_coverage(rpjmd):
    """Per dimension and element: programmes (primary), programmes naming it as secondary, and budget."""
    dimensions = list(Dimension.objects.all())  # query: dimensions
    elements = list(Element.objects.all())  # query: elements
    rows = {d.pk: DimensionRow(d) for d in dimensions}
    element_rows = {}
    for element in elements:
        element_rows[element.pk] = ElementRow(element)
        rows[element.dimension_id].elements.append(element_rows[element.pk])
    if rpjmd is not None:
        budgets = dict(
            ProgramBudget.objects.filter(program__rpjmd=rpjmd)  # query: budget per programme
            .values("program")
            .annotate(total=Sum("amount"))
            .values_list("program", "total")
        )
        mapped = Program.objects.filter(rpjmd=rpjmd).mapped()
        for pk, dimension_id, element_id in mapped.values_list("pk", "primary_dimension", "primary_element"):  # query
            amount = budgets.get(pk) or Decimal(0)
            row = rows[dimension_id]
            row.programs += 1
            row.budget += amount
            if element_id in element_rows:
                element_rows[element_id].programs += 1
                element_rows[element_id].budget += amount
        through = Program.secondary_elements.through
        for element_id in through.objects.filter(program__rpjmd=rpjmd).values_list("element_id", flat=True):  # query
            element_rows[element_id].secondary += 1
    result = list(rows.values())
    return result


def opd_coverage(rpjmd):
    """Per responsible OPD: programmes and how many are mapped, the least mapped first. A programme shared by
    several OPDs counts in each of their rows (each OPD sees its own work); totals of the RPJMD (`counts`) count
    it once. Two queries: programmes per lead OPD, programmes per co-responsible OPD."""
    if rpjmd is None:
        return []
    by_opd = {}
    for opd_id, acronym, total, mapped in (
        Program.objects.filter(rpjmd=rpjmd)  # query: one row per lead OPD
        .values("opd")
        .annotate(total=Count("pk"), mapped=Count("pk", filter=Q(primary_dimension__isnull=False)))
        .values_list("opd", "opd__acronym", "total", "mapped")
        .order_by("opd__acronym")
    ):
        by_opd[opd_id] = OPDRow(opd_id, acronym or "–", total, mapped)
    through = Program.co_opds.through
    for opd_id, acronym, total, mapped in (
        through.objects.filter(program__rpjmd=rpjmd)  # query: one row per co-responsible OPD
        .exclude(program__opd=F("opd"))
        .values("opd")
        .annotate(total=Count("pk"), mapped=Count("pk", filter=Q(program__primary_dimension__isnull=False)))
        .values_list("opd", "opd__acronym", "total", "mapped")
        .order_by("opd__acronym")
    ):
        row = by_opd.setdefault(opd_id, OPDRow(opd_id, acronym or "–"))
        row.total += total
        row.mapped += mapped
    rows = list(by_opd.values())
    rows.sort(key=lambda r: (r.percent, r.label))
    return rows


def misi_matrix(rpjmd):
    """Misi × dimension: whether the misi is mapped to the dimension, and its programmes per dimension."""
    dimensions = list(Dimension.objects.all())  # query: dimensions
    if rpjmd is None:
        return dimensions, []
    misi = list(Misi.objects.filter(rpjmd=rpjmd).prefetch_related("dimensions"))  # queries: misi, their dimensions
    per_cell = defaultdict(int)
    for misi_id, dimension_id, n in (
        Program.objects.filter(rpjmd=rpjmd, misi__isnull=False)  # query: programmes per misi and dimension
        .mapped()
        .values("misi", "primary_dimension")
        .annotate(n=Count("pk"))
        .values_list("misi", "primary_dimension", "n")
    ):
        per_cell[(misi_id, dimension_id)] = n
    rows = []
    for item in misi:
        chosen = {d.pk for d in item.dimensions.all()}
        cells = [
            {"dimension": d, "declared": d.pk in chosen, "programs": per_cell[(item.pk, d.pk)]} for d in dimensions
        ]
        rows.append({"misi": item, "cells": cells, "dimensions": [d for d in dimensions if d.pk in chosen]})
    return dimensions, rows


def dimension_charts(rows):
    """(programmes chart, budget chart) from dimension_coverage rows, drawn by core.charts."""
    from core.templatetags.rancang import rupiah

    programs = hbar_chart(
        [Bar(r.dimension.name, r.programs, r.dimension.pattern, r.dimension.color) for r in rows],
        title=_("Jumlah program per dimensi (dimensi utama)"),
        unit="program",
    )
    budget = hbar_chart(
        [
            Bar(r.dimension.name, float(r.budget), r.dimension.pattern, r.dimension.color, text=rupiah(r.budget))
            for r in rows
        ],
        title=_("Pagu seluruh periode per dimensi"),
    )
    return programs, budget


def opd_chart(rows):
    """Programmes per OPD, mapped and not yet mapped, at one scale (the OPD with the most programmes)."""
    legend = [
        LegendItem("mapped", _("sudah dipetakan"), "solid", "#9db4cc"),
        LegendItem("unmapped", _("belum dipetakan"), "diagonal", "#ffffff"),
    ]
    return stacked_chart(
        [
            StackRow(
                r.label,
                [Segment("mapped", r.mapped), Segment("unmapped", r.unmapped)],
                note=_("%(m)s dari %(t)s") % {"m": r.mapped, "t": r.total},
            )
            for r in rows
        ],
        legend=legend,
        title=_("Program per OPD: sudah dan belum dipetakan"),
        scale_max=max((r.total for r in rows), default=0) or None,
    )
