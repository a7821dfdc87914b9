"""Markup, SQL-like and overlong text in the apps' text fields: shown as text on pages and in a book, stored
only when it fits, and random posts to every app's main forms never cause a server error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimtek.models import FollowUp
from books.models import Book
from books.rendering import book_html
from plan.models import Programme
from quickwins.models import QuickWin
from review.models import Comment
from tests.bimtek.factories import FollowUpFactory, SessionFactory
from tests.plan.factories import ProgrammeFactory
from tests.quickwins.factories import QuickWinFactory
from tests.rpjmd.factories import ProgramFactory, RPJMDFactory
from tests.security.test_hostile_forms import VALUE
from tests.test_url_sweep import row_counts

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'
ESCAPED = "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;"


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _is_text(page):
    return SCRIPT not in page and IMG not in page and ESCAPED in page


@pytest.fixture
def hostile(personas):
    mp = personas.masterplan
    ProgramFactory(rpjmd=RPJMDFactory(region=mp.region), opd=personas.opd, name=f"Program {SCRIPT}{IMG}")
    programme = ProgrammeFactory(masterplan=mp, lead_opd=personas.opd, name=f"Program {SCRIPT}{IMG}")
    programme.description = f"Uraian {SCRIPT}"
    programme.save()
    QuickWinFactory(masterplan=mp, owner=personas.opd, short_name=f"QW {SCRIPT}", full_name=f"QW {IMG}{SCRIPT}")
    FollowUpFactory(session=SessionFactory(stage__masterplan=mp), opd=personas.opd, text=f"Tindak {SCRIPT}{IMG}")
    Comment.objects.create(masterplan=mp, author=personas.expert, body=f"Komentar {SCRIPT}{IMG}", section_key="")
    return programme


PAGES = [
    ("rpjmd:mapping", []),
    ("plan:programmes", []),
    ("plan:programme_detail", ["programme"]),
    ("quickwins:catalogue", []),
    ("bimtek:followups", []),
    ("review:page", []),
]


@pytest.mark.parametrize("name,extra", PAGES, ids=[p[0] for p in PAGES])
def test_markup_in_text_fields_is_shown_as_text(client, personas, hostile, name, extra):
    args = [personas.masterplan.pk] + [hostile.pk for _ in extra]
    page = _page(client, personas.reader, reverse(name, args=args))
    assert _is_text(page), f"{name}: markup not escaped"


def test_markup_in_a_programme_name_is_text_in_the_book(personas, hostile):
    book = Book.objects.for_masterplan(personas.masterplan).get(key="masterplan")
    html = book_html(personas.masterplan, book, draft=True, for_pdf=False)
    assert "Program &lt;script&gt;" in html, "the hostile programme is not in the book"
    assert SCRIPT not in html and IMG not in html


SQLISH = "Robert'); DROP TABLE plan_programme; -- OR 1=1 /* \\x00 */"


def test_sql_like_and_overlong_input_changes_nothing_unexpected(client, personas):
    mp = personas.masterplan
    client.force_login(personas.coordinator)
    url = reverse("bimtek:followup_add", args=[mp.pk, SessionFactory(stage__masterplan=mp).pk])
    response = client.post(url, {"followup-text": SQLISH, "followup-opd": personas.opd.pk, "followup-due_date": ""})
    assert response.status_code == 302
    assert FollowUp.objects.get(masterplan=mp).text == SQLISH  # stored as typed, nothing else happened
    assert Programme.objects.count() == 0 and QuickWin.objects.count() == 0

    before = row_counts()
    overlong = {"name": "N" * 100_000, "acronym": "A" * 10_000, "kind": "dinas"}
    response = client.post(reverse("masterplan:opd_add", args=[mp.pk]), overlong)
    assert response.status_code == 200  # the form says the text is too long
    assert row_counts() == before
    response = client.post(reverse("review:comment_add", args=[mp.pk]), {"section": "", "body": "K" * 50_000})
    assert response.status_code < 500
    assert not Comment.objects.filter(body__startswith="KKK").exists()


def _main_forms(personas):
    """(url, fields) of each app's main forms, with the objects they need."""
    mp = personas.masterplan
    session = SessionFactory(stage__masterplan=mp)
    program = ProgramFactory(rpjmd=RPJMDFactory(region=mp.region), opd=personas.opd)
    programme = ProgrammeFactory(masterplan=mp, lead_opd=personas.opd)
    return {
        "plan programme": (
            reverse("plan:programme_add", args=[mp.pk]),
            ["name", "dimension", "element", "kind", "description", "lead_opd", "horizon", "start_year", "end_year"],
        ),
        "plan programme edit": (
            reverse("plan:programme_edit", args=[mp.pk, programme.pk]),
            ["name", "description", "priority", "version", "rpjmd_programs"],
        ),
        "quick win": (
            reverse("quickwins:create", args=[mp.pk]),
            ["short_name", "full_name", "dimension", "element", "owner_opd", "status", "problem", "start_date"],
        ),
        "rpjmd mapping": (
            reverse("rpjmd:map_program", args=[mp.pk, program.pk]),
            ["primary_element", "secondary_elements", "justification", "version"],
        ),
        "rpjmd misi": (reverse("rpjmd:misi_add", args=[mp.pk]), ["number", "text", "dimensions"]),
        "bimtek follow-up": (
            reverse("bimtek:followup_add", args=[mp.pk, session.pk]),
            ["followup-text", "followup-opd", "followup-due_date"],
        ),
        "bimtek session": (
            reverse("bimtek:session_edit", args=[mp.pk, session.pk]),
            ["title", "starts_at", "ends_at", "venue", "agenda", "version"],
        ),
        "review comment": (reverse("review:comment_add", args=[mp.pk]), ["section", "target", "parent", "body"]),
        "books export": (reverse("books:export", args=[mp.pk]), ["book", "variant"]),
    }


FORMS = [
    "plan programme",
    "plan programme edit",
    "quick win",
    "rpjmd mapping",
    "rpjmd misi",
    "bimtek follow-up",
    "bimtek session",
    "review comment",
    "books export",
]


@pytest.mark.parametrize("form", FORMS)
def test_random_posts_to_the_apps_main_forms_never_cause_a_server_error(client, personas, form):
    url, fields = _main_forms(personas)[form]
    client.force_login(personas.coordinator)

    @settings_for_hypothesis
    @given(st.fixed_dictionaries({field: VALUE for field in fields}))
    def post(data):
        response = client.post(url, data, HTTP_HX_REQUEST="true" if "mapping" in form else "")
        assert response.status_code < 500, (form, data)

    post()


settings_for_hypothesis = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_a_reply_to_a_parent_that_is_not_a_number_is_404(client, personas):
    # was a server error: the parent id went to the database unchecked
    client.force_login(personas.coordinator)
    url = reverse("review:comment_add", args=[personas.masterplan.pk])
    assert client.post(url, {"parent": ":", "body": "Balasan"}).status_code == 404
    assert not Comment.objects.exists()


def test_a_csv_with_a_cell_over_the_csv_limit_is_refused_with_a_message(client, personas):
    # was a server error: csv.Error (field larger than field limit) escaped the spreadsheet reader
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(personas.coordinator)
    upload = SimpleUploadedFile("kemajuan.csv", b"ID;Tanggal\n" + b"x" * 200_000, content_type="text/csv")
    response = client.post(reverse("quickwins:import", args=[personas.masterplan.pk]), {"file": upload})
    assert response.status_code == 400
    assert "Berkas CSV tidak dapat dibaca" in response.content.decode()
