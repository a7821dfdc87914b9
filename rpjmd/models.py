"""The region's five-year plan (RPJMD) and how its programmes map to the smart dimensions.

Region, not masterplan: an RPJMD (its visi, misi, programmes and their mapping) belongs to the REGION and is
shared by every masterplan of that region that builds on it (a later cohort's masterplan of the same kabupaten
reads the same rows; `RPJMD.objects.for_masterplan` picks it). So a change of an RPJMD is reported, through
`review.changes.report_region_change`, to every masterplan whose RPJMD it is (`RPJMD.masterplans()`), not only
to the one the editor was working in: an approved masterplan's sections go back to draft, and nothing changes
an approved book without review (the approved final books themselves are stored files and stay as they were).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from masterplan.models import OPD, Dimension, Element, Region


class RPJMDQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        """The RPJMD a masterplan builds on: the region's, covering the cohort year, else the latest."""
        mine = self.filter(region_id=masterplan.region_id)
        year = masterplan.cohort.year
        return (
            mine.filter(start_year__lte=year, end_year__gte=year).order_by("-start_year").first()
            or mine.order_by("-start_year").first()
        )


class RPJMD(Versioned):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="rpjmds", verbose_name=_("daerah"))
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))
    visi = models.TextField(_("visi"), blank=True)
    history = HistoricalRecords()

    objects = RPJMDQuerySet.as_manager()

    class Meta:
        verbose_name = "RPJMD"
        verbose_name_plural = "RPJMD"
        ordering = ["region", "-start_year"]
        constraints = [models.UniqueConstraint(fields=["region", "start_year"], name="one_rpjmd_per_region_period")]

    def __str__(self):
        return f"RPJMD {self.region.name} {self.start_year}–{self.end_year}"

    def clean(self):
        if self.start_year and self.end_year and not (1 <= self.end_year - self.start_year <= 6):
            raise ValidationError({"end_year": _("Periode RPJMD biasanya lima tahun (misalnya 2021–2026).")})

    @property
    def years(self):
        return list(range(self.start_year, self.end_year + 1))

    def masterplans(self):
        """The masterplans of the region whose RPJMD this is (as `RPJMD.objects.for_masterplan` chooses), in
        2 queries: the region's masterplans, the region's RPJMD periods."""
        from masterplan.models import Masterplan

        periods = sorted(
            RPJMD.objects.filter(region_id=self.region_id).values_list("start_year", "end_year", "pk"), reverse=True
        )
        chosen = []
        for masterplan in Masterplan.objects.filter(region_id=self.region_id).select_related("cohort", "region"):
            year = masterplan.cohort.year
            pick = next((pk for start, end, pk in periods if start <= year <= end), periods[0][2] if periods else None)
            if pick == self.pk:
                chosen.append(masterplan)
        return sorted(chosen, key=lambda mp: mp.pk)


class Misi(Versioned):
    rpjmd = models.ForeignKey(RPJMD, on_delete=models.CASCADE, related_name="misi")
    number = models.PositiveSmallIntegerField(_("nomor"))
    text = models.TextField(_("misi"))
    dimensions = models.ManyToManyField(
        Dimension, blank=True, related_name="misi", verbose_name=_("dimensi smart city")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        ordering = ["rpjmd", "number"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "number"], name="unique_misi_number")]

    def __str__(self):
        return f"Misi {self.number}"


class Tujuan(models.Model):
    misi = models.ForeignKey(Misi, on_delete=models.CASCADE, related_name="tujuan")
    code = models.CharField(_("kode"), max_length=30, blank=True)
    text = models.TextField(_("tujuan"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["misi", "code", "pk"]

    def __str__(self):
        return self.text[:80]


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    code = models.CharField(_("kode"), max_length=30, blank=True)
    text = models.TextField(_("sasaran"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["tujuan", "code", "pk"]

    def __str__(self):
        return self.text[:80]


class ProgramQuerySet(models.QuerySet):
    def mapped(self):
        return self.filter(primary_dimension__isnull=False)

    def unmapped(self):
        return self.filter(primary_dimension__isnull=True)

    def of_opd(self, opd_id):
        """Programmes `opd_id` is responsible for, as lead or co-responsible OPD (a subquery, no join: each
        programme once, and sums over its budgets stay right)."""
        co = Program.co_opds.through.objects.filter(opd_id=opd_id).values("program_id")
        return self.filter(models.Q(opd_id=opd_id) | models.Q(pk__in=co))


class Program(Versioned):
    """A programme of the RPJMD's priority table (Indikasi Rencana Program Prioritas)."""

    rpjmd = models.ForeignKey(RPJMD, on_delete=models.CASCADE, related_name="programs")
    code = models.CharField(_("kode nomenklatur"), max_length=40)
    urusan = models.CharField(_("urusan"), max_length=255, blank=True)
    bidang = models.CharField(_("bidang urusan"), max_length=255, blank=True)
    name = models.CharField(_("nama program"), max_length=500)
    opd = models.ForeignKey(
        OPD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rpjmd_programs",
        verbose_name=_("OPD penanggung jawab"),
        help_text=_("OPD utama; OPD lain yang ikut melaksanakan program ada di OPD penanggung jawab lain."),
    )
    # A programme delivered by several OPDs (real tables list it once per OPD): the lead is `opd`, the others
    # here. Any of them may map it; each has its own indicators and its own pagu (Indicator.opd, ProgramBudget.opd).
    co_opds = models.ManyToManyField(
        OPD, blank=True, related_name="rpjmd_co_programs", verbose_name=_("OPD penanggung jawab lain")
    )
    misi = models.ForeignKey(Misi, on_delete=models.SET_NULL, null=True, blank=True, related_name="programs")
    sasaran = models.ForeignKey(Sasaran, on_delete=models.SET_NULL, null=True, blank=True, related_name="programs")
    location = models.CharField(_("lokasi"), max_length=255, blank=True)
    order = models.PositiveIntegerField(default=0)
    # The mapping to the smart dimensions.
    primary_dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("dimensi utama")
    )
    primary_element = models.ForeignKey(
        Element, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("elemen utama")
    )
    secondary_elements = models.ManyToManyField(
        Element, blank=True, related_name="secondary_programs", verbose_name=_("elemen pendukung")
    )
    justification = models.TextField(_("alasan pemetaan"), blank=True)
    history = HistoricalRecords(m2m_fields=[secondary_elements, co_opds])

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = _("program RPJMD")
        verbose_name_plural = _("program RPJMD")
        ordering = ["rpjmd", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "code"], name="unique_program_code_per_rpjmd")]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def owner_opd_id(self):
        """The lead OPD: comments on the programme are filed under it."""
        return self.opd_id

    @property
    def owner_opd_ids(self):
        """Every responsible OPD (the lead and the co-responsible ones): any of their members may map it
        (`masterplan.access.Access.can_edit`). Uses the prefetched `co_opds` when there is one."""
        ids = {opd.pk for opd in self.co_opds.all()} if self.pk else set()
        if self.opd_id:
            ids.add(self.opd_id)
        return frozenset(ids)

    @property
    def responsible_opds(self):
        """The lead first, then the co-responsible OPDs by acronym (prefetch `co_opds` to read them for free)."""
        others = sorted((o for o in self.co_opds.all() if o.pk != self.opd_id), key=lambda o: o.acronym.lower())
        return ([self.opd] if self.opd_id else []) + others

    @property
    def is_shared(self):
        return len(self.owner_opd_ids) > 1

    def clean(self):
        if (
            self.primary_element_id
            and self.primary_dimension_id
            and self.primary_element.dimension_id != self.primary_dimension_id
        ):
            raise ValidationError({"primary_element": _("Elemen ini bukan bagian dari dimensi yang dipilih.")})


NUMBER = {"max_digits": 24, "decimal_places": 4, "null": True, "blank": True}


class Indicator(models.Model):
    """An indicator of a programme, of one of its responsible OPDs. The baseline and the targets are kept as
    written ("WTP", "BB", "N/A", "85,5"), with the number beside them when there is one (charts and sums use
    the number, books print the text)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="indicators")
    opd = models.ForeignKey(
        OPD,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rpjmd_indicators",
        verbose_name=_("OPD indikator"),
    )
    name = models.CharField(_("indikator kinerja"), max_length=500)
    unit = models.CharField(_("satuan"), max_length=60, blank=True)
    baseline = models.CharField(_("kondisi awal"), max_length=60, blank=True)
    baseline_number = models.DecimalField(_("kondisi awal (angka)"), **NUMBER)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["program", "order", "pk"]

    def __str__(self):
        return self.name


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.CharField(_("target"), max_length=60)
    number = models.DecimalField(_("target (angka)"), **NUMBER)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_indicator_year")]

    def __str__(self):
        return f"{self.year}: {self.value}"


class ProgramBudget(models.Model):
    """The pagu of one responsible OPD of a programme for one year; the programme's pagu is the sum of its
    OPDs' rows (a shared programme's budget is never counted twice: totals sum these rows once)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="budgets")
    opd = models.ForeignKey(
        OPD, on_delete=models.PROTECT, null=True, blank=True, related_name="rpjmd_budgets", verbose_name=_("OPD")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    amount = models.DecimalField(_("pagu (Rp)"), max_digits=18, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "year", "opd"]
        constraints = [
            models.UniqueConstraint(fields=["program", "opd", "year"], name="one_budget_per_program_opd_year")
        ]

    def __str__(self):
        return f"{self.year}: {self.amount}"
