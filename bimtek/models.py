"""The four bimtek stages: sessions (attendance, decisions, follow-ups, attachments), checklists made of
registered metrics, snapshots of the masterplan's content between stages, and the Komitmen Bersama."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned
from core.uploads import UploadPath
from masterplan.models import OPD, Cohort, Masterplan

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
STAGE_NUMBERS = (1, 2, 3, 4)


class StageStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    RUNNING = "running", _("Berjalan")
    CLOSED = "closed", _("Ditutup")


class StageQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        """The four stages of a masterplan, in order; missing rows are unsaved 'planned' stages."""
        existing = {s.number: s for s in self.filter(masterplan=masterplan)}
        return [existing.get(n) or Stage(masterplan=masterplan, number=n) for n in STAGE_NUMBERS]


def with_stage_reached(queryset):
    """Annotate masterplans with `stage_reached`: 'I'..'IV' for the highest stage running or closed, else ''
    (one subquery, whatever the number of masterplans)."""
    highest = (
        Stage.objects.filter(masterplan=OuterRef("pk"))
        .exclude(status=StageStatus.PLANNED)
        .order_by("-number")
        .values("number")[:1]
    )
    return queryset.annotate(stage_number_reached=Subquery(highest)).annotate(
        stage_reached=Case(
            *(When(stage_number_reached=n, then=Value(r)) for n, r in ROMAN.items()),
            default=Value(""),
            output_field=models.CharField(),
        )
    )


class Stage(Versioned):
    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="bimtek_stages")
    number = models.PositiveSmallIntegerField(_("tahap"), choices=[(n, ROMAN[n]) for n in STAGE_NUMBERS])
    status = models.CharField(_("status"), max_length=10, choices=StageStatus.choices, default=StageStatus.PLANNED)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The checklist's completion when last computed (stage page, dashboard, closing), for the programme
    # dashboard, which cannot evaluate every region's metrics in bulk.
    checklist_done = models.PositiveSmallIntegerField(_("butir daftar periksa terpenuhi"), null=True, blank=True)
    checklist_total = models.PositiveSmallIntegerField(_("jumlah butir daftar periksa"), null=True, blank=True)
    checklist_at = models.DateTimeField(_("daftar periksa dihitung pada"), null=True, blank=True)
    # What the checklist still lacked when the stage was closed ([{"key", "label"}]); None: not closed, or closed
    # before this was recorded. Kept so a closed stage says what it closed without.
    missing_at_close = models.JSONField(_("syarat yang belum terpenuhi saat ditutup"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["checklist_done", "checklist_total", "checklist_at"])

    objects = StageQuerySet.as_manager()

    class Meta:
        verbose_name = _("tahap bimtek")
        verbose_name_plural = _("tahap bimtek")
        ordering = ["masterplan", "number"]
        constraints = [models.UniqueConstraint(fields=["masterplan", "number"], name="one_stage_number_per_masterplan")]

    def __str__(self):
        return f"Bimtek {self.roman}"

    @property
    def roman(self):
        return ROMAN[self.number]

    @property
    def is_closed(self):
        return self.status == StageStatus.CLOSED


class SessionQuerySet(models.QuerySet):
    def for_list(self):
        return (
            self.select_related("stage")
            .annotate(
                attendee_count=Count("attendees", distinct=True),
                attachment_count=Count("attachments", distinct=True),
            )
            .order_by("starts_at")
        )

    def for_track(self):
        """In date order, with the stage and `has_attendees` (the stage track and the "recorded" metrics)."""
        attended = Attendee.objects.filter(session=OuterRef("pk"))
        return self.select_related("stage").annotate(has_attendees=Exists(attended)).order_by("starts_at")


class Session(Versioned):
    """One day (or part of a day) of a bimtek stage."""

    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="bimtek_sessions")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("tahap"))
    title = models.CharField(_("judul sesi"), max_length=200)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    online_link = models.URLField(_("tautan daring"), blank=True)
    experts = models.TextField(_("tenaga ahli yang hadir"), blank=True, help_text=_("Satu nama per baris."))
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Satu butir agenda per baris."))
    invited_opds = models.ManyToManyField(OPD, blank=True, related_name="+", verbose_name=_("OPD yang diundang"))
    minutes = models.TextField(
        _("notulen"),
        blank=True,
        help_text=_(
            "Tulis seperti biasa: baris kosong memisahkan paragraf. Tombol di atas kotak memberi huruf tebal, "
            "miring, judul dan daftar; tidak perlu menulis HTML."
        ),
    )
    history = HistoricalRecords(m2m_fields=[invited_opds])

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sesi bimtek")
        verbose_name_plural = _("sesi bimtek")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Waktu selesai tidak boleh sebelum waktu mulai.")})

    @property
    def owner_opd_id(self):
        return None  # the coordinator records sessions

    def get_absolute_url(self):
        return reverse("bimtek:session", args=[self.masterplan_id, self.pk])

    def expert_list(self):
        return [line.strip() for line in self.experts.splitlines() if line.strip()]

    def agenda_list(self):
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class Attendee(Versioned):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(_("nama"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=150, blank=True)
    opd = models.ForeignKey(
        OPD, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD")
    )
    institution = models.CharField(
        _("instansi lain"), max_length=150, blank=True, help_text=_("Bila bukan dari OPD (misalnya tenaga ahli).")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        ordering = ["opd__acronym", "name"]

    def __str__(self):
        return self.name

    @property
    def owner_opd_id(self):
        return None


class Decision(Versioned):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("keputusan"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keputusan")
        verbose_name_plural = _("keputusan")
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def owner_opd_id(self):
        return None


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def for_list(self):
        return self.select_related("opd", "session__stage").order_by("opd__acronym", "due_date", "pk")


class FollowUp(Versioned):
    """A follow-up action agreed in a session, owned by one OPD."""

    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="bimtek_followups")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="followups")
    text = models.TextField(_("tindak lanjut"))
    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="bimtek_followups", verbose_name=_("OPD"))
    due_date = models.DateField(_("tenggat"), null=True, blank=True)
    done_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    history = HistoricalRecords()

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def owner_opd_id(self):
        return self.opd_id

    @property
    def is_done(self):
        return self.done_at is not None


class Attachment(models.Model):
    class Kind(models.TextChoices):
        WORKSHEET = "worksheet", _("Kertas kerja")
        SLIDES = "slides", _("Bahan paparan")
        PHOTO = "photo", _("Foto")
        ATTENDANCE = "attendance", _("Daftar hadir bertanda tangan")
        OTHER = "other", _("Lainnya")

    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="bimtek_attachments")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("jenis lampiran"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("keterangan"), max_length=200, blank=True)
    file = models.FileField(_("berkas"), upload_to=UploadPath("bimtek"))
    thumbnail = models.FileField(upload_to=UploadPath("bimtek-thumbs"), blank=True)
    original_name = models.CharField(max_length=255)
    content_kind = models.CharField(max_length=10)  # pdf, png, docx ... (read from the content)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()  # its files stay in storage for it (services.delete_attachment)

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")
        ordering = ["kind", "uploaded_at"]

    def __str__(self):
        return self.title or self.original_name

    @property
    def owner_opd_id(self):
        return None

    @property
    def is_image(self):
        return bool(self.thumbnail)


class ChecklistItemQuerySet(models.QuerySet):
    def for_cohort(self, cohort_id):
        """The cohort's own list if it has one, else the default list (cohort empty); one query."""
        rows = list(self.filter(Q(cohort_id=cohort_id) | Q(cohort__isnull=True)))
        own = [row for row in rows if row.cohort_id is not None]
        return own or rows


class ChecklistItem(models.Model):
    """What a stage must produce: a registered metric (core.registry) named by its key. Data, not code:
    a cohort with its own items uses them instead of the default list (the rows without a cohort)."""

    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("angkatan")
    )
    stage_number = models.PositiveSmallIntegerField(_("tahap"), choices=[(n, ROMAN[n]) for n in STAGE_NUMBERS])
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    metric_key = models.CharField(_("kunci metrik"), max_length=80)
    label = models.CharField(_("label"), max_length=200, blank=True, help_text=_("Kosong: label metrik."))

    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("butir daftar periksa")
        verbose_name_plural = _("butir daftar periksa")
        ordering = ["stage_number", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "stage_number", "metric_key"], name="unique_checklist_metric_per_stage"
            )
        ]

    def __str__(self):
        return f"{ROMAN[self.stage_number]} · {self.label or self.metric_key}"


class SnapshotQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("stage", "taken_by").defer("data").order_by("-taken_at")


class Snapshot(models.Model):
    """The masterplan's content frozen when a stage closed: {section key: serialize(masterplan)}. Read-only."""

    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="bimtek_snapshots")
    stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="snapshots")
    label = models.CharField(_("label"), max_length=200)
    taken_at = models.DateTimeField(_("diambil pada"))
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    taken_by_name = models.CharField(max_length=200, blank=True)  # kept if the account is deleted
    sections = models.JSONField(default=dict)  # {key: label}
    data = models.JSONField(default=dict)  # {key: [records]}

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshot")
        ordering = ["-taken_at"]

    def __str__(self):
        return self.label

    @property
    def display_label(self):
        """The label in the reader's language when it is the automatic one of a stage's closing (stored in the
        language of whoever closed the stage); a label a person typed is shown as typed."""
        from django.utils import translation

        if not self.stage_id:
            return self.label
        roman = self.stage.roman
        automatic = set()
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                automatic.add(gettext("Penutupan Bimtek %(s)s") % {"s": roman})
        return gettext("Penutupan Bimtek %(s)s") % {"s": roman} if self.label in automatic else self.label

    @property
    def owner_opd_id(self):
        return None


class Commitment(Versioned):
    """The Komitmen Bersama signed at the close of stage IV."""

    masterplan = models.OneToOneField(Masterplan, on_delete=models.CASCADE, related_name="bimtek_commitment")
    title = models.CharField(_("judul"), max_length=200, default="Komitmen Bersama")
    text = models.TextField(_("naskah komitmen"))
    place = models.CharField(_("tempat penandatanganan"), max_length=120, blank=True)
    signed_on = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    scan = models.FileField(_("pindaian naskah bertanda tangan"), upload_to=UploadPath("komitmen"), blank=True)
    scan_name = models.CharField(max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("komitmen bersama")
        verbose_name_plural = _("komitmen bersama")

    def __str__(self):
        return f"{self.title} · {self.masterplan}"

    @property
    def owner_opd_id(self):
        return None

    def paragraphs(self):
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


class Signatory(Versioned):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="signatories")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    name = models.CharField(_("nama"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=150)
    opd = models.ForeignKey(
        OPD, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penanda tangan")
        verbose_name_plural = _("penanda tangan")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.position})"

    @property
    def owner_opd_id(self):
        return None
