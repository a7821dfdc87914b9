"""What the monitoring book (key `monev`) and the programme dashboard read of the evaluation."""

from decimal import Decimal

from masterplan.models import Dimension

from .charts import result_charts
from .models import FindingKind, Result
from .pages import evaluation_year_for, load_evaluation, results_of


def book_context(masterplan, year) -> dict:
    """For the chapter `templates/books/monev/evaluation.html`: the self-assessment of `year` (its parts, the
    outcome shares per dimension, the quick wins, the index the answers imply), the ministry's result of the year
    with its Kekuatan, Kelemahan and Rekomendasi and their follow-ups, and the year-on-year charts as SVG."""
    evaluation_year = evaluation_year_for(masterplan, year)
    context = {"evaluation_year": evaluation_year, "year": year, "masterplan": masterplan}
    if evaluation_year is not None:
        page = load_evaluation(masterplan, evaluation_year)
        context.update(
            assessment=page["assessment"],
            standing=page["standing"],
            outcome=page["standing"].outcome,
            outcome_total=page["standing"].outcome_total,
            forum_meetings=page["forum_meetings"],
        )
        dimensions = page["dimensions"]
    else:
        from monev.sosialisasi import forum_meetings

        context.update(
            assessment=None,
            standing=None,
            outcome=[],
            outcome_total=None,
            forum_meetings=forum_meetings(masterplan, year),
        )
        dimensions = list(Dimension.objects.all())
    results = results_of(masterplan, up_to=year)
    result = next((r for r in results if r.evaluation_year.year == year), None)
    previous = [r for r in results if r.evaluation_year.year < year]
    context["result"] = result
    if result is not None:
        findings = list(result.findings.all())
        parts = {p.pk: p for p in result.evaluation_year.parts.all()}
        dims = {d.pk: d for d in dimensions}
        context.update(
            change=(result.index - previous[-1].index) if previous else None,
            part_scores=[(parts[s.part_id], s.score) for s in result.scores.all() if s.part_id in parts],
            dimension_scores=sorted(
                ((dims[s.dimension_id], s.score) for s in result.scores.all() if s.dimension_id in dims),
                key=lambda pair: pair[0].order,
            ),
            strengths=[f for f in findings if f.kind == FindingKind.STRENGTH],
            weaknesses=[f for f in findings if f.kind == FindingKind.WEAKNESS],
            recommendations=[f for f in findings if f.kind == FindingKind.RECOMMENDATION],
        )
    context["charts"] = result_charts(results, dimensions, region=masterplan.region.name) if results else None
    return context


def latest_index(masterplans) -> dict:
    """{masterplan id: the index of its latest result letter} in one query (masterplans without one are absent)."""
    rows = (
        Result.objects.filter(masterplan__in=masterplans)
        .order_by("masterplan_id", "-evaluation_year__year")
        .values_list("masterplan_id", "index")
    )
    latest: dict[int, Decimal] = {}
    for masterplan_id, index in rows:
        latest.setdefault(masterplan_id, index)
    return latest
