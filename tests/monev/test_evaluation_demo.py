"""The demo's evaluation of PPU: a submitted self-assessment 2024, the result letters of 2023 and 2024, the 2024
recommendations as OPD follow-ups, all marked as demo data; running the demo twice changes nothing."""

import io

import pytest
from django.core.management import call_command

from monev.evaluation.models import (
    Answer,
    AnswerEvidence,
    EvaluationYear,
    Finding,
    FollowUp,
    Question,
    Result,
    ResultScore,
    SelfAssessment,
)

MODELS = (EvaluationYear, Question, SelfAssessment, Answer, AnswerEvidence, Result, ResultScore, Finding, FollowUp)


def _counts():
    return tuple(m.objects.count() for m in MODELS) + tuple(m.history.count() for m in MODELS)


@pytest.mark.django_db
def test_demo_evaluation_is_rich_and_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    call_command("demo", stdout=io.StringIO())
    assessment = SelfAssessment.objects.get(masterplan__region__code="64.09", evaluation_year__year=2024)
    assert assessment.is_demo and assessment.is_locked and assessment.submitted_index is not None
    assert assessment.answers.filter(score__isnull=False).count() == assessment.answers.count() > 10
    assert assessment.answers.filter(opd__acronym="DLH").exists()
    results = {r.evaluation_year.year: r for r in Result.objects.filter(masterplan=assessment.masterplan)}
    assert sorted(results) == [2023, 2024] and all(r.is_demo for r in results.values())
    assert str(results[2024].index) == "3.21" and results[2024].scores.count() == 11
    texts = list(FollowUp.objects.filter(masterplan=assessment.masterplan).values_list("finding__text", flat=True))
    assert len(texts) == 3 and all(t.startswith("[Data demo]") for t in texts)
    assert any("Forum Smart City belum dilaksanakan secara berkala" in t for t in texts)
    before = _counts()
    call_command("demo", stdout=io.StringIO())
    assert _counts() == before
