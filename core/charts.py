"""The one chart module of pages and books: SVG that reads in black and white and at print size.

    hbar_chart([Bar("Smart Governance", 12, pattern="diagonal", color="#1f77b4")], title="Program per dimensi")
    stacked_chart([StackRow("Struktur", [Segment("baik", 3), Segment("kurang", 1)])], legend=RATINGS, title="...")
    gantt_chart([GanttRow("Aplikasi layanan", 2023, 2025, pattern="dots")], years=range(2023, 2033), title="Peta jalan")
    roadmap_chart([RoadmapGroup(dimension, [RoadmapRow(...)])], years=..., horizons=[...], title="Peta jalan")

Every chart returns safe inline `<svg>` markup with `<title>` and `role="img"`; labels are escaped. Every chart is
WIDTH (680) user units wide and the books print it across their text column (160 mm = 453.5 pt), so one point of
type is SCALE (1.5) units: text is set in points through `_pt()` and never below MIN_PT (7 pt) in print. Text is
dark on light: a value inside a hatched bar stands on a white box. Patterns are the names `Dimension.pattern` uses:
solid, diagonal, dots, cross, horizontal, vertical (`pattern_def`, `dimension_patterns`; in templates the
`rancang` tags `{% dimension_patterns dimensions "dim-" %}` and `{% chart_pattern "solid" "#2e7d32" "rating-baik" %}`).

Numbers are written the Indonesian way (`decimal`: "2,3", "1.250"), rounded half up (2,25 -> 2,3, never the
float's 2,2), and shares of a whole use the largest-remainder method so the shown shares add up to 100.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

PATTERNS = ("solid", "diagonal", "dots", "cross", "horizontal", "vertical")
INK = "#222"
WIDTH = 680
PRINT_WIDTH_PT = 160 / 25.4 * 72  # the books' text column
SCALE = WIDTH / PRINT_WIDTH_PT  # user units per printed point (1.5)
MIN_PT = 7
LABEL_PT = 8
SMALL_PT = 7.5
CHAR_EM = 0.5  # average advance of Noto Sans, in em: to estimate how many characters fit


def _pt(points):
    """Font size in user units for `points` printed points (never below MIN_PT)."""
    return round(max(points, MIN_PT) * SCALE, 2)


def _chars(width_units, points):
    """How many characters of `points` type fit in `width_units`."""
    return max(4, int(width_units / (_pt(points) * CHAR_EM)))


# --- Numbers -----------------------------------------------------------------------------------------------


def round_half_up(value, places=0):
    """Decimal rounding half away from zero: 2.25 -> 2.3 at one place (Python's round() gives 2.2)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def decimal(value, places=1, *, trim=True):
    """Indonesian number text: 1250.5 -> "1.250,5", 2.25 -> "2,3"; `trim` drops ",0" (26.0 -> "26"); None -> "–"."""
    if value is None or value == "":
        return "–"
    number = round_half_up(value, places)
    if number is None:
        return str(value)
    if trim and number == number.to_integral_value():
        places = 0
        number = number.quantize(Decimal(1))
    text = f"{number:,.{places}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def percent(value, places=1):
    """The house rule for percentages: Indonesian decimals, no space, ",0" dropped: "26%", "82,5%", "4,2%"."""
    if value is None or value == "":
        return "–"
    return f"{decimal(value, places)}%"


def largest_remainder(values, *, places=0, total=100):
    """Shares of `total` for `values`, rounded to `places` so that they add up to exactly `total`.

    The largest-remainder (Hamilton) method: every share is rounded down, then the units left over go to the
    shares with the largest remainders (ties: the larger value, then the first). All zero -> all zero."""
    values = [Decimal(str(v or 0)) for v in values]
    whole = sum(values)
    if whole <= 0:
        return [Decimal(0).quantize(Decimal(1).scaleb(-places)) for _ in values]
    unit = Decimal(1).scaleb(-places)
    exact = [v * Decimal(total) / whole for v in values]
    floors = [(e / unit).to_integral_value(rounding="ROUND_FLOOR") * unit for e in exact]
    left = int(((Decimal(total) - sum(floors)) / unit).to_integral_value(rounding=ROUND_HALF_UP))
    order = sorted(range(len(values)), key=lambda i: (-(exact[i] - floors[i]), -values[i], i))
    for i in order[:left]:
        floors[i] += unit
    return [f.quantize(unit) for f in floors]


# --- Text ----------------------------------------------------------------------------------------------------


def wrap(text, chars, lines=2):
    """`text` broken at spaces into at most `lines` lines of about `chars` characters; only what still does not
    fit after the last line is cut (with "…"). A word longer than a line is split."""
    words = str(text).split()
    result, current = [], ""
    for index, word in enumerate(words):
        while len(word) > chars:  # a very long word: split it over lines
            if current:
                result.append(current)
                current = ""
            result.append(word[: chars - 1] + "-")
            word = word[chars - 1 :]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= chars:
            current = candidate
            continue
        result.append(current)
        current = word
        if len(result) == lines:
            current = " ".join([current, *words[index + 1 :]])
            break
    if current:
        result.append(current)
    if len(result) > lines:
        rest = " ".join(result[lines - 1 :])
        result = result[: lines - 1] + [rest]
    if result and len(result[-1]) > chars:
        result[-1] = result[-1][: chars - 1].rstrip() + "…"
    return result or [""]


def _text(x, y, lines, *, size=LABEL_PT, anchor="start", weight="", fill=INK, line_gap=1.15):
    """A <text> of one or more lines (tspans), the first line's baseline at y."""
    lines = [lines] if isinstance(lines, str) else lines
    attrs = f'x="{x:.1f}" y="{y:.1f}" font-size="{_pt(size)}" fill="{fill}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if len(lines) == 1:
        return f"<text {attrs}>{escape(lines[0])}</text>"
    step = _pt(size) * line_gap
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else step:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f"<text {attrs}>{spans}</text>"


def _boxed_text(x, y, text, *, size=SMALL_PT):
    """A value on a white box centred at x (baseline y): dark on light even over a hatch."""
    w = len(text) * _pt(size) * CHAR_EM + 6
    h = _pt(size) + 3
    return (
        f'<rect x="{x - w / 2:.1f}" y="{y - h + 3:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#fff" '
        f'stroke="{INK}" stroke-width="0.4" rx="1.5"/>' + _text(x, y, text, size=size, anchor="middle", weight="700")
    )


# --- Patterns ------------------------------------------------------------------------------------------------


def _prefix(title, items):
    """Element ids from the chart's content: stable (so an unchanged book hashes the same) and distinct."""
    return "c" + hashlib.sha1(f"{title}|{items!r}".encode()).hexdigest()[:10]


def _color(color):
    return color if color and color.startswith("#") and len(color) in (4, 7) else "#cccccc"


def pattern_def(pid, pattern, color):
    """A <pattern>: the light colour as background, dark strokes on top (so greyscale still differs)."""
    color = _color(color)
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


def _svg(prefix, title, width, height, body, defs=""):
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {width} {height:.0f}" width="{width}" '
        f'height="{height:.0f}" role="img" aria-labelledby="{prefix}-t" font-family="Noto Sans, Noto Sans Math, Noto Sans Symbols 2, sans-serif">'
        f'<title id="{prefix}-t">{escape(title)}</title><defs>{defs}</defs>{body}</svg>'
    )


def _swatch(x, y, pid, size=11):
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{size}" height="{size}" fill="url(#{pid})" stroke="{INK}" stroke-width="0.7"/>'


# --- Charts --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    pattern: str = "solid"
    color: str = "#9db4cc"
    note: str = ""  # text after the value, e.g. "(40%)"
    text: str = ""  # the value as shown, when not the number itself (e.g. "Rp 1.250.000")


def hbar_chart(bars, *, title, unit="", width=WIDTH, label_width=200, row_height=None, max_value=None, id_prefix=""):
    """Horizontal bars, the label (up to two lines) on the left and the value (and unit) after the bar's end."""
    bars = list(bars)
    prefix = id_prefix or _prefix(title, bars)
    row_height = row_height or _pt(LABEL_PT) * 2.6
    top = 6
    height = top * 2 + max(1, len(bars)) * row_height
    plot = width - label_width - 150
    peak = max_value or max((float(b.value or 0) for b in bars), default=0) or 1
    chars = _chars(label_width - 10, LABEL_PT)
    defs, rows = [], []
    for index, bar in enumerate(bars):
        pid = f"{prefix}-p{index}"
        defs.append(pattern_def(pid, bar.pattern, bar.color))
        y = top + index * row_height
        mid = y + row_height / 2
        length = max(0.0, float(bar.value or 0)) / peak * plot
        value_text = bar.text or f"{decimal(bar.value)}{(' ' + unit) if unit else ''}"
        if bar.note:
            value_text += f" {bar.note}"
        lines = wrap(bar.label, chars)
        first = mid + _pt(LABEL_PT) * 0.35 - (len(lines) - 1) * _pt(LABEL_PT) * 0.575
        rows.append(
            _text(label_width - 8, first, lines, anchor="end")
            + f'<rect x="{label_width}" y="{y + 5:.1f}" width="{length:.1f}" height="{row_height - 10:.1f}" '
            f'fill="url(#{pid})" stroke="{INK}" stroke-width="0.8"><title>{escape(bar.label)}: {escape(value_text)}</title></rect>'
            + _text(label_width + length + 5, mid + _pt(LABEL_PT) * 0.35, value_text)
        )
    if not bars:
        rows.append(_text(width / 2, top + row_height / 2, _("Belum ada data"), anchor="middle"))
    axis = f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{height - top:.1f}" stroke="{INK}"/>'
    return _svg(prefix, title, width, height, axis + "".join(rows), "".join(defs))


@dataclass(frozen=True)
class Segment:
    key: str  # a legend key
    value: float
    text: str = ""  # shown on the segment (default: the value)


@dataclass(frozen=True)
class StackRow:
    label: str
    segments: list = field(default_factory=list)
    note: str = ""  # after the bar (a score, "3 dari 5 dipetakan")
    empty: str = ""  # said instead of a bar when nothing is counted


@dataclass(frozen=True)
class LegendItem:
    key: str
    label: str
    pattern: str = "solid"
    color: str = "#9db4cc"


def stacked_chart(rows, *, legend, title, width=WIDTH, label_width=190, scale_max=None, id_prefix=""):
    """Horizontal stacked bars (shares of a row, e.g. baik / sedang / kurang), with a legend on top.

    Each segment shows its value on a white box; the row's note follows the bar. With `scale_max` the bars are
    drawn to that scale (counts), without it every bar fills the width (shares)."""
    rows, legend = list(rows), list(legend)
    prefix = id_prefix or _prefix(title, (rows, legend))
    row_height = _pt(LABEL_PT) * 2.6
    head = _pt(LABEL_PT) * 2.2
    height = head + max(1, len(rows)) * row_height + 6
    plot = width - label_width - 110
    chars = _chars(label_width - 10, LABEL_PT)
    defs = [pattern_def(f"{prefix}-{item.key}", item.pattern, item.color) for item in legend]
    parts = []
    x = label_width
    for item in legend:
        parts.append(_swatch(x, 4, f"{prefix}-{item.key}") + _text(x + 15, 13.5, item.label))
        x += 15 + len(item.label) * _pt(LABEL_PT) * CHAR_EM + 18
    for index, row in enumerate(rows):
        y = head + index * row_height
        mid = y + row_height / 2
        baseline = mid + _pt(LABEL_PT) * 0.35
        lines = wrap(row.label, chars)
        parts.append(_text(label_width - 8, baseline - (len(lines) - 1) * _pt(LABEL_PT) * 0.575, lines, anchor="end"))
        total = sum(float(s.value or 0) for s in row.segments)
        if not total:
            parts.append(_text(label_width, baseline, row.empty or "–", fill="#444"))
            continue
        full = plot * (total / scale_max if scale_max else 1)
        x = label_width
        boxes = []
        for segment in row.segments:
            if not segment.value:
                continue
            w = full * float(segment.value) / total
            text = segment.text or decimal(segment.value)
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 5:.1f}" width="{w:.1f}" height="{row_height - 10:.1f}" '
                f'fill="url(#{prefix}-{escape(segment.key)})" stroke="{INK}" stroke-width="0.6">'
                f"<title>{escape(row.label)}: {escape(text)} {escape(_legend_label(legend, segment.key))}</title></rect>"
            )
            boxes.append(_boxed_text(x + w / 2, baseline, text))
            x += w
        parts.extend(boxes)  # after the bars, so a box is never under the next segment
        if row.note:
            parts.append(_text(label_width + full + 6, baseline, row.note))
    if not rows:
        parts.append(_text(width / 2, head + 16, _("Belum ada data"), anchor="middle"))
    return _svg(prefix, title, width, height, "".join(parts), "".join(defs))


def _legend_label(legend, key):
    return next((item.label for item in legend if item.key == key), key)


@dataclass(frozen=True)
class GanttRow:
    label: str
    start: int
    end: int
    pattern: str = "solid"
    color: str = "#9db4cc"
    group: str = ""
    marked: bool = False  # drawn with the marker of the legend (a programme with a quick win)
    note: str = ""  # short text after the label's lines (e.g. the horizon)


@dataclass(frozen=True)
class Horizon:
    label: str
    start: int
    end: int


def _year_columns(years, label_width, width):
    return (width - label_width - 4) / max(1, len(years))


def gantt_chart(rows, *, years, title, width=WIDTH, label_width=230, id_prefix="", horizons=(), marker_label=""):
    """One bar per row across the years it spans (inclusive), the years as columns, names on the left on up to
    two lines. Rows with a `group` get that group's header line. `horizons` draws a band under the years (jangka
    pendek / menengah / panjang); rows `marked` get a diamond, explained by `marker_label` below the chart."""
    rows, years = list(rows), list(years)
    prefix = id_prefix or _prefix(title, (rows, years, list(horizons)))
    line = _pt(LABEL_PT) * 1.15
    row_height = line * 2 + 6
    group_height = _pt(LABEL_PT) * 1.9
    col = _year_columns(years, label_width, width)
    first = years[0] if years else 0
    chars = _chars(label_width - 12, LABEL_PT)
    head = _pt(LABEL_PT) * 1.9
    band = _pt(SMALL_PT) * 2.0 if horizons else 0
    # the layout first (heights), then the drawing
    y = head + band
    placed, groups, last_group, pids = [], [], None, {}
    for row in rows:
        if row.group and row.group != last_group:
            groups.append((row.group, y, row))
            y += group_height
            last_group = row.group
        key = (row.pattern, _color(row.color))
        pids.setdefault(key, f"{prefix}-p{len(pids)}")
        lines = wrap(row.label, chars)
        height_of_row = row_height if len(lines) > 1 else line + 9
        placed.append((row, y, lines, height_of_row))
        y += height_of_row
    footer = _pt(LABEL_PT) * 2.2 if marker_label and any(r.marked for r in rows) else 0
    height = y + 6 + footer if rows else head + band + 30
    defs = [pattern_def(pid, pattern, color) for (pattern, color), pid in pids.items()]
    parts = []
    for i, year in enumerate(years):
        x = label_width + i * col
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{col:.1f}" height="{height - footer:.1f}" '
            f'fill="{"#f2f2f2" if i % 2 else "#fff"}" stroke="#ccc" stroke-width="0.4"/>'
            + _text(x + col / 2, head - 6, str(year), size=SMALL_PT, anchor="middle", weight="700")
        )
    for horizon in horizons:
        start, end = max(horizon.start, first), min(horizon.end, years[-1]) if years else horizon.end
        if not years or end < start:
            continue
        x = label_width + (start - first) * col
        w = (end - start + 1) * col
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{head + 1:.1f}" width="{w - 2:.1f}" height="{band - 3:.1f}" fill="#fff" '
            f'stroke="{INK}" stroke-width="0.6"/>'
            + _text(
                x + w / 2,
                head + band - 6,
                wrap(horizon.label, _chars(w - 4, SMALL_PT), 1),
                size=SMALL_PT,
                anchor="middle",
            )
        )
    if horizons:
        parts.append(
            _text(label_width - 8, head + band - 6, _("Jangka waktu"), size=SMALL_PT, anchor="end", weight="700")
        )
    for label, gy, row in groups:
        pid = pids[(row.pattern, _color(row.color))]
        parts.append(
            f'<rect x="0" y="{gy:.1f}" width="{width}" height="{group_height:.1f}" fill="#e9ecef"/>'
            + _swatch(4, gy + (group_height - 11) / 2, pid)
            + _text(20, gy + group_height / 2 + _pt(LABEL_PT) * 0.35, label, weight="700")
        )
    for row, ry, lines, row_height in placed:
        pid = pids[(row.pattern, _color(row.color))]
        mid = ry + row_height / 2
        baseline = mid + _pt(LABEL_PT) * 0.35 - (len(lines) - 1) * line / 2
        parts.append(_text(6, baseline, lines))
        start = max(row.start or 0, first)
        end = min(row.end or 0, years[-1]) if years else row.end
        if years and row.start and end >= start:
            x = label_width + (start - first) * col
            w = (end - start + 1) * col
            period = str(start) if start == end else f"{start}–{end}"
            parts.append(
                f'<rect x="{x + 2:.1f}" y="{mid - 6:.1f}" width="{w - 4:.1f}" height="12" rx="2" '
                f'fill="url(#{pid})" stroke="{INK}" stroke-width="0.8"><title>{escape(row.label)}: {period}</title></rect>'
            )
            if row.marked:
                parts.append(_diamond(x + 7, mid))
        elif not row.start:
            parts.append(
                _text(label_width + 4, mid + _pt(SMALL_PT) * 0.35, _("tahun belum diisi"), size=SMALL_PT, fill="#444")
            )
        parts.append(
            f'<line x1="0" y1="{ry + row_height:.1f}" x2="{width}" y2="{ry + row_height:.1f}" stroke="#bbb" stroke-width="0.4"/>'
        )
    if not rows:
        parts.append(_text(width / 2, head + band + 18, _("Belum ada data"), anchor="middle"))
    if footer:
        fy = height - footer / 2
        parts.append(_diamond(label_width + 6, fy - 3) + _text(label_width + 16, fy + 1, marker_label, size=SMALL_PT))
    parts.append(f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height - footer:.1f}" stroke="{INK}"/>')
    return _svg(prefix, title, width, height, "".join(parts), "".join(defs))


def _diamond(cx, cy, r=5.5):
    """The quick-win marker: a black diamond with a white rim (visible on any hatch)."""
    return (
        f'<path d="M{cx:.1f},{cy - r:.1f} L{cx + r:.1f},{cy:.1f} L{cx:.1f},{cy + r:.1f} L{cx - r:.1f},{cy:.1f} Z" '
        f'fill="{INK}" stroke="#fff" stroke-width="1.2"/>'
    )


@dataclass(frozen=True)
class Point:
    at: float  # 0 (first date) to 1 (last date)
    value: float
    label: str  # the point's date, for its tooltip and the axis ends


def line_chart(points, *, title, y_max=100, unit="%", height=230, width=WIDTH, id_prefix=""):
    """A value over time (a quick win's progress): grid lines every quarter of `y_max`, a hatched area under the
    line, the first and last values written above their points and the first and last dates under the axis."""
    points = list(points)
    prefix = id_prefix or _prefix(title, points)
    left, right, top, bottom = 52, 18, _pt(LABEL_PT) * 2.2, _pt(SMALL_PT) * 2.6
    plot_w, plot_h = width - left - right, height - top - bottom
    base = top + plot_h

    def xy(point):
        return left + plot_w * (point.at if len(points) > 1 else 0.5), top + plot_h * (1 - float(point.value) / y_max)

    parts = []
    for step in range(5):
        value = y_max * step / 4
        y = top + plot_h * (1 - step / 4)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#bbb" stroke-dasharray="3 3"/>'
            + _text(left - 5, y + _pt(SMALL_PT) * 0.35, f"{decimal(value)}{unit}", size=SMALL_PT, anchor="end")
        )
    if points:
        coords = [xy(p) for p in points]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        area = f"{coords[0][0]:.1f},{base:.1f} {line} {coords[-1][0]:.1f},{base:.1f}"
        parts.append(f'<polygon points="{area}" fill="url(#{prefix}-hatch)"/>')
        parts.append(f'<polyline points="{line}" fill="none" stroke="{INK}" stroke-width="2"/>')
        for index, (point, (x, y)) in enumerate(zip(points, coords, strict=True)):
            text = f"{decimal(point.value)}{unit}"
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{INK}"><title>{escape(point.label)}: {escape(text)}</title></circle>'
            )
            if index == 0 or index == len(points) - 1:
                anchor = "start" if index == 0 and len(points) > 1 else "end" if len(points) > 1 else "middle"
                parts.append(_text(x + (6 if anchor == "start" else 0), y - 7, text, anchor=anchor, weight="700"))
        label_y = height - _pt(SMALL_PT) * 0.6
        parts.append(_text(left, label_y, points[0].label, size=SMALL_PT))
        if len(points) > 1:
            parts.append(_text(width - right, label_y, points[-1].label, size=SMALL_PT, anchor="end"))
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{base:.1f}" y2="{base:.1f}" stroke="{INK}"/>')
    return _svg(prefix, title, width, height, "".join(parts), pattern_def(f"{prefix}-hatch", "diagonal", "#d1e7dd"))
