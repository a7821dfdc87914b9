"""Minutes: plain text keeps its paragraphs and line breaks, HTML from the editor is sanitised, the help text asks
for no HTML, and the form loads the vendored editor (a static file: no CDN, no inline script)."""

import importlib

from django.apps import apps
from django.urls import reverse

from bimtek.models import Session
from core.sanitize import clean_rich_text, text_to_html

from .factories import SessionFactory, StageFactory
from .test_sessions import _session_data


def test_plain_text_becomes_paragraphs_with_line_breaks():
    text = "Pembukaan oleh Kepala Dinas.\r\nDilanjutkan paparan.\r\n\r\n\r\nDiskusi: 3 < 5 & seterusnya"
    assert clean_rich_text(text) == (
        "<p>Pembukaan oleh Kepala Dinas.<br>Dilanjutkan paparan.</p><p>Diskusi: 3 &lt; 5 &amp; seterusnya</p>"
    )
    assert clean_rich_text("   \n ") == ""
    assert text_to_html("<b") == "<p>&lt;b</p>"


def test_editor_html_is_sanitised_not_converted():
    html = (
        '<h3>Ringkasan</h3><p style="color:red" onclick="x()">Isi <strong>penting</strong></p><script>alert(1)</script>'
    )
    assert clean_rich_text(html) == "<h3>Ringkasan</h3><p>Isi <strong>penting</strong></p>"
    assert clean_rich_text("<p>Satu</p><p><br></p><p> </p><h3></h3><p>Dua</p>") == "<p>Satu</p><p>Dua</p>"


def test_plain_minutes_saved_through_the_form_keep_paragraphs(as_user, personas):
    url = reverse("bimtek:session_add", args=[personas.masterplan.pk, 1])
    minutes = "Paragraf satu.\nBaris dua.\n\nParagraf dua."
    response = as_user(personas.coordinator).post(url, _session_data(personas, minutes=minutes))
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.minutes == "<p>Paragraf satu.<br>Baris dua.</p><p>Paragraf dua.</p>"
    html = as_user(personas.reader).get(session.get_absolute_url()).content.decode()
    assert "<p>Paragraf satu.<br>Baris dua.</p><p>Paragraf dua.</p>" in html


def test_form_offers_the_editor_and_a_help_text_without_html(as_user, personas):
    url = reverse("bimtek:session_add", args=[personas.masterplan.pk, 1])
    html = as_user(personas.coordinator).get(url).content.decode()
    assert 'data-richtext="minutes"' in html
    assert "/static/js/richtext.js" in html
    assert "baris kosong memisahkan paragraf" in html
    assert "HTML sederhana" not in html and "(h3)" not in html


def test_migration_gives_old_plain_minutes_their_paragraphs(personas):
    stage = StageFactory(masterplan=personas.masterplan)
    plain = SessionFactory(stage=stage, minutes="Satu.\n\nDua.")
    rich = SessionFactory(stage=stage, minutes="<p>Sudah HTML</p>")
    migration = importlib.import_module("bimtek.migrations.0006_session_minutes_help_text")
    migration.paragraphs_for_plain_minutes(apps, None)
    assert Session.objects.get(pk=plain.pk).minutes == "<p>Satu.</p><p>Dua.</p>"
    assert Session.objects.get(pk=rich.pk).minutes == "<p>Sudah HTML</p>"
