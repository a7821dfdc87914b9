"""Monitoring and evaluation after the masterplan: reporting years and what each OPD reports in them.

A reporting year (per masterplan and year) has its own small review, apart from the masterplan's sections:
terbuka -> diajukan (coordinator) -> diterima / perlu perbaikan (expert). An implementation report belongs to
one masterplan programme or one chosen quick win; its OPD is derived (the programme's lead OPD, the quick
win's owner in that year), as are the targets and the budget plan it is read against (plan.ProgrammeTarget,
plan.BudgetLine, quickwins.Budget): a report stores only what was carried out.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.uploads import UploadPath
from plan.models import Source


class YearState(models.TextChoices):
    OPEN = "open", _("Terbuka")
    SUBMITTED = "submitted", _("Diajukan")
    ACCEPTED = "accepted", _("Diterima")
    CHANGES = "changes", _("Perlu perbaikan")


class ReportingYearQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(masterplan=masterplan)

    def accepting_reports(self):
        """Years in which OPDs may still write: not closed, not submitted or accepted."""
        return self.filter(closed_at__isnull=True, state__in=[YearState.OPEN, YearState.CHANGES])


class ReportingYear(Versioned):
    masterplan = models.ForeignKey(
        "masterplan.Masterplan", verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="reporting_years"
    )
    year = models.PositiveSmallIntegerField(_("tahun pelaporan"))
    deadline = models.DateField(_("batas waktu pelaporan"))
    state = models.CharField(_("status"), max_length=10, choices=YearState.choices, default=YearState.OPEN)
    note = models.TextField(_("catatan tenaga ahli"), blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("data demo"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    objects = ReportingYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("tahun pelaporan")
        verbose_name_plural = _("tahun pelaporan")
        ordering = ["masterplan", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "year"], name="one_reporting_year_per_masterplan_year")
        ]

    def __str__(self):
        return _("Pelaporan %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("monev:year", args=[self.masterplan_id, self.year])

    owner_opd_id = None  # only the coordinator manages a reporting year

    @property
    def is_closed(self):
        return self.closed_at is not None

    @property
    def accepts_reports(self):
        return not self.is_closed and self.state in (YearState.OPEN, YearState.CHANGES)

    @property
    def is_overdue(self):
        return self.accepts_reports and self.deadline < timezone.localdate()

    def clean(self):
        masterplan = self.masterplan
        if self.year and not masterplan.start_year <= self.year <= masterplan.end_year:
            raise ValidationError(
                {
                    "year": _("Tahun %(y)s di luar tahun masterplan (%(a)s–%(b)s).")
                    % {"y": self.year, "a": masterplan.start_year, "b": masterplan.end_year}
                }
            )


def owner_in_year(quickwin, year):
    """The OPD that owns a quick win in `year`: the owner set for the latest year up to it (ownership changes
    between years), else its first owner. Reads the prefetched `owners`. A quick win that is a masterplan programme
    is owned by the programme's lead OPD (quickwins.models.QuickWin.owner)."""
    if quickwin.programme_id:
        return quickwin.programme.lead_opd
    owners = sorted(quickwin.owners.all(), key=lambda o: o.year)
    current = None
    for owner in owners:
        if owner.year <= year:
            current = owner
    current = current or (owners[0] if owners else None)
    return current.opd if current else None


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Belum dimulai")
    RUNNING = "running", _("Berjalan")
    DONE = "done", _("Selesai")
    POSTPONED = "postponed", _("Ditunda")
    CANCELLED = "cancelled", _("Dibatalkan")


class ReportQuerySet(models.QuerySet):
    def for_year(self, reporting_year):
        return self.filter(reporting_year=reporting_year)

    def for_pages(self):
        """With what a report row shows: realisations and evidence (2 more queries, whatever the count)."""
        return self.select_related("updated_by").prefetch_related("realisations", "evidence")


class Report(Versioned):
    """What the responsible OPD carried out of one programme or one chosen quick win in a reporting year."""

    reporting_year = models.ForeignKey(
        ReportingYear, verbose_name=_("tahun pelaporan"), on_delete=models.CASCADE, related_name="reports"
    )
    programme = models.ForeignKey(
        "plan.Programme",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="monev_reports",
    )
    quickwin = models.ForeignKey(
        "quickwins.QuickWin",
        verbose_name=_("quick win"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="monev_reports",
    )
    status = models.CharField(_("status pelaksanaan"), max_length=12, choices=Status.choices, blank=True)
    budget_realised = models.DecimalField(
        _("realisasi anggaran (Rp)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_source = models.CharField(_("sumber dana realisasi"), max_length=5, choices=Source.choices, blank=True)
    notes = models.TextField(_("catatan"), blank=True, max_length=5000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dilaporkan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("terakhir diubah"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan pelaksanaan")
        verbose_name_plural = _("laporan pelaksanaan")
        ordering = ["reporting_year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(programme__isnull=False, quickwin__isnull=True)
                | Q(programme__isnull=True, quickwin__isnull=False),
                name="monev_report_one_subject",
            ),
            models.UniqueConstraint(
                fields=["reporting_year", "programme"],
                condition=Q(programme__isnull=False),
                name="one_report_per_programme_year",
            ),
            models.UniqueConstraint(
                fields=["reporting_year", "quickwin"],
                condition=Q(quickwin__isnull=False),
                name="one_report_per_quickwin_year",
            ),
        ]

    def __str__(self):
        return f"{self.subject} ({self.reporting_year.year})"

    @property
    def subject(self):
        return self.programme if self.programme_id else self.quickwin

    @property
    def masterplan_id(self):
        return self.reporting_year.masterplan_id

    @property
    def owner_opd_id(self):
        """The responsible OPD: the programme's lead OPD, or the quick win's owner in the reporting year."""
        if self.programme_id:
            return self.programme.lead_opd_id
        owner = owner_in_year(self.quickwin, self.reporting_year.year)
        return owner.pk if owner else None

    def get_absolute_url(self):
        kind, pk = ("programme", self.programme_id) if self.programme_id else ("quickwin", self.quickwin_id)
        return reverse(f"monev:report_{kind}", args=[self.masterplan_id, self.reporting_year.year, pk])


class Realisation(models.Model):
    """The realised value of one indicator in a report, written like the targets are (text: "85,5", "WTP").
    Changed only through its report, whose version guards concurrent edits."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="realisations")
    programme_indicator = models.ForeignKey(
        "plan.ProgrammeIndicator", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    quickwin_indicator = models.ForeignKey(
        "quickwins.QuickWinIndicator", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.CharField(_("realisasi"), max_length=60)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi indikator")
        verbose_name_plural = _("realisasi indikator")
        ordering = ["report", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(programme_indicator__isnull=False, quickwin_indicator__isnull=True)
                | Q(programme_indicator__isnull=True, quickwin_indicator__isnull=False),
                name="monev_realisation_one_indicator",
            ),
            models.UniqueConstraint(
                fields=["report", "programme_indicator"],
                condition=Q(programme_indicator__isnull=False),
                name="one_realisation_per_programme_indicator",
            ),
            models.UniqueConstraint(
                fields=["report", "quickwin_indicator"],
                condition=Q(quickwin_indicator__isnull=False),
                name="one_realisation_per_quickwin_indicator",
            ),
        ]

    def __str__(self):
        return self.value

    @property
    def indicator_id(self):
        return self.programme_indicator_id or self.quickwin_indicator_id


class Evidence(models.Model):
    """A supporting document (data dukung) of a report: a decree, a photo, a screenshot, a spreadsheet."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("berkas"), upload_to=UploadPath("monev/evidence"))
    kind = models.CharField(max_length=8)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["report", "pk"]

    def __str__(self):
        return self.original_name

    @property
    def masterplan_id(self):
        return self.report.reporting_year.masterplan_id

    @property
    def owner_opd_id(self):
        return self.report.owner_opd_id


from .evaluation.models import (  # noqa: E402, F401  the evaluation's models belong to this app
    Answer,
    AnswerEvidence,
    AssessmentState,
    EvaluationYear,
    Finding,
    FindingKind,
    FollowUp,
    Part,
    PartSource,
    Question,
    Result,
    ResultScore,
    SelfAssessment,
)


class EventKind(models.TextChoices):
    OPD = "opd", _("Sosialisasi ke OPD")
    PUBLIC = "public", _("Sosialisasi ke masyarakat")
    FORUM = "forum", _("Forum Dewan Smart City")
    OTHER = "other", _("Lainnya")


class SosialisasiQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(masterplan=masterplan)

    def in_year(self, year):
        return self.filter(held_on__year=year)

    def for_list(self):
        return self.annotate(photo_count=models.Count("photos")).order_by("-held_on", "-pk")


class Sosialisasi(Versioned):
    """An event after the masterplan's adoption: socialising it to the OPDs or the public, or a meeting of the
    Dewan Smart City's forum. Recorded by the coordinator, outside the four bimtek stages."""

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="sosialisasi"
    )
    kind = models.CharField(_("jenis kegiatan"), max_length=8, choices=EventKind.choices, default=EventKind.OPD)
    title = models.CharField(_("judul kegiatan"), max_length=200)
    held_on = models.DateField(_("tanggal"))
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    speakers = models.TextField(
        _("narasumber"), blank=True, max_length=3000, help_text=_("Satu nama per baris, dengan jabatan atau instansi.")
    )
    attendance = models.PositiveIntegerField(
        _("jumlah peserta"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    attending_opds = models.ManyToManyField(
        "masterplan.OPD", blank=True, related_name="+", verbose_name=_("OPD yang hadir")
    )
    minutes = models.TextField(
        _("notulen"),
        blank=True,
        help_text=_(
            "Boleh memakai HTML sederhana: judul (h3), paragraf (p), daftar (ul, ol, li), tebal (strong), tabel. "
            "Skrip dan gaya dibuang saat disimpan."
        ),
    )
    is_demo = models.BooleanField(_("data demo"), default=False, editable=False)
    history = HistoricalRecords(m2m_fields=[attending_opds])

    objects = SosialisasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("sosialisasi")
        verbose_name_plural = _("sosialisasi")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return self.title

    owner_opd_id = None  # only the coordinator records events

    def get_absolute_url(self):
        return reverse("monev:sosialisasi", args=[self.masterplan_id, self.pk])

    def speaker_list(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


class SosialisasiPhoto(models.Model):
    """A photo of an event (JPG, PNG, WebP or GIF; checked and re-encoded by core.uploads)."""

    event = models.ForeignKey(Sosialisasi, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("foto"), upload_to=UploadPath("monev/sosialisasi"))
    thumbnail = models.FileField(upload_to=UploadPath("monev/sosialisasi-thumbs"), blank=True)
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])  # the stored files stay for the history

    class Meta:
        verbose_name = _("foto sosialisasi")
        verbose_name_plural = _("foto sosialisasi")
        ordering = ["event", "pk"]

    def __str__(self):
        return self.caption or self.original_name

    @property
    def masterplan_id(self):
        return self.event.masterplan_id

    owner_opd_id = None


class ReminderDigest(models.Model):
    """One reminder mail sent to one person on one day: the digest is sent at most once a day per person."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat monev")
        verbose_name_plural = _("pengingat monev")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_monev_digest_per_user_day")]

    def __str__(self):
        return f"{self.user_id} {self.day}"
