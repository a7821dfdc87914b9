from django.utils.translation import gettext_lazy as _

from masterplan.models import Element

from ..models import DimensionStrategy, Goal, Mission, PlanSettings, Vision
from .analysis import PlanForm


class VisionForm(PlanForm):
    textarea_rows = 5

    class Meta:
        model = Vision
        fields = ["vision", "direction"]


class MissionForm(PlanForm):
    class Meta:
        model = Mission
        fields = ["text"]


class DimensionStrategyForm(PlanForm):
    textarea_rows = 3

    class Meta:
        model = DimensionStrategy
        fields = ["dimension", "element", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dimension = self.fixed.get("dimension") or self.instance.dimension_id
        elements = Element.objects.select_related("dimension")
        self.fields["element"].queryset = elements.filter(dimension_id=dimension) if dimension else elements


class GoalForm(PlanForm):
    class Meta:
        model = Goal
        fields = ["strategy", "text", "indicator", "target"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = DimensionStrategy.objects.filter(masterplan=self.masterplan)


class PlanSettingsForm(PlanForm):
    class Meta:
        model = PlanSettings
        fields = ["short_end_year", "medium_end_year"]
        help_texts = {
            "short_end_year": _("Program jangka pendek selesai paling lambat tahun ini."),
            "medium_end_year": _("Program jangka menengah (terkait RPJMD) selesai paling lambat tahun ini."),
        }
