"""The roadmap (peta jalan): programmes laid out by year and grouped by dimension, as SVG geometry."""

from django.utils.translation import gettext as _

from core.charts import GanttRow, gantt_chart
from core.charts import Horizon as ChartHorizon
from core.templatetags.rancang import years as year_range

from .models import Horizon, PlanSettings, Programme

# A book page holds about this many programme rows; a longer roadmap is printed one chart per dimension.
ROWS_PER_FIGURE = 26


def horizon_bands(masterplan):
    """Jangka pendek / menengah / panjang as consecutive year spans (query: the plan settings)."""
    ranges = PlanSettings.for_masterplan(masterplan).ranges()
    bands, start = [], masterplan.start_year
    for value, label in Horizon.choices:
        end = ranges[value][1]
        if end >= start:
            bands.append(ChartHorizon(str(label), start, end))
            start = end + 1
    return bands


def quickwin_programme_ids(programmes):
    """Ids of the programmes a chosen quick win is linked to (query: one, over the M2M table)."""
    ids = [p.pk for p in programmes]
    if not ids:
        return set()
    through = Programme.quickwins.through
    return set(
        through.objects.filter(programme_id__in=ids, quickwin__chosen=True).values_list("programme_id", flat=True)
    )


def _rows(programmes, dimension, marked):
    return [
        GanttRow(
            p.name,
            p.start_year or 0,
            p.end_year or p.start_year or 0,
            pattern=dimension.pattern,
            color=dimension.color,
            group=dimension.name,
            marked=p.pk in marked,
        )
        for p in programmes
    ]


def _chunks(items, size):
    """A dimension's programmes in parts of at most `size` rows, so no chart is taller than a page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def layout(masterplan, programmes, dimensions, *, split=False):
    """The roadmap drawn by core.charts: a header per dimension, a bar per programme across its years, the
    horizons as a band under the years and the programmes with a chosen quick win marked with a diamond.

    {"svg": one chart, "parts": [(dimension, chart)] one per dimension (a long one in parts), "rows": programme count, "tall": whether
    one chart would be taller than a page}: with `split` (the books) a tall roadmap is drawn only per dimension,
    otherwise only as one chart. `programmes` are already loaded; queries: plan settings, quick wins."""
    years = masterplan.years
    by_dimension = {}
    for programme in programmes:
        by_dimension.setdefault(programme.dimension_id, []).append(programme)
    marked = quickwin_programme_ids(programmes)
    bands = horizon_bands(masterplan)
    marker = _("program dengan quick win terpilih")
    years_text = year_range(masterplan.start_year, masterplan.end_year)
    groups = [(d, by_dimension[d.pk]) for d in dimensions if by_dimension.get(d.pk)]
    rows = [row for d, items in groups for row in _rows(items, d, marked)]
    tall = len(rows) > ROWS_PER_FIGURE
    if split and tall:
        svg = ""
    else:
        svg = gantt_chart(
            rows,
            years=years,
            title=_("Peta jalan program smart city %(years)s per dimensi") % {"years": years_text},
            horizons=bands,
            marker_label=marker,
            id_prefix="roadmap",
        )
    parts = [
        (
            d,
            gantt_chart(
                _rows(chunk, d, marked),
                years=years,
                title=_("Peta jalan program %(d)s %(years)s") % {"d": d.name, "years": years_text},
                horizons=bands,
                marker_label=marker,
                id_prefix=f"roadmap-{d.key}-{chunk[0].pk}",
            ),
        )
        for d, items in (groups if split and tall else [])
        for chunk in _chunks(items, ROWS_PER_FIGURE)
    ]
    return {"svg": svg, "parts": parts, "rows": len(rows), "tall": tall, "groups": groups}


def horizon_counts(programmes):
    counts = {h: 0 for h in Horizon.values}
    for programme in programmes:
        counts[programme.horizon] = counts.get(programme.horizon, 0) + 1
    return [(value, label, counts[value]) for value, label in Horizon.choices]
