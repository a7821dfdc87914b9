"""The Komitmen Bersama: default text, edits, signatories, the one-page PDF, the scan; the book chapters."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from bimtek.models import Commitment
from core import registry

from .factories import AttendeeFactory, CommitmentFactory, SessionFactory, SignatoryFactory, StageFactory


def test_default_text_names_the_region_and_the_three_commitments(as_user, personas):
    html = as_user(personas.reader).get(reverse("bimtek:commitment", args=[personas.masterplan.pk])).content.decode()
    assert "Kabupaten Penajam Paser Utara" in html
    for phrase in ["Mengintegrasikan dan menyinkronkan", "Melaksanakan program", "inklusif dan partisipatif"]:
        assert phrase in html


def test_coordinator_edits_the_text(as_user, personas):
    url = reverse("bimtek:commitment", args=[personas.masterplan.pk])
    data = {
        "title": "Komitmen Bersama",
        "text": "Naskah baru.\n\nParagraf dua.",
        "place": "Penajam",
        "signed_on": "2022-09-21",
    }
    assert as_user(personas.coordinator).post(url, data).status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.paragraphs() == ["Naskah baru.", "Paragraf dua."]
    assert commitment.history.count() == 1  # created from the form on the first save


def test_signatory_opd_must_be_of_the_region(as_user, personas):
    from tests.factories import OPDFactory

    foreign = OPDFactory(region=personas.other_masterplan.region)
    url = reverse("bimtek:signatory_add", args=[personas.masterplan.pk])
    data = {"signatory-name": "X", "signatory-position": "Kepala", "signatory-opd": foreign.pk, "signatory-order": 1}
    assert as_user(personas.coordinator).post(url, data).status_code == 400
    data["signatory-opd"] = personas.opd.pk
    assert as_user(personas.coordinator).post(url, data).status_code == 302


def test_pdf_is_one_page_with_every_signatory(as_user, personas):
    commitment = CommitmentFactory(masterplan=personas.masterplan, place="Penajam", signed_on="2022-09-21")
    for i in range(12):
        SignatoryFactory(commitment=commitment, name=f"Penanda Tangan {i:02d}")
    response = as_user(personas.reader).get(reverse("bimtek:commitment_pdf", args=[personas.masterplan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Penanda Tangan 00" in text and "Penanda Tangan 11" in text


def test_scan_upload_accepts_pdf_and_refuses_others(as_user, personas):
    client = as_user(personas.coordinator)
    url = reverse("bimtek:commitment_scan_upload", args=[personas.masterplan.pk])
    assert client.post(url, {"scan-scan": SimpleUploadedFile("scan.pdf", b"not a pdf")}).status_code == 400
    assert client.post(url, {"scan-scan": SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n%%EOF\n")}).status_code == 302
    commitment = Commitment.objects.get()
    assert commitment.scan and commitment.scan_name == "scan.pdf"
    download = client.get(reverse("bimtek:commitment_scan", args=[personas.masterplan.pk]))
    assert download.status_code == 200


def test_book_chapters_are_registered_and_render(personas):
    (process,) = [c for c in registry.chapters("analisis") if c.key == "bimtek_proses"]
    (appendix,) = [c for c in registry.chapters("masterplan") if c.key == "bimtek_komitmen"]
    assert process.order == 10 and appendix.order == 90 and appendix.appendix
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan, number=1), experts="Dr. Budi")
    AttendeeFactory(session=session, opd=personas.opd)
    html = render_to_string(process.template, process.context(personas.masterplan))
    assert "Dr. Budi" in html and "DLH" in html and "Belum dilaksanakan" in html
    assert "belum disusun" in render_to_string(appendix.template, appendix.context(personas.masterplan))
    SignatoryFactory(commitment=CommitmentFactory(masterplan=personas.masterplan), name="Bupati Uji")
    assert "Bupati Uji" in render_to_string(appendix.template, appendix.context(personas.masterplan))


def test_concurrent_commitment_edit_shows_both_versions(as_user, personas):
    commitment = CommitmentFactory(masterplan=personas.masterplan)
    Commitment.objects.filter(pk=commitment.pk).update(version=5)
    url = reverse("bimtek:commitment", args=[personas.masterplan.pk])
    data = {"title": "Komitmen Bersama", "text": "Versi saya", "version": 1}
    response = as_user(personas.coordinator).post(url, data)
    assert response.status_code == 200 and response.context["conflict"]
    assert Commitment.objects.get().text == commitment.text
