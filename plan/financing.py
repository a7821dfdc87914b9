"""Financing: the programmes' budget lines summed per year, per source and per dimension.

Every table is built from the same rows (one aggregate query), so their totals always match each other
and the programmes they sum."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from core.charts import largest_remainder
from masterplan.models import Dimension

from .models import BudgetLine, Source


def budget_rows(masterplan, programmes=None):
    """[(year, source, dimension_id, amount)] summed over the masterplan's (or the given) programmes: 1 query."""
    lines = BudgetLine.objects.filter(programme__masterplan=masterplan)
    if programmes is not None:
        lines = lines.filter(programme__in=programmes)
    return [
        (row["year"], row["source"], row["programme__dimension_id"], row["total"])
        for row in lines.values("year", "source", "programme__dimension_id").annotate(total=Sum("amount")).order_by()
    ]


def tables(masterplan, rows=None, dimensions=None):
    """The financing tables: year x source, dimension x year, with row and column totals. 2 queries."""
    rows = budget_rows(masterplan) if rows is None else rows
    dimensions = list(Dimension.objects.all()) if dimensions is None else dimensions
    years = sorted(set(masterplan.years) | {r[0] for r in rows})
    by_year_source = defaultdict(Decimal)
    by_dim_year = defaultdict(Decimal)
    for year, source, dimension_id, amount in rows:
        by_year_source[(year, source)] += amount
        by_dim_year[(dimension_id, year)] += amount
    sources = Source.choices
    year_rows = []
    for year in years:
        cells = [by_year_source[(year, s)] for s, _label in sources]
        year_rows.append({"year": year, "cells": cells, "total": sum(cells, Decimal(0))})
    source_totals = [sum((by_year_source[(y, s)] for y in years), Decimal(0)) for s, _l in sources]
    dim_rows = []
    for dimension in dimensions:
        cells = [by_dim_year[(dimension.pk, y)] for y in years]
        dim_rows.append({"dimension": dimension, "cells": cells, "total": sum(cells, Decimal(0))})
    year_totals = [r["total"] for r in year_rows]
    grand = sum(year_totals, Decimal(0))
    # Shares at one decimal by the largest-remainder method, so the shown shares add up to exactly 100 %.
    shares = largest_remainder(source_totals, places=1)
    source_shares = [
        {"label": label, "total": total, "share": share}
        for (_s, label), total, share in zip(sources, source_totals, shares, strict=True)
    ]
    return {
        "years": years,
        "sources": sources,
        "year_rows": year_rows,
        "source_totals": source_totals,
        "dimension_rows": dim_rows,
        "year_totals": year_totals,
        "grand_total": grand,
        "source_shares": source_shares,
    }


def programme_totals(masterplan):
    """{programme id: total budget}: 1 query."""
    return dict(
        BudgetLine.objects.filter(programme__masterplan=masterplan)
        .values_list("programme_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
