from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.textlimits import TextLimitsMixin
from core.uploads import ALL_KINDS, IMAGE_KINDS, validate_upload
from masterplan.models import OPD, Element
from plan.models import Programme
from rpjmd.models import RPJMD, Program

from .models import Budget, Partner, ProgressUpdate, QuickWin, QuickWinIndicator, QuickWinOwner, SelectionWeights

MAX_FILES = 10


class NoTagHelperMixin:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


def rpjmd_programs_for(masterplan):
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    if rpjmd is None:
        return Program.objects.none()
    return Program.objects.filter(rpjmd=rpjmd).select_related("opd")


def year_bounds(masterplan):
    """Years a quick win's owners and budgets may use: from the year before the cohort to the plan's end."""
    return masterplan.cohort.year - 1, masterplan.end_year


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


TEXTAREA = forms.Textarea(attrs={"rows": 3})


class QuickWinForm(NoTagHelperMixin, VersionedFormMixin, forms.ModelForm):
    owner_opd = forms.ModelChoiceField(label=_("OPD pemilik"), queryset=OPD.objects.none())
    owner_year = forms.IntegerField(label=_("Tahun kepemilikan"))

    class Meta:
        model = QuickWin
        fields = [
            "short_name",
            "full_name",
            "dimension",
            "element",
            "innovation_type",
            "status",
            "problem",
            "beneficiaries",
            "solution",
            "benefits",
            "novelty",
            "location",
            "start_date",
            "end_date",
            "resources_people",
            "resources_facilities",
            "sustainability_regulation",
            "sustainability_institution",
            "sustainability_resources",
            "sustainability_business_model",
            "risks",
            "rpjmd_programs",
            "plan_programmes",
            "programme",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "rpjmd_programs": forms.SelectMultiple(attrs={"size": 8}),
            "plan_programmes": forms.SelectMultiple(attrs={"size": 8}),
            **{
                name: TEXTAREA
                for name in [
                    "problem",
                    "beneficiaries",
                    "solution",
                    "benefits",
                    "novelty",
                    "resources_people",
                    "resources_facilities",
                    "sustainability_regulation",
                    "sustainability_institution",
                    "sustainability_resources",
                    "sustainability_business_model",
                    "risks",
                ]
            },
        }

    def __init__(self, *args, masterplan, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan = masterplan
        self.fields["element"].queryset = Element.objects.select_related("dimension")
        self.fields["element"].label_from_instance = lambda e: f"{e.dimension.name} · {e.name}"
        programs = rpjmd_programs_for(masterplan)
        self.fields["rpjmd_programs"].queryset = programs
        self.fields["rpjmd_programs"].help_text = (
            _("Program RPJMD daerah yang didukung quick win ini (tahan Ctrl untuk memilih lebih dari satu).")
            if programs.exists()
            else _("RPJMD daerah belum diimpor; program RPJMD dapat dikaitkan setelah diimpor di tab RPJMD.")
        )
        programmes = Programme.objects.for_masterplan(masterplan).select_related("dimension")
        self.fields["plan_programmes"].queryset = programmes  # only this masterplan's programmes
        self.fields["plan_programmes"].label_from_instance = lambda p: f"{p.dimension.name} · {p.name}"
        self.fields["plan_programmes"].help_text = _(
            "Program masterplan (tab Rencana) yang dijalankan lebih awal lewat quick win ini."
        )
        taken = QuickWin.objects.filter(masterplan=masterplan, programme__isnull=False).exclude(pk=self.instance.pk)
        self.fields["programme"].queryset = programmes.exclude(pk__in=taken.values("programme_id"))
        self.fields["programme"].label_from_instance = lambda p: f"{p.dimension.name} · {p.name}"
        self.fields["programme"].empty_label = _("– bukan program masterplan –")
        self.fields["dimension"].required = False  # a programme's quick win takes the programme's
        if self.instance.programme_id:  # read-only here: they are the programme's, edited on its page
            for name in ("dimension", "element"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Diambil dari program masterplan yang sama.")
        owner = []
        if self.instance.pk:
            del self.fields["owner_opd"], self.fields["owner_year"]
        else:
            opds = OPD.objects.for_masterplan(masterplan)
            if not access.can_manage:
                opds = opds.filter(pk=access.opd_id)
                self.fields["owner_opd"].initial = access.opd_id
                self.fields["owner_opd"].empty_label = None
            self.fields["owner_opd"].queryset = opds
            self.fields["owner_year"].initial = timezone.localdate().year
            self.fields["owner_year"].min_value, self.fields["owner_year"].max_value = year_bounds(masterplan)
            owner = [Row(Column("owner_opd", css_class="col-md-6"), Column("owner_year", css_class="col-md-3"))]
        self._helper()
        self.helper.layout = Layout(
            Fieldset(
                _("Identitas"),
                Row(Column("short_name", css_class="col-md-4"), Column("full_name", css_class="col-md-8")),
                Row(Column("dimension", css_class="col-md-6"), Column("element", css_class="col-md-6")),
                Row(Column("innovation_type", css_class="col-md-6"), Column("status", css_class="col-md-6")),
                *owner,
            ),
            Fieldset(_("Masalah dan solusi"), "problem", "beneficiaries", "solution", "benefits", "novelty"),
            Fieldset(
                _("Tempat dan waktu"),
                "location",
                Row(Column("start_date", css_class="col-md-6"), Column("end_date", css_class="col-md-6")),
            ),
            Fieldset(
                _("Sumber daya dan keberlanjutan"),
                Row(
                    Column("resources_people", css_class="col-md-6"),
                    Column("resources_facilities", css_class="col-md-6"),
                ),
                Row(
                    Column("sustainability_regulation", css_class="col-md-6"),
                    Column("sustainability_institution", css_class="col-md-6"),
                ),
                Row(
                    Column("sustainability_resources", css_class="col-md-6"),
                    Column("sustainability_business_model", css_class="col-md-6"),
                ),
            ),
            Fieldset(_("Risiko dan keterkaitan"), "risks", "programme", "rpjmd_programs", "plan_programmes"),
            "version",
        )

    def clean(self):
        """A quick win that is a programme takes the programme's dimension and element (one record); the owner
        asked for on creation is then the programme's lead OPD."""
        cleaned = super().clean()
        programme = cleaned.get("programme")
        if programme is not None:
            cleaned["dimension"], cleaned["element"] = programme.dimension, programme.element
            self.instance.dimension, self.instance.element = programme.dimension, programme.element
            if "owner_opd" in self.fields and programme.lead_opd_id:
                cleaned["owner_opd"] = programme.lead_opd
        elif not cleaned.get("dimension") and "dimension" not in self.errors:
            self.add_error("dimension", _("Pilih dimensi (atau pilih program masterplan yang sama)."))
        return cleaned

    def clean_owner_year(self):
        year = self.cleaned_data["owner_year"]
        first, last = year_bounds(self.masterplan)
        if not first <= year <= last:
            raise ValidationError(
                _("Tahun %(y)s di luar rentang masterplan (%(a)s–%(b)s).") % {"y": year, "a": first, "b": last}
            )
        return year

    def clean_short_name(self):
        name = self.cleaned_data["short_name"].strip()
        clash = QuickWin.objects.filter(masterplan=self.masterplan, short_name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise ValidationError(_("Quick win bernama %(n)s sudah ada di masterplan ini.") % {"n": name})
        return name


class ScoreForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = QuickWin
        fields = ["score_impact", "score_feasibility", "score_cost", "score_speed", "score_rpjmd"]
        widgets = {
            name: forms.Select(choices=[("", "–"), *[(i, i) for i in range(1, 6)]], attrs={"class": "form-select"})
            for name in fields
        }


class WeightsForm(NoTagHelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = SelectionWeights
        fields = ["impact", "feasibility", "cost", "speed", "rpjmd"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField):
                field.min_value, field.max_value = 0, 100
                field.widget.attrs.update({"min": 0, "max": 100})
        self._helper()


# Details of a quick win: owners per year, partners, budgets, indicators (inline formsets) -----------


class StyledFormSet(BaseInlineFormSet):
    """Bootstrap classes on every field of every row (the rows are laid out as a table)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            widget = field.widget
            if name == "DELETE":
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select form-select-sm"
            else:
                widget.attrs["class"] = "form-control form-control-sm"


class YearFormSet(StyledFormSet):
    """Checks each row's year against the masterplan (and the quick win's dates for budgets)."""

    check_dates = False
    what = _("Tahun")

    def __init__(self, *args, masterplan, **kwargs):
        self.masterplan = masterplan
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        first, last = year_bounds(self.masterplan)
        start, end = self.instance.start_date, self.instance.end_date
        for index, form in enumerate(self.forms, start=1):
            year = form.cleaned_data.get("year") if hasattr(form, "cleaned_data") else None
            if not year or form.cleaned_data.get("DELETE"):
                continue
            if not first <= year <= last:
                form.add_error(
                    "year",
                    _("Baris %(i)s: tahun %(y)s di luar rentang masterplan (%(a)s–%(b)s).")
                    % {"i": index, "y": year, "a": first, "b": last},
                )
            elif self.check_dates and start and end and not start.year <= year <= end.year:
                form.add_error(
                    "year",
                    _("Baris %(i)s: tahun anggaran %(y)s di luar masa pelaksanaan quick win (%(a)s–%(b)s).")
                    % {"i": index, "y": year, "a": start.year, "b": end.year},
                )


class OwnerFormSetBase(YearFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms + [self.empty_form]:
            form.fields["opd"].queryset = OPD.objects.for_masterplan(self.masterplan)

    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data.get("opd") and not f.cleaned_data.get("DELETE")]
        if not any(self.errors) and not kept:
            raise ValidationError(_("Quick win harus punya paling sedikit satu OPD pemilik."))


class BudgetFormSetBase(YearFormSet):
    check_dates = True


OwnerFormSet = inlineformset_factory(
    QuickWin, QuickWinOwner, formset=OwnerFormSetBase, fields=["year", "opd"], extra=1, can_delete=True
)
PartnerFormSet = inlineformset_factory(
    QuickWin,
    Partner,
    fields=["kind", "name", "role"],
    extra=1,
    can_delete=True,
    formset=StyledFormSet,
)
BudgetFormSet = inlineformset_factory(
    QuickWin, Budget, formset=BudgetFormSetBase, fields=["year", "source", "amount"], extra=1, can_delete=True
)
IndicatorFormSet = inlineformset_factory(
    QuickWin,
    QuickWinIndicator,
    formset=StyledFormSet,
    fields=["name", "unit", "baseline", "target", "order"],
    extra=1,
    can_delete=True,
)


# Progress and files ------------------------------------------------------------------------------


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


class ProgressForm(NoTagHelperMixin, TextLimitsMixin, forms.ModelForm):
    files = MultipleFileField(
        label=_("Foto atau dokumen"),
        required=False,
        help_text=_("JPG, PNG, PDF, DOCX, XLSX atau PPTX; paling banyak 10 berkas."),
    )

    class Meta:
        model = ProgressUpdate
        fields = ["date", "percent", "status", "note"]
        widgets = {"date": DateInput(), "note": TEXTAREA}

    def __init__(self, *args, quickwin, **kwargs):
        super().__init__(*args, **kwargs)
        self.quickwin = quickwin
        self.fields["percent"].widget.attrs.update({"min": 0, "max": 100})
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("status", quickwin.status)
            self.initial.setdefault("percent", quickwin.progress)
        self._helper()

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("Tanggal laporan tidak boleh di masa depan."))
        return date

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_FILES:
            raise ValidationError(_("Paling banyak %(n)s berkas sekali unggah.") % {"n": MAX_FILES})
        checked = []
        for uploaded in files:
            checked.append((uploaded, validate_upload(uploaded, allowed=ALL_KINDS)))
        return checked


class PhotoForm(NoTagHelperMixin, forms.Form):
    image = forms.FileField(label=_("Foto"), help_text=_("JPG, PNG, GIF atau WEBP."))
    caption = forms.CharField(label=_("Keterangan foto"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean_image(self):
        image = self.cleaned_data["image"]
        validate_upload(image, allowed=IMAGE_KINDS)
        return image


class ImportForm(NoTagHelperMixin, forms.Form):
    file = forms.FileField(label=_("Lembar kerja kemajuan (.xlsx)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()
