"""The small progress chart: percent over time as an inline SVG (drawn by templates/quickwins/partials/chart.html)."""

from dataclasses import dataclass

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 24, 36  # TOP leaves room for the value label above a 100 % point


@dataclass
class Point:
    x: float
    y: float
    percent: int
    date: object


def progress_chart(updates):
    """updates: ProgressUpdate in any order. Returns the geometry, or None with fewer than one update."""
    updates = sorted(updates, key=lambda u: (u.date, u.created_at))
    if not updates:
        return None
    first, last = updates[0].date, updates[-1].date
    span = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    points = []
    for update in updates:
        x = LEFT + (plot_w * (update.date - first).days / span if len(updates) > 1 else plot_w / 2)
        y = TOP + plot_h * (1 - update.percent / 100)
        points.append(Point(round(x, 1), round(y, 1), update.percent, update.date))
    grid = [{"y": round(TOP + plot_h * (1 - p / 100), 1), "label": p} for p in (0, 25, 50, 75, 100)]
    area = (
        f"{points[0].x},{TOP + plot_h} " + " ".join(f"{p.x},{p.y}" for p in points) + f" {points[-1].x},{TOP + plot_h}"
    )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + plot_h,
        "points": points,
        "line": " ".join(f"{p.x},{p.y}" for p in points),
        "area": area,
        "grid": grid,
        "first": first,
        "last": last,
        "label_y": HEIGHT - 8,
    }
