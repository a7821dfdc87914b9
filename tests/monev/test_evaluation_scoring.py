"""What the answers imply: part scores, outcome shares from the implementation reports, quick win from progress,
the weighted index; every number from the evaluation year."""

from decimal import Decimal
from types import SimpleNamespace as NS

import pytest

from masterplan.access import access_for
from monev.evaluation import services
from monev.evaluation.models import EvaluationYear, Part, PartSource
from monev.evaluation.scoring import OutcomeRow, QuickWinRow, load_standing, standing
from monev.models import Report
from tests.plan.factories import ProgrammeFactory

from .factories import ReportingYearFactory


def _year(low=0, high=5):
    return EvaluationYear(scale_min=Decimal(low), scale_max=Decimal(high))


def _parts(weights=(10, 20, 30, 30, 10)):
    sources = [
        PartSource.QUESTIONS,
        PartSource.QUESTIONS,
        PartSource.OUTCOME,
        PartSource.QUESTIONS,
        PartSource.QUICKWIN,
    ]
    return [
        Part(pk=i + 1, key=f"p{i}", name=f"P{i}", weight=Decimal(w), source=s)
        for i, (w, s) in enumerate(zip(weights, sources, strict=True))
    ]


def test_outcome_share_is_written_like_the_ministry():
    assert OutcomeRow(None, 10, 12).share == Decimal("83.33")
    assert OutcomeRow(None, 0, 0).share is None


def test_index_is_the_weighted_mean_of_the_parts():
    economy, living = NS(pk=1, order=1), NS(pk=2, order=2)
    questions = [
        NS(pk=10, part_id=1, dimension_id=1, weight=Decimal(1)),
        NS(pk=11, part_id=2, dimension_id=2, weight=Decimal(1)),
        NS(pk=12, part_id=4, dimension_id=None, weight=Decimal(1)),
    ]
    answers = [NS(question_id=10, score=Decimal(4)), NS(question_id=11, score=Decimal(3))]  # 12 unanswered: 0
    result = standing(
        evaluation_year=_year(),
        parts=_parts(),
        questions=questions,
        answers=answers,
        outcome=[OutcomeRow(economy, 10, 12), OutcomeRow(living, 2, 4)],
        quickwins=[QuickWinRow(economy, 2, Decimal(60))],
        dimensions=[economy, living],
    )
    scores = [p.score for p in result.parts]
    # baseline 4; output 3; outcome 12 of 16 running = 0.75 * 5; impact 0 (unanswered); quick win 60 % of 5
    assert scores == [Decimal("4.00"), Decimal("3.00"), Decimal("3.75"), Decimal("0.00"), Decimal("3.00")]
    assert result.index == Decimal("2.43")  # (0.4 + 0.6 + 1.125 + 0 + 0.3)
    assert result.answered == 2 and result.questions == 3
    by_dim = dict((d.pk, s) for d, s in result.dimensions)
    # economy: baseline 4 (w10), outcome 10/12*5 = 4.17 (w30), quick win 3 (w10) -> 3.90
    assert by_dim[1] == Decimal("3.90")


def test_weights_and_scale_are_data():
    economy = NS(pk=1, order=1)
    result = standing(
        evaluation_year=_year(1, 4),
        parts=_parts((0, 0, 30, 20, 20))[2:],
        questions=[NS(pk=12, part_id=4, dimension_id=None, weight=Decimal(1))],
        answers=[NS(question_id=12, score=Decimal(4))],
        outcome=[OutcomeRow(economy, 1, 2)],
        quickwins=[],
        dimensions=[economy],
    )
    # outcome half-way on 1..4 = 2.5 (w30), impact 4 (w20), no quick wins: left out and said so
    assert [p.score for p in result.parts] == [Decimal("2.50"), Decimal("4.00"), None]
    assert result.index == Decimal("3.10")
    assert [p.key for p in result.left_out] == ["p4"]


@pytest.mark.django_db
def test_outcome_counts_the_years_implementation_reports(personas, evaluation_year):
    masterplan = personas.masterplan
    reporting_year = ReportingYearFactory(masterplan=masterplan, year=2024)
    programmes = [ProgrammeFactory(masterplan=masterplan, lead_opd=personas.opd) for _ in range(3)]
    for programme, status in zip(programmes, ["running", "done", "postponed"], strict=True):
        Report.objects.create(reporting_year=reporting_year, programme=programme, status=status)
    result = load_standing(masterplan, evaluation_year)
    assert sum(r.total for r in result.outcome) == 3
    assert sum(r.running for r in result.outcome) == 2  # running and done count, postponed does not
    outcome = next(p for p in result.parts if p.part.source == PartSource.OUTCOME)
    assert outcome.score == Decimal("3.33")


@pytest.mark.django_db
def test_submission_keeps_the_implied_index_and_locks(personas, assessment, questions):
    access = access_for(personas.coordinator, personas.masterplan)
    services.save_answer(
        access=access, assessment=assessment, question=questions[2], score=Decimal(5), note="", expected_version=None
    )
    expected = load_standing(personas.masterplan, assessment.evaluation_year, assessment=assessment).index
    assessment.refresh_from_db()
    services.submit_assessment(access=access, assessment=assessment, expected_version=assessment.version)
    assessment.refresh_from_db()
    assert assessment.is_locked and assessment.submitted_index == expected and expected is not None
    with pytest.raises(Exception, match="sudah diajukan"):
        services.save_answer(
            access=access,
            assessment=assessment,
            question=questions[2],
            score=Decimal(1),
            note="",
            expected_version=None,
        )
    services.reopen_assessment(access=access, assessment=assessment, expected_version=assessment.version)
    assessment.refresh_from_db()
    assert not assessment.is_locked and assessment.submitted_index is None
