from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import ALL_KINDS, validate_upload
from masterplan.models import OPD, Cohort, Dimension, Element

from ..forms import DateInput, MultipleFileField, _NoTag
from .models import EvaluationYear, PartSource, scale_levels
from .services import MAX_EVIDENCE_FILES

SCORE = {"max_digits": 6, "decimal_places": 2}


class ScoreField(forms.DecimalField):
    """A score as people write it: "3,21" (the Indonesian way) or "3.21"; shown with a comma."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format(value.normalize() if value == value.to_integral() else value, "f").replace(".", ",")
        return value


def _score_field(label, evaluation_year, required=False):
    return ScoreField(
        label=label,
        required=required,
        min_value=evaluation_year.scale_min,
        max_value=evaluation_year.scale_max,
        **SCORE,
    )


class EvaluationYearCreateForm(_NoTag, forms.Form):
    cohort = forms.ModelChoiceField(label=_("Angkatan"), queryset=Cohort.objects.all())
    year = forms.IntegerField(label=_("Tahun evaluasi"), min_value=2000, max_value=2100)
    scale_min = ScoreField(label=_("Nilai terendah"), initial=0, min_value=-100, max_value=100, **SCORE)
    scale_max = ScoreField(label=_("Nilai tertinggi"), initial=5, min_value=-100, max_value=100, **SCORE)
    copy_from = forms.ModelChoiceField(
        label=_("Salin bagian dan pertanyaan dari"),
        queryset=EvaluationYear.objects.select_related("cohort"),
        required=False,
        help_text=_("Kosongkan untuk memulai dengan lima bagian baku (bobot 10/20/30/30/10 %)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["copy_from"].label_from_instance = lambda e: f"{e} · {e.cohort}"
        self._helper()

    def clean(self):
        data = super().clean()
        if data.get("scale_min") is not None and data.get("scale_max") is not None:
            if data["scale_max"] <= data["scale_min"]:
                self.add_error("scale_max", _("Nilai tertinggi harus lebih besar dari nilai terendah."))
        return data


class EvaluationYearForm(_NoTag, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    scale_min = ScoreField(label=_("Nilai terendah"), min_value=-100, max_value=100, **SCORE)
    scale_max = ScoreField(label=_("Nilai tertinggi"), min_value=-100, max_value=100, **SCORE)
    note = forms.CharField(
        label=_("Keterangan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, evaluation_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = list(evaluation_year.parts.all())
        if not self.is_bound:
            self.initial.update(
                {
                    "version": evaluation_year.version,
                    "scale_min": evaluation_year.scale_min,
                    "scale_max": evaluation_year.scale_max,
                    "note": evaluation_year.note,
                }
            )
        for part in self.parts:
            self.fields[f"weight_{part.pk}"] = ScoreField(
                label=_("Bobot %(p)s (%%)") % {"p": part.name},
                min_value=0,
                max_value=100,
                initial=part.weight,
                max_digits=5,
                decimal_places=2,
                help_text=part.get_source_display(),
            )
        self._helper()

    def weights(self):
        return {p.pk: self.cleaned_data[f"weight_{p.pk}"] for p in self.parts}


class QuestionForm(_NoTag, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    part = forms.ModelChoiceField(label=_("Bagian"), queryset=None)
    dimension = forms.ModelChoiceField(label=_("Dimensi"), queryset=Dimension.objects.all(), required=False)
    element = forms.ModelChoiceField(
        label=_("Elemen"), queryset=Element.objects.select_related("dimension"), required=False
    )
    text = forms.CharField(label=_("Pertanyaan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    guidance = forms.CharField(
        label=_("Data dukung yang diminta"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    weight = ScoreField(label=_("Bobot dalam bagian"), initial=1, min_value=0, max_value=100, **SCORE)
    order = forms.IntegerField(label=_("Urutan"), initial=0, min_value=0, max_value=999)

    def __init__(self, *args, evaluation_year, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = evaluation_year.parts.filter(source=PartSource.QUESTIONS)
        if question is not None and not self.is_bound:
            self.initial.update(
                {
                    "version": question.version,
                    "part": question.part_id,
                    "dimension": question.dimension_id,
                    "element": question.element_id,
                    "text": question.text,
                    "guidance": question.guidance,
                    "weight": question.weight,
                    "order": question.order,
                }
            )
        self._helper()

    def clean(self):
        data = super().clean()
        dimension, element = data.get("dimension"), data.get("element")
        if dimension and element and element.dimension_id != dimension.pk:
            self.add_error("element", _("Elemen ini bukan bagian dari dimensi yang dipilih."))
        return data


class AnswerForm(_NoTag, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label=_("Penjelasan"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, evaluation_year, answer=None, **kwargs):
        super().__init__(*args, **kwargs)
        label = _("Nilai (%(a)s–%(b)s)") % {"a": evaluation_year.scale_min, "b": evaluation_year.scale_max}
        levels = scale_levels(evaluation_year)
        if levels:
            self.fields["score"] = forms.TypedChoiceField(
                label=label,
                choices=[("", "—"), *[(str(int(v)), str(int(v))) for v in levels]],
                coerce=Decimal,
                empty_value=None,
                required=False,
            )
        else:
            self.fields["score"] = _score_field(label, evaluation_year)
        self.order_fields(["version", "score", "note"])
        self.fields["files"] = MultipleFileField(
            label=_("Data dukung"),
            required=False,
            help_text=_("Peraturan, SK, pedoman, inventaris aplikasi: PDF, JPG, PNG, DOCX, XLSX atau PPTX."),
        )
        if answer is not None and not self.is_bound:
            self.initial.update(
                {
                    "version": answer.version,
                    "score": "" if answer.score is None else (str(int(answer.score)) if levels else answer.score),
                    "note": answer.note,
                }
            )
        self._helper()

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(_("Paling banyak %(n)s berkas sekali unggah.") % {"n": MAX_EVIDENCE_FILES})
        return [(uploaded, validate_upload(uploaded, allowed=ALL_KINDS)) for uploaded in files]


def _lines(text):
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class ResultForm(_NoTag, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    letter_number = forms.CharField(label=_("Nomor surat Dirjen Aptika"), max_length=120, required=False)
    letter_date = forms.DateField(label=_("Tanggal surat"), required=False, widget=DateInput())
    rank_province = forms.IntegerField(label=_("Peringkat di provinsi"), required=False, min_value=1, max_value=999)
    rank_national = forms.IntegerField(label=_("Peringkat nasional"), required=False, min_value=1, max_value=999)
    national_total = forms.IntegerField(
        label=_("Jumlah daerah yang dinilai"), required=False, min_value=1, max_value=999
    )
    strengths = forms.CharField(
        label=_("Kekuatan (satu per baris)"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )
    weaknesses = forms.CharField(
        label=_("Kelemahan (satu per baris)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, evaluation_year, result=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = list(evaluation_year.parts.all())
        self.dimensions = list(Dimension.objects.all())
        self.fields["index"] = _score_field(_("Indeks"), evaluation_year, required=True)
        for part in self.parts:
            self.fields[f"part_{part.pk}"] = _score_field(_("Nilai %(p)s") % {"p": part.name}, evaluation_year)
        for dimension in self.dimensions:
            self.fields[f"dim_{dimension.pk}"] = _score_field(dimension.name, evaluation_year)
        self.order_fields(["version", "letter_number", "letter_date", "index"])
        if result is not None and not self.is_bound:
            scores = {(s.part_id, s.dimension_id): s.score for s in result.scores.all()}
            findings = list(result.findings.all())
            self.initial.update(
                {
                    "version": result.version,
                    "letter_number": result.letter_number,
                    "letter_date": result.letter_date,
                    "index": result.index,
                    "rank_province": result.rank_province,
                    "rank_national": result.rank_national,
                    "national_total": result.national_total,
                    "strengths": "\n".join(f.text for f in findings if f.kind == "strength"),
                    "weaknesses": "\n".join(f.text for f in findings if f.kind == "weakness"),
                    **{f"part_{p.pk}": scores.get((p.pk, None)) for p in self.parts},
                    **{f"dim_{d.pk}": scores.get((None, d.pk)) for d in self.dimensions},
                }
            )
        self._helper()

    def data_for_service(self):
        from .services import ResultData

        c = self.cleaned_data
        return ResultData(
            index=c["index"],
            letter_number=c["letter_number"],
            letter_date=c["letter_date"],
            rank_province=c["rank_province"],
            rank_national=c["rank_national"],
            national_total=c["national_total"],
            part_scores={p: c.get(f"part_{p.pk}") for p in self.parts},
            dimension_scores={d: c.get(f"dim_{d.pk}") for d in self.dimensions},
            strengths=_lines(c["strengths"]),
            weaknesses=_lines(c["weaknesses"]),
        )


class RecommendationForm(_NoTag, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Rekomendasi"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    opd = forms.ModelChoiceField(label=_("OPD penanggung jawab tindak lanjut"), queryset=OPD.objects.none())
    due_date = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())

    def __init__(self, *args, masterplan, followup=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OPD.objects.filter(region_id=masterplan.region_id).order_by("acronym")
        self.fields["opd"].label_from_instance = lambda o: f"{o.acronym} · {o.name}"
        if followup is not None and not self.is_bound:
            self.initial.update(
                {
                    "version": followup.version,
                    "text": followup.finding.text,
                    "opd": followup.opd_id,
                    "due_date": followup.due_date,
                }
            )
        self._helper()


class FollowUpDoneForm(_NoTag, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    done = forms.BooleanField(label=_("Sudah ditindaklanjuti"), required=False)
    done_note = forms.CharField(
        label=_("Yang sudah dilakukan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, followup=None, **kwargs):
        super().__init__(*args, **kwargs)
        if followup is not None and not self.is_bound:
            self.initial.update(
                {"version": followup.version, "done": followup.is_done, "done_note": followup.done_note}
            )
        self._helper()
