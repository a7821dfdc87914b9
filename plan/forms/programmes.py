"""Forms of the programmes: the programme itself, its budget grid (year x source) and its indicators."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from masterplan.models import OPD, Dimension, Element
from rpjmd.models import RPJMD
from rpjmd.models import Program as RPJMDProgram

from ..models import Horizon, Programme, ProgrammeIndicator, Source
from .analysis import PlanForm


def year_choices(masterplan):
    return [("", "—")] + [(y, str(y)) for y in masterplan.years]


class ProgrammeForm(PlanForm):
    textarea_rows = 4

    class Meta:
        model = Programme
        fields = [
            "name",
            "dimension",
            "element",
            "kind",
            "description",
            "lead_opd",
            "partner_opds",
            "partners",
            "rpjmd_programs",
            "horizon",
            "start_year",
            "end_year",
            "priority",
        ]
        widgets = {
            "partner_opds": forms.CheckboxSelectMultiple,
            "rpjmd_programs": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        mp = self.masterplan
        opds = OPD.objects.for_masterplan(mp)
        self.fields["partner_opds"].queryset = opds
        if access.can_manage:
            self.fields["lead_opd"].queryset = opds
        else:  # an OPD member leads programmes of their own OPD only
            self.fields["lead_opd"].queryset = opds.filter(pk=access.opd_id)
            self.fields["lead_opd"].required = True
            self.fields["lead_opd"].empty_label = None
        self.fields["element"].queryset = Element.objects.select_related("dimension")
        self.fields["element"].label_from_instance = lambda e: f"{e.dimension.name_id} · {e.name}"
        rpjmd = RPJMD.objects.for_masterplan(mp)
        self.fields["rpjmd_programs"].queryset = (
            RPJMDProgram.objects.filter(rpjmd=rpjmd).select_related("opd") if rpjmd else RPJMDProgram.objects.none()
        )
        self.fields["rpjmd_programs"].help_text = (
            _("Program RPJMD %(r)s yang menjadi dasar program ini.") % {"r": rpjmd}
            if rpjmd
            else _("Belum ada RPJMD untuk daerah ini; impor RPJMD di tab RPJMD untuk mengaitkan program.")
        )
        for name in ("start_year", "end_year"):
            self.fields[name] = forms.TypedChoiceField(
                label=self.fields[name].label,
                choices=year_choices(mp),
                coerce=int,
                empty_value=None,
                required=False,
            )


class ProgrammeFilterForm(forms.Form):
    dimensi = forms.ModelChoiceField(
        label=_("Dimensi"),
        queryset=Dimension.objects.all(),
        required=False,
        empty_label=_("Semua dimensi"),
        to_field_name="key",
    )
    opd = forms.ModelChoiceField(
        label=_("OPD"), queryset=OPD.objects.none(), required=False, empty_label=_("Semua OPD")
    )
    horizon = forms.ChoiceField(
        label=_("Horizon"), choices=[("", _("Semua horizon")), *Horizon.choices], required=False
    )

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OPD.objects.for_masterplan(masterplan)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def apply(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["dimensi"]:
            queryset = queryset.filter(dimension=data["dimensi"])
        if data["opd"]:
            queryset = queryset.filter(lead_opd=data["opd"])
        if data["horizon"]:
            queryset = queryset.filter(horizon=data["horizon"])
        return queryset


class BudgetForm(forms.Form):
    """One field per year of the programme and source: `b_<year>_<source>`, in rupiah, blank = none."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, programme, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["version"].initial = programme.version
        existing = {(line.year, line.source): line.amount for line in lines}
        # the programme's years, and any year that still has an amount (so nothing is dropped unseen)
        self.years = sorted(set(programme.years or programme.masterplan.years) | {y for y, _s in existing})
        self.grid = []
        for year in self.years:
            row = []
            for source, label in Source.choices:
                name = f"b_{year}_{source}"
                self.fields[name] = forms.DecimalField(
                    label=_("Anggaran %(y)s dari %(s)s (Rp)") % {"y": year, "s": label},
                    required=False,
                    min_value=Decimal(0),
                    max_digits=18,
                    decimal_places=0,
                    initial=existing.get((year, source)),
                    widget=forms.NumberInput(attrs={"class": "form-control form-control-sm text-end", "step": "1"}),
                    error_messages={
                        "min_value": _("Anggaran %(y)s (%(s)s) tidak boleh negatif.") % {"y": year, "s": label},
                        "invalid": _("Anggaran %(y)s (%(s)s) harus berupa angka rupiah tanpa titik.")
                        % {"y": year, "s": label},
                        "max_decimal_places": _("Anggaran %(y)s (%(s)s): tulis rupiah tanpa desimal.")
                        % {"y": year, "s": label},
                    },
                )
                row.append(self[name])
            self.grid.append((year, row))

    def amounts(self):
        """{(year, source): amount} of the non-empty, non-zero cells."""
        result = {}
        for year in self.years:
            for source in Source.values:
                value = self.cleaned_data.get(f"b_{year}_{source}")
                if value:
                    result[(year, source)] = value
        return result


class IndicatorForm(PlanForm):
    class Meta:
        model = ProgrammeIndicator
        fields = ["name", "unit", "baseline"]

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.years = programme.years or programme.masterplan.years
        targets = {t.year: t.value for t in self.instance.targets.all()} if self.instance.pk else {}
        for year in self.years:
            self.fields[f"target_{year}"] = forms.CharField(
                label=_("Target %(y)s") % {"y": year}, max_length=60, required=False, initial=targets.get(year)
            )

    def target_values(self):
        return {
            y: self.cleaned_data[f"target_{y}"].strip()
            for y in self.years
            if self.cleaned_data.get(f"target_{y}", "").strip()
        }
