"""Pages and downloads of a signed-in user carry Cache-Control: private, no-store; the anonymous login page
and static files keep theirs."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.core.images import png_bytes

NO_STORE = "private, no-store"


def test_a_signed_in_page_is_not_stored(as_user, personas):
    response = as_user(personas.reader).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_a_download_is_not_stored(as_user, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    personas.masterplan.logo.save("logo.png", SimpleUploadedFile("logo.png", png_bytes()))
    response = as_user(personas.reader).get(reverse("masterplan:logo", args=[personas.masterplan.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_an_export_and_an_error_page_are_not_stored(as_user, personas):
    client = as_user(personas.reader)
    assert client.get(reverse("rpjmd:template", args=[personas.masterplan.pk]))["Cache-Control"] == NO_STORE
    assert client.get("/tidak-ada/")["Cache-Control"] == NO_STORE


def test_the_login_page_and_static_files_keep_their_headers(as_user, client, personas):
    login = client.get(reverse("accounts:login"))
    assert login.status_code == 200 and login["Cache-Control"] != NO_STORE  # Django's never_cache, as before
    static = as_user(personas.reader).get("/static/css/rancang.css")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")
