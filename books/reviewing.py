"""What the books tell the review app: a book is ready (the requester's bell and mail), and the programme
dashboard's "Buku terakhir" column."""

from django.db.models import Case, IntegerField, Max, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ExportJob


def announce_ready(job):
    """The requester of a job that ended done with a file gets a notification (and a mail after commit).
    Background re-renders (no requester) notify nobody: nobody is waiting for them."""
    from review.services import notify_book_ready

    if not job.requested_by_id or job.status != ExportJob.Status.DONE or not job.file:
        return []
    return notify_book_ready(
        masterplan=job.masterplan,
        title=f"{job.book_title} ({job.get_variant_display()})",
        url=reverse("books:download", args=[job.masterplan_id, job.pk]),
        users=[job.requested_by],
    )


def latest_books_column(masterplans):
    """{masterplan id: "Analisis Strategis 12/11/2026 (final); ..."}: the latest finished export of each
    book with its date, marked final when a final of that book exists. One grouped query."""
    rows = (
        ExportJob.objects.filter(
            masterplan__in=masterplans.order_by().values("pk"), status=ExportJob.Status.DONE, finished_at__isnull=False
        )
        .exclude(file="")
        .values("masterplan_id", "book_key")
        .annotate(
            last=Max("finished_at"),
            title=Max("book_title"),
            final=Max(Case(When(variant=ExportJob.Variant.FINAL, then=1), default=0, output_field=IntegerField())),
        )
        .order_by("masterplan_id", "book_key")
    )
    result = {}
    for row in rows:
        title = row["title"].removeprefix("Buku ").strip()
        text = f"{title} {timezone.localtime(row['last']).strftime('%d/%m/%Y')}"
        if row["final"]:
            text += " " + _("(final)")
        result.setdefault(row["masterplan_id"], []).append(text)
    return {pk: "; ".join(texts) for pk, texts in result.items()}


def register():
    from core import registry

    registry.register_cohort_column(
        registry.CohortColumn(
            "books.latest",
            gettext_lazy("Buku terakhir"),
            latest_books_column,
            order=60,
            help=gettext_lazy(
                "Buku terakhir: ekspor PDF terakhir yang selesai untuk setiap buku, dengan tanggalnya; "
                "“(final)” bila buku itu sudah pernah diekspor sebagai versi final."
            ),
        )
    )
