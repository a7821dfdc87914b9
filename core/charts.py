"""Small SVG charts for pages and books: readable in black and white (hatch patterns, text labels).

    hbar_chart([Bar("Smart Governance", 12, pattern="diagonal", color="#1f77b4")], title="Program per dimensi")
    gantt_chart([GanttRow("Aplikasi layanan", 2023, 2025, pattern="dots")], years=range(2023, 2033), title="Peta jalan")

Both return safe inline `<svg>` markup with `<title>` and `role="img"`; labels are escaped. Patterns are the
names `Dimension.pattern` uses: solid, diagonal, dots, cross, horizontal, vertical.

This module is the one source of the hatch patterns: the charts drawn by templates (roadmap, coverage, readiness,
quick wins) take theirs from `dimension_patterns` / `pattern_def`, in templates through the `rancang` tags
`{% dimension_patterns dimensions "dim-" %}` and `{% chart_pattern "rating-baik" "solid" "#2e7d32" %}`.
"""

import hashlib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

PATTERNS = ("solid", "diagonal", "dots", "cross", "horizontal", "vertical")
INK = "#222"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    pattern: str = "solid"
    color: str = "#9db4cc"
    note: str = ""  # text after the value, e.g. "(40%)"


@dataclass(frozen=True)
class GanttRow:
    label: str
    start: int
    end: int
    pattern: str = "solid"
    color: str = "#9db4cc"
    group: str = ""


def _prefix(title, items):
    """Element ids from the chart's content: stable (so an unchanged book hashes the same) and distinct."""
    return "c" + hashlib.sha1(f"{title}|{items!r}".encode()).hexdigest()[:10]


def pattern_def(pid, pattern, color):
    """A <pattern>: the light colour as background, dark strokes on top (so greyscale still differs)."""
    color = color if color and color.startswith("#") and len(color) in (4, 7) else "#cccccc"
    bg = f'<rect width="8" height="8" fill="{escape(color)}" fill-opacity="0.45"/>'
    strokes = {
        "solid": f'<rect width="8" height="8" fill="{escape(color)}"/>',
        "diagonal": f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{INK}" stroke-width="1.3"/>',
        "dots": f'<circle cx="4" cy="4" r="1.6" fill="{INK}"/>',
        "cross": f'<path d="M0,4 h8 M4,0 v8" stroke="{INK}" stroke-width="1.1"/>',
        "horizontal": f'<path d="M0,2 h8 M0,6 h8" stroke="{INK}" stroke-width="1.1"/>',
        "vertical": f'<path d="M2,0 v8 M6,0 v8" stroke="{INK}" stroke-width="1.1"/>',
    }[pattern if pattern in PATTERNS else "solid"]
    return mark_safe(
        f'<pattern id="{escape(pid)}" width="8" height="8" patternUnits="userSpaceOnUse">{bg}{strokes}</pattern>'
    )


def dimension_patterns(dimensions, prefix=""):
    """One <pattern> per dimension (id: prefix + key) in its colour and hatch, for a chart's <defs>."""
    return mark_safe("".join(pattern_def(f"{prefix}{d.key}", d.pattern, d.color) for d in dimensions))


def _fmt(value):
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _wrap(label, limit):
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def hbar_chart(bars, *, title, unit="", width=640, label_width=200, row_height=26, max_value=None, id_prefix=""):
    """Horizontal bars with the label on the left and the value (and unit) at the bar's end."""
    bars = list(bars)
    prefix = id_prefix or _prefix(title, bars)
    top, bottom = 8, 8
    height = top + bottom + max(1, len(bars)) * row_height
    plot = width - label_width - 90
    peak = max_value or max((float(b.value or 0) for b in bars), default=0) or 1
    defs, rows = [], []
    for index, bar in enumerate(bars):
        pid = f"{prefix}-p{index}"
        defs.append(pattern_def(pid, bar.pattern, bar.color))
        y = top + index * row_height
        length = max(0.0, float(bar.value or 0)) / peak * plot
        value_text = f"{_fmt(bar.value)}{(' ' + unit) if unit else ''}{(' ' + bar.note) if bar.note else ''}"
        rows.append(
            f'<text x="{label_width - 6}" y="{y + row_height / 2 + 4}" text-anchor="end" font-size="11">'
            f"{escape(_wrap(bar.label, 34))}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{row_height - 8}" '
            f'fill="url(#{pid})" stroke="{INK}" stroke-width="0.8"/>'
            f'<text x="{label_width + length + 5:.1f}" y="{y + row_height / 2 + 4}" font-size="11">'
            f"{escape(value_text)}</text>"
        )
    if not bars:
        rows.append(f'<text x="{width / 2}" y="{top + 16}" text-anchor="middle" font-size="11">Belum ada data</text>')
    axis = f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{height - bottom}" stroke="{INK}"/>'
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{prefix}-t" font-family="Noto Sans, sans-serif">'
        f'<title id="{prefix}-t">{escape(title)}</title><defs>{"".join(defs)}</defs>{axis}{"".join(rows)}</svg>'
    )


def gantt_chart(rows, *, years, title, width=680, label_width=210, row_height=22, id_prefix=""):
    """One bar per row across the years it spans (inclusive), the years as columns, labels on the left."""
    rows, years = list(rows), list(years)
    prefix = id_prefix or _prefix(title, (rows, years))
    head = 22
    height = head + max(1, len(rows)) * row_height + 6
    span = max(1, len(years))
    col = (width - label_width - 4) / span
    parts, defs = [], []
    for i, year in enumerate(years):
        x = label_width + i * col
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{col:.1f}" height="{height}" fill="{"#f2f2f2" if i % 2 else "#fff"}"/>'
            f'<text x="{x + col / 2:.1f}" y="15" text-anchor="middle" font-size="10" font-weight="bold">{year}</text>'
        )
    first = years[0] if years else 0
    for index, row in enumerate(rows):
        y = head + index * row_height
        pid = f"{prefix}-p{index}"
        defs.append(pattern_def(pid, row.pattern, row.color))
        start = max(row.start, first)
        end = min(row.end, years[-1]) if years else row.end
        label = escape(_wrap(row.label, 36))
        parts.append(
            f'<text x="{label_width - 6}" y="{y + row_height / 2 + 4}" text-anchor="end" font-size="10">{label}</text>'
        )
        if years and end >= start:
            x = label_width + (start - first) * col
            w = (end - start + 1) * col
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y + 4}" width="{w - 2:.1f}" height="{row_height - 8}" '
                f'fill="url(#{pid})" stroke="{INK}" stroke-width="0.8"><title>{label}: {start}–{end}</title></rect>'
            )
        parts.append(
            f'<line x1="0" y1="{y + row_height}" x2="{width}" y2="{y + row_height}" stroke="#ccc" stroke-width="0.5"/>'
        )
    if not rows:
        parts.append(f'<text x="{width / 2}" y="{head + 14}" text-anchor="middle" font-size="11">Belum ada data</text>')
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{prefix}-t" font-family="Noto Sans, sans-serif">'
        f'<title id="{prefix}-t">{escape(title)}</title><defs>{"".join(defs)}</defs>{"".join(parts)}'
        f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height}" stroke="{INK}"/></svg>'
    )
