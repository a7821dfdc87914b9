"""Text fields have length limits that fit their content, said in the form and checked on the server with
a message naming the field (issue 18: 2 MB in a quick win's "problem" made a 475-page book)."""

import pytest
from django.urls import reverse

from bimtek.forms import DecisionForm
from core.textlimits import LONG, NARRATIVE
from plan.models import Programme
from quickwins.forms import ProgressForm
from quickwins.models import QuickWin
from rpjmd.models import Misi
from tests.bimtek.factories import SessionFactory
from tests.quickwins.factories import QuickWinFactory
from tests.rpjmd.factories import RPJMDFactory

TOO_LONG = "a" * (2 * 1024 * 1024)  # the 2 MB of the probe


def _refused(response, field):
    page = response.content.decode()
    assert response.status_code == 200
    label = response.context["form"].fields[field].label
    assert f"{label} terlalu panjang: paling banyak {LONG} karakter (sekarang {len(TOO_LONG)})" in page, label


def test_a_quick_wins_problem(as_user, personas):
    client = as_user(personas.coordinator)
    url = reverse("quickwins:create", args=[personas.masterplan.pk])
    data = {"short_name": "QW", "full_name": "Quick win", "owner_opd": personas.opd.pk, "problem": TOO_LONG}
    _refused(client.post(url, data), "problem")
    assert not QuickWin.objects.exists()
    page = client.get(url).content.decode()
    assert f'maxlength="{LONG}"' in page and f"Maks. {LONG} karakter." in page


def test_a_plan_programmes_description(as_user, personas):
    url = reverse("plan:programme_add", args=[personas.masterplan.pk])
    response = as_user(personas.coordinator).post(url, {"name": "Program", "description": TOO_LONG})
    assert "terlalu panjang: paling banyak 10000 karakter" in response.content.decode()
    assert not Programme.objects.exists()


def test_an_rpjmd_misi(as_user, personas):
    RPJMDFactory(region=personas.masterplan.region)
    url = reverse("rpjmd:misi_add", args=[personas.masterplan.pk])
    response = as_user(personas.coordinator).post(url, {"number": 1, "text": TOO_LONG})
    assert "terlalu panjang: paling banyak 10000 karakter" in response.content.decode()
    assert not Misi.objects.exists()


def test_a_books_foreword_is_a_long_narrative(as_user, personas):
    from books.models import Edition

    mp = personas.masterplan
    url = reverse("books:edition", args=[mp.pk, "masterplan"])
    client = as_user(personas.coordinator)
    response = client.post(url, {"foreword": "b" * (NARRATIVE + 1)})
    assert (
        f"terlalu panjang: paling banyak {NARRATIVE} karakter (sekarang {NARRATIVE + 1})" in response.content.decode()
    )
    response = client.post(url, {"foreword": "b\r\n" * (NARRATIVE // 2)})  # a line break counts once
    assert response.status_code == 302
    assert len(Edition.objects.get(masterplan=mp, book_key="masterplan").foreword) >= NARRATIVE - 1  # stripped


def test_a_bimtek_session_agenda(as_user, personas):
    session = SessionFactory(stage__masterplan=personas.masterplan)
    url = reverse("bimtek:session_edit", args=[personas.masterplan.pk, session.pk])
    response = as_user(personas.coordinator).post(url, {"title": "Sesi", "agenda": TOO_LONG, "version": 1})
    assert "terlalu panjang" in response.content.decode()
    session.refresh_from_db()
    assert len(session.agenda) < LONG


@pytest.mark.parametrize("limit", [LONG])
def test_forms_without_a_version_have_limits_too(personas, limit):
    decision = DecisionForm(data={"text": "c" * (limit + 1)})
    assert not decision.is_valid() and "terlalu panjang" in decision.errors["text"][0]
    quickwin = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd)
    progress = ProgressForm(
        data={"date": "2026-01-01", "percent": 10, "status": "on_track", "note": "d" * (limit + 1)}, quickwin=quickwin
    )
    assert not progress.is_valid() and "terlalu panjang" in progress.errors["note"][0]
