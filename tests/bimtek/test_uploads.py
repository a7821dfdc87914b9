"""Attachments: refused by type, size and content; images get a thumbnail; names cannot collide."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bimtek.models import Attachment

from .factories import SessionFactory, StageFactory


@pytest.fixture
def session(personas):
    return SessionFactory(stage=StageFactory(masterplan=personas.masterplan))


def _post(client, session, upload, kind="photo"):
    url = reverse("bimtek:attachment_add", args=[session.masterplan_id, session.pk])
    return client.post(url, {"attachment-file": upload, "attachment-kind": kind, "attachment-title": ""})


def _png(size=(40, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, "PNG")
    return out.getvalue()


def _docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def test_image_is_stored_with_a_thumbnail_under_a_safe_name(as_user, personas, session):
    response = _post(as_user(personas.coordinator), session, SimpleUploadedFile("../../foto rapat.png", _png()))
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_kind == "png" and attachment.thumbnail
    assert attachment.file.name.startswith(f"masterplan/{session.masterplan_id}/bimtek/")
    assert ".." not in attachment.file.name and "foto" not in attachment.file.name
    assert attachment.original_name.endswith("foto rapat.png")


def test_docx_is_accepted(as_user, personas, session):
    response = _post(as_user(personas.coordinator), session, SimpleUploadedFile("kertas.docx", _docx()), "worksheet")
    assert response.status_code == 302
    assert Attachment.objects.get().content_kind == "docx" and not Attachment.objects.get().thumbnail


def test_pdf_that_is_not_a_pdf_is_refused(as_user, personas, session):
    response = _post(as_user(personas.coordinator), session, SimpleUploadedFile("notulen.pdf", b"MZ\x90\x00 not a pdf"))
    assert response.status_code == 400
    assert "bukan jenis yang diizinkan" in response.content.decode()
    assert not Attachment.objects.exists()


def test_image_bomb_is_refused(as_user, personas, session):
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG")  # 48 megapixels (limit 40), a few kB on disk
    bomb = out.getvalue()
    response = _post(as_user(personas.coordinator), session, SimpleUploadedFile("bom.png", bomb))
    assert response.status_code == 400
    assert "piksel" in response.content.decode()
    assert not Attachment.objects.exists()


def test_too_large_file_is_refused(as_user, personas, session, settings):
    settings.UPLOAD_MAX_MB = 1
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    response = _post(as_user(personas.coordinator), session, SimpleUploadedFile("besar.pdf", big))
    assert response.status_code == 400 and "terlalu besar" in response.content.decode()


def test_other_kinds_are_refused(as_user, personas, session):
    response = _post(as_user(personas.coordinator), session, SimpleUploadedFile("x.html", b"<html><script>"))
    assert response.status_code == 400


def test_download_keeps_the_name_and_is_sandboxed(as_user, personas, session):
    _post(as_user(personas.coordinator), session, SimpleUploadedFile("kertas kerja.pdf", b"%PDF-1.4\n%%EOF\n"))
    attachment = Attachment.objects.get()
    response = as_user(personas.reader).get(
        reverse("bimtek:attachment_download", args=[session.masterplan_id, attachment.pk])
    )
    assert response.status_code == 200
    assert "kertas kerja.pdf" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response.close()


def test_deleting_an_attachment_keeps_the_files_its_history_names(
    as_user, personas, session, django_capture_on_commit_callbacks
):
    client = as_user(personas.coordinator)
    _post(client, session, SimpleUploadedFile("foto.png", _png()))
    attachment = Attachment.objects.get()
    storage, names = attachment.file.storage, [attachment.file.name, attachment.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bimtek:attachment_delete", args=[session.masterplan_id, attachment.pk]))
    assert not Attachment.objects.exists()
    assert all(storage.exists(n) for n in names)  # the history still names them
    deleted = Attachment.history.get(history_type="-")
    assert (deleted.file, deleted.history_user) == (names[0], personas.coordinator)
