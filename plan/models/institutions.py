"""Institutions: who sits on the Dewan Smart City and the Tim Pelaksana, and the documents behind them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import PlanItem


class CouncilMember(PlanItem):
    class Body(models.TextChoices):
        DEWAN = "dewan", _("Dewan Smart City")
        TIM = "tim", _("Tim Pelaksana Smart City")

    body = models.CharField(_("lembaga"), max_length=5, choices=Body.choices)
    name = models.CharField(_("nama"), max_length=200)
    position = models.CharField(_("jabatan / instansi"), max_length=250)
    role = models.CharField(_("peran dalam lembaga"), max_length=120)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggota lembaga")
        verbose_name_plural = _("anggota lembaga")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.role})"

    def siblings(self):
        return super().siblings().filter(body=self.body)


class LegalDocument(PlanItem):
    class Kind(models.TextChoices):
        SK_DEWAN = "sk_dewan", _("SK pembentukan Dewan Smart City")
        SK_TIM = "sk_tim", _("SK pembentukan Tim Pelaksana")
        MOU = "mou", _("MoU dengan Kementerian Kominfo")
        PERDA = "perda", _("Peraturan Daerah (Perda)")
        PERKADA = "perkada", _("Peraturan Bupati / Wali Kota")
        OTHER = "lainnya", _("Dokumen lain")

    kind = models.CharField(_("jenis dokumen"), max_length=10, choices=Kind.choices)
    number = models.CharField(_("nomor"), max_length=120)
    date = models.DateField(_("tanggal"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    title = models.CharField(_("judul / tentang"), max_length=400)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dokumen kelembagaan")
        verbose_name_plural = _("dokumen kelembagaan")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def clean(self):
        if self.year and not 1945 <= self.year <= 2100:
            raise ValidationError({"year": _("Tahun harus antara 1945 dan 2100.")})
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError({"date": _("Tanggal tidak cocok dengan tahun dokumen (%(y)s).") % {"y": self.year}})
