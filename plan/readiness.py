"""The readiness assessment summarised: per component and per dimension, and as a bar chart."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from core.charts import LegendItem, Segment, StackRow, decimal, round_half_up, stacked_chart
from masterplan.models import Dimension

from .models import Component, ReadinessItem
from .models.analysis import CORE_COMPONENTS, RATING_SCORE


@dataclass
class Tally:
    baik: int = 0
    sedang: int = 0
    kurang: int = 0

    def add(self, rating):
        setattr(self, rating, getattr(self, rating) + 1)

    @property
    def total(self):
        return self.baik + self.sedang + self.kurang

    @property
    def score(self):
        """Average on 1 (kurang) to 3 (baik), one decimal; None without items."""
        if not self.total:
            return None
        return round_half_up(Decimal(3 * self.baik + 2 * self.sedang + self.kurang) / self.total, 1)

    @property
    def level(self):
        score = self.score
        if score is None:
            return ""
        return "baik" if score >= 2.5 else "sedang" if score >= 1.75 else "kurang"

    def parts(self):
        return [("baik", self.baik), ("sedang", self.sedang), ("kurang", self.kurang)]


def summary(masterplan, items=None):
    """{'components': [(value, label, Tally)], 'dimensions': [(Dimension, Tally)], 'items': [...]} in 2 queries."""
    if items is None:
        items = list(
            ReadinessItem.objects.for_masterplan(masterplan).select_related("dimension").order_by("order", "pk")
        )
    by_component = {c: Tally() for c in Component.values}
    dimensions = list(Dimension.objects.all())
    by_dimension = {d.pk: Tally() for d in dimensions}
    for item in items:
        if item.rating in RATING_SCORE:
            by_component[item.component].add(item.rating)
            by_dimension[item.dimension_id].add(item.rating)
    components = [
        (value, label, by_component[value])
        for value, label in Component.choices
        if value in CORE_COMPONENTS or by_component[value].total
    ]
    return {
        "items": items,
        "components": components,
        "dimensions": [(d, by_dimension[d.pk]) for d in dimensions],
        "assessed": all(by_component[c].total for c in CORE_COMPONENTS),
    }


def chart(rows, title=None):
    """Stacked horizontal bars (baik / sedang / kurang) for [(label, Tally)], drawn by core.charts."""
    legend = [
        LegendItem("baik", _("Baik"), "solid", "#2e7d32"),
        LegendItem("sedang", _("Sedang"), "diagonal", "#f9a825"),
        LegendItem("kurang", _("Kurang"), "dots", "#c62828"),
    ]
    bars = [
        StackRow(
            str(label),
            [Segment(rating, count) for rating, count in tally.parts()],
            note=_("skor %(s)s") % {"s": decimal(tally.score)} if tally.score is not None else "",
            empty=_("belum dinilai"),
        )
        for label, tally in rows
    ]
    return stacked_chart(
        bars,
        legend=legend,
        title=title or _("Sebaran penilaian kesiapan per komponen dan per dimensi (baik, sedang, kurang)"),
        id_prefix="readiness",
    )
