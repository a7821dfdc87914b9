"""Hostile uploads to every upload endpoint are refused with a message, and nothing is stored: a .pdf that
is HTML, a script renamed .xlsx, a zip bomb dressed as .xlsx, a PNG that claims 2.5 billion pixels, and a
file over the size limit."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.bimtek.factories import SessionFactory
from tests.quickwins.factories import QuickWinFactory
from tests.rpjmd.factories import RPJMDFactory
from tests.test_url_sweep import row_counts

REFUSALS = (
    "bukan jenis yang diizinkan",
    "terlalu besar",
    "bom zip",
    "rusak",
    "piksel",
    "tidak dapat dibaca",
    "bukan CSV teks",  # the spreadsheet importers read what is not a workbook as CSV, and refuse binary
    "Belum ada yang disimpan",  # the RPJMD import's preview lists the problem and stores nothing
    "Pakai lembar hasil unduhan",  # the progress import reads it as a CSV without the columns
    "bukan lembar kerja",
)


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def image_bomb():
    """A valid PNG header declaring 50,000 x 50,000 pixels, with almost no data behind it."""
    header = struct.pack(">IIBBBBB", 50_000, 50_000, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


def zip_bomb():
    """An .xlsx-looking archive whose one part unpacks from about 20 KB to 20 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 2**20))
    return buffer.getvalue()


FILES = {
    "html as pdf": ("laporan.pdf", b"<html><body><script>alert(document.cookie)</script></body></html>"),
    "script as xlsx": ("rpjmd.xlsx", b"#!/bin/sh\nrm -rf /\n"),
    "zip bomb xlsx": ("rpjmd.xlsx", None),
    "image bomb png": ("foto.png", image_bomb()),
    "too large pdf": ("besar.pdf", b"%PDF-1.4\n" + b"0" * (3 * 2**20)),
}


@pytest.fixture(scope="module")
def bomb():
    return zip_bomb()


def _endpoints(personas):
    mp = personas.masterplan
    quickwin = QuickWinFactory(masterplan=mp, owner=personas.opd)
    session = SessionFactory(stage__masterplan=mp)
    RPJMDFactory(region=mp.region)
    return {
        "masterplan logo": (
            reverse("masterplan:edit", args=[mp.pk]),
            "logo",
            {"title": mp.title, "start_year": mp.start_year, "end_year": mp.end_year, "version": mp.version},
        ),
        "rpjmd import": (reverse("rpjmd:import", args=[mp.pk]), "file", {}),
        "quick win progress import": (reverse("quickwins:import", args=[mp.pk]), "file", {}),
        "quick win photo": (reverse("quickwins:photo_add", args=[mp.pk, quickwin.pk]), "image", {"caption": "Foto"}),
        "quick win progress attachment": (
            reverse("quickwins:progress", args=[mp.pk, quickwin.pk]),
            "files",
            {"date": "2022-08-01", "percent": "40", "status": "on_track", "note": "Laporan"},
        ),
        "bimtek attachment": (
            reverse("bimtek:attachment_add", args=[mp.pk, session.pk]),
            "attachment-file",
            {"attachment-title": "Materi"},
        ),
        "bimtek commitment scan": (reverse("bimtek:commitment_scan_upload", args=[mp.pk]), "scan-scan", {}),
        "bimtek attendance sheet": (reverse("bimtek:attendance_preview", args=[mp.pk, session.pk]), "upload-sheet", {}),
    }


ENDPOINTS = [
    "masterplan logo",
    "rpjmd import",
    "quick win progress import",
    "quick win photo",
    "quick win progress attachment",
    "bimtek attachment",
    "bimtek commitment scan",
    "bimtek attendance sheet",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_hostile_uploads_are_refused(client, personas, settings, tmp_path, bomb, endpoint):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_MB = 2
    url, field, data = _endpoints(personas)[endpoint]
    client.force_login(personas.coordinator)
    for label, (filename, content) in FILES.items():
        upload = SimpleUploadedFile(filename, bomb if content is None else content, content_type="application/pdf")
        before = row_counts()
        response = client.post(url, {**data, field: upload}, follow=True)
        assert response.status_code < 500, (endpoint, label, response.status_code)
        page = response.content.decode()
        assert any(refusal in page for refusal in REFUSALS), f"{endpoint}: {label} was not refused with a message"
        after = row_counts()
        if endpoint == "bimtek commitment scan":  # the upload view makes the (empty) commitment row it belongs to
            for key in ("bimtek.Commitment", "bimtek.HistoricalCommitment"):
                before.pop(key), after.pop(key)
        assert after == before, f"{endpoint}: {label} stored something"
        assert not any(p.is_file() for p in tmp_path.rglob("*")), f"{endpoint}: {label} left a file"
