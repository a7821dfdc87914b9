"""What the answers imply: the score of each part, of each dimension, and the index, before the ministry's letter.

Every number comes from the evaluation year (its scale and the parts' weights, set by the programme admin):
- a questionnaire part scores the weighted mean of its questions' answers; a question not answered yet counts
  as the scale's lowest value (what an assessor gives to a question without an answer);
- Outcome is computed from the implementation reports of the same year: per dimension the share of the
  masterplan's programmes of that year that are running or done ("Smart Economy: 10 dari 12 program berjalan,
  83,33 %"), the part's score is the share of all programmes, mapped onto the scale;
- Quick Win is the mean progress of the chosen quick wins (none reported counts as 0 %), mapped onto the scale;
- the index is the parts' weighted mean (a part without anything to score is left out and said so), and a
  dimension's score the weighted mean of the parts' scores for that dimension.

Read in a constant number of queries (`load_standing`): the parts, the questions, the answers, the outcome
counts and the quick wins' progress, one each.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, Value
from django.db.models.functions import Coalesce

from masterplan.models import Dimension

from ..models import ReportingYear, Status
from .models import PartSource

COUNTED_STATUSES = (Status.RUNNING, Status.DONE)  # what "berjalan" counts in the outcome
TWO = Decimal("0.01")


def q2(value):
    return None if value is None else Decimal(value).quantize(TWO, rounding=ROUND_HALF_UP)


@dataclass
class OutcomeRow:
    dimension: object
    running: int
    total: int

    @property
    def share(self):
        """Percent with two decimals (83,33), None without programmes."""
        return q2(Decimal(100) * self.running / self.total) if self.total else None


@dataclass
class QuickWinRow:
    dimension: object
    count: int
    progress: Decimal  # mean percent


@dataclass
class PartScore:
    part: object
    score: Decimal | None = None
    answered: int = 0
    total: int = 0
    by_dimension: dict = field(default_factory=dict)  # {dimension id: Decimal}

    @property
    def weight(self):
        return self.part.weight


@dataclass
class Standing:
    evaluation_year: object
    parts: list
    dimensions: list  # [(dimension, score or None)]
    outcome: list  # [OutcomeRow]
    quickwins: list  # [QuickWinRow]
    reporting_year: object = None

    @property
    def index(self):
        scored = [p for p in self.parts if p.score is not None and p.weight > 0]
        weight = sum((p.weight for p in scored), Decimal(0))
        if not weight:
            return None
        return q2(sum((p.score * p.weight for p in scored), Decimal(0)) / weight)

    @property
    def left_out(self):
        return [p.part for p in self.parts if p.score is None and p.weight > 0]

    @property
    def answered(self):
        return sum(p.answered for p in self.parts)

    @property
    def questions(self):
        return sum(p.total for p in self.parts)

    @property
    def outcome_total(self):
        running = sum(r.running for r in self.outcome)
        total = sum(r.total for r in self.outcome)
        return OutcomeRow(None, running, total)


def _on_scale(evaluation_year, fraction):
    low, high = evaluation_year.scale_min, evaluation_year.scale_max
    return low + (high - low) * Decimal(fraction)


def outcome_rows(masterplan, year, dimensions):
    """Per dimension: the masterplan's programmes of `year` and how many of them run (one query)."""
    from plan.models import Programme

    from ..items import _active_in

    reporting_year = ReportingYear.objects.filter(masterplan=masterplan, year=year).first()
    programmes = Programme.objects.for_masterplan(masterplan)
    if reporting_year is not None:
        programmes = programmes.filter(_active_in(year, reporting_year))
        running = Count(
            "monev_reports",
            filter=Q(monev_reports__reporting_year=reporting_year, monev_reports__status__in=COUNTED_STATUSES),
        )
    else:
        programmes = programmes.filter(
            (Q(start_year__isnull=True) | Q(start_year__lte=year)) & (Q(end_year__isnull=True) | Q(end_year__gte=year))
        )
        running = Value(0)
    counts = {
        row["dimension_id"]: row
        for row in programmes.order_by()
        .values("dimension_id")
        .annotate(total=Count("pk", distinct=True), running=running)
    }
    rows = [OutcomeRow(d, counts[d.pk]["running"], counts[d.pk]["total"]) for d in dimensions if d.pk in counts]
    return rows, reporting_year


def quickwin_rows(masterplan, dimensions):
    from quickwins.models import QuickWin

    counts = {
        row["dimension_id"]: row
        for row in QuickWin.objects.for_masterplan(masterplan)
        .chosen()
        .order_by()
        .values("dimension_id")
        .annotate(n=Count("pk"), progress=Avg(Coalesce("progress", 0)))
    }
    return [QuickWinRow(d, counts[d.pk]["n"], q2(counts[d.pk]["progress"])) for d in dimensions if d.pk in counts]


def standing(*, evaluation_year, parts, questions, answers, outcome, quickwins, dimensions, reporting_year=None):
    """The scores these answers imply (pure: everything is passed in)."""
    scores = {a.question_id: a.score for a in answers if a.score is not None}
    low = evaluation_year.scale_min
    result = []
    for part in parts:
        entry = PartScore(part)
        if part.source == PartSource.QUESTIONS:
            own = [q for q in questions if q.part_id == part.pk]
            entry.total = len(own)
            entry.answered = sum(1 for q in own if q.pk in scores)
            weight = sum((q.weight for q in own), Decimal(0))
            if own and weight:
                entry.score = q2(sum((scores.get(q.pk, low) * q.weight for q in own), Decimal(0)) / weight)
            by_dim = {}
            for q in own:
                if q.dimension_id:
                    by_dim.setdefault(q.dimension_id, []).append(q)
            for dim_id, qs in by_dim.items():
                w = sum((q.weight for q in qs), Decimal(0))
                if w:
                    entry.by_dimension[dim_id] = q2(sum((scores.get(q.pk, low) * q.weight for q in qs), Decimal(0)) / w)
        elif part.source == PartSource.OUTCOME:
            running = sum(r.running for r in outcome)
            total = sum(r.total for r in outcome)
            if total:
                entry.score = q2(_on_scale(evaluation_year, Decimal(running) / total))
            entry.by_dimension = {
                r.dimension.pk: q2(_on_scale(evaluation_year, Decimal(r.running) / r.total)) for r in outcome if r.total
            }
        else:
            count = sum(r.count for r in quickwins)
            if count:
                mean = sum((r.progress * r.count for r in quickwins), Decimal(0)) / count
                entry.score = q2(_on_scale(evaluation_year, mean / 100))
            entry.by_dimension = {r.dimension.pk: q2(_on_scale(evaluation_year, r.progress / 100)) for r in quickwins}
        result.append(entry)
    per_dimension = []
    for dimension in dimensions:
        pairs = [(p.by_dimension[dimension.pk], p.weight) for p in result if dimension.pk in p.by_dimension]
        weight = sum((w for _s, w in pairs), Decimal(0))
        per_dimension.append((dimension, q2(sum((s * w for s, w in pairs), Decimal(0)) / weight) if weight else None))
    return Standing(evaluation_year, result, per_dimension, outcome, quickwins, reporting_year)


def load_standing(masterplan, evaluation_year, *, assessment=None, parts=None, questions=None, answers=None):
    """The standing of a masterplan in an evaluation year, reading what the caller did not pass."""
    from .models import Answer, Question

    dimensions = list(Dimension.objects.all())
    if parts is None:
        parts = list(evaluation_year.parts.all())
    if questions is None:
        questions = list(Question.objects.filter(part__evaluation_year=evaluation_year))
    if answers is None:
        answers = list(Answer.objects.filter(assessment=assessment)) if assessment is not None else []
    outcome, reporting_year = outcome_rows(masterplan, evaluation_year.year, dimensions)
    return standing(
        evaluation_year=evaluation_year,
        parts=parts,
        questions=questions,
        answers=answers,
        outcome=outcome,
        quickwins=quickwin_rows(masterplan, dimensions),
        dimensions=dimensions,
        reporting_year=reporting_year,
    )
