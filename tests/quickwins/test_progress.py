"""Progress: the latest update is the progress, roll-ups leave out what has none, files are checked."""

import datetime
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quickwins import services
from quickwins.models import Attachment, Photo

from .factories import ProgressUpdateFactory, QuickWinFactory, png

D = datetime.date


def _report(quickwin, date, percent, status="implementation"):
    return services.record_progress(
        masterplan=quickwin.masterplan, quickwin=quickwin, date=date, percent=percent, status=status, note="", user=None
    )


def test_progress_is_the_latest_update_by_date(quickwin):
    _report(quickwin, D(2023, 6, 30), 70, "implementation")
    _report(quickwin, D(2023, 1, 31), 20, "build")  # entered late, but older
    quickwin.refresh_from_db()
    assert (quickwin.progress, quickwin.progress_date, quickwin.status) == (70, D(2023, 6, 30), "implementation")


def test_deleting_the_latest_update_falls_back(quickwin):
    _report(quickwin, D(2023, 1, 31), 20, "build")
    latest = _report(quickwin, D(2023, 6, 30), 70)
    services.delete_progress(masterplan=quickwin.masterplan, user=None, update=latest)
    quickwin.refresh_from_db()
    assert (quickwin.progress, quickwin.status) == (20, "build")
    services.delete_progress(masterplan=quickwin.masterplan, user=None, update=quickwin.updates.get())
    quickwin.refresh_from_db()
    assert quickwin.progress is None and quickwin.progress_date is None


def test_rollup_leaves_out_candidates_and_chosen_without_progress(personas):
    mp = personas.masterplan
    a = QuickWinFactory(masterplan=mp, chosen=True)
    b = QuickWinFactory(masterplan=mp, chosen=True)
    QuickWinFactory(masterplan=mp, chosen=True)  # chosen, no progress: left out
    c = QuickWinFactory(masterplan=mp, chosen=False)  # a candidate: left out
    _report(a, D(2023, 1, 1), 40)
    _report(b, D(2023, 1, 1), 90)
    _report(c, D(2023, 1, 1), 0)
    from quickwins.models import QuickWin

    rollup = services.roll_up(list(QuickWin.objects.for_masterplan(mp)))
    assert (rollup.average, rollup.counted, rollup.chosen, rollup.missing) == (65.0, 2, 3, 1)


def test_rollup_without_any_progress_is_none():
    assert services.roll_up([]).average is None


def test_catalogue_warns_for_dimensions_without_a_chosen_quick_win(as_user, personas, dims):
    QuickWinFactory(masterplan=personas.masterplan, dimension=dims["governance"], chosen=True)
    QuickWinFactory(masterplan=personas.masterplan, dimension=dims["economy"], chosen=False)
    html = as_user(personas.reader).get(reverse("quickwins:catalogue", args=[personas.masterplan.pk])).content.decode()
    assert "5 dimensi belum punya quick win terpilih" in html
    assert "Smart Economy belum punya quick win terpilih." in html
    assert "Smart Governance belum punya quick win terpilih." not in html


def test_catalogue_states_the_rollup_rule(as_user, personas):
    html = as_user(personas.reader).get(reverse("quickwins:catalogue", args=[personas.masterplan.pk])).content.decode()
    assert "Quick win terpilih tanpa laporan dan kandidat tidak dihitung" in html


def test_progress_with_an_image_and_a_document(as_user, personas, quickwin):
    url = reverse("quickwins:progress", args=[personas.masterplan.pk, quickwin.pk])
    pdf = SimpleUploadedFile("berita-acara.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    data = {"date": "2023-02-01", "percent": 30, "status": "build", "note": "Uji coba", "files": [png(), pdf]}
    assert as_user(personas.opd_member).post(url, data).status_code == 302
    kinds = sorted(Attachment.objects.values_list("kind", flat=True))
    assert kinds == ["pdf", "png"]
    image = Attachment.objects.get(kind="png")
    assert image.thumbnail  # a thumbnail was made
    response = as_user(personas.reader).get(reverse("quickwins:attachment", args=[personas.masterplan.pk, image.pk]))
    assert response.status_code == 200


def test_progress_refuses_a_disguised_file(as_user, personas, quickwin):
    url = reverse("quickwins:progress", args=[personas.masterplan.pk, quickwin.pk])
    fake = SimpleUploadedFile("foto.png", b"MZ not an image at all", content_type="image/png")
    data = {"date": "2023-02-01", "percent": 30, "status": "build", "files": [fake]}
    response = as_user(personas.opd_member).post(url, data)
    assert response.status_code == 400
    assert "bukan jenis yang diizinkan" in response.content.decode()
    assert not quickwin.updates.exists()


def test_photo_upload_makes_a_thumbnail(as_user, personas, quickwin):
    url = reverse("quickwins:photo_add", args=[personas.masterplan.pk, quickwin.pk])
    as_user(personas.opd_member).post(url, {"image": png(size=(1200, 800)), "caption": "Peluncuran"})
    photo = Photo.objects.get()
    assert photo.caption == "Peluncuran" and photo.thumbnail.name.endswith(".jpg")
    assert f"masterplan/{personas.masterplan.pk}/quickwins/photos/" in photo.image.name


def test_photo_upload_refuses_a_pdf(as_user, personas, quickwin):
    url = reverse("quickwins:photo_add", args=[personas.masterplan.pk, quickwin.pk])
    pdf = SimpleUploadedFile("foto.jpg", b"%PDF-1.4\n%%EOF\n")
    response = as_user(personas.opd_member).post(url, {"image": pdf}, follow=True)
    assert "Foto tidak disimpan" in response.content.decode()
    assert not Photo.objects.exists()


def test_timeline_lists_newest_first(as_user, personas, quickwin):
    ProgressUpdateFactory(quickwin=quickwin, date=D(2022, 11, 1), percent=10, note="pertama")
    ProgressUpdateFactory(quickwin=quickwin, date=D(2023, 3, 1), percent=60, note="kedua")
    html = (
        as_user(personas.reader)
        .get(reverse("quickwins:progress", args=[personas.masterplan.pk, quickwin.pk]))
        .content.decode()
    )
    assert html.index("kedua") < html.index("pertama")
    assert "<title" in html and "60%" in html  # the chart
    # Coordinates stay machine-readable under the Indonesian locale (no decimal commas).
    line = re.search(r'<polyline points="([^"]+)"', html).group(1)
    assert all(len(pair.split(",")) == 2 for pair in line.split())
    assert re.search(r'<circle cx="[0-9.]+" cy="[0-9.]+"', html)


def test_choose_with_a_stale_version_changes_nothing(as_user, personas, quickwin):
    url = reverse("quickwins:choose", args=[personas.masterplan.pk, quickwin.pk])
    as_user(personas.coordinator).post(url, {"chosen": "1", "version": quickwin.version - 1})
    quickwin.refresh_from_db()
    assert not quickwin.chosen


def test_deleting_a_quick_win_keeps_the_files_its_history_names(
    as_user, personas, quickwin, django_capture_on_commit_callbacks
):
    photo = services.add_photo(masterplan=quickwin.masterplan, quickwin=quickwin, uploaded=png(), caption="", user=None)
    update = services.record_progress(
        masterplan=quickwin.masterplan,
        quickwin=quickwin,
        date=D(2023, 1, 1),
        percent=5,
        status="idea",
        note="",
        user=None,
        files=[(png("lampiran.png"), "png")],
    )
    stored = [photo.image, photo.thumbnail, *[f for a in update.attachments.all() for f in (a.file, a.thumbnail)]]
    assert all(f.storage.exists(f.name) for f in stored)
    url = reverse("quickwins:delete", args=[personas.masterplan.pk, quickwin.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert as_user(personas.coordinator).post(url).status_code == 302
    assert all(f.storage.exists(f.name) for f in stored)  # the history still names them
    assert Photo.history.filter(id=photo.pk, history_type="-").get().image == photo.image.name
    assert Attachment.history.filter(update_id=update.pk, history_type="-").count() == 1


def test_chart_leaves_room_for_the_label_of_a_full_point(quickwin):
    """The value label above a 100 % point stays inside the SVG, in Indonesian, at print size."""
    import re

    from quickwins.charts import progress_chart

    _report(quickwin, D(2023, 1, 31), 40)
    _report(quickwin, D(2023, 6, 30), 100)
    svg = str(progress_chart(quickwin.updates.all(), "QW"))
    label = re.search(r'<text x="[\d.]+" y="([\d.]+)" font-size="([\d.]+)"[^>]*font-weight="700">100%</text>', svg)
    assert label and float(label.group(1)) - float(label.group(2)) >= 0
    assert "Kemajuan QW dari waktu ke waktu" in svg and ">40%<" in svg
