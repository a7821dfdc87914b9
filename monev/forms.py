from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.sanitize import clean_html
from core.uploads import ALL_KINDS, IMAGE_KINDS, validate_upload
from masterplan.models import OPD
from plan.models import Source

from .models import ReportingYear, Sosialisasi, Status
from .numbers import normalise_value, parse_rupiah

MAX_FILES = 10


class _NoTag:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ReportingYearForm(_NoTag, forms.Form):
    year = forms.TypedChoiceField(label=_("Tahun pelaporan"), coerce=int)
    deadline = forms.DateField(label=_("Batas waktu pelaporan OPD"), widget=DateInput())

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        taken = set(ReportingYear.objects.for_masterplan(masterplan).values_list("year", flat=True))
        self.fields["year"].choices = [(y, y) for y in masterplan.years if y not in taken]
        self._helper()


class ReportForm(_NoTag, forms.Form):
    """A report of one item: status, budget, notes, one field per indicator (`indicator_<pk>`), evidence."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(label=_("Status pelaksanaan"), choices=Status.choices)
    budget_realised = forms.CharField(
        label=_("Realisasi anggaran (Rp)"),
        required=False,
        max_length=40,
        help_text=_("Misalnya 1.250.000 atau 2 juta."),
    )
    budget_source = forms.ChoiceField(
        label=_("Sumber dana realisasi"), choices=[("", "—"), *Source.choices], required=False
    )
    notes = forms.CharField(
        label=_("Catatan"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, item, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        report = item.report
        if report is not None and not self.is_bound:
            self.initial.update(
                {
                    "version": report.version,
                    "status": report.status,
                    "budget_realised": ""
                    if report.budget_realised is None
                    else f"{int(report.budget_realised):,}".replace(",", "."),
                    "budget_source": report.budget_source,
                    "notes": report.notes,
                }
            )
        for indicator in item.indicators:
            target = indicator.target or _("belum ditetapkan")
            unit = f" ({indicator.unit})" if indicator.unit else ""
            self.fields[f"indicator_{indicator.pk}"] = forms.CharField(
                label=f"{indicator.name}{unit}",
                required=False,
                max_length=60,
                initial=indicator.realisation,
                help_text=_("Target %(y)s: %(t)s") % {"y": year, "t": target},
            )
        self.fields["files"] = MultipleFileField(
            label=_("Bukti dukung"),
            required=False,
            help_text=_(
                "SK, peraturan, foto, tangkapan layar, laporan: JPG, PNG, PDF, DOCX, XLSX atau PPTX; paling banyak 10 berkas."
            ),
        )
        self._helper()

    def clean_budget_realised(self):
        try:
            return parse_rupiah(self.cleaned_data["budget_realised"])
        except ValueError as problem:
            raise ValidationError(str(problem)) from None

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_FILES:
            raise ValidationError(_("Paling banyak %(n)s berkas sekali unggah.") % {"n": MAX_FILES})
        return [(uploaded, validate_upload(uploaded, allowed=ALL_KINDS)) for uploaded in files]

    def realisations(self):
        return {i.pk: normalise_value(self.cleaned_data.get(f"indicator_{i.pk}")) for i in self.item.indicators}


class SheetForm(_NoTag, forms.Form):
    file = forms.FileField(label=_("Lembar laporan (.xlsx)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class SosialisasiForm(_NoTag, VersionedFormMixin, forms.ModelForm):
    """An event after adoption; the OPDs offered are the masterplan's region's own."""

    class Meta:
        model = Sosialisasi
        fields = ["kind", "title", "held_on", "venue", "speakers", "attendance", "attending_opds", "minutes"]
        widgets = {
            "held_on": DateInput(),
            "speakers": forms.Textarea(attrs={"rows": 3}),
            "attending_opds": forms.CheckboxSelectMultiple,
            "minutes": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan = masterplan
        self.fields["attending_opds"].queryset = OPD.objects.for_masterplan(masterplan)
        self._helper()

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if not 2000 <= held_on.year <= self.masterplan.end_year + 1:
            raise ValidationError(
                _("Tanggal %(d)s di luar masa masterplan (sampai %(y)s).")
                % {"d": held_on.strftime("%d/%m/%Y"), "y": self.masterplan.end_year}
            )
        return held_on

    def clean_minutes(self):
        return clean_html(self.cleaned_data.get("minutes", ""))


class PhotoForm(_NoTag, forms.Form):
    file = forms.FileField(label=_("Foto"), help_text=_("JPG, PNG, GIF atau WebP."))
    caption = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded, allowed=IMAGE_KINDS)
        return uploaded
