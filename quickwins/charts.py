"""The small progress chart: percent over time, drawn by core.charts.line_chart."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.charts import Point, line_chart


def progress_chart(updates, name=""):
    """updates: ProgressUpdate in any order. The SVG, or None without any update."""
    updates = sorted(updates, key=lambda u: (u.date, u.created_at))
    if not updates:
        return None
    first, last = updates[0].date, updates[-1].date
    span = max((last - first).days, 1)
    points = [Point((u.date - first).days / span, u.percent, date_format(u.date, "j M Y")) for u in updates]
    title = _("Kemajuan %(q)s dari waktu ke waktu") % {"q": name} if name else _("Kemajuan dari waktu ke waktu")
    return line_chart(points, title=title, width=480, height=150)  # printed at 480/680 of the column: same type size
