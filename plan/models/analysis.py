"""Strategic analysis: the region's profile, readiness, SWOT, strategies from SWOT, gaps, applications."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned

from .base import PlanItem


class Component(models.TextChoices):
    STRUKTUR = "struktur", _("Struktur")
    INFRASTRUKTUR = "infrastruktur", _("Infrastruktur")
    SUPRASTRUKTUR = "suprastruktur", _("Suprastruktur")
    ALAM = "alam", _("Alam")
    BUDAYA = "budaya", _("Budaya")


COMPONENT_HELP = {
    "struktur": _("Sumber daya manusia, anggaran, tata kelola."),
    "infrastruktur": _("Infrastruktur fisik, TIK dan sosial."),
    "suprastruktur": _("Regulasi, kelembagaan, prosedur."),
    "alam": _("Potensi dan kerentanan alam (opsional)."),
    "budaya": _("Budaya dan kearifan lokal (opsional)."),
}
CORE_COMPONENTS = ("struktur", "infrastruktur", "suprastruktur")


class Rating(models.TextChoices):
    BAIK = "baik", _("Baik")
    SEDANG = "sedang", _("Sedang")
    KURANG = "kurang", _("Kurang")


RATING_SCORE = {"baik": 3, "sedang": 2, "kurang": 1}


class RegionProfile(Versioned):
    """Editable text about the region; population and area come from the reference data (Region)."""

    masterplan = models.OneToOneField("masterplan.Masterplan", on_delete=models.CASCADE, related_name="plan_profile")
    geography = models.TextField(_("geografi"), blank=True)
    economy = models.TextField(_("perekonomian"), blank=True)
    society = models.TextField(_("sosial dan kependudukan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profil daerah")
        verbose_name_plural = _("profil daerah")

    owner_opd_id = None

    def __str__(self):
        return str(_("Profil daerah"))


class KeyFigure(PlanItem):
    label = models.CharField(_("indikator"), max_length=200)
    value = models.CharField(_("nilai"), max_length=80)
    unit = models.CharField(_("satuan"), max_length=60, blank=True)
    source = models.CharField(_("sumber"), max_length=200)
    year = models.PositiveSmallIntegerField(_("tahun data"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("angka kunci")
        verbose_name_plural = _("angka kunci")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    def clean(self):
        if self.year and not 1945 <= self.year <= 2100:
            raise ValidationError({"year": _("Tahun data harus antara 1945 dan 2100.")})


class ReadinessItem(PlanItem):
    component = models.CharField(_("komponen"), max_length=15, choices=Component.choices)
    dimension = models.ForeignKey(
        "masterplan.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi")
    )
    name = models.CharField(_("butir penilaian"), max_length=300)
    rating = models.CharField(_("penilaian"), max_length=6, choices=Rating.choices)
    evidence = models.TextField(_("bukti"), blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir kesiapan")
        verbose_name_plural = _("butir kesiapan")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def siblings(self):
        return super().siblings().filter(component=self.component)

    @property
    def rating_class(self):
        return {"baik": "text-bg-success", "sedang": "text-bg-warning", "kurang": "text-bg-danger"}.get(self.rating, "")


class SwotEntry(PlanItem):
    class Kind(models.TextChoices):
        S = "S", _("Kekuatan (S)")
        W = "W", _("Kelemahan (W)")
        O = "O", _("Peluang (O)")  # noqa: E741
        T = "T", _("Ancaman (T)")

    dimension = models.ForeignKey(
        "masterplan.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi")
    )
    component = models.CharField(_("komponen"), max_length=15, choices=Component.choices, blank=True)
    kind = models.CharField(_("jenis"), max_length=1, choices=Kind.choices)
    text = models.TextField(_("uraian"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("butir SWOT")
        verbose_name_plural = _("butir SWOT")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.kind}: {self.text[:60]}"

    def siblings(self):
        return super().siblings().filter(dimension_id=self.dimension_id, kind=self.kind)


STRATEGY_SOURCES = {"SO": ("S", "O"), "WO": ("W", "O"), "ST": ("S", "T"), "WT": ("W", "T")}


class SwotStrategy(PlanItem):
    class Kind(models.TextChoices):
        SO = "SO", _("SO: kekuatan untuk meraih peluang")
        WO = "WO", _("WO: atasi kelemahan dengan peluang")
        ST = "ST", _("ST: kekuatan untuk menghadapi ancaman")
        WT = "WT", _("WT: kurangi kelemahan, hindari ancaman")

    dimension = models.ForeignKey(
        "masterplan.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi")
    )
    kind = models.CharField(_("jenis strategi"), max_length=2, choices=Kind.choices)
    text = models.TextField(_("strategi"))
    entries = models.ManyToManyField(
        SwotEntry, blank=True, related_name="strategies", verbose_name=_("dari butir SWOT")
    )
    history = HistoricalRecords(m2m_fields=[entries])

    class Meta:
        verbose_name = _("strategi SWOT")
        verbose_name_plural = _("strategi SWOT")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.kind}: {self.text[:60]}"

    def siblings(self):
        return super().siblings().filter(dimension_id=self.dimension_id)


class Gap(PlanItem):
    dimension = models.ForeignKey(
        "masterplan.Dimension", on_delete=models.PROTECT, related_name="+", verbose_name=_("dimensi")
    )
    current = models.TextField(_("kondisi saat ini"))
    expected = models.TextField(_("kondisi yang diharapkan"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kesenjangan")
        verbose_name_plural = _("kesenjangan")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.current[:60]

    def siblings(self):
        return super().siblings().filter(dimension_id=self.dimension_id)


class Application(PlanItem):
    class Status(models.TextChoices):
        RUNNING = "running", _("Berjalan")
        DEVELOPMENT = "development", _("Dalam pengembangan")
        STOPPED = "stopped", _("Berhenti")

    name = models.CharField(_("nama aplikasi / infrastruktur"), max_length=200)
    opd = models.ForeignKey(
        "masterplan.OPD", on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD pengelola")
    )
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
    purpose = models.TextField(_("fungsi"), blank=True)
    users = models.CharField(_("pengguna"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RUNNING)
    url = models.URLField(_("tautan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aplikasi")
        verbose_name_plural = _("aplikasi")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    @property
    def status_class(self):
        return {"running": "text-bg-success", "development": "text-bg-info", "stopped": "text-bg-secondary"}[
            self.status
        ]

    def clean(self):
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            raise ValidationError({"element": _("Elemen ini bukan bagian dari dimensi yang dipilih.")})
