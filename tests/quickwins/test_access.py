"""One test per access rule per view: who may read, write, choose, score and delete."""

import pytest
from django.urls import reverse

from quickwins.models import Photo, ProgressUpdate, QuickWin
from quickwins.services import add_photo

from .factories import png

READERS = ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"]


def _user(personas, name):
    return getattr(personas, name)


@pytest.mark.parametrize("name", ["catalogue", "selection", "export"])
@pytest.mark.parametrize("persona", READERS)
def test_every_member_reads_the_lists(as_user, personas, quickwin, name, persona):
    response = as_user(_user(personas, persona)).get(reverse(f"quickwins:{name}", args=[personas.masterplan.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["profile", "progress"])
@pytest.mark.parametrize("persona", READERS)
def test_every_member_reads_a_quick_win(as_user, personas, quickwin, name, persona):
    response = as_user(_user(personas, persona)).get(
        reverse(f"quickwins:{name}", args=[personas.masterplan.pk, quickwin.pk])
    )
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["catalogue", "profile", "progress"])
def test_stranger_gets_404(as_user, personas, quickwin, name):
    args = [personas.masterplan.pk] + ([quickwin.pk] if name != "catalogue" else [])
    assert as_user(personas.stranger).get(reverse(f"quickwins:{name}", args=args)).status_code == 404


@pytest.mark.parametrize(
    "persona,expected",
    [("coordinator", 200), ("opd_member", 200), ("other_opd_member", 403), ("expert", 403), ("reader", 403)],
)
@pytest.mark.parametrize("name", ["edit", "details"])
def test_only_the_owning_opd_and_the_coordinator_edit(as_user, personas, quickwin, name, persona, expected):
    url = reverse(f"quickwins:{name}", args=[personas.masterplan.pk, quickwin.pk])
    assert as_user(_user(personas, persona)).get(url).status_code == expected


@pytest.mark.parametrize(
    "persona,expected", [("coordinator", 200), ("opd_member", 200), ("expert", 403), ("reader", 403)]
)
@pytest.mark.parametrize("name", ["create", "import"])
def test_create_and_import_need_write_access(as_user, personas, name, persona, expected):
    url = reverse(f"quickwins:{name}", args=[personas.masterplan.pk])
    assert as_user(_user(personas, persona)).get(url).status_code == expected


@pytest.mark.parametrize(
    "persona,expected",
    [("coordinator", 302), ("opd_member", 302), ("other_opd_member", 403), ("expert", 403), ("reader", 403)],
)
def test_progress_is_posted_by_the_owning_opd(as_user, personas, quickwin, persona, expected):
    url = reverse("quickwins:progress", args=[personas.masterplan.pk, quickwin.pk])
    data = {"date": "2023-01-31", "percent": 40, "status": "build", "note": "Tahap 1"}
    assert as_user(_user(personas, persona)).post(url, data).status_code == expected
    assert ProgressUpdate.objects.filter(quickwin=quickwin).exists() == (expected == 302)


@pytest.mark.parametrize(
    "persona,expected", [("coordinator", 302), ("opd_member", 403), ("expert", 403), ("reader", 403)]
)
def test_only_the_coordinator_chooses(as_user, personas, quickwin, persona, expected):
    url = reverse("quickwins:choose", args=[personas.masterplan.pk, quickwin.pk])
    response = as_user(_user(personas, persona)).post(url, {"chosen": "1", "version": quickwin.version})
    assert response.status_code == expected
    quickwin.refresh_from_db()
    assert quickwin.chosen == (expected == 302)


@pytest.mark.parametrize("persona,expected", [("coordinator", 302), ("opd_member", 403), ("expert", 403)])
def test_only_the_coordinator_scores(as_user, personas, quickwin, persona, expected):
    url = reverse("quickwins:score", args=[personas.masterplan.pk, quickwin.pk])
    data = {f"q{quickwin.pk}-score_impact": 5, f"q{quickwin.pk}-version": quickwin.version}
    assert as_user(_user(personas, persona)).post(url, data).status_code == expected
    quickwin.refresh_from_db()
    assert quickwin.score_impact == (5 if expected == 302 else None)


@pytest.mark.parametrize("persona,expected", [("coordinator", 200), ("opd_member", 403), ("expert", 403)])
def test_only_the_coordinator_sets_weights(as_user, personas, persona, expected):
    url = reverse("quickwins:weights", args=[personas.masterplan.pk])
    assert as_user(_user(personas, persona)).get(url).status_code == expected


@pytest.mark.parametrize("persona,expected", [("coordinator", 302), ("opd_member", 403), ("reader", 403)])
def test_only_the_coordinator_deletes(as_user, personas, quickwin, persona, expected):
    url = reverse("quickwins:delete", args=[personas.masterplan.pk, quickwin.pk])
    assert as_user(_user(personas, persona)).post(url).status_code == expected
    assert QuickWin.objects.filter(pk=quickwin.pk).exists() == (expected != 302)


def test_delete_refuses_get(as_user, personas, quickwin):
    url = reverse("quickwins:delete", args=[personas.masterplan.pk, quickwin.pk])
    assert as_user(personas.coordinator).get(url).status_code == 405


@pytest.mark.parametrize("persona,expected", [("opd_member", 302), ("other_opd_member", 403), ("reader", 403)])
def test_photos_are_deleted_by_the_owning_opd(as_user, personas, quickwin, persona, expected):
    photo = add_photo(masterplan=quickwin.masterplan, quickwin=quickwin, uploaded=png(), caption="", user=None)
    url = reverse("quickwins:photo_delete", args=[personas.masterplan.pk, photo.pk])
    assert as_user(_user(personas, persona)).post(url).status_code == expected
    assert Photo.objects.filter(pk=photo.pk).exists() == (expected != 302)


@pytest.mark.parametrize("persona,expected", [("reader", 200), ("expert", 200), ("stranger", 404)])
def test_photos_are_served_after_the_access_check(as_user, personas, quickwin, persona, expected):
    photo = add_photo(masterplan=quickwin.masterplan, quickwin=quickwin, uploaded=png(), caption="", user=None)
    for name in ("photo", "photo_thumbnail"):
        response = as_user(_user(personas, persona)).get(
            reverse(f"quickwins:{name}", args=[personas.masterplan.pk, photo.pk])
        )
        assert response.status_code == expected
        if expected == 200:
            assert response["X-Content-Type-Options"] == "nosniff"


def test_opd_member_can_only_give_a_new_quick_win_to_their_own_opd(as_user, personas, dims):
    url = reverse("quickwins:create", args=[personas.masterplan.pk])
    data = {
        "short_name": "Baru",
        "full_name": "Quick win baru",
        "dimension": dims["environment"].pk,
        "innovation_type": "program",
        "status": "idea",
        "owner_opd": personas.other_opd.pk,
        "owner_year": 2022,
    }
    client = as_user(personas.opd_member)
    assert client.post(url, data).status_code == 200  # the form again: another OPD is not a choice
    assert not QuickWin.objects.filter(short_name="Baru").exists()
    data["owner_opd"] = personas.opd.pk
    response = client.post(url, data)
    assert response.status_code == 302
    quickwin = QuickWin.objects.get(short_name="Baru")
    assert quickwin.owner_opd_id == personas.opd.pk


def test_owners_formset_is_the_coordinators(as_user, personas, quickwin):
    url = reverse("quickwins:details", args=[personas.masterplan.pk, quickwin.pk])
    assert "owners-TOTAL_FORMS" not in as_user(personas.opd_member).get(url).content.decode()
    assert "owners-TOTAL_FORMS" in as_user(personas.coordinator).get(url).content.decode()
