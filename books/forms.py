from django import forms
from django.utils.translation import gettext_lazy as _

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

    def __init__(self, *args, books, final_allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["book"].choices = [(ALL, _("Semua buku")), *((b.key, b.display_title) for b in books)]
        self.final_allowed = final_allowed
        self.book_keys = [b.key for b in books]

    def clean_variant(self):
        variant = self.cleaned_data["variant"]
        if variant == ExportJob.Variant.FINAL and not self.final_allowed:
            raise forms.ValidationError(_("Versi final hanya dapat dibuat setelah masterplan disetujui."))
        return variant

    def selected_keys(self):
        key = self.cleaned_data["book"]
        return self.book_keys if key == ALL else [key]
