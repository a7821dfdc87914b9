"""The dashboard card: the latest export of each book and the export button."""

from django.db.models import Max

from .models import ExportJob
from .services import books_for


def latest_by_book(masterplan, books):
    """{book key: latest job}: one query whatever the number of exports."""
    newest = (
        ExportJob.objects.filter(masterplan=masterplan, book_key__in=[b.key for b in books])
        .values("book_key")
        .annotate(last=Max("pk"))
        .values("last")
    )
    return {job.book_key: job for job in ExportJob.objects.filter(pk__in=newest)}


def dashboard_panel(masterplan, access):
    books = books_for(masterplan)
    latest = latest_by_book(masterplan, books)
    return {"masterplan": masterplan, "access": access, "rows": [(book, latest.get(book.key)) for book in books]}
