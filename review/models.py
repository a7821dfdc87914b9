"""Review of a masterplan: a state per section, comments on any item or section, notifications."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import Versioned


class State(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    CHANGES = "changes", _("Perlu perbaikan")
    APPROVED = "approved", _("Disetujui")


class SectionReview(Versioned):
    """The review state of one section of one masterplan. No row yet means draft."""

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="section_reviews"
    )
    section_key = models.CharField(_("bagian"), max_length=80)
    state = models.CharField(_("status review"), max_length=10, choices=State.choices, default=State.DRAFT)
    note = models.TextField(_("catatan"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("waktu perubahan"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status review bagian")
        verbose_name_plural = _("status review bagian")
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "section_key"], name="one_review_state_per_section")
        ]

    def __str__(self):
        return f"{self.section_key}: {self.get_state_display()}"


class CommentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def threads(self):
        """Top-level comments with their author and replies (3 queries whatever the number)."""
        return (
            self.filter(parent__isnull=True)
            .select_related("author", "resolved_by", "opd")
            .prefetch_related(
                models.Prefetch("replies", queryset=Comment.objects.select_related("author").order_by("created_at"))
            )
            .order_by("created_at")
        )

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def mentioning(self, user):
        return self.filter(mentions=user)


class Comment(Versioned):
    """A remark on an item (any model of the masterplan) or on a whole section; one level of replies."""

    masterplan = models.ForeignKey(
        "masterplan.Masterplan", verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="comments"
    )
    section_key = models.CharField(_("bagian"), max_length=80, blank=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("jenis item"), null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("id item"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    target_label = models.CharField(_("tentang"), max_length=200, blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    opd = models.ForeignKey(
        "masterplan.OPD", verbose_name=_("OPD"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("membalas"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penulis"), on_delete=models.PROTECT, related_name="review_comments"
    )
    body = models.TextField(_("komentar"), max_length=4000)
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("menyebut"), blank=True, related_name="mentioned_in"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diselesaikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["created_at"])

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["masterplan", "resolved_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="comment_target_complete",
            )
        ]

    def __str__(self):
        return self.body[:60]

    @property
    def is_resolved(self):
        return self.resolved_at is not None


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("Disebut dalam komentar")
        COMMENT = "comment", _("Komentar pada item OPD Anda")
        CHANGES = "changes", _("Perlu perbaikan")
        SUBMITTED = "submitted", _("Bagian diajukan untuk review")
        DECIDED = "decided", _("Keputusan review")
        REOPENED = "reopened", _("Bagian kembali ke draf karena diubah")
        BOOK_READY = "book_ready", _("Buku siap diunduh")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penerima"), on_delete=models.CASCADE, related_name="notifications"
    )
    masterplan = models.ForeignKey(
        "masterplan.Masterplan",
        verbose_name=_("masterplan"),
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("pesan"), max_length=300)  # in Indonesian, as sent by mail
    message = models.JSONField(_("pesan (untuk diterjemahkan)"), default=dict, blank=True)  # review.messages
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.text

    @property
    def display_text(self):
        """The text in the reader's language (the stored Indonesian text for older rows)."""
        from .messages import Message

        message = Message.from_json(self.message)
        if message is None:
            return self.text
        try:
            return message.render()[:300]
        except (KeyError, ValueError, TypeError):
            return self.text
