"""Programmes and action plans, their yearly budgets by source and their indicators; the horizon settings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned

from .base import PlanItem


class Horizon(models.TextChoices):
    SHORT = "short", _("Jangka pendek")
    MEDIUM = "medium", _("Jangka menengah")
    LONG = "long", _("Jangka panjang")


class Source(models.TextChoices):
    APBD = "apbd", "APBD"
    APBN = "apbn", "APBN"
    DAK = "dak", "DAK"
    CSR = "csr", _("Swasta / CSR")
    KPBU = "kpbu", "KPBU"
    OTHER = "other", _("Lainnya")


class PlanSettings(Versioned):
    """The masterplan's horizon years: short runs to short_end_year, medium to medium_end_year, long to the end."""

    masterplan = models.OneToOneField("masterplan.Masterplan", on_delete=models.CASCADE, related_name="plan_settings")
    short_end_year = models.PositiveSmallIntegerField(_("akhir jangka pendek"))
    medium_end_year = models.PositiveSmallIntegerField(_("akhir jangka menengah"))
    history = HistoricalRecords()

    owner_opd_id = None

    class Meta:
        verbose_name = _("pengaturan horizon")
        verbose_name_plural = _("pengaturan horizon")

    def __str__(self):
        return f"{self.short_end_year}/{self.medium_end_year}"

    @classmethod
    def defaults_for(cls, masterplan):
        """Short: the first year; medium: five years (tied to the RPJMD); long: up to the end."""
        return cls(
            masterplan=masterplan,
            short_end_year=masterplan.start_year,
            medium_end_year=min(masterplan.start_year + 4, masterplan.end_year),
        )

    @classmethod
    def for_masterplan(cls, masterplan):
        found = cls.objects.filter(masterplan=masterplan).first()
        if found is None:
            return cls.defaults_for(masterplan)
        found.masterplan = masterplan  # ranges() reads its years: no second query for it
        return found

    def clean(self):
        mp = self.masterplan
        if self.short_end_year and not mp.start_year <= self.short_end_year <= mp.end_year:
            raise ValidationError(
                {
                    "short_end_year": _("Harus di dalam horizon masterplan (%(a)s–%(b)s).")
                    % {"a": mp.start_year, "b": mp.end_year}
                }
            )
        if self.short_end_year and self.medium_end_year:
            if not self.short_end_year <= self.medium_end_year <= mp.end_year:
                raise ValidationError(
                    {
                        "medium_end_year": _("Harus antara akhir jangka pendek (%(a)s) dan akhir masterplan (%(b)s).")
                        % {"a": self.short_end_year, "b": mp.end_year}
                    }
                )

    def ranges(self):
        """{horizon: (first year, last year)}."""
        mp = self.masterplan
        return {
            Horizon.SHORT: (mp.start_year, self.short_end_year),
            Horizon.MEDIUM: (mp.start_year, self.medium_end_year),
            Horizon.LONG: (mp.start_year, mp.end_year),
        }


class ProgrammeQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(masterplan=masterplan)

    def for_lists(self):
        """Programmes with what every list shows: 3 queries (programmes, partners, RPJMD links)."""
        return self.select_related("dimension", "element", "lead_opd").prefetch_related(
            "partner_opds",
            Prefetch("rpjmd_programs", queryset=_rpjmd_program_model().objects.only("pk", "code", "name", "rpjmd_id")),
        )

    def figures(self, *, early_until):
        """Counts of these programmes in one query: `total`, `with_years` (start and end year set),
        `with_years_and_budget` (and a budget line), `dimensions` covered, `early_dimensions` (covered by a
        programme starting by `early_until`) and `budget` (the sum of their budget lines, None when none)."""
        with_years = Q(start_year__isnull=False, end_year__isnull=False)
        return self.order_by().aggregate(
            total=Count("pk", distinct=True),
            with_years=Count("pk", distinct=True, filter=with_years),
            with_years_and_budget=Count("pk", distinct=True, filter=with_years & Q(budget_lines__isnull=False)),
            dimensions=Count("dimension", distinct=True),
            early_dimensions=Count("dimension", distinct=True, filter=Q(start_year__lte=early_until)),
            budget=Sum("budget_lines__amount"),
        )


def _rpjmd_program_model():
    from rpjmd.models import Program

    return Program


class Programme(PlanItem):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Program")
        PRODUCT = "product", _("Produk")
        METHOD = "method", _("Metode")
        CONCEPT = "concept", _("Konsep")
        TECHNOLOGY = "technology", _("Teknologi")
        REGULATION = "regulation", _("Regulasi")

    class Priority(models.TextChoices):
        HIGH = "high", _("Tinggi")
        MEDIUM = "medium", _("Sedang")
        LOW = "low", _("Rendah")

    name = models.CharField(_("nama program / rencana aksi"), max_length=300)
    dimension = models.ForeignKey(
        "masterplan.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi")
    )
    element = models.ForeignKey(
        "masterplan.Element",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("elemen"),
    )
    description = models.TextField(_("uraian"), blank=True)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, default=Kind.PROGRAMME)
    lead_opd = models.ForeignKey(
        "masterplan.OPD",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_programmes",
        verbose_name=_("OPD pengampu"),
    )
    partner_opds = models.ManyToManyField(
        "masterplan.OPD", blank=True, related_name="plan_partner_programmes", verbose_name=_("OPD mitra")
    )
    partners = models.CharField(_("mitra lain"), max_length=300, blank=True, help_text=_("Swasta, kampus, komunitas."))
    rpjmd_programs = models.ManyToManyField(
        "rpjmd.Program", blank=True, related_name="plan_programmes", verbose_name=_("program RPJMD terkait")
    )
    horizon = models.CharField(_("horizon"), max_length=6, choices=Horizon.choices)
    start_year = models.PositiveSmallIntegerField(_("tahun mulai"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("tahun selesai"), null=True, blank=True)
    priority = models.CharField(_("prioritas"), max_length=6, choices=Priority.choices, default=Priority.MEDIUM)
    history = HistoricalRecords(m2m_fields=[partner_opds, rpjmd_programs])

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["dimension__order", "order", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("plan:programme_detail", args=[self.masterplan_id, self.pk])

    @property
    def owner_opd_id(self):
        return self.lead_opd_id

    def siblings(self):
        return super().siblings().filter(dimension_id=self.dimension_id)

    @property
    def years(self):
        if self.start_year and self.end_year and self.start_year <= self.end_year:
            return list(range(self.start_year, self.end_year + 1))
        return []

    def clean(self):
        errors = {}
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            errors["element"] = _("Elemen ini bukan bagian dari dimensi yang dipilih.")
        mp = self.masterplan
        for field in ("start_year", "end_year"):
            year = getattr(self, field)
            if year and not mp.start_year <= year <= mp.end_year:
                errors[field] = _("Tahun %(y)s di luar horizon masterplan (%(a)s–%(b)s).") % {
                    "y": year,
                    "a": mp.start_year,
                    "b": mp.end_year,
                }
        if self.start_year and self.end_year and self.end_year < self.start_year and "end_year" not in errors:
            errors["end_year"] = _("Tahun selesai tidak boleh sebelum tahun mulai.")
        if self.horizon and self.end_year and "end_year" not in errors:
            settings = PlanSettings.for_masterplan(mp)
            last = settings.ranges()[self.horizon][1]
            if self.end_year > last:
                errors["end_year"] = _("%(h)s berakhir paling lambat %(y)s; ubah horizon atau tahun selesai.") % {
                    "h": Horizon(self.horizon).label,
                    "y": last,
                }
        if errors:
            raise ValidationError(errors)


class BudgetLine(models.Model):
    """One amount of a programme's yearly budget estimate, by source."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("tahun"))
    source = models.CharField(_("sumber dana"), max_length=5, choices=Source.choices)
    amount = models.DecimalField(_("anggaran (Rp)"), max_digits=18, decimal_places=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggaran program")
        verbose_name_plural = _("anggaran program")
        ordering = ["programme", "year", "source"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year", "source"], name="one_budget_line_per_year_source")
        ]

    def __str__(self):
        return f"{self.year} {self.source}: {self.amount}"


class ProgrammeIndicator(Versioned):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=300)
    unit = models.CharField(_("satuan"), max_length=60, blank=True)
    baseline = models.CharField(_("kondisi awal"), max_length=60, blank=True)
    order = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator program")
        verbose_name_plural = _("indikator program")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    @property
    def owner_opd_id(self):
        return self.programme.lead_opd_id

    def siblings(self):
        return ProgrammeIndicator.objects.filter(programme_id=self.programme_id)


class ProgrammeTarget(models.Model):
    indicator = models.ForeignKey(ProgrammeIndicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.CharField(_("target"), max_length=60)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_plan_target_per_year")]

    def __str__(self):
        return f"{self.year}: {self.value}"
