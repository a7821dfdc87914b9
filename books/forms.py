from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import registry
from core.concurrency import VersionedFormMixin

from .front import TEXT_FIELDS, default_methodology, default_text, law_rows, laws_as_text
from .models import Edition, ExportJob, FrontMatter

NIP_DIGITS = 18

ALL = "__all__"


class ExportForm(forms.Form):
    book = forms.ChoiceField(label=_("Buku"), widget=forms.Select(attrs={"class": "form-select"}))
    variant = forms.ChoiceField(
        label=_("Versi"),
        choices=ExportJob.Variant.choices,
        initial=ExportJob.Variant.DRAFT,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    year = forms.TypedChoiceField(
        label=_("Tahun laporan monev"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Untuk buku tahunan (Laporan Monitoring dan Evaluasi); bawaan: tahun pelaporan terbaru."),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, books, final_allowed, years=(), **kwargs):
        """`years`: the years a yearly book of the set can be made for (newest first); no field without them."""
        super().__init__(*args, **kwargs)
        self.fields["book"].choices = [(ALL, _("Semua buku")), *((b.key, b.display_title) for b in books)]
        self.final_allowed = final_allowed
        self.book_keys = [b.key for b in books]
        self.years = list(years)
        if years:
            self.fields["year"].choices = [(y, y) for y in years]
        else:
            del self.fields["year"]

    def clean_variant(self):
        variant = self.cleaned_data["variant"]
        if variant == ExportJob.Variant.FINAL and not self.final_allowed:
            raise forms.ValidationError(_("Versi final hanya dapat dibuat setelah masterplan disetujui."))
        return variant

    def selected_keys(self):
        key = self.cleaned_data["book"]
        if key != ALL:
            return [key]
        # every book; a yearly book (the monev report) only once it has a year to be made for
        return [k for k in self.book_keys if self.years or registry.yearly_book(k) is None]


class _Helper:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class SigningForm(_Helper, VersionedFormMixin, forms.ModelForm):
    """The regional head who signs the forewords and the Lembar Pengesahan."""

    class Meta:
        model = FrontMatter
        fields = ["head_title", "head_name", "head_nip", "place"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean_head_nip(self):
        nip = "".join(self.cleaned_data.get("head_nip", "").split())
        if nip and (not nip.isdigit() or len(nip) != NIP_DIGITS):
            raise ValidationError(
                _("NIP terdiri atas %(n)s angka (tanpa huruf); kosongkan bila tidak ada.") % {"n": NIP_DIGITS}
            )
        return nip


MAX_LAWS = 60


def parse_laws(text):
    """Lines "jenis | nomor | tahun | tentang" -> [dict]; raises ValidationError naming every bad line."""
    rows, errors = [], []
    lines = [line.strip() for line in (text or "").splitlines()]
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4 or not all(parts):
            errors.append(
                _("Baris %(n)s: tulis empat bagian dipisah “|”: jenis | nomor | tahun | tentang.") % {"n": number}
            )
            continue
        kind, num, year, subject = parts
        if not year.isdigit() or not 1945 <= int(year) <= 2100:
            errors.append(
                _("Baris %(n)s, kolom tahun: “%(y)s” bukan tahun antara 1945 dan 2100.") % {"n": number, "y": year[:10]}
            )
            continue
        if len(kind) > 80 or len(num) > 40 or len(subject) > 500:
            errors.append(
                _("Baris %(n)s: jenis paling panjang 80, nomor 40, dan tentang 500 karakter.") % {"n": number}
            )
            continue
        rows.append({"kind": kind, "number": num, "year": int(year), "subject": subject})
    if len(rows) > MAX_LAWS:
        errors.append(_("Paling banyak %(n)s peraturan.") % {"n": MAX_LAWS})
    if errors:
        raise ValidationError(errors)
    return rows


class LegalBasisForm(_Helper, VersionedFormMixin, forms.ModelForm):
    """The national legal basis (one regulation a line) and the methodology's opening text."""

    laws = forms.CharField(
        label=_("Peraturan perundang-undangan nasional"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "class": "font-monospace"}),
        help_text=_(
            "Satu peraturan per baris: jenis | nomor | tahun | tentang. Peraturan daerah, SK, dan MoU diisi di Kelembagaan."
        ),
    )

    class Meta:
        model = FrontMatter
        fields = ["methodology"]
        widgets = {"methodology": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["laws"].initial = laws_as_text(law_rows(self.instance))
        self.default_methodology = default_methodology(self.instance.masterplan)
        if not self.instance.methodology:
            self.initial["methodology"] = self.default_methodology
        self._helper()

    def clean_methodology(self):
        value = (self.cleaned_data.get("methodology") or "").replace("\r\n", "\n").strip()
        return "" if " ".join(value.split()) == " ".join(self.default_methodology.split()) else value

    def clean_laws(self):
        return parse_laws(self.cleaned_data.get("laws"))

    def save(self, commit=True):
        if "laws" in self.changed_data:
            self.instance.national_laws = self.cleaned_data["laws"]
        return super().save(commit=commit)


class EditionForm(_Helper, VersionedFormMixin, forms.ModelForm):
    """One book's edition date and texts. Each text starts as the book's default; saving it unchanged keeps
    the default (stored blank), so it follows the region's name and years."""

    class Meta:
        model = Edition
        fields = ["date", "foreword", "background", "purpose", "scope", "closing"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{name: forms.Textarea(attrs={"rows": 6}) for name in TEXT_FIELDS},
        }

    def __init__(self, *args, masterplan, book, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan, self.book = masterplan, book
        self.defaults = {name: default_text(masterplan, book.key, name, book.title) for name in TEXT_FIELDS}
        for name in TEXT_FIELDS:
            if not getattr(self.instance, name):
                self.initial[name] = self.defaults[name]
        self.fields["date"].help_text = _("Dicetak di sampul, kata pengantar, dan lembar pengesahan.")
        self._helper()

    def clean_date(self):
        date = self.cleaned_data.get("date")
        first, last = self.masterplan.cohort.year - 1, self.masterplan.end_year
        if date and not first <= date.year <= last:
            raise ValidationError(
                _("Tanggal edisi harus antara tahun %(a)s dan %(b)s (angkatan %(c)s sampai akhir masterplan).")
                % {"a": first, "b": last, "c": self.masterplan.cohort.year}
            )
        return date

    def _clean_text(self, name):
        value = (self.cleaned_data.get(name) or "").replace("\r\n", "\n").strip()
        return "" if " ".join(value.split()) == " ".join(self.defaults[name].split()) else value

    def clean(self):
        data = super().clean()
        for name in TEXT_FIELDS:
            if name in data:
                data[name] = self._clean_text(name)
        return data

    def has_changed(self):
        return bool(set(self.changed_data) - {"version"})
