"""Every write path of the quick wins reports the change once (review.changes.report_change): the section goes
back to draft, the expert and the coordinator are told, the books go stale; and every POST URL is listed here."""

import pytest
from django.urls import reverse

from quickwins import urls
from quickwins.models import Photo, QuickWin
from tests.writepaths import approve, expect_report

from .factories import ProgressUpdateFactory, QuickWinFactory, png

SECTION = "quickwins.quickwins"


def _qw(p):
    existing = QuickWin.objects.filter(masterplan=p.masterplan, short_name="Serbu Gass").first()
    return existing or QuickWinFactory(masterplan=p.masterplan, owner=p.opd, short_name="Serbu Gass")


def _create(p, client):
    data = {
        "short_name": "Baru",
        "full_name": "Quick win baru",
        "dimension": p.dims["governance"].pk,
        "innovation_type": "program",
        "status": "idea",
        "owner_opd": p.opd.pk,
        "owner_year": p.masterplan.cohort.year,
    }
    return "coordinator", reverse("quickwins:create", args=[p.masterplan.pk]), data


def _edit(p, client):
    q = _qw(p)
    data = {
        "short_name": q.short_name,
        "full_name": "Diubah",
        "dimension": p.dims["governance"].pk,
        "innovation_type": "program",
        "status": "idea",
        "version": q.version,
    }
    return "opd_member", reverse("quickwins:edit", args=[p.masterplan.pk, q.pk]), data


def _details(p, client):
    q = _qw(p)
    data = {
        "version": q.version,
        "partners-TOTAL_FORMS": 1,
        "partners-INITIAL_FORMS": 0,
        "partners-0-kind": "bank",
        "partners-0-name": "Bank Kaltimtara",
        "indicators-TOTAL_FORMS": 0,
        "indicators-INITIAL_FORMS": 0,
        "budgets-TOTAL_FORMS": 0,
        "budgets-INITIAL_FORMS": 0,
    }
    return "opd_member", reverse("quickwins:details", args=[p.masterplan.pk, q.pk]), data


def _delete(p, client):
    return "coordinator", reverse("quickwins:delete", args=[p.masterplan.pk, _qw(p).pk]), {}


def _score(p, client):
    q = _qw(p)
    data = {f"q{q.pk}-version": q.version, **{f"q{q.pk}-score_{c}": 4 for c in ("impact", "feasibility")}}
    return "coordinator", reverse("quickwins:score", args=[p.masterplan.pk, q.pk]), data


def _choose(p, client):
    q = _qw(p)
    return (
        "coordinator",
        reverse("quickwins:choose", args=[p.masterplan.pk, q.pk]),
        {"chosen": "1", "version": q.version},
    )


def _weights(p, client):
    data = {"impact": 40, "feasibility": 20, "cost": 10, "speed": 10, "rpjmd": 20, "version": 1}
    return "coordinator", reverse("quickwins:weights", args=[p.masterplan.pk]), data


def _photo_add(p, client):
    return "opd_member", reverse("quickwins:photo_add", args=[p.masterplan.pk, _qw(p).pk]), {"image": png()}


def _photo_delete(p, client):
    photo = Photo.objects.create(masterplan=p.masterplan, quickwin=_qw(p), image="x.png")
    return "opd_member", reverse("quickwins:photo_delete", args=[p.masterplan.pk, photo.pk]), {}


def _progress(p, client):
    data = {"date": "2023-01-05", "percent": 30, "status": "build", "note": "Jalan"}
    return "opd_member", reverse("quickwins:progress", args=[p.masterplan.pk, _qw(p).pk]), data


def _progress_delete(p, client):
    update = ProgressUpdateFactory(quickwin=_qw(p))
    return "opd_member", reverse("quickwins:progress_delete", args=[p.masterplan.pk, update.pk]), {}


def _import_apply(p, client):
    q = _qw(p)
    rows = [
        {"row": 2, "quickwin_id": q.pk, "label": q.short_name, "date": "2023-01-05", "percent": 10}
        | {"status": "idea", "note": "Dari lembar kerja", "action": "new"}
    ]
    url = reverse("quickwins:import_apply", args=[p.masterplan.pk])
    return "opd_member", url, {"_session": {f"quickwins_import_{p.masterplan.pk}": rows}}


WRITE_PATHS = {
    "quickwins:create": _create,
    "quickwins:edit": _edit,
    "quickwins:details": _details,
    "quickwins:delete": _delete,
    "quickwins:score": _score,
    "quickwins:choose": _choose,
    "quickwins:weights": _weights,
    "quickwins:photo_add": _photo_add,
    "quickwins:photo_delete": _photo_delete,
    "quickwins:progress": _progress,
    "quickwins:progress_delete": _progress_delete,
    "quickwins:import_apply": _import_apply,
}
# POST URLs that write nothing reviewed (the preview keeps the checked rows in the session only).
NO_WRITE = {"quickwins:import"}
# URLs that answer GET only (pages, downloads).
READ_ONLY = {
    "quickwins:catalogue",
    "quickwins:selection",
    "quickwins:export",
    "quickwins:profile",
    "quickwins:photo",
    "quickwins:photo_thumbnail",
    "quickwins:attachment",
    "quickwins:attachment_thumbnail",
}


@pytest.fixture
def p(personas, dims):
    personas.dims = dims
    return personas


@pytest.mark.parametrize("name", sorted(WRITE_PATHS))
def test_every_write_path_reports_the_change(p, as_user, name):
    client = as_user(p.coordinator)
    persona, url, data = WRITE_PATHS[name](p, client)
    client = as_user(getattr(p, persona))
    session = client.session
    session.update(data.pop("_session", {}))
    session.save()
    notified = [p.expert] + ([p.coordinator] if persona != "coordinator" else [])
    with expect_report(p.masterplan, SECTION, notified=notified):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_every_post_url_is_a_listed_write_path():
    names = {f"quickwins:{pattern.name}" for pattern in urls.urlpatterns}
    assert names == set(WRITE_PATHS) | NO_WRITE | READ_ONLY


def test_choosing_and_reporting_progress_keep_the_quick_win_history(p, as_user):
    quickwin = _qw(p)
    client = as_user(p.coordinator)
    client.post(reverse("quickwins:choose", args=[p.masterplan.pk, quickwin.pk]), {"chosen": "1", "version": 1})
    last = quickwin.history.first()
    assert (last.chosen, last.history_user) == (True, p.coordinator)
    as_user(p.opd_member).post(
        reverse("quickwins:progress", args=[p.masterplan.pk, quickwin.pk]),
        {"date": "2023-01-05", "percent": 30, "status": "build", "note": ""},
    )
    last = quickwin.history.first()
    assert (last.progress, last.status, last.history_user) == (30, "build", p.opd_member)


def test_a_deleted_photo_shows_in_the_activity_stream(p, as_user):
    from review.activity import activity_page

    quickwin = _qw(p)
    client = as_user(p.opd_member)
    client.post(
        reverse("quickwins:photo_add", args=[p.masterplan.pk, quickwin.pk]), {"image": png(), "caption": "Peluncuran"}
    )
    photo = Photo.objects.get()
    client.post(reverse("quickwins:photo_delete", args=[p.masterplan.pk, photo.pk]))
    entries, _more = activity_page(p.masterplan)
    photos = [e for e in entries if "Peluncuran" in e.text]
    assert [str(e.action) for e in photos] == ["menghapus", "membuat"]
    assert all(e.user == p.opd_member for e in photos)


def test_a_details_conflict_shows_both_versions_and_keeps_what_was_typed(p, as_user):
    quickwin = _qw(p)
    _persona, url, data = _details(p, None)
    QuickWin.objects.filter(pk=quickwin.pk).update(version=quickwin.version + 1)
    quickwin.partners.create(kind="university", name="Universitas Mulawarman")
    response = as_user(p.opd_member).post(url, data)
    html = response.content.decode()
    assert "Versi tersimpan" in html and "Universitas Mulawarman" in html  # the saved version
    assert 'value="Bank Kaltimtara"' in html  # what was typed, still in the form
    assert f'name="version" value="{quickwin.version + 1}"' in html  # saving again goes through
    assert quickwin.partners.count() == 1


def test_a_score_conflict_shows_both_versions_and_keeps_what_was_typed(p, as_user):
    quickwin = _qw(p)
    _persona, url, data = _score(p, None)
    QuickWin.objects.filter(pk=quickwin.pk).update(version=quickwin.version + 1, score_impact=2)
    response = as_user(p.coordinator).post(url, data)
    html = response.content.decode()
    assert "Versi tersimpan" in html
    assert f'name="q{quickwin.pk}-score_impact"' in html
    assert '<option value="4" selected>' in html  # what was typed
    quickwin.refresh_from_db()
    assert quickwin.score_impact == 2


@pytest.mark.parametrize("approved", [True, False])
def test_edit_pages_warn_before_undoing_an_approval(p, as_user, approved):
    quickwin = _qw(p)
    if approved:
        approve(p.masterplan, SECTION)
    client = as_user(p.coordinator)
    warning = "sudah disetujui tenaga ahli"
    for url in [
        reverse("quickwins:edit", args=[p.masterplan.pk, quickwin.pk]),
        reverse("quickwins:details", args=[p.masterplan.pk, quickwin.pk]),
        reverse("quickwins:weights", args=[p.masterplan.pk]),
        reverse("quickwins:selection", args=[p.masterplan.pk]),
        reverse("quickwins:profile", args=[p.masterplan.pk, quickwin.pk]),
        reverse("quickwins:progress", args=[p.masterplan.pk, quickwin.pk]),
    ]:
        html = client.get(url).content.decode()
        assert (warning in html) is approved, url
        assert ('data-confirm="Bagian ini sudah disetujui' in html) is approved, url


@pytest.mark.parametrize("next_page", ["profile", ""])
def test_a_choice_conflict_shows_the_saved_choice(p, as_user, next_page):
    quickwin = _qw(p)
    QuickWin.objects.filter(pk=quickwin.pk).update(version=quickwin.version + 1)
    url = reverse("quickwins:choose", args=[p.masterplan.pk, quickwin.pk])
    response = as_user(p.coordinator).post(url, {"chosen": "1", "version": quickwin.version, "next": next_page})
    html = response.content.decode()
    assert response.status_code == 200 and "Versi tersimpan" in html and "Status seleksi" in html
    quickwin.refresh_from_db()
    assert not quickwin.chosen
