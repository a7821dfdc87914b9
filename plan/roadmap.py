"""The roadmap (peta jalan): programmes laid out by year and grouped by dimension, as SVG geometry."""

from .models import Horizon

LABEL_WIDTH = 300
YEAR_WIDTH = 62
ROW_HEIGHT = 18
HEADER = 28
GROUP_HEADER = 22


def layout(masterplan, programmes, dimensions):
    """Rows of a Gantt-like chart: a header per dimension with programmes, a bar per programme with years.

    `programmes` are already loaded (with dimension and lead_opd); no query here."""
    years = masterplan.years
    x0 = LABEL_WIDTH
    columns = [
        {"year": y, "x": x0 + i * YEAR_WIDTH, "label_x": x0 + i * YEAR_WIDTH + YEAR_WIDTH // 2 - 14}
        for i, y in enumerate(years)
    ]
    by_dimension = {}
    for programme in programmes:
        by_dimension.setdefault(programme.dimension_id, []).append(programme)
    groups = []
    y = HEADER
    for dimension in dimensions:
        rows = by_dimension.get(dimension.pk, [])
        if not rows:
            continue
        group = {"dimension": dimension, "y": y, "text_y": y + 15, "rows": []}
        y += GROUP_HEADER
        for programme in rows:
            bar = None
            if programme.years:
                first = max(programme.start_year, years[0])
                last = min(programme.end_year, years[-1])
                if first <= last:
                    bar = {
                        "x": x0 + (first - years[0]) * YEAR_WIDTH + 2,
                        "w": (last - first + 1) * YEAR_WIDTH - 4,
                    }
            name = programme.name if len(programme.name) <= 44 else programme.name[:42] + "…"
            group["rows"].append(
                {
                    "programme": programme,
                    "name": name,
                    "y": y,
                    "text_y": y + 13,
                    "bar": bar,
                    "bar_y": y + 3,
                    "bar_h": ROW_HEIGHT - 6,
                }
            )
            y += ROW_HEIGHT
        groups.append(group)
    width = x0 + len(years) * YEAR_WIDTH + 10
    return {
        "columns": columns,
        "groups": groups,
        "width": width,
        "height": y + 10,
        "x0": x0,
        "year_width": YEAR_WIDTH,
        "grid_bottom": y,
    }


def horizon_counts(programmes):
    counts = {h: 0 for h in Horizon.values}
    for programme in programmes:
        counts[programme.horizon] = counts.get(programme.horizon, 0) + 1
    return [(value, label, counts[value]) for value, label in Horizon.choices]
