"""The ministry's result letter, its recommendations as OPD follow-ups (home block, done by the OPD), the book's
context and chapter, the dashboard's latest index, and the evaluation page's constant query count."""

import datetime
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from masterplan.models import Dimension
from monev.evaluation import book_context, latest_index, services
from monev.evaluation.models import Answer, Finding, FollowUp, Question, Result
from tests.plan.factories import ProgrammeFactory

from .evaluation_fixtures import coordinator_access
from .factories import ReportingYearFactory


def _result_post(evaluation_year, **extra):
    data = {
        "letter_number": "B-204/DJAI/2024",
        "letter_date": "2024-11-28",
        "index": "3,21",
        "rank_province": "3",
        "rank_national": "41",
        "national_total": "100",
        "strengths": "Komitmen kepala daerah tinggi\n\n- Quick win berjalan",
        "weaknesses": "Jawaban kuesioner belum disertai dengan data dukung yang valid dan lengkap",
    }
    for part in evaluation_year.parts.all():
        data[f"part_{part.pk}"] = "3.40"
    for dimension in Dimension.objects.all():
        data[f"dim_{dimension.pk}"] = "2.75"
    data.update(extra)
    return data


def test_coordinator_records_the_letter(personas, as_user, evaluation_year):
    client = as_user(personas.coordinator)
    url = reverse("monev:result", args=[personas.masterplan.pk, 2024])
    assert client.post(url, _result_post(evaluation_year)).status_code == 302
    result = Result.objects.get()
    assert result.index == Decimal("3.21") and result.rank_national == 41 and result.recorded_by == personas.coordinator
    assert result.scores.count() == 5 + 6
    assert list(result.findings.filter(kind="strength").values_list("text", flat=True)) == [
        "Komitmen kepala daerah tinggi",
        "Quick win berjalan",
    ]
    page = client.get(url).content.decode()
    assert "3,21" in page and "peringkat 41 nasional dari 100 daerah" in page
    # a stale form (version 0 = opened before the letter was recorded) is refused and changes nothing
    response = client.post(url, _result_post(evaluation_year, index="1", version=""))
    assert response.status_code == 409 and Result.objects.get().index == Decimal("3.21")


@pytest.mark.parametrize("name", ["opd_member", "expert", "reader"])
def test_only_the_coordinator_records_the_letter(personas, as_user, evaluation_year, name):
    response = as_user(getattr(personas, name)).post(
        reverse("monev:result", args=[personas.masterplan.pk, 2024]), _result_post(evaluation_year)
    )
    assert response.status_code == 403 and not Result.objects.exists()


def test_scores_outside_the_scale_and_impossible_ranks_are_refused(personas, as_user, evaluation_year):
    client = as_user(personas.coordinator)
    url = reverse("monev:result", args=[personas.masterplan.pk, 2024])
    assert client.post(url, _result_post(evaluation_year, index="7")).status_code == 400
    response = client.post(url, _result_post(evaluation_year, rank_national="120"))
    assert response.status_code == 400 and "melebihi" in response.content.decode()
    assert not Result.objects.exists()


def _recorded(personas, evaluation_year):
    return services.save_result(
        access=coordinator_access(personas),
        evaluation_year=evaluation_year,
        data=services.ResultData(index=Decimal("3.21")),
        expected_version=None,
    )


def test_a_recommendation_becomes_the_opds_follow_up(personas, as_user, evaluation_year):
    result = _recorded(personas, evaluation_year)
    client = as_user(personas.coordinator)
    url = reverse("monev:recommendation_add", args=[personas.masterplan.pk, 2024])
    text = "Forum Smart City belum dilaksanakan secara berkala"
    assert client.post(url, {"text": text, "opd": personas.opd.pk, "due_date": "2025-03-31"}).status_code == 302
    followup = FollowUp.objects.get()
    assert (
        followup.opd == personas.opd
        and followup.finding.text == text
        and followup.due_date == datetime.date(2025, 3, 31)
    )
    assert followup.finding.result == result and followup.history.first().history_user == personas.coordinator
    # the OPD's home page shows it; the other OPD's does not
    assert text in as_user(personas.opd_member).get("/").content.decode()
    assert text not in as_user(personas.other_opd_member).get("/").content.decode()
    # the other OPD cannot close it, the owner can
    done = reverse("monev:followup", args=[personas.masterplan.pk, followup.pk])
    data = {"action": "done", "done": "on", "done_note": "Forum triwulan I digelar", "version": followup.version}
    assert as_user(personas.other_opd_member).post(done, data).status_code == 403
    assert (
        as_user(personas.opd_member)
        .post(done, {**data, "action": "edit", "text": "x", "opd": personas.opd.pk})
        .status_code
        == 403
    )
    assert FollowUp.objects.get().done_at is None
    assert as_user(personas.opd_member).post(done, data).status_code == 302
    followup.refresh_from_db()
    assert followup.is_done and followup.done_note == "Forum triwulan I digelar"
    assert text not in as_user(personas.opd_member).get("/").content.decode()  # no longer open
    # a stale form is refused with both versions
    stale = as_user(personas.coordinator).post(done, {**data, "done": "", "done_note": "buka lagi"})
    assert stale.status_code == 409 and FollowUp.objects.get().is_done


def test_an_opd_of_another_region_cannot_own_a_follow_up(personas, as_user, evaluation_year):
    from tests.factories import OPDFactory

    _recorded(personas, evaluation_year)
    theirs = OPDFactory(region=personas.other_masterplan.region, acronym="Luar")
    url = reverse("monev:recommendation_add", args=[personas.masterplan.pk, 2024])
    as_user(personas.coordinator).post(url, {"text": "Rekomendasi", "opd": theirs.pk})
    assert not FollowUp.objects.exists() and not Finding.objects.exists()


def _fill(personas, evaluation_year, *, programmes, questions, recommendations):
    """Programmes with reports, extra questions with answers and evidence, recommendations with follow-ups."""
    masterplan = personas.masterplan
    reporting_year = ReportingYearFactory(masterplan=masterplan, year=2024)
    from monev.models import Report

    for _ in range(programmes):
        Report.objects.create(
            reporting_year=reporting_year,
            programme=ProgrammeFactory(masterplan=masterplan, lead_opd=personas.opd),
            status="running",
        )
    part = evaluation_year.parts.get(key="output")
    access = coordinator_access(personas)
    for n in range(questions):
        services.save_question(
            user=personas.admin,
            evaluation_year=evaluation_year,
            data=services.QuestionData(part=part, dimension=None, element=None, text=f"Pertanyaan {n}"),
        )
    assessment = services.start_assessment(access=access, evaluation_year=evaluation_year)
    from django.core.files.uploadedfile import SimpleUploadedFile

    for question in Question.objects.filter(part__evaluation_year=evaluation_year):
        pdf = SimpleUploadedFile("sk.pdf", b"%PDF-1.4\n%%EOF\n")
        services.save_answer(
            access=access,
            assessment=assessment,
            question=question,
            score=Decimal(3),
            note="",
            expected_version=None,
            files=[(pdf, "pdf")],
        )
    result = Result.objects.filter(masterplan=masterplan).first() or _recorded(personas, evaluation_year)
    for n in range(recommendations):
        services.add_recommendation(
            access=access, result=result, text=f"Rekomendasi {n}", opd=personas.opd, due_date=None
        )


def _queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_evaluation_pages_cost_the_same_for_small_and_large_data(
    personas, as_user, evaluation_year, django_assert_max_num_queries
):
    client = as_user(personas.coordinator)
    mp = personas.masterplan.pk
    urls = [
        reverse("monev:evaluation", args=[mp, 2024]),
        reverse("monev:evaluation_index", args=[mp]),
        reverse("monev:result", args=[mp, 2024]),
    ]
    _fill(personas, evaluation_year, programmes=2, questions=1, recommendations=1)
    small = [_queries(client, url, django_assert_max_num_queries) for url in urls]
    _fill(personas, evaluation_year, programmes=20, questions=30, recommendations=10)
    large = [_queries(client, url, django_assert_max_num_queries) for url in urls]
    assert small == large, (small, large)
    # The evaluation page: session and user (2), the masterplan and its access (2), the evaluation year (1); parts,
    # questions, the self-assessment, its answers, their evidence (5); dimensions, the reporting year, the outcome
    # counts, the quick wins (4); the tabs' and layout's lookups.
    with django_assert_max_num_queries(small[0]):
        client.get(urls[0])
    assert small[0] <= 25, small
    page = client.get(urls[0]).content.decode()
    assert "Pertanyaan 29" in page and "22 dari 22 program berjalan" in page


def test_book_context_and_chapter(personas, evaluation_year, django_assert_num_queries):
    _fill(personas, evaluation_year, programmes=3, questions=2, recommendations=2)
    result = Result.objects.get()
    parts = {p.key: p for p in evaluation_year.parts.all()}
    services.save_result(
        access=coordinator_access(personas),
        evaluation_year=evaluation_year,
        data=services.ResultData(
            index=Decimal("3.31"),
            part_scores={parts["baseline"]: Decimal("3.60")},
            dimension_scores={Dimension.objects.get(key="economy"): Decimal("3.50")},
            weaknesses=["Jawaban kuesioner belum disertai dengan data dukung yang valid dan lengkap"],
        ),
        expected_version=result.version,
    )
    context = book_context(personas.masterplan, 2024)
    assert context["result"].index == Decimal("3.31")
    assert [f.text for f in context["recommendations"]] == ["Rekomendasi 0", "Rekomendasi 1"]
    assert context["outcome_total"].running == 3 and context["outcome_total"].share == Decimal("100.00")
    assert context["standing"].index is not None and set(context["charts"]) == {"index", "parts", "dimensions"}
    assert "<svg" in context["charts"]["dimensions"] and "url(#" in context["charts"]["dimensions"]
    html = render_to_string("books/monev/evaluation.html", context)
    assert '<section class="chapter"' in html and "Rekomendasi 1" in html and "3,31" in html
    assert "3 dari 3 program" in html and "Tabel: Rekomendasi evaluasi 2024" in html
    assert "<script" not in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    empty = render_to_string("books/monev/evaluation.html", book_context(personas.other_masterplan, 2031))
    assert "Belum ada evaluasi 2031" in empty


def test_latest_index_in_one_query(personas, evaluation_year):
    from masterplan.models import Masterplan
    from monev.evaluation.services import create_evaluation_year

    older = create_evaluation_year(
        user=personas.admin, cohort=personas.masterplan.cohort, year=2023, scale_min=Decimal(0), scale_max=Decimal(5)
    )
    Result.objects.create(masterplan=personas.masterplan, evaluation_year=older, index=Decimal("2.98"))
    Result.objects.create(masterplan=personas.masterplan, evaluation_year=evaluation_year, index=Decimal("3.21"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        values = latest_index(Masterplan.objects.all())
    assert len(queries) == 1
    assert values == {personas.masterplan.pk: Decimal("3.21")}


def test_answers_report_nothing_to_the_masterplan_review(personas, assessment, questions):
    before = type(personas.masterplan).objects.get(pk=personas.masterplan.pk).content_version
    services.save_answer(
        access=coordinator_access(personas),
        assessment=assessment,
        question=questions[2],
        score=Decimal(2),
        note="",
        expected_version=None,
    )
    result = _recorded(personas, assessment.evaluation_year)
    services.add_recommendation(
        access=coordinator_access(personas), result=result, text="Forum berkala", opd=personas.opd, due_date=None
    )
    from review.models import SectionReview

    assert type(personas.masterplan).objects.get(pk=personas.masterplan.pk).content_version == before
    assert not SectionReview.objects.filter(masterplan=personas.masterplan).exists()
    assert Answer.objects.get(question=questions[2]).score == 2


def test_the_programme_dashboard_shows_the_latest_index_per_region(personas, as_user, evaluation_year):
    Result.objects.create(masterplan=personas.masterplan, evaluation_year=evaluation_year, index=Decimal("3.21"))

    response = as_user(personas.admin).get(reverse("review:programme"))

    index = [c.key for c in response.context["columns"]].index("monev.index")
    cells = {r["masterplan"].pk: str(r["extra"][index]) for r in response.context["rows"]}
    assert cells[personas.masterplan.pk] == "3,21"
    assert cells[personas.other_masterplan.pk] == ""
    assert "Indeks terakhir" in response.content.decode()


def test_the_evaluation_counts_how_often_the_forum_met(personas, as_user, evaluation_year):
    import datetime

    from monev.models import EventKind, Sosialisasi

    _fill(personas, evaluation_year, programmes=1, questions=1, recommendations=0)
    for day, kind in ((3, EventKind.FORUM), (9, EventKind.FORUM), (12, EventKind.OPD)):
        Sosialisasi.objects.create(
            masterplan=personas.masterplan, kind=kind, title="Forum", held_on=datetime.date(2024, day, 1)
        )
    Sosialisasi.objects.create(
        masterplan=personas.masterplan, kind=EventKind.FORUM, title="x", held_on=datetime.date(2023, 5, 1)
    )

    context = book_context(personas.masterplan, 2024)
    assert context["forum_meetings"] == 2
    assert "Forum Dewan Smart City bertemu 2 kali pada 2024" in render_to_string("books/monev/evaluation.html", context)
    page = as_user(personas.coordinator).get(reverse("monev:evaluation", args=[personas.masterplan.pk, 2024]))
    assert "Forum Dewan Smart City bertemu 2 kali pada 2024" in page.content.decode()
