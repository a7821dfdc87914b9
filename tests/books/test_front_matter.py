"""What the books open and close with and who signs them: access, hostile input, and the rendered books."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from bimtek.models import Attendee, Commitment, Session, Signatory, Stage
from books.models import Book, Edition, FrontMatter
from books.rendering import book_html, render_book
from masterplan.models import Masterplan, Region
from plan.models import LegalDocument
from tests.books.helpers import pdf_text
from tests.factories import MasterplanFactory, RegionFactory

OUT = Path("/tmp/bookfront-out")
TODAY = datetime.date(2026, 12, 4)  # the day of rendering: never the document's date


def _html(mp, key, **kwargs):
    return book_html(mp, Book.objects.for_masterplan(mp).get(key=key), today=TODAY, **kwargs)


def _sign(mp, **edition_dates):
    FrontMatter.objects.create(masterplan=mp, head_name="Hamdam", head_title="Plt. Bupati", place="Penajam")
    for key, date in edition_dates.items():
        Edition.objects.create(masterplan=mp, book_key=key, date=date)


# --- access: the coordinator edits; an OPD member, an expert, a reader cannot; a stranger does not see it ---------

URLS = [
    ("books:edition", "get", {}),
    ("books:signing", "post", {"signing-head_name": "X"}),
    ("books:legal_basis", "post", {"legal-laws": ""}),
    ("books:edition", "post", {"date": "2022-11-18"}),
]


def _url(name, mp):
    return reverse(name, args=[mp.pk, "masterplan"] if name == "books:edition" else [mp.pk])


@pytest.mark.parametrize("name, method, data", URLS, ids=[f"{u[0]}-{u[1]}" for u in URLS])
@pytest.mark.parametrize("who, status", [("opd_member", 403), ("expert", 403), ("reader", 403), ("stranger", 404)])
def test_only_the_coordinator_edits_what_is_signed(personas, as_user, name, method, data, who, status):
    client = as_user(getattr(personas, who))
    response = getattr(client, method)(_url(name, personas.masterplan), data)
    assert response.status_code == status
    assert not FrontMatter.objects.exists() and not Edition.objects.exists()


@pytest.mark.parametrize("who", ["opd_member", "expert", "reader"])
def test_other_members_read_the_page_without_forms_to_send(personas, as_user, who):
    page = as_user(getattr(personas, who)).get(reverse("books:texts", args=[personas.masterplan.pk])).content.decode()
    assert "Hanya koordinator yang dapat mengubah" in page
    assert "<fieldset disabled>" in page and "Simpan kepala daerah" not in page
    assert reverse("books:edition", args=[personas.masterplan.pk, "masterplan"]) not in page


def test_a_stranger_does_not_see_the_page(personas, as_user):
    url = reverse("books:texts", args=[personas.masterplan.pk])
    assert as_user(personas.stranger).get(url).status_code == 404


def test_the_coordinator_sees_the_page_with_the_defaults(personas, as_user):
    page = as_user(personas.coordinator).get(reverse("books:texts", args=[personas.masterplan.pk])).content.decode()
    assert "Undang-Undang | 23 | 2014 | Pemerintahan Daerah" in page  # the default list, to edit
    assert "Buku I" in page and "Buku IV" in page
    assert "Bupati Penajam Paser Utara" in page  # the title the books will print
    assert "Hanya koordinator" not in page and "Simpan kepala daerah" in page


def test_signing_requires_a_get_free_post(personas, as_user):
    response = as_user(personas.coordinator).get(reverse("books:signing", args=[personas.masterplan.pk]))
    assert response.status_code == 405


# --- hostile input: said where, nothing half-written ------------------------------------------------------------


def test_a_bad_nip_is_refused(personas, as_user):
    url = reverse("books:signing", args=[personas.masterplan.pk])
    response = as_user(personas.coordinator).post(url, {"signing-head_name": "Hamdam", "signing-head_nip": "12ab"})
    assert response.status_code == 400
    assert "NIP terdiri atas 18 angka" in response.content.decode()
    assert not FrontMatter.objects.exists()


def test_a_bad_law_line_is_named_and_nothing_is_saved(personas, as_user):
    url = reverse("books:legal_basis", args=[personas.masterplan.pk])
    laws = "Undang-Undang | 23 | 2014 | Pemerintahan Daerah\nPerpres 95 2018 SPBE\nUU | 1 | 20x4 | Uji"
    response = as_user(personas.coordinator).post(url, {"legal-laws": laws})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Baris 2: tulis empat bagian" in content and "Baris 3, kolom tahun" in content
    assert not FrontMatter.objects.exists()


def test_an_edition_date_outside_the_cohorts_timeline_is_refused(personas, as_user):
    url = reverse("books:edition", args=[personas.masterplan.pk, "masterplan"])
    response = as_user(personas.coordinator).post(url, {"date": "2040-01-01"})
    assert response.status_code == 400
    assert "Tanggal edisi harus antara tahun 2021 dan 2032" in response.content.decode()
    assert not Edition.objects.exists()


def test_an_unknown_book_is_404(personas, as_user):
    url = reverse("books:edition", args=[personas.masterplan.pk, "tidak-ada"])
    assert as_user(personas.coordinator).get(url).status_code == 404


# --- the rendered books ------------------------------------------------------------------------------------------


def test_every_book_has_its_number_chapters_and_the_regional_heads_signature(personas):
    mp = personas.masterplan
    _sign(mp, analisis=datetime.date(2022, 10, 14), masterplan=datetime.date(2022, 11, 18))
    for number, key in enumerate(["analisis", "masterplan", "ringkasan", "quickwin"], start=1):
        html = _html(mp, key)
        assert f'<p class="cover-number">Buku {"I" * number if number < 4 else "IV"}</p>' in html, key
        assert "Pendahuluan" in html and "Latar Belakang" in html and "Sistematika Penulisan" in html
        assert "Penutup" in html and "Daftar Singkatan" in html
        foreword = html[html.index('id="kata-pengantar"') : html.index('id="daftar-isi"')]
        assert "PLT. BUPATI PENAJAM PASER UTARA," in foreword and "HAMDAM" in foreword
        assert ("Lembar Pengesahan" in html) == (key == "masterplan")
        assert ("Landasan Hukum" in html) == (key in ("analisis", "masterplan"))
        assert ('id="metodologi"' in html) == (key == "masterplan")
    html = _html(mp, "masterplan")
    assert "Penajam, 18 November 2022" in html
    assert "pada tanggal 18 November 2022" in html  # the Lembar Pengesahan
    assert "dicetak 4 Desember 2026" in html  # the print date beside DRAF, never in place of the edition's
    assert '<p class="cover-date">November 2022</p>' in html
    assert html.count("Penajam Paser Utara</p>") == 1 or html.count('class="cover-region"') == 1


def test_the_forewords_differ_per_book_and_follow_their_edits(personas):
    mp = personas.masterplan
    forewords = set()
    for key in ("analisis", "masterplan", "ringkasan", "quickwin"):
        html = _html(mp, key)
        forewords.add(html[html.index('id="kata-pengantar"') : html.index("signature-block")])
    assert len(forewords) == 4
    Edition.objects.create(masterplan=mp, book_key="quickwin", foreword="Kata pengantar Buku Quick Win PPU.")
    assert "Kata pengantar Buku Quick Win PPU." in _html(mp, "quickwin")


def test_the_legal_basis_lists_national_laws_then_the_regions_own(personas):
    mp = personas.masterplan
    LegalDocument.objects.create(masterplan=mp, kind="mou", number="01/MOU/2022", year=2022, title="Smart City")
    LegalDocument.objects.create(masterplan=mp, kind="perkada", number="12", year=2021, title="SPBE")
    html = _html(mp, "masterplan")
    chapter = html[html.index('id="landasan-hukum"') : html.index('id="metodologi"')]
    for needle in ("Pemerintahan Daerah", "Sistem Pemerintahan Berbasis Elektronik", "Sistem Perencanaan"):
        assert needle in chapter, needle
    assert chapter.index("Peraturan Bupati") < chapter.index("MoU")  # by rank: regulations before agreements
    assert "Bupati / Wali Kota" not in html
    kota = MasterplanFactory(region=RegionFactory(code="74.72", kind=Region.Kind.KOTA, name="Kota Baubau"))
    LegalDocument.objects.create(masterplan=kota, kind="perkada", number="3", year=2022, title="Smart City")
    kota_html = _html(kota, "masterplan")
    assert "Peraturan Wali Kota" in kota_html and "WALI KOTA BAUBAU" in kota_html


def test_edited_laws_replace_the_defaults(personas):
    mp = personas.masterplan
    FrontMatter.objects.create(
        masterplan=mp, national_laws=[{"kind": "Peraturan Presiden", "number": "95", "year": 2018, "subject": "SPBE"}]
    )
    html = _html(mp, "analisis")
    assert "SPBE</td>" in html and "Keterbukaan Informasi Publik" not in html


def test_the_methodology_and_the_komitmen_come_from_the_bimtek(personas):
    mp = personas.masterplan
    stage = Stage.objects.create(masterplan=mp, number=4)
    session = Session.objects.create(
        masterplan=mp,
        stage=stage,
        title="Bimtek IV",
        starts_at=datetime.datetime(2022, 9, 21, 9, tzinfo=datetime.UTC),
        experts="Budi Santoso",
    )
    Attendee.objects.create(session=session, name="Kepala DLH", opd=personas.opd)
    commitment = Commitment.objects.create(
        masterplan=mp, text="Kami berkomitmen.", signed_on=datetime.date(2022, 9, 21)
    )
    for i in range(8):
        Signatory.objects.create(commitment=commitment, order=i, name=f"Penanda {i}", position="Kepala")
    html = _html(mp, "masterplan")
    method = html[html.index('id="metodologi"') :]
    assert "21 September 2022" in method and "Budi Santoso" in method and "DLH" in method
    assert "Komitmen Bersama" in method  # what Bimtek IV produced
    komitmen = html[html.index('id="komitmen-bersama"') :]
    assert "Tanda tangan" in komitmen and komitmen.count('class="signature-cell"') == 8
    assert "Dinas Lingkungan Hidup (DLH)" in komitmen  # the participating OPDs


def test_the_komitmen_pdf_centres_its_last_row(personas, as_user):
    mp = personas.masterplan
    commitment = Commitment.objects.create(masterplan=mp, text="Kami berkomitmen.")
    Signatory.objects.create(commitment=commitment, order=0, name="Hamdam", position="Plt. Bupati")
    for i in range(7):
        Signatory.objects.create(
            commitment=commitment, order=i + 1, name=f"Kepala {i}", position="Kepala", opd=personas.opd
        )
    from django.template.loader import render_to_string

    html = render_to_string(
        "bimtek/commitment_pdf.html",
        {
            "masterplan": mp,
            "commitment": commitment,
            "signatories": list(commitment.signatories.all()),
            "opds": [personas.opd],
        },
    )
    assert "justify-content: center" in html and "space-between" not in html
    assert html.count('<div class="head-row">') == 1 and html.count('<div class="sig">') == 8
    stage = Stage.objects.create(masterplan=mp, number=4)
    session = Session.objects.create(
        masterplan=mp, stage=stage, title="Bimtek IV", starts_at=datetime.datetime(2022, 9, 21, 9, tzinfo=datetime.UTC)
    )
    Attendee.objects.create(session=session, name="Kepala DLH", opd=personas.opd)
    response = as_user(personas.coordinator).get(reverse("bimtek:commitment_pdf", args=[mp.pk]))
    (OUT / "komitmen-8.pdf").write_bytes(response.content) if OUT.exists() else None
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Hamdam" in text and "Kepala 6" in text and "Dinas Lingkungan Hidup (DLH)" in text


def test_a_new_empty_region_renders_every_book_with_the_defaults(db):
    from tests.factories import ProvinceFactory

    province = ProvinceFactory(code="63", name="Kalimantan Selatan")
    Region.objects.create(code="63.10", kind="kabupaten", name="Kabupaten Tanah Bumbu", province=province)
    call_command("create_masterplan", "63.10", "--cohort", "2026")
    mp = Masterplan.objects.get(region__code="63.10")
    pdf, pages = render_book(mp, _html(mp, "masterplan"))
    text = pdf_text(pdf)
    for needle in (
        "BUKU II",
        "Lembar Pengesahan",
        "Kata Pengantar",
        "Pendahuluan",
        "Landasan Hukum",
        "Metodologi",
        "Penutup",
        "BUPATI TANAH BUMBU",
        "Pemerintahan Daerah",
    ):
        assert needle in text, needle
    assert "Desember 2026" not in text.split("DRAF")[0]  # the cover carries no render date
    for key in ("analisis", "ringkasan", "quickwin"):
        html = _html(mp, key)
        assert "Pendahuluan" in html and "Penutup" in html and "Puji syukur" in html
