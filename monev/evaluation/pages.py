"""Reads of the evaluation pages and the book, each in a constant number of queries whatever the number of
questions, answers, files, recommendations or years."""

from dataclasses import dataclass

from django.db.models import Prefetch

from masterplan.models import Dimension

from .models import Answer, AnswerEvidence, EvaluationYear, FollowUp, Part, Question, Result, SelfAssessment
from .scoring import outcome_rows, quickwin_rows
from .scoring import standing as compute_standing


@dataclass
class Row:
    question: Question
    answer: Answer | None

    @property
    def opd(self):
        return self.answer.opd if self.answer else None


@dataclass
class PartBlock:
    part: Part
    rows: list
    score: object = None


def load_evaluation(masterplan, evaluation_year):
    """Queries: parts, questions (with dimension and element), the self-assessment, its answers (with OPD and
    who answered), their evidence, the dimensions, the reporting year, the outcome counts, the quick wins."""
    parts = list(evaluation_year.parts.all())
    questions = list(
        Question.objects.filter(part__evaluation_year=evaluation_year).select_related("dimension", "element")
    )
    assessment = (
        SelfAssessment.objects.filter(masterplan=masterplan, evaluation_year=evaluation_year)
        .select_related("submitted_by")
        .first()
    )
    answers = []
    if assessment is not None:
        assessment.evaluation_year = evaluation_year
        answers = list(
            Answer.objects.filter(assessment=assessment)
            .select_related("opd", "answered_by")
            .prefetch_related(Prefetch("evidence", queryset=AnswerEvidence.objects.order_by("pk")))
        )
        for answer in answers:
            answer.assessment = assessment
    dimensions = list(Dimension.objects.all())
    outcome, reporting_year = outcome_rows(masterplan, evaluation_year.year, dimensions)
    standing = compute_standing(
        evaluation_year=evaluation_year,
        parts=parts,
        questions=questions,
        answers=answers,
        outcome=outcome,
        quickwins=quickwin_rows(masterplan, dimensions),
        dimensions=dimensions,
        reporting_year=reporting_year,
    )
    by_question = {a.question_id: a for a in answers}
    scores = {p.part.pk: p for p in standing.parts}
    blocks = [
        PartBlock(part, [Row(q, by_question.get(q.pk)) for q in questions if q.part_id == part.pk], scores[part.pk])
        for part in parts
    ]
    from monev.sosialisasi import forum_meetings

    return {
        "assessment": assessment,
        "blocks": blocks,
        "standing": standing,
        "dimensions": dimensions,
        # evidence of the institutions at work (Output): how often the Dewan Smart City's forum met in the year
        "forum_meetings": forum_meetings(masterplan, evaluation_year.year),
    }


def results_of(masterplan, *, up_to=None):
    """The masterplan's results, oldest first, with their year, parts, scores and findings (4 queries)."""
    results = Result.objects.filter(masterplan=masterplan).select_related("evaluation_year")
    if up_to is not None:
        results = results.filter(evaluation_year__year__lte=up_to)
    return list(
        results.order_by("evaluation_year__year").prefetch_related(
            "evaluation_year__parts",
            "scores",
            Prefetch("findings__followups", queryset=FollowUp.objects.select_related("opd")),
        )
    )


def evaluation_year_for(masterplan, year):
    return EvaluationYear.objects.filter(cohort_id=masterplan.cohort_id, year=year).first()
