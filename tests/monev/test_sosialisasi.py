"""Sosialisasi events: the coordinator records them with sanitised minutes and checked photos, members read,
another region's ids give 404, concurrent edits are refused, and forum_meetings counts the forum per year."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from monev.models import EventKind, Sosialisasi, SosialisasiPhoto
from monev.sosialisasi import forum_meetings


def _png(name="foto.png", tail=b""):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue() + tail, content_type="image/png")


def _event(personas, **extra):
    values = {"title": "Sosialisasi masterplan ke OPD", "held_on": datetime.date(2024, 5, 14), "kind": "opd"}
    values.update(extra)
    return Sosialisasi.objects.create(masterplan=personas.masterplan, **values)


def _data(**extra):
    data = {
        "kind": "forum",
        "title": "Forum Dewan Smart City triwulan II",
        "held_on": "2024-06-20",
        "venue": "Aula Kantor Bupati",
        "speakers": "Kepala Diskominfo\nTenaga ahli UGM",
        "attendance": "45",
        "minutes": "<h3>Hasil</h3><p>Disepakati</p><script>alert(1)</script><p onclick='x()'>rapat berkala</p>",
    }
    data.update(extra)
    return data


def test_coordinator_adds_an_event_with_sanitised_minutes_and_history(personas, as_user):
    client = as_user(personas.coordinator)
    url = reverse("monev:sosialisasi_add", args=[personas.masterplan.pk])
    response = client.post(url, _data(attending_opds=[personas.opd.pk]))
    assert response.status_code == 302
    event = Sosialisasi.objects.get()
    assert event.kind == EventKind.FORUM and event.attendance == 45 and event.venue == "Aula Kantor Bupati"
    assert "<script" not in event.minutes and "onclick" not in event.minutes and "rapat berkala" in event.minutes
    assert list(event.attending_opds.all()) == [personas.opd]
    assert event.speaker_list() == ["Kepala Diskominfo", "Tenaga ahli UGM"]
    assert event.history.first().history_user == personas.coordinator
    page = client.get(event.get_absolute_url())
    assert "Forum Dewan Smart City triwulan II" in page.content.decode() and "Tenaga ahli UGM" in page.content.decode()


def test_invalid_input_says_what_and_writes_nothing(personas, as_user):
    client = as_user(personas.coordinator)
    url = reverse("monev:sosialisasi_add", args=[personas.masterplan.pk])
    response = client.post(url, _data(held_on="1990-01-01", attendance="-3"))
    assert response.status_code == 400
    assert "di luar masa masterplan" in response.content.decode()
    assert not Sosialisasi.objects.exists()


def test_an_opd_of_another_region_is_refused(personas, as_user):
    from tests.factories import OPDFactory

    foreign = OPDFactory(region=personas.other_masterplan.region, acronym="X")
    response = as_user(personas.coordinator).post(
        reverse("monev:sosialisasi_add", args=[personas.masterplan.pk]), _data(attending_opds=[foreign.pk])
    )
    assert response.status_code == 400 and not Sosialisasi.objects.exists()


@pytest.mark.parametrize("name", ["coordinator", "opd_member", "expert", "reader", "admin"])
def test_members_read_the_list_and_the_event(personas, as_user, name):
    event = _event(personas, minutes="<p>Notulen rapat</p>")
    client = as_user(getattr(personas, name))
    listing = client.get(reverse("monev:sosialisasi_list", args=[personas.masterplan.pk]))
    assert listing.status_code == 200 and "Sosialisasi masterplan ke OPD" in listing.content.decode()
    page = client.get(event.get_absolute_url())
    assert page.status_code == 200 and "Notulen rapat" in page.content.decode()
    can_write = name in ("coordinator", "admin")
    assert (reverse("monev:sosialisasi_edit", args=[personas.masterplan.pk, event.pk]) in page.content.decode()) == (
        can_write
    )


@pytest.mark.parametrize("name", ["opd_member", "expert", "reader"])
def test_only_the_coordinator_writes(personas, as_user, name):
    event = _event(personas)
    client = as_user(getattr(personas, name))
    mp = personas.masterplan.pk
    assert client.post(reverse("monev:sosialisasi_add", args=[mp]), _data()).status_code == 403
    assert client.post(reverse("monev:sosialisasi_edit", args=[mp, event.pk]), _data()).status_code == 403
    assert client.post(reverse("monev:sosialisasi_delete", args=[mp, event.pk])).status_code == 403
    assert (
        client.post(reverse("monev:sosialisasi_photo_add", args=[mp, event.pk]), {"photo-file": _png()}).status_code
        == 403
    )
    photo = SosialisasiPhoto.objects.create(event=event, file="x.png", original_name="x.png")
    assert client.post(reverse("monev:sosialisasi_photo_delete", args=[mp, photo.pk])).status_code == 403
    event.refresh_from_db()
    assert event.title == "Sosialisasi masterplan ke OPD" and Sosialisasi.objects.count() == 1
    assert list(SosialisasiPhoto.objects.all()) == [photo]


def test_another_regions_ids_give_404(personas, as_user):
    event = _event(personas)
    client = as_user(personas.stranger)
    theirs = personas.other_masterplan.pk
    for name in ("sosialisasi", "sosialisasi_edit"):
        assert client.get(reverse(f"monev:{name}", args=[theirs, event.pk])).status_code == 404
    assert client.post(reverse("monev:sosialisasi_edit", args=[theirs, event.pk]), _data()).status_code == 404
    assert client.post(reverse("monev:sosialisasi_delete", args=[theirs, event.pk])).status_code == 404
    assert client.get(reverse("monev:sosialisasi_list", args=[personas.masterplan.pk])).status_code == 404
    assert Sosialisasi.objects.filter(pk=event.pk, title="Sosialisasi masterplan ke OPD").exists()


def test_a_concurrent_edit_is_refused_with_both_versions(personas, as_user):
    event = _event(personas)
    client = as_user(personas.coordinator)
    url = reverse("monev:sosialisasi_edit", args=[personas.masterplan.pk, event.pk])
    first = client.post(url, _data(title="Versi pertama", version=event.version))
    assert first.status_code == 302
    second = client.post(url, _data(title="Versi kedua", version=event.version))
    assert second.status_code == 409
    body = second.content.decode()
    assert "Versi pertama" in body and "Versi kedua" in body
    event.refresh_from_db()
    assert event.title == "Versi pertama" and event.version == 2


def test_photos_are_checked_stored_without_tail_and_served_to_members(personas, as_user):
    event = _event(personas)
    client = as_user(personas.coordinator)
    url = reverse("monev:sosialisasi_photo_add", args=[personas.masterplan.pk, event.pk])
    response = client.post(
        url, {"photo-file": _png(tail=b"<html><script>alert(1)</script>"), "photo-caption": "Peserta"}
    )
    assert response.status_code == 302
    photo = SosialisasiPhoto.objects.get()
    with photo.file.open("rb") as handle:
        assert b"<script>" not in handle.read()
    assert photo.thumbnail and photo.caption == "Peserta"
    served = as_user(personas.reader).get(reverse("monev:sosialisasi_photo", args=[personas.masterplan.pk, photo.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    stranger = as_user(personas.stranger).get(
        reverse("monev:sosialisasi_photo", args=[personas.other_masterplan.pk, photo.pk])
    )
    assert stranger.status_code == 404


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script></html>", content_type="image/png"),
        SimpleUploadedFile("foto.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        SimpleUploadedFile("rusak.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png"),
    ],
    ids=["html", "pdf", "broken"],
)
def test_hostile_photos_are_refused(personas, as_user, upload):
    event = _event(personas)
    response = as_user(personas.coordinator).post(
        reverse("monev:sosialisasi_photo_add", args=[personas.masterplan.pk, event.pk]), {"photo-file": upload}
    )
    assert response.status_code == 400
    assert not SosialisasiPhoto.objects.exists()


def test_delete_removes_event_and_photos_keeping_history(personas, as_user):
    event = _event(personas)
    client = as_user(personas.coordinator)
    client.post(reverse("monev:sosialisasi_photo_add", args=[personas.masterplan.pk, event.pk]), {"photo-file": _png()})
    assert client.post(reverse("monev:sosialisasi_delete", args=[personas.masterplan.pk, event.pk])).status_code == 302
    assert not Sosialisasi.objects.exists() and not SosialisasiPhoto.objects.exists()
    assert Sosialisasi.history.filter(history_type="-", history_user=personas.coordinator).exists()
    assert SosialisasiPhoto.history.filter(history_type="-").exists()


def test_forum_meetings_counts_the_forum_of_the_year(personas, django_assert_num_queries):
    _event(personas, kind="forum", held_on=datetime.date(2024, 3, 1))
    _event(personas, kind="forum", held_on=datetime.date(2024, 9, 1))
    _event(personas, kind="forum", held_on=datetime.date(2023, 9, 1))
    _event(personas, kind="opd", held_on=datetime.date(2024, 4, 1))
    Sosialisasi.objects.create(
        masterplan=personas.other_masterplan, kind="forum", title="x", held_on=datetime.date(2024, 1, 1)
    )
    with django_assert_num_queries(1):
        assert forum_meetings(personas.masterplan, 2024) == 2
    assert forum_meetings(personas.masterplan, 2023) == 1
    assert forum_meetings(personas.masterplan, 2022) == 0
