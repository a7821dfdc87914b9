"""The yearly evaluation of a region: the programme's questionnaire per cohort and year, the region's
self-assessment (penilaian mandiri) and the ministry's result letter with its recommendations and follow-ups.

Set by the programme admin for a cohort (the region cannot change them): an `EvaluationYear` with its scale
(e.g. 0-5), its `Part`s (Baseline, Output, Outcome, Impact, Quick Win) with their weights, and the `Question`s of
the parts that are answered. Two parts are not answered but computed: Outcome from the implementation reports
of the same year (the share of the masterplan's programmes running or done, per dimension) and Quick Win from
the chosen quick wins' progress (monev.evaluation.scoring).

Per masterplan: a `SelfAssessment` (open, then submitted by the coordinator and locked unless reopened) with
one `Answer` per question (assigned to an OPD, whose members answer it) and its `AnswerEvidence`; a `Result`
(the Dirjen Aptika's letter) with a `ResultScore` per part and per dimension, its `Finding`s (Kekuatan,
Kelemahan, Rekomendasi) and a `FollowUp` per recommendation owned by an OPD.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.uploads import UploadPath


class PartSource(models.TextChoices):
    QUESTIONS = "questions", _("Jawaban kuesioner")
    OUTCOME = "outcome", _("Dihitung dari laporan pelaksanaan")
    QUICKWIN = "quickwin", _("Dihitung dari kemajuan quick win")


class EvaluationYearQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(cohort_id=masterplan.cohort_id)


class EvaluationYear(Versioned):
    """The evaluation of one year for one cohort: its scale, parts and questions (programme admin only)."""

    cohort = models.ForeignKey(
        "masterplan.Cohort", verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="evaluation_years"
    )
    year = models.PositiveSmallIntegerField(_("tahun evaluasi"), validators=[MinValueValidator(2000)])
    scale_min = models.DecimalField(_("nilai terendah"), max_digits=5, decimal_places=2, default=Decimal(0))
    scale_max = models.DecimalField(_("nilai tertinggi"), max_digits=5, decimal_places=2, default=Decimal(5))
    note = models.TextField(_("keterangan"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    objects = EvaluationYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("tahun evaluasi")
        verbose_name_plural = _("tahun evaluasi")
        ordering = ["cohort", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "year"], name="one_evaluation_year_per_cohort"),
            models.CheckConstraint(condition=Q(scale_max__gt=models.F("scale_min")), name="evaluation_scale_order"),
        ]

    def __str__(self):
        return _("Evaluasi %(year)s") % {"year": self.year}

    def clean(self):
        if self.scale_min is not None and self.scale_max is not None and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("Nilai tertinggi harus lebih besar dari nilai terendah.")})

    @property
    def total_weight(self):
        return sum((p.weight for p in self.parts.all()), Decimal(0))


class Part(Versioned):
    evaluation_year = models.ForeignKey(EvaluationYear, on_delete=models.CASCADE, related_name="parts")
    key = models.SlugField(_("kode"), max_length=20)
    name = models.CharField(_("nama"), max_length=80)
    weight = models.DecimalField(
        _("bobot (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    source = models.CharField(_("sumber nilai"), max_length=10, choices=PartSource.choices)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bagian evaluasi")
        verbose_name_plural = _("bagian evaluasi")
        ordering = ["evaluation_year", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["evaluation_year", "key"], name="one_part_key_per_year")]

    def __str__(self):
        return self.name


class Question(Versioned):
    part = models.ForeignKey(Part, verbose_name=_("bagian"), on_delete=models.CASCADE, related_name="questions")
    dimension = models.ForeignKey(
        "masterplan.Dimension", verbose_name=_("dimensi"), null=True, blank=True, on_delete=models.PROTECT
    )
    element = models.ForeignKey(
        "masterplan.Element", verbose_name=_("elemen"), null=True, blank=True, on_delete=models.PROTECT
    )
    text = models.TextField(_("pertanyaan"), max_length=2000)
    guidance = models.TextField(_("data dukung yang diminta"), blank=True, max_length=2000)
    weight = models.DecimalField(
        _("bobot dalam bagian"), max_digits=5, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(0)]
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pertanyaan evaluasi")
        verbose_name_plural = _("pertanyaan evaluasi")
        ordering = ["part__order", "dimension__order", "element__order", "order", "pk"]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            raise ValidationError({"element": _("Elemen ini bukan bagian dari dimensi yang dipilih.")})
        if self.element_id and not self.dimension_id:
            self.dimension_id = self.element.dimension_id


class AssessmentState(models.TextChoices):
    OPEN = "open", _("Sedang diisi")
    SUBMITTED = "submitted", _("Diajukan")


class SelfAssessment(Versioned):
    masterplan = models.ForeignKey("masterplan.Masterplan", on_delete=models.CASCADE, related_name="self_assessments")
    evaluation_year = models.ForeignKey(EvaluationYear, on_delete=models.PROTECT, related_name="assessments")
    state = models.CharField(_("status"), max_length=10, choices=AssessmentState.choices, default=AssessmentState.OPEN)
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_index = models.DecimalField(
        _("indeks saat diajukan"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    is_demo = models.BooleanField(_("data demo"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penilaian mandiri")
        verbose_name_plural = _("penilaian mandiri")
        ordering = ["masterplan", "-evaluation_year__year"]
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "evaluation_year"], name="one_self_assessment_per_year")
        ]

    def __str__(self):
        return _("Penilaian mandiri %(year)s") % {"year": self.evaluation_year.year}

    owner_opd_id = None

    @property
    def is_locked(self):
        return self.state == AssessmentState.SUBMITTED

    def get_absolute_url(self):
        return reverse("monev:evaluation", args=[self.masterplan_id, self.evaluation_year.year])


class Answer(Versioned):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    opd = models.ForeignKey(
        "masterplan.OPD",
        verbose_name=_("OPD penjawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    score = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("penjelasan"), blank=True, max_length=5000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("jawaban evaluasi")
        verbose_name_plural = _("jawaban evaluasi")
        ordering = ["assessment", "question"]
        constraints = [models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question} = {self.score}"

    @property
    def owner_opd_id(self):
        return self.opd_id

    @property
    def masterplan_id(self):
        return self.assessment.masterplan_id


class AnswerEvidence(models.Model):
    """A supporting document (data dukung) of an answer: a regulation, a decree, a guideline, an inventory."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("berkas"), upload_to=UploadPath("monev/evaluation"))
    kind = models.CharField(max_length=8)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = _("data dukung evaluasi")
        verbose_name_plural = _("data dukung evaluasi")
        ordering = ["answer", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def owner_opd_id(self):
        return self.answer.opd_id


class Result(Versioned):
    """The result letter of the Dirjen Aptika for one masterplan and evaluation year."""

    masterplan = models.ForeignKey("masterplan.Masterplan", on_delete=models.CASCADE, related_name="evaluation_results")
    evaluation_year = models.ForeignKey(EvaluationYear, on_delete=models.PROTECT, related_name="results")
    letter_number = models.CharField(_("nomor surat"), max_length=120, blank=True)
    letter_date = models.DateField(_("tanggal surat"), null=True, blank=True)
    index = models.DecimalField(_("indeks"), max_digits=6, decimal_places=2)
    rank_province = models.PositiveSmallIntegerField(_("peringkat di provinsi"), null=True, blank=True)
    rank_national = models.PositiveSmallIntegerField(_("peringkat nasional"), null=True, blank=True)
    national_total = models.PositiveSmallIntegerField(_("jumlah daerah dinilai"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_demo = models.BooleanField(_("data demo"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hasil evaluasi")
        verbose_name_plural = _("hasil evaluasi")
        ordering = ["masterplan", "evaluation_year__year"]
        constraints = [models.UniqueConstraint(fields=["masterplan", "evaluation_year"], name="one_result_per_year")]

    def __str__(self):
        return _("Hasil evaluasi %(year)s") % {"year": self.evaluation_year.year}

    owner_opd_id = None

    def get_absolute_url(self):
        return reverse("monev:result", args=[self.masterplan_id, self.evaluation_year.year])


class ResultScore(models.Model):
    """One score of the letter: of a part or of a dimension. Changed only through its result (versioned)."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="scores")
    part = models.ForeignKey(Part, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    dimension = models.ForeignKey("masterplan.Dimension", null=True, blank=True, on_delete=models.PROTECT)
    score = models.DecimalField(_("nilai"), max_digits=6, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["result", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(part__isnull=False, dimension__isnull=True) | Q(part__isnull=True, dimension__isnull=False),
                name="result_score_part_or_dimension",
            ),
            models.UniqueConstraint(
                fields=["result", "part"], condition=Q(part__isnull=False), name="one_result_score_per_part"
            ),
            models.UniqueConstraint(
                fields=["result", "dimension"], condition=Q(dimension__isnull=False), name="one_result_score_per_dim"
            ),
        ]

    def __str__(self):
        return str(self.score)


class FindingKind(models.TextChoices):
    STRENGTH = "strength", _("Kekuatan")
    WEAKNESS = "weakness", _("Kelemahan")
    RECOMMENDATION = "recommendation", _("Rekomendasi")


class Finding(models.Model):
    """One line of the letter's Kekuatan, Kelemahan or Rekomendasi (changed through its result)."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("jenis"), max_length=14, choices=FindingKind.choices)
    text = models.TextField(_("isi"), max_length=2000)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["result", "kind", "order", "pk"]

    def __str__(self):
        return self.text[:80]


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def for_list(self):
        return self.select_related("opd", "finding__result__evaluation_year").order_by("due_date", "pk")


class FollowUp(Versioned):
    """What an OPD does about one recommendation of the letter, by a due date (like a bimtek follow-up)."""

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", on_delete=models.CASCADE, related_name="evaluation_followups"
    )
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="followups")
    opd = models.ForeignKey("masterplan.OPD", verbose_name=_("OPD"), on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("tenggat"), null=True, blank=True)
    done_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    done_note = models.TextField(_("yang sudah dilakukan"), blank=True, max_length=2000)
    history = HistoricalRecords()

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("tindak lanjut rekomendasi")
        verbose_name_plural = _("tindak lanjut rekomendasi")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.finding.text[:80]

    @property
    def owner_opd_id(self):
        return self.opd_id

    @property
    def is_done(self):
        return self.done_at is not None


def scale_levels(evaluation_year):
    """The whole numbers of the scale when it is one of whole numbers of at most 11 levels (an answer is picked
    from a list), else None (an answer is typed)."""
    low, high = evaluation_year.scale_min, evaluation_year.scale_max
    if low != low.to_integral_value() or high != high.to_integral_value() or high - low > 10:
        return None
    return [Decimal(n) for n in range(int(low), int(high) + 1)]
