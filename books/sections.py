"""The `books.naskah` section as the review and the bimtek snapshots see it: each book's opening and closing
texts as printed (defaults filled in), the national legal basis and the methodology's opening."""

from . import front
from .models import Book


def serialize_texts(masterplan):
    """Items with JSON values only (3 queries: books, editions, front matter)."""
    books = list(Book.objects.for_masterplan(masterplan))
    editions = {e.book_key: e for e in masterplan.book_editions.all()}
    front_row = front.front_matter(masterplan)
    items = []
    for book in books:
        edition = editions.get(book.key)
        items.append(
            {
                "key": f"edition-{book.key}",
                "label": book.title,
                "fields": {
                    "tanggal edisi": edition.date.isoformat() if edition and edition.date else "",
                    **{
                        name: front.text(masterplan, book.key, name, book.title, edition)
                        for name in ("foreword", "background", "purpose", "scope", "closing")
                    },
                },
            }
        )
    items.append(
        {
            "key": "national-laws",
            "label": "Landasan hukum nasional",
            "fields": {"peraturan": front.laws_as_text(front.law_rows(front_row))},
        }
    )
    methodology = (front_row.methodology if front_row else "") or ""
    items.append({"key": "methodology", "label": "Metodologi", "fields": {"pengantar": methodology}})
    if front_row:
        items.append(
            {
                "key": "signer",
                "label": "Kepala daerah",
                "fields": {"nama": front_row.head_name, "jabatan": front_row.head_title, "NIP": front_row.head_nip},
            }
        )
    return items
