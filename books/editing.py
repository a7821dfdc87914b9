"""The one write path of the books' own content: who signs, the editions and the opening and closing chapters.

Which section a change reports to (review.changes):
- the regional head and the place of signing are printed in every book (foreword, approval page): the four
  `book:*` sections;
- an edition's date and foreword belong to that book's frame: its own `book:<key>` section;
- the chapters' texts (Pendahuluan, Landasan Hukum, Metodologi, Penutup): the `books.naskah` section.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from masterplan.models import Masterplan
from review.changes import report_change

from .models import Edition, FrontMatter

TEXTS_SECTION = "books.naskah"
BOOK_SECTIONS = ["book:analisis", "book:masterplan", "book:ringkasan", "book:quickwin"]
FRAME_FIELDS = {"date", "foreword"}


def front_for_edit(masterplan) -> FrontMatter:
    """The masterplan's FrontMatter, or an unsaved one (nothing is written by opening a form)."""
    return FrontMatter.objects.filter(masterplan=masterplan).first() or FrontMatter(masterplan=masterplan)


def edition_for_edit(masterplan, book_key) -> Edition:
    found = Edition.objects.filter(masterplan=masterplan, book_key=book_key).first()
    return found or Edition(masterplan=masterplan, book_key=book_key)


@transaction.atomic
def update_signing(*, masterplan: Masterplan, user, form) -> FrontMatter:
    """Save the regional head and the place of signing (a bound, valid SigningForm). Raises EditConflict."""
    changed = form.has_changed()
    form.instance._history_user = user
    front = save_versioned(form)
    if changed:
        for key in BOOK_SECTIONS:
            report_change(
                masterplan=masterplan, section_key=key, user=user, reason=_("Data kepala daerah penanda tangan diubah.")
            )
    return front


@transaction.atomic
def update_legal_basis(*, masterplan: Masterplan, user, form) -> FrontMatter:
    """Save the national legal basis and the methodology's opening (a bound, valid LegalBasisForm)."""
    changed = form.has_changed()
    form.instance._history_user = user
    front = save_versioned(form)
    if changed:
        report_change(
            masterplan=masterplan,
            section_key=TEXTS_SECTION,
            user=user,
            reason=_("Landasan hukum atau metodologi diubah."),
        )
    return front


@transaction.atomic
def update_edition(*, masterplan: Masterplan, book, user, form) -> Edition:
    """Save one book's edition (a bound, valid EditionForm): the date and foreword report to the book's own
    section, the chapters' texts to `books.naskah`."""
    changed = set(form.changed_data) - {"version"}
    form.instance._history_user = user
    edition = save_versioned(form)
    if changed & FRAME_FIELDS:
        report_change(
            masterplan=masterplan,
            section_key=f"book:{book.key}",
            user=user,
            reason=_("Tanggal edisi atau kata pengantar %(book)s diubah.") % {"book": book.title},
        )
    if changed - FRAME_FIELDS:
        report_change(
            masterplan=masterplan,
            section_key=TEXTS_SECTION,
            user=user,
            reason=_("Pendahuluan atau penutup %(book)s diubah.") % {"book": book.title},
        )
    return edition
