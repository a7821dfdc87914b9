"""Notifications are stored with their message and parameters and read in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from masterplan.access import access_for
from review import services
from review.changes import report_change
from review.models import Notification
from tests.writepaths import approve

pytestmark = pytest.mark.django_db


def test_a_submission_is_read_in_indonesian_or_english(personas, section):
    services.transition(
        access=access_for(personas.coordinator, personas.masterplan), section_key=section, action="submit"
    )
    note = Notification.objects.get(recipient=personas.expert)
    assert note.text.startswith(personas.coordinator.display_name) and "mengajukan bagian Visi uji" in note.text
    with translation.override("id"):
        assert note.display_text == note.text
    with translation.override("en"):
        assert "submitted section Visi uji" in note.display_text


def test_the_notifications_page_shows_the_readers_language(personas, section, as_user):
    approve(personas.masterplan, section)
    report_change(masterplan=personas.masterplan, section_key=section, user=personas.opd_member, reason="")
    client = as_user(personas.expert)
    page = client.get(reverse("review:notifications"), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "yang sudah disetujui; bagian kembali ke draf." in page
    client.post(reverse("set_language"), {"language": "en"})
    page = client.get(reverse("review:notifications")).content.decode()
    assert "yang sudah disetujui" not in page


def test_a_row_without_a_message_shows_its_text(personas):
    note = Notification.objects.create(recipient=personas.expert, kind="decided", text="Teks lama.")
    with translation.override("en"):
        assert note.display_text == "Teks lama."
