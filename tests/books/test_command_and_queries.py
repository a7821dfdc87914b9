import pytest
from django.core.management import CommandError, call_command

from books.rendering import render_chapters
from masterplan.models import Role
from tests.factories import MasterplanFactory, MembershipFactory, OPDFactory, RegionFactory


@pytest.mark.parametrize("rows", [2, 25])
def test_book_context_queries_are_constant(db, django_assert_num_queries, rows):
    region = RegionFactory()
    mp = MasterplanFactory(region=region)
    for _n in range(rows):
        opd = OPDFactory(region=region)
        MembershipFactory(masterplan=mp, role=Role.OPD_MEMBER, opd=opd)
    # profile: OPD counts per kind; team: members (with user, OPD), OPDs with member counts
    with django_assert_num_queries(3):
        chapters, tables, _figures = render_chapters(mp, "analisis")
    assert len(chapters) == 2 and len(tables) == 3


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
