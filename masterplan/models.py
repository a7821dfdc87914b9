"""The foundation: regions, the smart dimensions, masterplans, OPDs and who may do what.

Region vs masterplan: a Region's OPDs (like its RPJMD, see rpjmd.models) belong to the REGION and are shared by
every masterplan of the region, e.g. a later cohort's masterplan of the same kabupaten. A change to them reaches
every masterplan of the region through `review.changes.report_region_change` (masterplan.services). Memberships
and invitations belong to one masterplan."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.identity import normalize_email
from core import registry
from core.concurrency import Versioned
from core.memo import memoised
from core.uploads import UploadPath

MAX_HORIZON_YEARS = 10


class Region(models.Model):
    class Kind(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    code = models.CharField(_("kode Kemendagri"), max_length=13, unique=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("nama"), max_length=120)
    province = models.ForeignKey(
        "self", verbose_name=_("provinsi"), null=True, blank=True, on_delete=models.PROTECT, related_name="localities"
    )
    population = models.PositiveBigIntegerField(_("jumlah penduduk"), null=True, blank=True)
    area_km2 = models.DecimalField(_("luas (km²)"), max_digits=12, decimal_places=3, null=True, blank=True)

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def density(self):
        if self.population and self.area_km2:
            return round(self.population / float(self.area_km2), 1)
        return None


class Dimension(models.Model):
    """One of the six smart dimensions (Kominfo's framework). Created by a data migration."""

    key = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    name_id = models.CharField(_("nama (Indonesia)"), max_length=60)
    name_en = models.CharField(_("nama (Inggris)"), max_length=60)
    description_id = models.TextField(_("uraian (Indonesia)"), blank=True)
    description_en = models.TextField(_("uraian (Inggris)"), blank=True)
    color = models.CharField(_("warna"), max_length=7, help_text="#RRGGBB")
    pattern = models.CharField(_("pola arsiran"), max_length=20, default="solid")

    class Meta:
        verbose_name = _("dimensi")
        verbose_name_plural = _("dimensi")
        ordering = ["order"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id

    @property
    def description(self):
        return self.description_en if (get_language() or "id").startswith("en") else self.description_id


class Element(models.Model):
    """One of the 18 elements (sub-dimensions), three per dimension."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="elements")
    key = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    name_id = models.CharField(_("nama (Indonesia)"), max_length=80)
    name_en = models.CharField(_("nama (Inggris)"), max_length=80)
    description_id = models.TextField(_("uraian (Indonesia)"), blank=True)
    description_en = models.TextField(_("uraian (Inggris)"), blank=True)

    class Meta:
        verbose_name = _("elemen")
        verbose_name_plural = _("elemen")
        ordering = ["dimension__order", "order"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class Cohort(models.Model):
    """A yearly intake of the Gerakan Menuju 100 Smart City."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    name = models.CharField(_("nama"), max_length=150, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        ordering = ["-year"]

    def __str__(self):
        return self.name or f"Gerakan Menuju 100 Smart City {self.year}"


class MasterplanQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_programme_admin:
            return self
        return self.filter(pk__in=Membership.objects.filter(user=user).values("masterplan"))

    def for_cards(self):
        """Masterplans for the home cards; apps add their annotations (bimtek: `stage_reached`) through
        `core.registry.register_card_annotation`, each a subquery, so the count stays constant."""
        queryset = (
            self.select_related("region__province", "cohort")
            .annotate(member_count=Count("memberships", distinct=True))
            .order_by("-cohort__year", "region__name")
        )
        for annotate in registry.card_annotations():
            queryset = annotate(queryset)
        return queryset


class Masterplan(Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        REVIEW = "review", _("Dalam review")
        APPROVED = "approved", _("Disetujui")
        FINAL = "final", _("Final")

    region = models.ForeignKey(
        Region,
        verbose_name=_("daerah"),
        on_delete=models.PROTECT,
        related_name="masterplans",
        limit_choices_to={"kind__in": ["kabupaten", "kota"]},
    )
    cohort = models.ForeignKey(Cohort, verbose_name=_("angkatan"), on_delete=models.PROTECT, related_name="masterplans")
    title = models.CharField(_("judul"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    logo = models.ImageField(_("logo daerah"), upload_to=UploadPath("logo"), blank=True)
    foreword = models.TextField(_("kata pengantar"), blank=True)
    # Bumped by review.changes.report_change on every change of the content (one UPDATE, no history row):
    # cache keys of the heavy page fragments and the books' freshness read it.
    content_version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["content_version"])

    objects = MasterplanQuerySet.as_manager()

    class Meta:
        verbose_name = _("masterplan")
        verbose_name_plural = _("masterplan")
        ordering = ["-cohort__year", "region__name"]
        constraints = [models.UniqueConstraint(fields=["region", "cohort"], name="one_masterplan_per_region_cohort")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start_year and self.end_year:
            if self.end_year < self.start_year:
                raise ValidationError({"end_year": _("Tahun akhir tidak boleh sebelum tahun awal.")})
            if self.end_year - self.start_year + 1 > MAX_HORIZON_YEARS:
                raise ValidationError(
                    {"end_year": _("Horizon masterplan paling lama %(n)s tahun.") % {"n": MAX_HORIZON_YEARS}}
                )
        if self.region_id and self.region.kind == Region.Kind.PROVINSI:
            raise ValidationError({"region": _("Masterplan disusun oleh kabupaten atau kota, bukan provinsi.")})

    @property
    def years(self):
        return list(range(self.start_year, self.end_year + 1))

    def dimension_list(self):
        """The smart city dimensions in order; loaded once inside core.memo.shared_lookups(self)."""
        return memoised(self, "dimensions", lambda: list(Dimension.objects.all()))

    @classmethod
    def default_title(cls, region):
        return f"Masterplan Smart City {region.name}"


class OPDQuerySet(models.QuerySet):
    def for_masterplan(self, masterplan):
        return self.filter(region_id=masterplan.region_id)


class OPD(Versioned):
    """A regional agency (Organisasi Perangkat Daerah) of a kabupaten/kota."""

    class Kind(models.TextChoices):
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        BAGIAN = "bagian", _("Bagian / Sekretariat")
        KECAMATAN = "kecamatan", _("Kecamatan")
        OTHER = "lainnya", _("Lainnya")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="opds", verbose_name=_("daerah"))
    name = models.CharField(_("nama"), max_length=200)
    acronym = models.CharField(_("singkatan"), max_length=40)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.DINAS)
    history = HistoricalRecords()

    objects = OPDQuerySet.as_manager()

    class Meta:
        verbose_name = _("perangkat daerah (OPD)")
        verbose_name_plural = _("perangkat daerah (OPD)")
        ordering = ["acronym"]
        constraints = [
            models.UniqueConstraint(fields=["region", "acronym"], name="unique_opd_acronym_per_region"),
            models.UniqueConstraint(fields=["region", "name"], name="unique_opd_name_per_region"),
        ]

    def __str__(self):
        return self.acronym

    @property
    def owner_opd_id(self):
        return None  # only the coordinator edits OPDs


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Koordinator (Diskominfo)")
    OPD_MEMBER = "opd_member", _("Anggota pokja OPD")
    EXPERT = "expert", _("Tenaga ahli")
    READER = "reader", _("Pembaca")


class Membership(Versioned):
    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=12, choices=Role.choices)
    opd = models.ForeignKey(
        OPD, verbose_name=_("OPD"), null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        ordering = ["role", "user__first_name", "user__email"]
        constraints = [models.UniqueConstraint(fields=["masterplan", "user"], name="one_membership_per_user")]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.masterplan}"

    def clean(self):
        validate_role_opd(self.role, self.opd, self.masterplan if self.masterplan_id else None)


def validate_role_opd(role, opd, masterplan):
    if role == Role.OPD_MEMBER and opd is None:
        raise ValidationError({"opd": _("Anggota pokja OPD harus memilih OPD-nya.")})
    if role != Role.OPD_MEMBER and opd is not None:
        raise ValidationError({"opd": _("Hanya anggota pokja OPD yang terikat pada satu OPD.")})
    if opd is not None and masterplan is not None and opd.region_id != masterplan.region_id:
        raise ValidationError({"opd": _("OPD ini bukan milik daerah masterplan ini.")})


def _token():
    return secrets.token_urlsafe(32)


def _expiry():
    return timezone.now() + timedelta(days=14)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    masterplan = models.ForeignKey(Masterplan, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("peran"), max_length=12, choices=Role.choices)
    opd = models.ForeignKey(OPD, verbose_name=_("OPD"), null=True, blank=True, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token"])  # who invited, cancelled or accepted, when

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("undangan")
        verbose_name_plural = _("undangan")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.masterplan}"

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()
