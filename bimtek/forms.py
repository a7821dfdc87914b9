import json

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.sanitize import clean_rich_text
from core.textlimits import TextLimitsMixin
from core.uploads import DOCUMENT_KINDS, IMAGE_KINDS, validate_upload
from masterplan.models import OPD

from .models import Attachment, Attendee, Commitment, Decision, FollowUp, Session, Signatory

ATTACHMENT_KINDS = IMAGE_KINDS | DOCUMENT_KINDS  # PDF, images, DOCX, XLSX, PPTX
SCAN_KINDS = {"pdf", "jpg", "png"}


class HelperMixin:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class RegionOPDMixin:
    """Limit every OPD field to the masterplan's own region."""

    def _limit_opds(self, masterplan, *names):
        for name in names:
            self.fields[name].queryset = OPD.objects.for_masterplan(masterplan)


class SessionForm(HelperMixin, RegionOPDMixin, VersionedFormMixin, forms.ModelForm):
    online_link = forms.URLField(label=_("Tautan daring"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Session
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "venue",
            "online_link",
            "experts",
            "agenda",
            "invited_opds",
            "minutes",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "experts": forms.Textarea(attrs={"rows": 3}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "invited_opds": forms.CheckboxSelectMultiple,
            "minutes": forms.Textarea(attrs={"rows": 12, "data-richtext": "minutes"}),
        }

    def __init__(self, *args, masterplan, closed_stage=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_opds(masterplan, "invited_opds")
        self.fields["minutes"].widget.attrs["data-richtext-labels"] = json.dumps(
            {  # the editor's buttons (static/js/richtext.js), in the reader's language
                "toolbar": str(_("Format notulen")),
                "bold": str(_("Tebal")),
                "italic": str(_("Miring")),
                "heading": str(_("Judul bagian")),
                "heading_short": str(_("Judul")),
                "paragraph": str(_("Paragraf biasa")),
                "bullets": str(_("• Daftar berbutir")),
                "bullets_short": str(_("• Daftar")),
                "numbers": str(_("1. Daftar bernomor")),
                "numbers_short": str(_("1. Daftar")),
            }
        )
        if closed_stage is not None:  # a new session for a stage already closed: asked, not silent
            self.fields["confirm_closed"] = forms.BooleanField(
                label=_("Saya tahu Bimtek %(s)s sudah ditutup; tetap catat sesi ini.") % {"s": closed_stage.roman},
                help_text=_("Snapshot penutupan tahap tidak berubah; sesi baru hanya masuk ke data terkini."),
                required=True,
                error_messages={"required": _("Centang konfirmasi untuk mencatat sesi di tahap yang sudah ditutup.")},
            )
        self._helper()

    def clean_minutes(self):
        return clean_rich_text(self.cleaned_data.get("minutes", ""))


class AttendeeForm(HelperMixin, RegionOPDMixin, forms.ModelForm):
    class Meta:
        model = Attendee
        fields = ["name", "position", "opd", "institution"]

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_opds(masterplan, "opd")
        self.fields["opd"].empty_label = _("(bukan OPD)")
        self._helper()

    def clean(self):
        data = super().clean()
        if not data.get("opd") and not data.get("institution"):
            raise ValidationError(_("Isi OPD peserta, atau instansinya bila bukan dari OPD."))
        return data


class DecisionForm(HelperMixin, TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class FollowUpForm(HelperMixin, RegionOPDMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["text", "opd", "due_date"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_opds(masterplan, "opd")
        self._helper()


class AttachmentForm(HelperMixin, forms.Form):
    file = forms.FileField(label=_("Berkas"))
    kind = forms.ChoiceField(label=_("Jenis lampiran"), choices=Attachment.Kind.choices)
    title = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, gambar (JPG, PNG, GIF, WebP), DOCX, XLSX atau PPTX; paling besar %(mb)s MB."
        ) % {"mb": settings.UPLOAD_MAX_MB}
        self._helper()

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.content_kind = validate_upload(uploaded, allowed=ATTACHMENT_KINDS)
        return uploaded


class CommitmentForm(HelperMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["title", "text", "place", "signed_on"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 12}),
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"text": _("Pisahkan paragraf dengan satu baris kosong.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class SignatoryForm(HelperMixin, RegionOPDMixin, forms.ModelForm):
    class Meta:
        model = Signatory
        fields = ["name", "position", "opd", "order"]

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_opds(masterplan, "opd")
        self.fields["opd"].empty_label = _("(kepala daerah / bukan OPD)")
        self._helper()


class ScanForm(HelperMixin, forms.Form):
    scan = forms.FileField(label=_("Pindaian naskah bertanda tangan"), help_text=_("PDF, JPG atau PNG."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean_scan(self):
        uploaded = self.cleaned_data["scan"]
        validate_upload(uploaded, allowed=SCAN_KINDS)
        return uploaded


class CompareForm(forms.Form):
    """Two snapshots to compare; 'today' is the live masterplan."""

    a = forms.ChoiceField(label=_("Versi lama"), widget=forms.Select(attrs={"class": "form-select"}))
    b = forms.ChoiceField(label=_("Versi baru"), widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, snapshots, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(s.pk), f"{s.display_label} ({s.taken_at:%d-%m-%Y})") for s in snapshots]
        self.fields["a"].choices = choices
        self.fields["b"].choices = [*choices, ("today", _("Hari ini (data terkini)"))]


class AttendancePasteForm(HelperMixin, forms.Form):
    text = forms.CharField(
        label=_("Daftar peserta"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "class": "font-monospace"}),
        help_text=_(
            "Satu orang per baris: nama, jabatan, OPD (nama atau singkatan), dipisah tab (salin dari Excel), "
            "titik koma atau koma. Contoh: Budi Santoso; Kepala Bidang; DLH"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class AttendanceUploadForm(HelperMixin, forms.Form):
    """The file only: its content is read (and refused when hostile) by core.spreadsheets in attendance.py."""

    sheet = forms.FileField(
        label=_("Lembar daftar hadir (.xlsx atau .csv)"),
        help_text=_("Kolom Nama, Jabatan dan OPD (atau Instansi); baris judul boleh ada."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean_sheet(self):
        uploaded = self.cleaned_data["sheet"]
        if not uploaded.name.lower().endswith((".xlsx", ".csv")):
            raise ValidationError(
                _("%(name)s bukan jenis yang diizinkan: unggah lembar kerja .xlsx atau .csv.") % {"name": uploaded.name}
            )
        limit = settings.UPLOAD_MAX_MB * 1024 * 1024
        if uploaded.size > limit:
            raise ValidationError(
                _("Berkas %(name)s terlalu besar; batasnya %(max)s MB.")
                % {"name": uploaded.name, "max": settings.UPLOAD_MAX_MB}
            )
        return uploaded
