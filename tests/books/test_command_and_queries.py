import pytest
from django.core.management import CommandError, call_command

from books.rendering import render_chapters
from masterplan.models import Role
from tests.factories import MasterplanFactory, MembershipFactory, OPDFactory, RegionFactory


@pytest.mark.parametrize("book", ["analisis", "masterplan", "ringkasan", "quickwin"])
def test_book_context_queries_are_constant(db, book):
    """Every registered chapter's context runs a fixed number of queries, however many rows there are."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    region = RegionFactory()
    mp = MasterplanFactory(region=region)

    def add(rows):
        for _n in range(rows):
            MembershipFactory(masterplan=mp, role=Role.OPD_MEMBER, opd=OPDFactory(region=region))

    add(2)
    with CaptureQueriesContext(connection) as few:
        render_chapters(mp, book)
    add(25)
    with CaptureQueriesContext(connection) as more:
        chapters, _tables, _figures = render_chapters(mp, book)
    assert len(few.captured_queries) == len(more.captured_queries)
    assert chapters


def test_render_books_command_writes_the_pdfs(db, tmp_path, capsys):
    mp = MasterplanFactory(region=RegionFactory(code="64.77"))
    call_command(
        "render_books", "64.77", "--cohort", str(mp.cohort.year), "--book", "ringkasan", "--out", str(tmp_path)
    )
    out = capsys.readouterr().out
    assert "Buku Ringkasan Eksekutif" in out and "halaman" in out
    assert (tmp_path / f"ringkasan-64.77-{mp.cohort.year}-draf.pdf").read_bytes().startswith(b"%PDF")


def test_render_books_command_says_what_is_wrong(db):
    MasterplanFactory(region=RegionFactory(code="64.78"))
    with pytest.raises(CommandError, match="Tidak ada masterplan untuk wilayah 99.99"):
        call_command("render_books", "99.99")
    with pytest.raises(CommandError, match="Buku 'roadmap' tidak dikenal"):
        call_command("render_books", "64.78", "--book", "roadmap")
    with pytest.raises(CommandError, match="disetujui"):
        call_command("render_books", "64.78", "--book", "ringkasan", "--final")
