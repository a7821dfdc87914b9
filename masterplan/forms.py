from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.uploads import IMAGE_KINDS, validate_upload

from .models import OPD, Cohort, Masterplan, Membership, Region, Role, validate_role_opd


class NoTagHelperMixin:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class MasterplanFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari daerah"), required=False)
    province = forms.ModelChoiceField(
        label=_("Provinsi"),
        queryset=Region.objects.filter(kind=Region.Kind.PROVINSI),
        required=False,
        empty_label=_("Semua provinsi"),
    )
    cohort = forms.ModelChoiceField(
        label=_("Angkatan"), queryset=Cohort.objects.all(), required=False, empty_label=_("Semua angkatan")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Masterplan.Status.choices], required=False
    )

    def apply(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(region__name__icontains=data["q"])
        if data["province"]:
            queryset = queryset.filter(region__province=data["province"])
        if data["cohort"]:
            queryset = queryset.filter(cohort=data["cohort"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        return queryset


class MasterplanCreateForm(NoTagHelperMixin, forms.Form):
    """Programme admins enrol a region in a cohort."""

    region_code = forms.CharField(
        label=_("Kode wilayah Kemendagri"),
        max_length=13,
        help_text=_("Misalnya 64.09 untuk Kabupaten Penajam Paser Utara."),
    )
    cohort_year = forms.IntegerField(label=_("Tahun angkatan"), min_value=2017, max_value=2100)
    start_year = forms.IntegerField(label=_("Tahun awal masterplan"), min_value=2017, max_value=2100)
    end_year = forms.IntegerField(label=_("Tahun akhir masterplan"), min_value=2017, max_value=2110)
    coordinator_email = forms.EmailField(label=_("Email koordinator (Diskominfo)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean_region_code(self):
        code = self.cleaned_data["region_code"].strip()
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise ValidationError(_("Kode wilayah %(code)s tidak dikenal.") % {"code": code})
        if region.kind == Region.Kind.PROVINSI:
            raise ValidationError(_("%(name)s adalah provinsi; pilih kabupaten atau kota.") % {"name": region.name})
        self.region = region
        return code

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end:
            try:
                Masterplan(start_year=start, end_year=end).clean()
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        if hasattr(self, "region") and data.get("cohort_year"):
            if Masterplan.objects.filter(region=self.region, cohort__year=data["cohort_year"]).exists():
                self.add_error(
                    "region_code",
                    _("%(name)s sudah terdaftar di angkatan %(year)s.")
                    % {"name": self.region.name, "year": data["cohort_year"]},
                )
        return data


class MasterplanForm(NoTagHelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Masterplan
        # The foreword is per book now (books: Naskah dan pengesahan buku); the logo is the lambang on every cover.
        fields = ["title", "start_year", "end_year", "logo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload
            validate_upload(logo, allowed=IMAGE_KINDS, max_bytes=2 * 1024 * 1024)
        return logo


class OPDForm(NoTagHelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = OPD
        fields = ["name", "acronym", "kind"]

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.instance.region = region
        self._helper()

    def clean_acronym(self):
        acronym = self.cleaned_data["acronym"].strip()
        clash = OPD.objects.filter(region=self.region, acronym__iexact=acronym).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Singkatan %(a)s sudah dipakai OPD lain di daerah ini.") % {"a": acronym})
        return acronym

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if OPD.objects.filter(region=self.region, name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("OPD bernama %(n)s sudah ada di daerah ini.") % {"n": name})
        return name


class InviteForm(NoTagHelperMixin, forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Peran"), choices=Role.choices)
    opd = forms.ModelChoiceField(label=_("OPD (untuk anggota pokja)"), queryset=OPD.objects.none(), required=False)

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan = masterplan
        self.fields["opd"].queryset = OPD.objects.for_masterplan(masterplan)
        self._helper()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(masterplan=self.masterplan, user__email__iexact=email).exists():
            raise ValidationError(_("%(e)s sudah menjadi anggota masterplan ini.") % {"e": email})
        return email

    def clean(self):
        data = super().clean()
        if "role" in data:
            try:
                validate_role_opd(data["role"], data.get("opd"), self.masterplan)
            except ValidationError as error:
                self.add_error("opd", error.message_dict["opd"])
        return data


class MembershipForm(NoTagHelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "opd"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OPD.objects.for_masterplan(self.instance.masterplan)
        self._helper()

    def clean(self):
        data = super().clean()
        if "role" in data:
            try:
                validate_role_opd(data["role"], data.get("opd"), self.instance.masterplan)
            except ValidationError as error:
                self.add_error("opd", error.message_dict["opd"])
        return data
