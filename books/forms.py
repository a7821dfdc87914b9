from django import forms
from django.utils.translation import gettext_lazy as _

from core import registry

from .models import ExportJob

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
