"""One test per access rule of the evaluation: who reads, who answers which question, who records the result,
who sets the questionnaire; another region's ids give 404 and change nothing; hostile evidence is refused."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from monev.evaluation.models import Answer, AnswerEvidence, EvaluationYear, FollowUp, Part, Question, Result

MP = lambda p: p.masterplan.pk  # noqa: E731


def _v(question):
    return Answer.objects.get(question=question).version


def _answer_url(personas, question):
    return reverse("monev:evaluation_answer", args=[MP(personas), 2024, question.pk])


@pytest.mark.parametrize("name", ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"])
def test_every_member_reads_the_pages(personas, as_user, assessment, questions, name):
    client = as_user(getattr(personas, name))
    for url in [
        reverse("monev:evaluation_index", args=[MP(personas)]),
        reverse("monev:evaluation", args=[MP(personas), 2024]),
        reverse("monev:result", args=[MP(personas), 2024]),
        _answer_url(personas, questions[0]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (name, url)
    page = client.get(reverse("monev:evaluation", args=[MP(personas), 2024])).content.decode()
    assert "Apakah bank sampah didukung kebijakan daerah?" in page and "Indeks menurut jawaban saat ini" in page


def test_opd_member_answers_only_its_question(personas, as_user, assessment, questions):
    client = as_user(personas.opd_member)
    own, other = questions[0], questions[1]
    assert 'name="score"' in client.get(_answer_url(personas, own)).content.decode()
    assert 'name="score"' not in client.get(_answer_url(personas, other)).content.decode()
    response = client.post(_answer_url(personas, own), {"score": "4", "note": "Perbup 12/2023", "version": _v(own)})
    assert response.status_code == 302
    answer = Answer.objects.get(question=own)
    assert answer.score == Decimal(4) and answer.answered_by == personas.opd_member
    assert answer.history.first().history_user == personas.opd_member
    assert client.post(_answer_url(personas, other), {"score": "5", "version": _v(other)}).status_code == 403
    assert (
        client.post(_answer_url(personas, questions[2]), {"score": "5", "version": _v(questions[2])}).status_code == 403
    )
    assert Answer.objects.get(question=other).score is None


@pytest.mark.parametrize("name", ["expert", "reader"])
def test_experts_and_readers_cannot_answer(personas, as_user, assessment, questions, name):
    client = as_user(getattr(personas, name))
    assert (
        client.post(_answer_url(personas, questions[0]), {"score": "5", "version": _v(questions[0])}).status_code == 403
    )
    assert not Answer.objects.filter(score__isnull=False).exists()


def test_coordinator_answers_every_question(personas, as_user, assessment, questions):
    client = as_user(personas.coordinator)
    for question in questions:
        assert client.post(_answer_url(personas, question), {"score": "3", "version": _v(question)}).status_code == 302
    assert Answer.objects.filter(score=3).count() == 3


def test_score_outside_the_scale_is_refused(personas, as_user, assessment, questions):
    EvaluationYear.objects.filter(pk=assessment.evaluation_year_id).update(scale_max=Decimal("4.5"))
    client = as_user(personas.coordinator)  # a scale of halves is typed, not picked
    response = client.post(_answer_url(personas, questions[2]), {"score": "7", "version": _v(questions[2])})
    assert response.status_code == 400 and 'name="score"' in response.content.decode(), response.content.decode()[
        -3000:
    ]
    assert "4,5" in response.content.decode() or "4.5" in response.content.decode()
    assert Answer.objects.get(question=questions[2]).score is None


def test_submitted_assessment_is_locked_until_reopened(personas, as_user, assessment, questions):
    submit = reverse("monev:evaluation_submit", args=[MP(personas), 2024])
    assert as_user(personas.opd_member).post(submit, {"version": assessment.version}).status_code == 403
    as_user(personas.coordinator).post(submit, {"version": assessment.version})
    assessment.refresh_from_db()
    assert assessment.is_locked
    response = as_user(personas.opd_member).post(
        _answer_url(personas, questions[0]), {"score": "4", "version": _v(questions[0])}
    )
    assert response.status_code == 400 and "sudah diajukan" in response.content.decode()
    assert Answer.objects.get(question=questions[0]).score is None
    coordinator = as_user(personas.coordinator)
    coordinator.post(reverse("monev:evaluation_reopen", args=[MP(personas), 2024]), {"version": assessment.version})
    assessment.refresh_from_db()
    assert not assessment.is_locked


def test_assignment_is_the_coordinators(personas, as_user, assessment, questions):
    url = reverse("monev:evaluation_assign", args=[MP(personas), 2024])
    data = {"version": assessment.version, f"opd_{questions[2].pk}": personas.opd.pk}
    assert as_user(personas.opd_member).post(url, data).status_code == 403
    assert Answer.objects.get(question=questions[2]).opd is None
    page = as_user(personas.coordinator).get(url).content.decode()
    assert f'<option value="{personas.other_opd.pk}" selected>' in page  # question 1 is Dispar's
    assert as_user(personas.coordinator).post(url, data).status_code == 302
    assert Answer.objects.get(question=questions[2]).opd == personas.opd
    assert Answer.objects.get(question=questions[2]).history.first().history_user == personas.coordinator


def test_an_opd_of_another_region_cannot_be_assigned(personas, as_user, assessment, questions):
    from tests.factories import OPDFactory

    theirs = OPDFactory(region=personas.other_masterplan.region, acronym="Luar")
    url = reverse("monev:evaluation_assign", args=[MP(personas), 2024])
    response = as_user(personas.coordinator).post(
        url, {"version": assessment.version, f"opd_{questions[2].pk}": theirs.pk}
    )
    assert response.status_code == 200 and "tidak dikenal" in response.content.decode()
    assert Answer.objects.get(question=questions[2]).opd is None


def test_another_regions_ids_give_404_and_change_nothing(personas, as_user, assessment, questions):
    """The stranger coordinates the other masterplan (another cohort): our ids under theirs are all 404."""
    client = as_user(personas.stranger)
    theirs = personas.other_masterplan.pk
    result = Result.objects.create(masterplan=personas.masterplan, evaluation_year=assessment.evaluation_year, index=3)
    from monev.evaluation.models import Finding

    finding = Finding.objects.create(result=result, kind="recommendation", text="Forum berkala")
    followup = FollowUp.objects.create(masterplan=personas.masterplan, finding=finding, opd=personas.opd)
    answer = Answer.objects.get(question=questions[0])
    evidence = AnswerEvidence.objects.create(answer=answer, file="x.pdf", kind="pdf", original_name="x.pdf")
    urls = [  # (their masterplan has no self-assessment and no result of 2024)
        reverse("monev:evaluation_answer", args=[theirs, 2024, questions[0].pk]),
        reverse("monev:evaluation_assign", args=[theirs, 2024]),
        reverse("monev:evaluation_submit", args=[theirs, 2024]),
        reverse("monev:recommendation_add", args=[theirs, 2024]),
        reverse("monev:followup", args=[theirs, followup.pk]),
        reverse("monev:followup_delete", args=[theirs, followup.pk]),
        reverse("monev:evaluation_evidence", args=[theirs, evidence.pk]),
        reverse("monev:evaluation_evidence_delete", args=[theirs, evidence.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"score": "5", "index": "4", "done": "on", "version": 1}).status_code == 404, url
    for url in [
        reverse("monev:evaluation", args=[MP(personas), 2024]),
        reverse("monev:followup", args=[MP(personas), followup.pk]),
    ]:
        assert client.get(url).status_code == 404
    their_page = client.get(reverse("monev:evaluation", args=[theirs, 2024])).content.decode()
    assert "belum dimulai" in their_page and "x.pdf" not in their_page  # the cohort's questions, not our answers
    assert "Forum berkala" not in client.get(reverse("monev:result", args=[theirs, 2024])).content.decode()
    assert Answer.objects.filter(score__isnull=False).count() == 0
    assert FollowUp.objects.get().done_at is None and Result.objects.get().index == 3
    assert AnswerEvidence.objects.count() == 1


def test_only_programme_admins_set_the_questionnaire(personas, as_user, evaluation_year, questions):
    part = evaluation_year.parts.get(key="output")
    weights = {f"weight_{p.pk}": "20" for p in evaluation_year.parts.all()}
    urls = [
        (
            reverse("monev:admin_years"),
            {"cohort": personas.masterplan.cohort_id, "year": 2025, "scale_min": 0, "scale_max": 5},
        ),
        (
            reverse("monev:admin_year", args=[evaluation_year.pk]),
            {"version": 1, "scale_min": 0, "scale_max": 9, **weights},
        ),
        (
            reverse("monev:admin_question_add", args=[evaluation_year.pk]),
            {"part": part.pk, "text": "Baru?", "weight": 1, "order": 0},
        ),
        (
            reverse("monev:admin_question", args=[evaluation_year.pk, questions[0].pk]),
            {"part": part.pk, "text": "Ubah", "weight": 1, "order": 0, "version": 1},
        ),
        (reverse("monev:admin_question_delete", args=[evaluation_year.pk, questions[0].pk]), {}),
    ]
    for name in ["coordinator", "opd_member", "expert"]:
        client = as_user(getattr(personas, name))
        for url, data in urls:
            assert client.get(url).status_code in (403, 405), (name, url)
            assert client.post(url, data).status_code == 403, (name, url)
    assert EvaluationYear.objects.count() == 1 and Question.objects.count() == 3
    assert EvaluationYear.objects.get().scale_max == 5 and Question.objects.filter(text="Ubah").count() == 0


def test_admin_sets_weights_that_add_up_to_100(personas, as_user, evaluation_year):
    client = as_user(personas.admin)
    parts = list(evaluation_year.parts.order_by("order"))
    url = reverse("monev:admin_year", args=[evaluation_year.pk])
    bad = {"version": 1, "scale_min": 0, "scale_max": 5, **{f"weight_{p.pk}": "25" for p in parts}}
    response = client.post(url, bad)
    assert response.status_code == 400 and "harus 100" in response.content.decode()
    good = dict(zip([f"weight_{p.pk}" for p in parts], ["5", "15", "30", "20", "30"], strict=True))
    assert client.post(url, {"version": 1, "scale_min": 0, "scale_max": 4, **good}).status_code == 302
    assert [p.weight for p in Part.objects.filter(evaluation_year=evaluation_year).order_by("order")] == [
        5,
        15,
        30,
        20,
        30,
    ]
    assert EvaluationYear.objects.get().scale_max == 4
    assert EvaluationYear.history.first().history_user == personas.admin


def test_question_answered_by_a_region_is_not_deleted(personas, as_user, assessment, questions):
    Answer.objects.filter(question=questions[0]).update(score=3)
    client = as_user(personas.admin)
    client.post(reverse("monev:admin_question_delete", args=[assessment.evaluation_year_id, questions[0].pk]))
    assert Question.objects.filter(pk=questions[0].pk).exists()
    client.post(reverse("monev:admin_question_delete", args=[assessment.evaluation_year_id, questions[1].pk]))
    assert not Question.objects.filter(pk=questions[1].pk).exists()


@pytest.mark.parametrize(
    "name,content",
    [
        ("virus.pdf", b"MZ\x90\x00 not a pdf"),
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("bom.docx", b"PK\x03\x04 broken zip"),
    ],
)
def test_hostile_evidence_is_refused_and_nothing_is_written(personas, as_user, assessment, questions, name, content):
    client = as_user(personas.opd_member)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(
        _answer_url(personas, questions[0]), {"score": "4", "version": _v(questions[0]), "files": [upload]}
    )
    assert response.status_code == 400
    assert not AnswerEvidence.objects.exists() and Answer.objects.get(question=questions[0]).score is None


def test_evidence_is_served_after_the_access_check(personas, as_user, assessment, questions):
    member = Client()
    member.force_login(personas.opd_member)
    pdf = SimpleUploadedFile("perbup.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert (
        member.post(
            _answer_url(personas, questions[0]), {"score": "4", "version": _v(questions[0]), "files": [pdf]}
        ).status_code
        == 302
    )
    evidence = AnswerEvidence.objects.get()
    assert evidence.original_name == "perbup.pdf" and evidence.kind == "pdf"
    served = member.get(reverse("monev:evaluation_evidence", args=[MP(personas), evidence.pk]))
    assert served.status_code == 200 and served["Content-Security-Policy"].startswith("default-src 'none'")
    other = as_user(personas.other_opd_member)
    delete = reverse("monev:evaluation_evidence_delete", args=[MP(personas), evidence.pk])
    assert other.post(delete).status_code == 403 and AnswerEvidence.objects.exists()
    assert member.post(delete).status_code == 302 and not AnswerEvidence.objects.exists()


def test_concurrent_answers_are_refused_with_both_versions(personas, as_user, assessment, questions):
    client = as_user(personas.opd_member)
    url = _answer_url(personas, questions[0])
    seen = _v(questions[0])
    assert client.post(url, {"score": "4", "note": "versi pertama", "version": seen}).status_code == 302
    response = client.post(url, {"score": "2", "note": "versi kedua", "version": seen})  # opened before the first save
    page = response.content.decode()
    assert response.status_code == 409 and "versi pertama" in page and "versi kedua" in page
    answer = Answer.objects.get(question=questions[0])
    assert answer.score == 4 and answer.note == "versi pertama"
