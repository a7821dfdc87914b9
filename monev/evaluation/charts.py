"""Year-on-year charts of the ministry's results: the index, the parts, the dimensions. Grouped vertical bars,
one group per year, each bar hatched (core.charts.pattern_def, the dimensions' own patterns) and labelled with
its value, a legend with the same swatches: readable in black and white."""

import hashlib

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.charts import INK, PATTERNS, pattern_def

PART_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def _num(value):
    return "–" if value is None else f"{float(value):.2f}".replace(".", ",")


def year_bars(years, series, *, title, high, width=680, height=240):
    """`series`: [(label, pattern, color, {year: value})]; `high`: the top of the scale."""
    years, series = list(years), list(series)
    prefix = "e" + hashlib.sha1(f"{title}|{years!r}|{series!r}".encode()).hexdigest()[:10]
    legend_rows = (len(series) + 2) // 3 if len(series) > 1 else 0
    top, bottom, left = 14, 24 + legend_rows * 18, 34
    plot_h = height - top - bottom
    plot_w = width - left - 8
    high = float(high or 1)
    defs, parts = [], []
    for i, (_label, pattern, color, _values) in enumerate(series):
        defs.append(pattern_def(f"{prefix}-p{i}", pattern, color))
    for tick in range(0, 6):
        value = high * tick / 5
        y = top + plot_h - plot_h * tick / 5
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" stroke="#ccc" stroke-width="0.5"/>'
            f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end" font-size="9">{_num(value)}</text>'
        )
    group_w = plot_w / max(1, len(years))
    bar_w = min(48, (group_w - 12) / max(1, len(series)))
    for gi, year in enumerate(years):
        gx = left + gi * group_w + (group_w - bar_w * len(series)) / 2
        for si, (label, _pattern, _color, values) in enumerate(series):
            value = values.get(year)
            x = gx + si * bar_w
            if value is None:
                continue
            h = max(0.0, min(float(value), high)) / high * plot_h
            y = top + plot_h - h
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="url(#{prefix}-p{si})" '
                f'stroke="{INK}" stroke-width="0.8"><title>{escape(label)} {year}: {_num(value)}</title></rect>'
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" font-size="9">{_num(value)}</text>'
            )
        parts.append(
            f'<text x="{left + gi * group_w + group_w / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'font-size="10" font-weight="bold">{year}</text>'
        )
    if not years:
        parts.append(f'<text x="{width / 2}" y="{top + 20}" text-anchor="middle" font-size="11">Belum ada data</text>')
    if legend_rows:
        col_w = (width - left) / 3
        for i, (label, _pattern, _color, _values) in enumerate(series):
            x = left + (i % 3) * col_w
            y = height - bottom + 24 + (i // 3) * 18
            parts.append(
                f'<rect x="{x:.1f}" y="{y - 9}" width="14" height="11" fill="url(#{prefix}-p{i})" stroke="{INK}" '
                f'stroke-width="0.8"/><text x="{x + 18:.1f}" y="{y}" font-size="10">{escape(label[:30])}</text>'
            )
    axis = f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{INK}"/>'
    axis += f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="{INK}"/>'
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{prefix}-t" font-family="Noto Sans, sans-serif">'
        f'<title id="{prefix}-t">{escape(title)}</title><defs>{"".join(defs)}</defs>{"".join(parts)}{axis}</svg>'
    )


def result_charts(results, dimensions, *, region=""):
    """The three charts from the masterplan's results (oldest first, scores and parts prefetched)."""
    from django.utils.translation import gettext as _

    years = [r.evaluation_year.year for r in results]
    high = max((r.evaluation_year.scale_max for r in results), default=5)
    index = year_bars(
        years,
        [(_("Indeks"), "diagonal", "#1f77b4", {r.evaluation_year.year: r.index for r in results})],
        title=_("Indeks smart city per tahun %(r)s") % {"r": region},
        high=high,
    )
    part_keys = []
    part_series = {}
    for result in results:
        names = {p.pk: p for p in result.evaluation_year.parts.all()}
        for score in result.scores.all():
            if score.part_id and score.part_id in names:
                part = names[score.part_id]
                if part.key not in part_series:
                    part_keys.append(part.key)
                    part_series[part.key] = (part.name, {})
                part_series[part.key][1][result.evaluation_year.year] = score.score
    parts = year_bars(
        years,
        [
            (name, PATTERNS[i % len(PATTERNS)], PART_COLORS[i % len(PART_COLORS)], values)
            for i, (name, values) in enumerate(part_series[k] for k in part_keys)
        ],
        title=_("Nilai per bagian evaluasi per tahun"),
        high=high,
        height=270,
    )
    dim_values = {d.pk: {} for d in dimensions}
    for result in results:
        for score in result.scores.all():
            if score.dimension_id in dim_values:
                dim_values[score.dimension_id][result.evaluation_year.year] = score.score
    dims = year_bars(
        years,
        [(d.name, d.pattern, d.color, dim_values[d.pk]) for d in dimensions],
        title=_("Nilai per dimensi per tahun"),
        high=high,
        height=270,
    )
    return {"index": index, "parts": parts, "dimensions": dims}
