"""Dashboard panel, snapshot section, metrics, book chapters, and constant query counts."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import registry
from quickwins import contributions
from quickwins.models import Budget, Partner, QuickWinIndicator
from quickwins.services import record_progress

from .factories import QuickWinFactory


def _many(personas, dims, n):
    keys = list(dims)
    for i in range(n):
        quickwin = QuickWinFactory(
            masterplan=personas.masterplan, dimension=dims[keys[i % 6]], chosen=i % 2 == 0, owner=personas.opd
        )
        Partner.objects.create(quickwin=quickwin, kind="bank", name=f"Bank {i}")
        Budget.objects.create(quickwin=quickwin, year=2023, amount=1000 * i)
        QuickWinIndicator.objects.create(quickwin=quickwin, name="Indikator", target="10")
        record_progress(
            masterplan=quickwin.masterplan,
            quickwin=quickwin,
            date=datetime.date(2023, 1, 1),
            percent=10 * (i % 10),
            status="build",
            note="",
            user=None,
        )


def _count(callable_):
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["catalogue", "selection"])
def test_list_pages_run_constant_queries(as_user, personas, dims, django_assert_num_queries, name):
    client = as_user(personas.coordinator)
    url = reverse(f"quickwins:{name}", args=[personas.masterplan.pk])
    _many(personas, dims, 3)
    client.get(url)  # warm the session
    few = _count(lambda: client.get(url))
    _many(personas, dims, 15)
    # session, user, masterplan, membership, quick wins (+dimension, element), their owners (+OPD),
    # dimensions, weights (selection only), the section's review state (selection only: the undo warning of
    # its forms), unread notifications (the bell); the catalogue's section thread (comments, members for the box)
    expected = {"catalogue": 10, "selection": 10}[name]
    assert few == expected
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


def test_profile_runs_constant_queries(as_user, personas, dims):
    client = as_user(personas.reader)
    a = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd)
    b = QuickWinFactory(masterplan=personas.masterplan, owner=personas.opd)
    for i, source in enumerate(["apbd", "apbn", "dak", "kpbu", "other", "private"]):
        Partner.objects.create(quickwin=b, kind="bank", name=f"Bank {i}")
        Budget.objects.create(quickwin=b, year=2023, source=source, amount=i)
        record_progress(
            masterplan=b.masterplan,
            quickwin=b,
            date=datetime.date(2023, 1, 1 + i),
            percent=i * 10,
            status="build",
            note="",
            user=None,
        )
    client.get(reverse("quickwins:profile", args=[personas.masterplan.pk, a.pk]))
    assert _count(lambda: client.get(reverse("quickwins:profile", args=[personas.masterplan.pk, a.pk]))) == _count(
        lambda: client.get(reverse("quickwins:profile", args=[personas.masterplan.pk, b.pk]))
    )


@pytest.mark.parametrize(
    "context", [contributions.book_profiles_context, contributions.book_summary_context, contributions.serialize]
)
def test_chapter_contexts_and_section_run_constant_queries(personas, dims, context):
    _many(personas, dims, 3)
    few = _count(lambda: context(personas.masterplan))
    _many(personas, dims, 12)
    assert _count(lambda: context(personas.masterplan)) == few


def test_quickwin_book_has_one_profile_per_chosen_quick_win(personas, dims):
    _many(personas, dims, 6)  # 3 chosen
    chapter = next(c for c in registry.chapters("quickwin") if c.key == "quickwins.profiles")
    assert chapter.order == 10
    html = render_to_string(chapter.template, chapter.context(personas.masterplan))
    assert html.count('<article class="profile"') == 3  # each on its own page
    assert "<caption>Tabel: Anggaran" in html and "<figcaption>Gambar: Kemajuan" in html
    assert "http" not in html  # no external URLs in a book


@pytest.mark.parametrize("book,key", [("masterplan", "quickwins.summary"), ("ringkasan", "quickwins.ringkasan")])
def test_summary_chapters_render(personas, dims, book, key):
    chapter = next(c for c in registry.chapters(book) if c.key == key)
    assert chapter.order == 40
    empty = render_to_string(chapter.template, chapter.context(personas.masterplan))
    assert 'class="empty"' in empty
    _many(personas, dims, 6)
    html = render_to_string(chapter.template, chapter.context(personas.masterplan))
    assert '<table class="book-table' in html


def test_metrics(personas, dims):
    measure = {
        key: registry.metric(key).measure
        for key in [
            "quickwins.idea_per_dimension",
            "quickwins.chosen_per_dimension",
            "quickwins.chosen_have_progress",
        ]
    }
    assert measure["quickwins.idea_per_dimension"](personas.masterplan)[:2] == (0, 6)
    QuickWinFactory(masterplan=personas.masterplan, dimension=dims["living"], chosen=True)
    QuickWinFactory(masterplan=personas.masterplan, dimension=dims["economy"])
    assert measure["quickwins.idea_per_dimension"](personas.masterplan)[:2] == (2, 6)
    done, total, detail = measure["quickwins.chosen_per_dimension"](personas.masterplan)
    assert (done, total) == (1, 6) and "Smart Economy" in detail
    done, total, detail = measure["quickwins.chosen_have_progress"](personas.masterplan)
    assert (done, total) == (0, 1) and "QW" in detail


def test_section_serializes_status_progress_chosen_and_opd(personas, quickwin):
    record_progress(
        masterplan=quickwin.masterplan,
        quickwin=quickwin,
        date=datetime.date(2023, 2, 1),
        percent=45,
        status="build",
        note="",
        user=None,
    )
    records = registry.section("quickwins.quickwins").serialize(personas.masterplan)
    fields = records[0]["fields"]
    assert records[0]["key"] == f"quickwin-{quickwin.pk}"
    assert (fields["status"], fields["progress"], fields["chosen"], fields["opd"]) == ("build", 45, False, "DLH")
    import json

    json.dumps(records)  # JSON values only


def test_dashboard_panel_says_what_to_do_next(as_user, personas):
    html = as_user(personas.coordinator).get(reverse("masterplan:dashboard", args=[personas.masterplan.pk])).content
    assert "Belum ada quick win. Usulkan" in html.decode()


def test_tab_is_registered():
    assert any(t.key == "quickwins" and t.order == 40 for t in registry.tabs())


def test_timeline_runs_constant_queries(as_user, personas, quickwin):
    from quickwins.models import Attachment

    client = as_user(personas.reader)
    url = reverse("quickwins:progress", args=[personas.masterplan.pk, quickwin.pk])

    def add(n, start):
        for i in range(n):
            update = record_progress(
                masterplan=quickwin.masterplan,
                quickwin=quickwin,
                date=datetime.date(2022, 1, 1) + datetime.timedelta(days=start + i),
                percent=i,
                status="build",
                note="",
                user=personas.opd_member,
            )
            Attachment.objects.create(
                masterplan=personas.masterplan, update=update, file="x.pdf", kind="pdf", original_name="x.pdf"
            )

    add(2, 0)
    client.get(url)
    few = _count(lambda: client.get(url))
    add(10, 10)
    # session, user, masterplan, membership, quick win (+dimension, element), owners (+OPD),
    # updates (+author), attachments, the section's review state (the report form's undo warning),
    # unread notifications (the bell)
    assert _count(lambda: client.get(url)) == few == 10
