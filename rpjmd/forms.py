import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import EditConflict, VersionedFormMixin
from core.params import parse_id
from masterplan.models import OPD, Dimension

from .models import RPJMD, Misi

PERIOD_RE = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$")


def element_choices(elements, blank=True):
    """Elements grouped by their dimension (optgroups), as (pk, name)."""
    groups = {}
    for element in elements:
        groups.setdefault(element.dimension, []).append((element.pk, element.name))
    choices = [("", _("— belum dipetakan —"))] if blank else []
    return choices + [(dimension.name, items) for dimension, items in groups.items()]


def parse_period(value):
    """'2021-2026' -> (2021, 2026); raises ValueError."""
    match = PERIOD_RE.match(value or "")
    if not match:
        raise ValueError(value)
    start, end = int(match.group(1)), int(match.group(2))
    if not (1 <= end - start <= 6) or not (1990 <= start <= 2100):
        raise ValueError(value)
    return start, end


class ElementsMixin:
    """Elements are the same for every region: read once per form, with their dimensions."""

    def load_elements(self, elements):
        self.elements = {e.pk: e for e in elements}

    def element(self, value):
        if value in (None, ""):
            return None
        try:
            return self.elements[int(value)]
        except (KeyError, TypeError, ValueError):
            raise forms.ValidationError(_("Pilih elemen dari daftar.")) from None


class MappingForm(ElementsMixin, VersionedFormMixin, forms.Form):
    """The mapping of one programme. The `version` the form was opened at is required: a save without it
    (an old page, a hand-made request) is refused, so nobody overwrites a mapping they never saw."""

    primary_element = forms.TypedChoiceField(label=_("Elemen utama"), required=False)
    secondary_elements = forms.TypedMultipleChoiceField(
        label=_("Elemen pendukung"),
        required=False,
        widget=forms.CheckboxSelectMultiple,  # shown grouped by dimension: {% checkbox_groups %}
    )
    justification = forms.CharField(
        label=_("Alasan pemetaan"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, elements, program=None, **kwargs):
        self.instance = program
        if program is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "primary_element": program.primary_element_id,
                "secondary_elements": [e.pk for e in program.secondary_elements.all()],
                "justification": program.justification,
            }
        if program is not None:
            kwargs.setdefault("auto_id", f"map{program.pk}_%s")
        super().__init__(*args, **kwargs)
        self.load_elements(elements)
        self.fields["primary_element"].choices = element_choices(elements)
        self.fields["secondary_elements"].choices = element_choices(elements, blank=False)
        if program is not None:
            self.fields["version"].initial = program.version
        self.fields["version"].required = True
        self.fields["version"].error_messages["required"] = _(
            "Formulir ini tidak membawa versi data, jadi tidak disimpan. Muat ulang halaman, lalu simpan lagi."
        )

    def keep_typed(self, version):
        """What the user typed, at the saved `version`: the form shown after a refused save, so saving it again
        (after comparing) goes through and nothing typed is lost."""
        data = self.data.copy()
        data[self.add_prefix("version")] = version
        return data

    def non_field_errors(self):
        errors = super().non_field_errors()
        return errors + self.errors.get("version", []) if "version" in self.errors else errors

    def clean_primary_element(self):
        return self.element(self.cleaned_data.get("primary_element"))

    def clean_secondary_elements(self):
        return [self.element(v) for v in self.cleaned_data.get("secondary_elements") or []]

    def clean(self):
        data = super().clean()
        if data.get("secondary_elements") and not data.get("primary_element"):
            self.add_error("primary_element", _("Pilih elemen utama sebelum elemen pendukung."))
        return data


class BulkMappingForm(ElementsMixin, forms.Form):
    primary_element = forms.TypedChoiceField(label=_("Petakan program terpilih ke elemen"))
    programs = forms.TypedMultipleChoiceField(label=_("Program terpilih"), coerce=int)

    def __init__(self, *args, elements, program_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.load_elements(elements)
        self.fields["primary_element"].choices = element_choices(elements)
        self.fields["programs"].choices = [(pk, pk) for pk in program_ids]
        self.fields["primary_element"].error_messages["required"] = _("Pilih elemen tujuan pemetaan.")
        self.fields["programs"].error_messages["required"] = _("Centang dulu program yang akan dipetakan.")
        self.fields["programs"].error_messages["invalid_choice"] = _(
            "Program %(value)s tidak ada atau bukan milik OPD Anda."
        )

    def clean_primary_element(self):
        element = self.element(self.cleaned_data.get("primary_element"))
        if element is None:
            raise forms.ValidationError(_("Pilih elemen tujuan pemetaan."))
        return element

    @staticmethod
    def version_name(pk):
        return f"version-{pk}"

    def clean(self):
        """Every ticked programme carries the version the page showed (`version-<id>`): {id: version}."""
        data = super().clean()
        versions = {}
        for pk in data.get("programs") or []:
            version = parse_id(self.data.get(self.version_name(pk), ""))
            if version is None:
                raise forms.ValidationError(
                    _(
                        "Formulir ini tidak membawa versi data, jadi tidak disimpan. Muat ulang halaman, lalu simpan lagi."
                    )
                )
            versions[pk] = version
        data["versions"] = versions
        return data


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau kode"), required=False, max_length=100)
    opd = forms.ModelChoiceField(label=_("OPD"), queryset=OPD.objects.none(), required=False, empty_label=_("Semua"))
    misi = forms.ModelChoiceField(label=_("Misi"), queryset=Misi.objects.none(), required=False, empty_label=_("Semua"))
    dimension = forms.ModelChoiceField(
        label=_("Dimensi"), queryset=Dimension.objects.all(), required=False, empty_label=_("Semua")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), ("unmapped", _("Belum dipetakan")), ("mapped", _("Sudah dipetakan"))],
    )

    def __init__(self, *args, opds, misi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["misi"].queryset = misi
        for name, field in self.fields.items():
            field.widget.attrs["class"] = (
                "form-control form-control-sm" if name == "q" else "form-select form-select-sm"
            )
        self.fields["misi"].label_from_instance = lambda m: f"Misi {m.number}"

    def apply(self, programs):
        if not self.is_valid():
            return programs
        data = self.cleaned_data
        if data["q"]:
            q = data["q"].strip()
            programs = programs.filter(Q(name__icontains=q) | Q(code__startswith=q))
        if data["opd"]:
            programs = programs.of_opd(data["opd"].pk)  # lead or co-responsible
        if data["misi"]:
            programs = programs.filter(misi=data["misi"])
        if data["dimension"]:
            programs = programs.filter(primary_dimension=data["dimension"])
        if data["status"] == "mapped":
            programs = programs.mapped()
        elif data["status"] == "unmapped":
            programs = programs.unmapped()
        return programs


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas tabel program (.xlsx atau .csv)"),
        help_text=_("Tabel Indikasi Rencana Program Prioritas dari dokumen RPJMD, atau templat Rancang."),
    )
    period = forms.CharField(
        label=_("Periode RPJMD"),
        required=False,
        max_length=20,
        help_text=_("Misalnya 2021-2026. Kosongkan untuk membaca periode dari kolom tahun di berkas."),
    )

    def __init__(self, *args, rpjmd=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rpjmd is not None:
            self.fields["period"].help_text = _(
                "Kosongkan untuk memperbarui RPJMD %(a)s–%(b)s. Isi periode lain (mis. 2026-2031) untuk RPJMD baru."
            ) % {"a": rpjmd.start_year, "b": rpjmd.end_year}

    def clean_period(self):
        value = self.cleaned_data.get("period")
        if not value:
            return None
        try:
            return parse_period(value)
        except ValueError:
            raise forms.ValidationError(_("Tulis periode seperti 2021-2026 (lima atau enam tahun).")) from None


class VisiForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = RPJMD
        fields = ["visi"]
        widgets = {"visi": forms.Textarea(attrs={"rows": 2})}


class MisiForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Misi
        fields = ["number", "text", "dimensions"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "dimensions": forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        }

    def __init__(self, *args, rpjmd, **kwargs):
        super().__init__(*args, **kwargs)
        self.rpjmd = rpjmd
        self.instance.rpjmd = rpjmd
        if self.instance.pk:
            self.auto_id = f"misi{self.instance.pk}_%s"
        else:
            self.auto_id = "misi_new_%s"

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Misi.objects.filter(rpjmd=self.rpjmd, number=number).exclude(pk=self.instance.pk).exists()
        if taken:
            raise forms.ValidationError(_("Misi nomor %(n)s sudah ada.") % {"n": number})
        return number


class MappingConflict(EditConflict):
    """A refused mapping save: the saved mapping next to what the user typed (core/partials/conflict.html)."""

    def rows(self):
        data = self.form.cleaned_data
        current = self.current
        saved_secondary = ", ".join(e.name for e in current.secondary_elements.all())
        typed_secondary = ", ".join(e.name for e in data.get("secondary_elements") or [])
        element = data.get("primary_element")
        pairs = [
            (self.form.fields["primary_element"].label, current.primary_element or "", element or ""),
            (self.form.fields["secondary_elements"].label, saved_secondary, typed_secondary),
            (self.form.fields["justification"].label, current.justification, data.get("justification", "")),
        ]
        return [(label, str(theirs), str(yours), str(theirs) != str(yours)) for label, theirs, yours in pairs]
