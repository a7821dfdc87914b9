"""Book definitions (data: a cohort may have its own set) and export jobs (one row per PDF asked for)."""

from bisect import bisect_left

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.uploads import UploadPath


class BookQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        """The cohort's own set of books when it has one, otherwise the default set (cohort empty)."""
        own = self.filter(cohort_id=masterplan.cohort_id)
        return own if own.exists() else self.filter(cohort__isnull=True)


class Book(Versioned):
    """One book of the output. `key` names the chapters' book in `core.registry` (analisis, masterplan...)."""

    cohort = models.ForeignKey(
        "masterplan.Cohort",
        verbose_name=_("angkatan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="books",
        help_text=_("Kosong: buku bawaan untuk semua angkatan yang tidak punya susunan buku sendiri."),
    )
    key = models.SlugField(_("kunci"), max_length=40)
    title = models.CharField(_("judul"), max_length=150)
    subtitle = models.CharField(_("subjudul"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    objects = BookQuerySet.as_manager()

    class Meta:
        verbose_name = _("buku")
        verbose_name_plural = _("buku")
        ordering = ["order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "key"], name="unique_book_key_per_cohort"),
            models.UniqueConstraint(fields=["key"], condition=Q(cohort__isnull=True), name="unique_default_book_key"),
        ]

    def __str__(self):
        return self.title

    @property
    def display_title(self):
        """The title in the reader's language when it is a default one (the book itself prints it as stored)."""
        return gettext(self.title) if self.title else ""

    @property
    def display_subtitle(self):
        return gettext(self.subtitle) if self.subtitle else ""


# The default books' titles and subtitles (migration 0002 stores them in Indonesian), as message keys for the pages.
DEFAULT_TITLES = (
    gettext_noop("Buku Analisis Strategis"),
    gettext_noop("Kesiapan daerah dan analisis strategis"),
    gettext_noop("Buku Masterplan Smart City"),
    gettext_noop("Visi, strategi, program dan peta jalan"),
    gettext_noop("Buku Ringkasan Eksekutif"),
    gettext_noop("Ringkasan masterplan untuk setiap perangkat daerah"),
    gettext_noop("Buku Quick Win"),
    gettext_noop("Profil program quick win"),
)


class ExportJobQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("requested_by").order_by("-created_at", "-pk")

    def unfinished(self):
        return self.filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])

    def history(self):
        """(listed, folded) for the export history: every manual export and the newest automatic one of each
        book are listed; the older automatic re-renders (one per change, 24 in an hour of editing) are folded.
        Two querysets, newest first; the newest automatic one per book is a subquery (no extra query)."""
        newest_automatic = self.filter(automatic=True).values("book_key").annotate(last=Max("pk")).values("last")
        listed = self.filter(Q(automatic=False) | Q(pk__in=newest_automatic)).for_list()
        folded = self.filter(automatic=True).exclude(pk__in=newest_automatic).for_list()
        return listed, folded

    def last_page_counts(self, masterplan):
        """{book key: pages of the book's latest finished export of `masterplan`} (either variant, reused ones
        too: they carry the pages of their file). One query."""
        latest = (
            self.filter(masterplan=masterplan, status=ExportJob.Status.DONE, page_count__isnull=False, opd__isnull=True)
            .values("book_key")
            .annotate(last=Max("pk"))
            .values("last")
        )
        return dict(self.filter(pk__in=latest).values_list("book_key", "page_count"))

    def mark_queue_positions(self, jobs):
        """Give each queued job of `jobs` `.ahead`: how many unfinished jobs of the whole portal (every region's
        and the background re-renders) were asked for before it and are still queued or rendering. One query,
        and none when no job of `jobs` is queued. The render queue is shared and roughly first come, first
        served, so this is the wait a user can expect, in books."""
        queued = [job for job in jobs if job.status == ExportJob.Status.QUEUED]
        if not queued:
            return jobs
        earlier = sorted(self.unfinished().filter(pk__lt=max(j.pk for j in queued)).values_list("pk", flat=True))
        for job in queued:
            job.ahead = bisect_left(earlier, job.pk)
        return jobs


class ExportJob(models.Model):
    """One PDF asked for. Its state moves queued -> running -> done | failed, and ends done once."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Sedang dibuat")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    class Variant(models.TextChoices):
        DRAFT = "draft", _("Draf")
        FINAL = "final", _("Final")

    masterplan = models.ForeignKey("masterplan.Masterplan", on_delete=models.CASCADE, related_name="book_exports")
    book_key = models.SlugField(_("buku"), max_length=40)
    book_title = models.CharField(_("judul buku"), max_length=150)
    # An OPD's own extract of the book (the executive summary's part of that OPD); empty for the whole book.
    opd = models.ForeignKey(
        "masterplan.OPD", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("OPD")
    )
    variant = models.CharField(_("jenis"), max_length=5, choices=Variant.choices, default=Variant.DRAFT)
    year = models.PositiveSmallIntegerField(
        _("tahun"), null=True, blank=True, help_text=_("Tahun buku tahunan (laporan monev); kosong untuk buku lain.")
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("tahap"), max_length=120, blank=True)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    file = models.FileField(_("berkas"), upload_to=UploadPath("books"), blank=True, max_length=255)
    content_hash = models.CharField(_("sidik isi"), max_length=64, blank=True, db_index=True)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    render_seconds = models.FloatField(_("lama membuat (detik)"), null=True, blank=True)
    reused = models.BooleanField(_("memakai berkas yang sama"), default=False)
    automatic = models.BooleanField(_("otomatis (latar belakang)"), default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("pesan kesalahan"), blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("ekspor buku")
        verbose_name_plural = _("ekspor buku")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["masterplan", "book_key", "-created_at"]),
            # the few jobs still queued or rendering among every export ever kept (queue positions, polls)
            models.Index(
                fields=["id"], condition=Q(status__in=["queued", "running"]), name="books_exportjob_unfinished"
            ),
        ]

    def __str__(self):
        return f"{self.book_title} ({self.get_variant_display()}) · {self.get_status_display()}"

    @property
    def display_book_title(self):
        """The book's title in the reader's language when it is a default one."""
        return gettext(self.book_title) if self.book_title else ""

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def download_name(self):
        region = self.masterplan.region.name.replace(" ", "-")
        suffix = "" if self.variant == self.Variant.FINAL else "-DRAF"
        year = "" if self.year is None or str(self.year) in self.book_title else f"-{self.year}"
        return f"{self.book_title.replace(' ', '-')}{year}-{region}-{self.masterplan.cohort.year}{suffix}.pdf"

    @property
    def owner_opd_id(self):
        """An OPD's extract belongs to that OPD: its members get their own only (books.views)."""
        return self.opd_id


class DraftRefresh(models.Model):
    """When the masterplan last changed, for the debounced background re-render of its draft books."""

    masterplan = models.OneToOneField("masterplan.Masterplan", on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField()
    pending = models.BooleanField(default=False)  # a countdown task is on its way
    rendered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.masterplan_id}: {self.changed_at:%Y-%m-%d %H:%M:%S}"


class FrontMatter(Versioned):
    """What the region signs, shared by all its books: the regional head who signs the forewords and the Lembar
    Pengesahan, the place of signing, the national legal basis (None: the default list of books.front) and the
    methodology's opening text (blank: the default)."""

    masterplan = models.OneToOneField("masterplan.Masterplan", on_delete=models.CASCADE, related_name="book_front")
    head_name = models.CharField(_("nama kepala daerah"), max_length=150, blank=True)
    head_title = models.CharField(
        _("jabatan kepala daerah"),
        max_length=60,
        blank=True,
        help_text=_("Misalnya “Bupati”, “Plt. Bupati”, “Wali Kota”. Kosong: sesuai jenis daerah."),
    )
    head_nip = models.CharField(_("NIP"), max_length=24, blank=True, help_text=_("Opsional: 18 angka."))
    place = models.CharField(
        _("tempat penandatanganan"), max_length=120, blank=True, help_text=_("Misalnya ibu kota kabupaten/kota.")
    )
    national_laws = models.JSONField(_("peraturan nasional"), null=True, blank=True)
    methodology = models.TextField(_("pengantar metodologi"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("data pengesahan buku")
        verbose_name_plural = _("data pengesahan buku")

    def __str__(self):
        return f"{self.masterplan}: {self.head_title} {self.head_name}".strip()

    @property
    def owner_opd_id(self):
        return None


class Edition(Versioned):
    """One book's edition of a masterplan: its date (printed on the cover, the foreword and the approval page,
    never the date of rendering) and its own texts. A blank text prints the book's default (books.front)."""

    masterplan = models.ForeignKey("masterplan.Masterplan", on_delete=models.CASCADE, related_name="book_editions")
    book_key = models.SlugField(_("buku"), max_length=40)
    date = models.DateField(_("tanggal edisi"), null=True, blank=True)
    foreword = models.TextField(_("kata pengantar"), blank=True)
    background = models.TextField(_("latar belakang"), blank=True)
    purpose = models.TextField(_("maksud dan tujuan"), blank=True)
    scope = models.TextField(_("ruang lingkup"), blank=True)
    closing = models.TextField(_("penutup"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("edisi buku")
        verbose_name_plural = _("edisi buku")
        constraints = [models.UniqueConstraint(fields=["masterplan", "book_key"], name="one_edition_per_book")]

    def __str__(self):
        return f"{self.masterplan} · {self.book_key}"

    @property
    def owner_opd_id(self):
        return None
