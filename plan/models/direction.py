"""The masterplan's direction: vision, missions, development direction, strategy and goals per dimension."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned

from .base import PlanItem


class Vision(Versioned):
    masterplan = models.OneToOneField("masterplan.Masterplan", on_delete=models.CASCADE, related_name="plan_vision")
    vision = models.TextField(_("visi smart city"), blank=True)
    direction = models.TextField(_("arah pembangunan"), blank=True)
    history = HistoricalRecords()

    owner_opd_id = None

    class Meta:
        verbose_name = _("visi smart city")
        verbose_name_plural = _("visi smart city")

    def __str__(self):
        return self.vision[:80]


class Mission(PlanItem):
    text = models.TextField(_("misi"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("misi smart city")
        verbose_name_plural = _("misi smart city")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]


class DimensionStrategy(PlanItem):
    """The strategy for a dimension (element empty) or one of its elements."""

    dimension = models.ForeignKey(
        "masterplan.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi")
    )
    element = models.ForeignKey(
        "masterplan.Element",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("elemen"),
        help_text=_("Kosongkan untuk strategi dimensi secara umum."),
    )
    text = models.TextField(_("strategi"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategi dimensi")
        verbose_name_plural = _("strategi dimensi")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]

    def siblings(self):
        return super().siblings().filter(dimension_id=self.dimension_id)

    def clean(self):
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            raise ValidationError({"element": _("Elemen ini bukan bagian dari dimensi yang dipilih.")})


class Goal(PlanItem):
    strategy = models.ForeignKey(DimensionStrategy, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("sasaran"))
    indicator = models.CharField(_("indikator"), max_length=300)
    target = models.CharField(_("target"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]

    def siblings(self):
        return super().siblings().filter(strategy_id=self.strategy_id)
