"""Every write path of the books' own content reports once (tests/writepaths.expect_report): the regional head to
the four books, an edition's date and foreword to its own book, the opening and closing texts and the legal basis
to `books.naskah`."""

import datetime

import pytest
from django.urls import reverse

from books.models import Edition, FrontMatter
from tests.writepaths import expect_report

BOOKS = ["book:analisis", "book:masterplan", "book:ringkasan", "book:quickwin"]


def _signing(p):
    data = {"signing-head_title": "Plt. Bupati", "signing-head_name": "Hamdam", "signing-place": "Penajam"}
    assert p.client.post(reverse("books:signing", args=[p.masterplan.pk]), data).status_code == 302
    assert FrontMatter.objects.get(masterplan=p.masterplan).head_name == "Hamdam"


def _legal(p):
    data = {"legal-laws": "Undang-Undang | 23 | 2014 | Pemerintahan Daerah", "legal-methodology": ""}
    assert p.client.post(reverse("books:legal_basis", args=[p.masterplan.pk]), data).status_code == 302
    assert FrontMatter.objects.get(masterplan=p.masterplan).national_laws == [
        {"kind": "Undang-Undang", "number": "23", "year": 2014, "subject": "Pemerintahan Daerah"}
    ]


def _edition_date(p):
    data = {"date": "2022-11-18"}
    assert p.client.post(reverse("books:edition", args=[p.masterplan.pk, "masterplan"]), data).status_code == 302
    assert Edition.objects.get(masterplan=p.masterplan, book_key="masterplan").date == datetime.date(2022, 11, 18)


def _edition_text(p):
    data = {"background": "Latar belakang PPU yang ditulis sendiri."}
    assert p.client.post(reverse("books:edition", args=[p.masterplan.pk, "quickwin"]), data).status_code == 302
    assert Edition.objects.get(masterplan=p.masterplan, book_key="quickwin").background.startswith("Latar")


@pytest.mark.parametrize(
    "door, section",
    [
        (_signing, "book:masterplan"),
        (_signing, "book:quickwin"),
        (_legal, "books.naskah"),
        (_edition_date, "book:masterplan"),
        (_edition_text, "books.naskah"),
    ],
    ids=["signing->masterplan", "signing->quickwin", "legal", "edition-date", "edition-text"],
)
def test_every_write_path_reports(personas, as_user, door, section):
    p = personas
    p.client = as_user(p.coordinator)
    with expect_report(p.masterplan, section, notified=[p.expert]):
        door(p)


def test_an_unchanged_form_reports_nothing(personas, as_user):
    from review.models import SectionReview

    client = as_user(personas.coordinator)
    url = reverse("books:edition", args=[personas.masterplan.pk, "ringkasan"])
    page = client.get(url).content.decode()
    assert "Puji syukur" in page  # the default shown to edit
    # posting the defaults back keeps them defaults (stored blank), and reports nothing
    from books.front import default_text

    mp = personas.masterplan
    from books.front import TEXT_FIELDS

    data = {name: default_text(mp, "ringkasan", name, "Buku Ringkasan Eksekutif") for name in TEXT_FIELDS}
    assert client.post(url, data).status_code == 302
    edition = Edition.objects.get(masterplan=mp, book_key="ringkasan")
    assert edition.foreword == "" and edition.scope == ""
    assert not SectionReview.objects.filter(masterplan=mp, section_key="books.naskah").exists()
