"""Quick wins: short-term, visible programmes, at least one per dimension, from first idea to progress reports."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.uploads import UploadPath
from masterplan.models import OPD, Dimension, Element, Masterplan

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Status(models.TextChoices):
    PROBLEM = "problem", _("Definisi masalah")
    IDEA = "idea", _("Ide")
    PLANNING = "planning", _("Perencanaan")
    BUILD = "build", _("Pembangunan")
    IMPLEMENTATION = "implementation", _("Implementasi")
    EVALUATION = "evaluation", _("Evaluasi")


class InnovationType(models.TextChoices):
    PROGRAM = "program", _("Program")
    PRODUCT = "product", _("Produk")
    METHOD = "method", _("Metode")
    CONCEPT = "concept", _("Konsep")
    TECHNOLOGY = "technology", _("Teknologi")


class Criterion(models.TextChoices):
    """The selection criteria; the weights are the masterplan's (SelectionWeights)."""

    IMPACT = "impact", _("Dampak")
    FEASIBILITY = "feasibility", _("Kelayakan")
    COST = "cost", _("Biaya (makin murah makin tinggi)")
    SPEED = "speed", _("Kecepatan hasil")
    RPJMD = "rpjmd", _("Dukungan pada RPJMD")


class SelectionWeights(Versioned):
    """How much each criterion counts when a masterplan scores its quick-win candidates."""

    masterplan = models.OneToOneField(Masterplan, on_delete=models.CASCADE, related_name="quickwin_weights")
    impact = models.PositiveSmallIntegerField(_("bobot dampak"), default=30, validators=[MaxValueValidator(100)])
    feasibility = models.PositiveSmallIntegerField(
        _("bobot kelayakan"), default=25, validators=[MaxValueValidator(100)]
    )
    cost = models.PositiveSmallIntegerField(_("bobot biaya"), default=15, validators=[MaxValueValidator(100)])
    speed = models.PositiveSmallIntegerField(_("bobot kecepatan"), default=15, validators=[MaxValueValidator(100)])
    rpjmd = models.PositiveSmallIntegerField(_("bobot dukungan RPJMD"), default=15, validators=[MaxValueValidator(100)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bobot seleksi quick win")
        verbose_name_plural = _("bobot seleksi quick win")

    def __str__(self):
        return f"{self.masterplan}: " + ", ".join(f"{c.label} {getattr(self, c.value)}" for c in Criterion)

    @property
    def owner_opd_id(self):
        return None  # only the coordinator sets the weights

    def clean(self):
        if sum(getattr(self, c.value) or 0 for c in Criterion) == 0:
            raise ValidationError(_("Paling sedikit satu kriteria harus berbobot lebih dari nol."))

    def as_list(self):
        """[(key, label, weight, share in percent)]"""
        total = sum(getattr(self, c.value) for c in Criterion) or 1
        return [
            (c.value, c.label, getattr(self, c.value), round(100 * getattr(self, c.value) / total)) for c in Criterion
        ]

    @classmethod
    def for_masterplan(cls, masterplan):
        """The saved weights, or unsaved defaults (no write on a read)."""
        return cls.objects.filter(masterplan=masterplan).first() or cls(masterplan=masterplan)


def current_year():
    return timezone.localdate().year


class QuickWinQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(masterplan=masterplan)

    def chosen(self):
        return self.filter(chosen=True)

    def for_cards(self):
        """What a card, a row or a chapter shows, in a constant number of queries."""
        return self.select_related("dimension", "element", "programme__lead_opd").prefetch_related(
            Prefetch("owners", queryset=QuickWinOwner.objects.select_related("opd").order_by("year"))
        )

    def for_profiles(self):
        """Everything a full profile shows (page or book), in a constant number of queries."""
        return self.for_cards().prefetch_related(
            "partners",
            "budgets",
            "indicators",
            "photos",
            Prefetch("rpjmd_programs", queryset=_program_model().objects.select_related("opd")),
            Prefetch("plan_programmes", queryset=_programme_model().objects.select_related("dimension", "lead_opd")),
            Prefetch("updates", queryset=ProgressUpdate.objects.order_by("date", "created_at")),
            "programme__budget_lines",
            Prefetch(
                "programme__indicators",
                queryset=_programme_indicator_model().objects.prefetch_related("targets").order_by("order", "pk"),
            ),
        )


def _program_model():
    from rpjmd.models import Program

    return Program


def _programme_model():
    from plan.models import Programme

    return Programme


def _programme_indicator_model():
    from plan.models import ProgrammeIndicator

    return ProgrammeIndicator


@dataclass(frozen=True)
class OwnerRow:
    """One line of "OPD pemilik": a year (or a span of years) and the OPD."""

    year: str
    opd: object


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator as a quick win's profile prints it: the target is the last year's, `targets` all of them."""

    name: str
    unit: str
    baseline: str
    target: str
    targets: tuple = ()


class QuickWin(Versioned):
    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="quickwins")
    short_name = models.CharField(_("nama singkat / akronim"), max_length=60)
    full_name = models.CharField(_("nama lengkap"), max_length=255)
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi"))
    element = models.ForeignKey(
        Element, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("elemen")
    )
    innovation_type = models.CharField(
        _("jenis inovasi"), max_length=12, choices=InnovationType.choices, default=InnovationType.PROGRAM
    )
    problem = models.TextField(_("masalah yang diselesaikan"), blank=True)
    beneficiaries = models.TextField(_("penerima manfaat (untuk siapa)"), blank=True)
    solution = models.TextField(_("solusi"), blank=True)
    benefits = models.TextField(_("manfaat"), blank=True)
    novelty = models.TextField(_("kebaruan"), blank=True)
    location = models.CharField(_("lokasi"), max_length=255, blank=True)
    start_date = models.DateField(_("tanggal mulai"), null=True, blank=True)
    end_date = models.DateField(_("tanggal selesai"), null=True, blank=True)
    resources_people = models.TextField(_("sumber daya manusia"), blank=True)
    resources_facilities = models.TextField(_("sarana dan prasarana"), blank=True)
    sustainability_regulation = models.TextField(_("keberlanjutan: regulasi"), blank=True)
    sustainability_institution = models.TextField(_("keberlanjutan: kelembagaan"), blank=True)
    sustainability_resources = models.TextField(_("keberlanjutan: sumber daya"), blank=True)
    sustainability_business_model = models.TextField(_("keberlanjutan: model bisnis"), blank=True)
    risks = models.TextField(_("risiko dan mitigasinya"), blank=True)
    rpjmd_programs = models.ManyToManyField(
        "rpjmd.Program", blank=True, related_name="quickwins", verbose_name=_("program RPJMD terkait")
    )
    plan_programmes = models.ManyToManyField(
        "plan.Programme", blank=True, related_name="quickwins", verbose_name=_("program masterplan terkait")
    )
    # The masterplan programme this quick win IS: its element, lead OPD, budget, years and targets are then the
    # programme's (one record; see the derived reads below), and the quick win's own copies are not used.
    programme = models.OneToOneField(
        "plan.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="same_quickwin",
        verbose_name=_("sama dengan program masterplan"),
        help_text=_(
            "Bila quick win ini juga program masterplan: elemen, OPD pengampu, anggaran, tahun dan target "
            "diambil dari program itu, sehingga semua buku memuat angka yang sama."
        ),
    )
    status = models.CharField(_("status siklus"), max_length=16, choices=Status.choices, default=Status.IDEA)
    # The latest progress update, kept here by services.record_progress so that lists need no subquery.
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), null=True, blank=True, editable=False)
    progress_date = models.DateField(_("tanggal kemajuan terakhir"), null=True, blank=True, editable=False)
    chosen = models.BooleanField(_("terpilih"), default=False)
    score_impact = models.PositiveSmallIntegerField(
        _("skor dampak"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    score_feasibility = models.PositiveSmallIntegerField(
        _("skor kelayakan"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    score_cost = models.PositiveSmallIntegerField(_("skor biaya"), null=True, blank=True, validators=SCORE_VALIDATORS)
    score_speed = models.PositiveSmallIntegerField(
        _("skor kecepatan"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    score_rpjmd = models.PositiveSmallIntegerField(
        _("skor dukungan RPJMD"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[rpjmd_programs, plan_programmes])

    objects = QuickWinQuerySet.as_manager()

    class Meta:
        verbose_name = _("quick win")
        verbose_name_plural = _("quick win")
        ordering = ["dimension__order", "-chosen", "short_name"]
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "short_name"], name="unique_quickwin_short_name"),
            models.CheckConstraint(
                condition=models.Q(progress__isnull=True) | models.Q(progress__lte=100), name="quickwin_progress_0_100"
            ),
        ]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("quickwins:profile", args=[self.masterplan_id, self.pk])

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            errors["element"] = _("Elemen ini bukan bagian dari dimensi yang dipilih.")
        if errors:
            raise ValidationError(errors)

    # Ownership -------------------------------------------------------------------------------------
    def owner(self, year=None):
        """The OPD that owns the quick win in `year` (default: this year), else the latest owner. A quick win that
        is a masterplan programme is owned by the programme's lead OPD, in every year."""
        if self.programme_id:
            return self.programme.lead_opd
        year = year or current_year()
        owners = sorted(self.owners.all(), key=lambda o: o.year)  # prefetched in lists
        for owner in owners:
            if owner.year == year:
                return owner.opd
        return owners[-1].opd if owners else None

    @property
    def owner_opd_id(self):
        opd = self.owner()
        return opd.pk if opd else None

    def owner_rows(self):
        """[OwnerRow] for the profile: the programme's lead OPD over its years, else the owners per year."""
        if self.programme_id:
            lead = self.programme.lead_opd
            return [OwnerRow(self.years_label(), lead)] if lead else []
        return [OwnerRow(str(o.year), o.opd) for o in sorted(self.owners.all(), key=lambda o: o.year)]

    # Derived from the programme (one record) ------------------------------------------------------
    @property
    def is_programme(self):
        return bool(self.programme_id)

    def budget_rows(self):
        """The yearly budget by source: the programme's budget lines when it is one, else its own rows."""
        if self.programme_id:
            return sorted(self.programme.budget_lines.all(), key=lambda b: (b.year, b.source))
        return list(self.budgets.all())

    def indicator_rows(self):
        """[IndicatorRow]: the programme's indicators with their yearly targets when it is one, else its own."""
        if not self.programme_id:
            return [IndicatorRow(i.name, i.unit, i.baseline, i.target) for i in self.indicators.all()]
        rows = []
        for indicator in self.programme.indicators.all():
            targets = tuple(sorted((t.year, t.value) for t in indicator.targets.all()))
            rows.append(
                IndicatorRow(
                    indicator.name, indicator.unit, indicator.baseline, targets[-1][1] if targets else "", targets
                )
            )
        return rows

    def period(self):
        """(first year, last year) of the quick win: the programme's years when it is one, else its dates'."""
        if self.programme_id:
            return self.programme.start_year, self.programme.end_year
        return (
            self.start_date.year if self.start_date else None,
            self.end_date.year if self.end_date else None,
        )

    def years_label(self):
        first, last = self.period()
        if first and last:
            return str(first) if first == last else f"{first}–{last}"
        return str(first or last or "–")

    # Selection -------------------------------------------------------------------------------------
    def scores(self):
        return {c.value: getattr(self, f"score_{c.value}") for c in Criterion}

    def weighted_score(self, weights):
        """Weighted mean of the scored criteria on the 1-5 scale, None when nothing is scored."""
        total = value = 0
        for key, score in self.scores().items():
            if score is not None:
                weight = getattr(weights, key)
                total += weight
                value += weight * score
        return round(value / total, 2) if total else None

    # Budgets ---------------------------------------------------------------------------------------
    def budget_total(self):
        return sum((b.amount for b in self.budget_rows()), 0)

    def year_range(self):
        """Years in which the quick win may have owners and budgets."""
        first = self.masterplan.cohort.year
        last = self.masterplan.end_year
        if self.start_date:
            first = min(first, self.start_date.year)
        if self.end_date:
            last = max(last, self.end_date.year)
        return first, last


class QuickWinOwner(models.Model):
    """The OPD that owns a quick win in a year (ownership can change between years)."""

    quickwin = models.ForeignKey(QuickWin, on_delete=models.CASCADE, related_name="owners")
    year = models.PositiveSmallIntegerField(_("tahun"))
    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="owned_quickwins", verbose_name=_("OPD"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OPD pemilik per tahun")
        verbose_name_plural = _("OPD pemilik per tahun")
        ordering = ["quickwin", "year"]
        constraints = [models.UniqueConstraint(fields=["quickwin", "year"], name="one_owner_per_quickwin_year")]

    def __str__(self):
        return f"{self.year}: {self.opd}"


class Partner(models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("Perguruan tinggi")
        PRIVATE = "private", _("Perusahaan swasta")
        COMMUNITY = "community", _("Komunitas")
        TELECOM = "telecom", _("Operator telekomunikasi")
        BANK = "bank", _("Bank")
        GOVERNMENT = "government", _("Instansi pemerintah")
        OTHER = "other", _("Lainnya")

    quickwin = models.ForeignKey(QuickWin, on_delete=models.CASCADE, related_name="partners")
    kind = models.CharField(_("jenis mitra"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("nama mitra"), max_length=200)
    role = models.CharField(_("peran"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mitra")
        verbose_name_plural = _("mitra")
        ordering = ["quickwin", "kind", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class Budget(models.Model):
    class Source(models.TextChoices):
        APBD = "apbd", "APBD"
        APBN = "apbn", "APBN"
        DAK = "dak", "DAK"
        PRIVATE = "private", _("Swasta / CSR")
        KPBU = "kpbu", _("KPBU")
        OTHER = "other", _("Lainnya")

    quickwin = models.ForeignKey(QuickWin, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    source = models.CharField(_("sumber"), max_length=8, choices=Source.choices, default=Source.APBD)
    amount = models.DecimalField(_("jumlah (Rp)"), max_digits=18, decimal_places=0, validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggaran")
        verbose_name_plural = _("anggaran")
        ordering = ["quickwin", "year", "source"]
        constraints = [
            models.UniqueConstraint(fields=["quickwin", "year", "source"], name="one_budget_per_quickwin_year_source")
        ]

    def __str__(self):
        return f"{self.year} {self.get_source_display()}: {self.amount}"


class QuickWinIndicator(models.Model):
    quickwin = models.ForeignKey(QuickWin, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=255)
    unit = models.CharField(_("satuan"), max_length=60, blank=True)
    baseline = models.CharField(_("kondisi awal"), max_length=60, blank=True)
    target = models.CharField(_("target"), max_length=60)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator quick win")
        verbose_name_plural = _("indikator quick win")
        ordering = ["quickwin", "order", "pk"]

    def __str__(self):
        return self.name


class Photo(models.Model):
    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="+")
    quickwin = models.ForeignKey(QuickWin, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("foto"), upload_to=UploadPath("quickwins/photos"))
    thumbnail = models.FileField(upload_to=UploadPath("quickwins/thumbs"), blank=True)
    caption = models.CharField(_("keterangan"), max_length=255, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()  # its files stay in storage for it (services.delete_photo)

    class Meta:
        verbose_name = _("foto quick win")
        verbose_name_plural = _("foto quick win")
        ordering = ["quickwin", "created_at", "pk"]

    def __str__(self):
        return self.caption or self.original_name


class ProgressUpdate(models.Model):
    """A progress report by the owning OPD. The quick win's progress is its latest update."""

    quickwin = models.ForeignKey(QuickWin, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("tanggal"))
    percent = models.PositiveSmallIntegerField(_("kemajuan (%)"), validators=PERCENT_VALIDATORS)
    status = models.CharField(_("status siklus"), max_length=16, choices=Status.choices)
    note = models.TextField(_("catatan"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("laporan kemajuan")
        verbose_name_plural = _("laporan kemajuan")
        ordering = ["quickwin", "-date", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="progress_update_0_100"),
        ]

    def __str__(self):
        return f"{self.quickwin} {self.date}: {self.percent}%"

    @property
    def owner_opd_id(self):
        return self.quickwin.owner_opd_id


class Attachment(models.Model):
    """A photo or document attached to a progress update."""

    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="+")
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=UploadPath("quickwins/progress"))
    thumbnail = models.FileField(upload_to=UploadPath("quickwins/thumbs"), blank=True)
    kind = models.CharField(max_length=8)
    original_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lampiran laporan kemajuan")
        verbose_name_plural = _("lampiran laporan kemajuan")
        ordering = ["update", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return bool(self.thumbnail)
