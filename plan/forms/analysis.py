"""Forms of the strategic analysis and the institutions: choices limited to the masterplan's own rows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from masterplan.forms import NoTagHelperMixin
from masterplan.models import OPD, Element

from ..models import (
    Application,
    CouncilMember,
    Gap,
    KeyFigure,
    LegalDocument,
    ReadinessItem,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
)
from ..models.analysis import STRATEGY_SOURCES


class PlanForm(NoTagHelperMixin, VersionedFormMixin, forms.ModelForm):
    """A form for a row of a masterplan: the instance gets the masterplan before validation."""

    textarea_rows = 2

    def __init__(self, *args, masterplan, fixed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan = masterplan
        if hasattr(self.instance, "masterplan_id") and not self.instance.masterplan_id:
            self.instance.masterplan = masterplan
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = self.textarea_rows
        self.fixed = fixed or {}
        for name, value in self.fixed.items():
            if name in self.fields:
                self.fields[name].initial = value
                self.fields[name].widget = forms.HiddenInput()
        self._helper()


class RegionProfileForm(PlanForm):
    textarea_rows = 6

    class Meta:
        model = RegionProfile
        fields = ["geography", "economy", "society"]


class KeyFigureForm(PlanForm):
    class Meta:
        model = KeyFigure
        fields = ["label", "value", "unit", "source", "year"]


class ReadinessItemForm(PlanForm):
    class Meta:
        model = ReadinessItem
        fields = ["component", "dimension", "name", "rating", "evidence", "notes"]


class SwotEntryForm(PlanForm):
    class Meta:
        model = SwotEntry
        fields = ["dimension", "kind", "component", "text"]


class SwotStrategyForm(PlanForm):
    class Meta:
        model = SwotStrategy
        fields = ["dimension", "kind", "text", "entries"]
        widgets = {"entries": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entries = SwotEntry.objects.filter(masterplan=self.masterplan).select_related("dimension")
        dimension = self.fixed.get("dimension") or self.instance.dimension_id
        if dimension:
            entries = entries.filter(dimension_id=getattr(dimension, "pk", dimension))
        self.fields["entries"].queryset = entries
        self.fields["entries"].label_from_instance = lambda e: f"{e.kind}: {e.text[:90]}"

    def clean(self):
        data = super().clean()
        kind, entries, dimension = data.get("kind"), data.get("entries") or [], data.get("dimension")
        if kind:
            allowed = STRATEGY_SOURCES[kind]
            wrong = [e for e in entries if e.kind not in allowed]
            if wrong:
                self.add_error(
                    "entries",
                    _("Strategi %(k)s hanya dapat merujuk butir %(a)s dan %(b)s.")
                    % {"k": kind, "a": allowed[0], "b": allowed[1]},
                )
        if dimension and any(e.dimension_id != dimension.pk for e in entries):
            self.add_error("entries", _("Butir SWOT yang dirujuk harus dari dimensi yang sama."))
        return data


class GapForm(PlanForm):
    class Meta:
        model = Gap
        fields = ["dimension", "current", "expected"]


class ApplicationForm(PlanForm):
    url = forms.URLField(label=_("tautan"), required=False, assume_scheme="https")

    class Meta:
        model = Application
        fields = ["name", "opd", "dimension", "element", "purpose", "users", "status", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OPD.objects.for_masterplan(self.masterplan)
        self.fields["element"].queryset = Element.objects.select_related("dimension")


class CouncilMemberForm(PlanForm):
    class Meta:
        model = CouncilMember
        fields = ["body", "name", "position", "role"]


class LegalDocumentForm(PlanForm):
    class Meta:
        model = LegalDocument
        fields = ["kind", "number", "date", "year", "title"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
