"""What quick wins add to shared pages: the dashboard panel, the snapshot section, metrics, book chapters.

Every function here runs a constant number of queries, whatever the number of quick wins.
"""

from django.utils.translation import gettext as _

from core.memo import memoised

from .charts import progress_chart
from .models import QuickWin
from .services import group_by_dimension, roll_up


def _groups(masterplan, queryset=None):
    quickwins = list(queryset if queryset is not None else QuickWin.objects.for_masterplan(masterplan).for_cards())
    return quickwins, group_by_dimension(masterplan.dimension_list(), quickwins)


def panel_context(masterplan, access):
    quickwins, groups = _groups(masterplan)
    return {
        "masterplan": masterplan,
        "access": access,
        "groups": groups,
        "region": roll_up(quickwins),
        "count": len(quickwins),
        "missing": [g.dimension for g in groups if not g.chosen],
    }


def serialize(masterplan):
    records = []
    for quickwin in QuickWin.objects.for_masterplan(masterplan).for_profiles():
        owner = quickwin.owner()
        records.append(
            {
                "key": f"quickwin-{quickwin.pk}",
                "label": quickwin.short_name,
                "fields": {
                    "full_name": quickwin.full_name,
                    "dimension": quickwin.dimension.key,
                    "element": quickwin.element.key if quickwin.element else "",
                    "innovation_type": quickwin.innovation_type,
                    "status": quickwin.status,
                    "progress": quickwin.progress,
                    "progress_date": quickwin.progress_date.isoformat() if quickwin.progress_date else None,
                    "chosen": quickwin.chosen,
                    "opd": owner.acronym if owner else "",
                    "owners": {str(o.year): o.opd.acronym for o in quickwin.owners.all()},
                    "problem": quickwin.problem,
                    "solution": quickwin.solution,
                    "benefits": quickwin.benefits,
                    "novelty": quickwin.novelty,
                    "location": quickwin.location,
                    "start_date": quickwin.start_date.isoformat() if quickwin.start_date else None,
                    "end_date": quickwin.end_date.isoformat() if quickwin.end_date else None,
                    "risks": quickwin.risks,
                    "partners": [f"{p.get_kind_display()}: {p.name}" for p in quickwin.partners.all()],
                    "budgets": [
                        {"year": b.year, "source": b.source, "amount": int(b.amount)} for b in quickwin.budgets.all()
                    ],
                    "indicators": [
                        {"name": i.name, "unit": i.unit, "baseline": i.baseline, "target": i.target}
                        for i in quickwin.indicators.all()
                    ],
                    "rpjmd_programs": [p.code for p in quickwin.rpjmd_programs.all()],
                    "plan_programmes": sorted(p.name for p in quickwin.plan_programmes.all()),
                },
            }
        )
    return records


# Metrics for the bimtek checklists: (done, total, detail) ---------------------------------------------


def _facts(masterplan):
    """(dimension id, chosen, short name, progress) of every quick win, in the usual order: one query for the
    three metrics (shared inside core.memo.shared_lookups(masterplan))."""
    return memoised(
        masterplan,
        "quickwins.facts",
        lambda: list(
            QuickWin.objects.for_masterplan(masterplan).values_list("dimension_id", "chosen", "short_name", "progress")
        ),
    )


def _dimension_counts(masterplan, *, chosen_only=False):
    dimensions = masterplan.dimension_list()
    have = {dimension_id for dimension_id, chosen, _n, _p in _facts(masterplan) if chosen or not chosen_only}
    missing = [d.name for d in dimensions if d.pk not in have]
    return len(dimensions) - len(missing), len(dimensions), missing


def idea_per_dimension(masterplan):
    done, total, missing = _dimension_counts(masterplan)
    detail = _("Belum ada ide quick win: %(d)s.") % {"d": ", ".join(missing)} if missing else ""
    return done, total, detail


def chosen_per_dimension(masterplan):
    done, total, missing = _dimension_counts(masterplan, chosen_only=True)
    detail = _("Belum ada quick win terpilih: %(d)s.") % {"d": ", ".join(missing)} if missing else ""
    return done, total, detail


def chosen_have_progress(masterplan):
    chosen = [(name, progress) for _d, is_chosen, name, progress in _facts(masterplan) if is_chosen]
    missing = [name for name, progress in chosen if progress is None]
    detail = _("Belum ada laporan kemajuan: %(q)s.") % {"q": ", ".join(missing)} if missing else ""
    return len(chosen) - len(missing), len(chosen), detail


# Book chapters ---------------------------------------------------------------------------------------


def book_profiles_context(masterplan):
    """The quick-win book: one full profile per chosen quick win."""
    quickwins = list(QuickWin.objects.for_masterplan(masterplan).chosen().for_profiles())
    for quickwin in quickwins:
        quickwin.chart = progress_chart(quickwin.updates.all())
    return {"masterplan": masterplan, "quickwins": quickwins}


def book_summary_context(masterplan):
    """The masterplan book and the executive summary: quick wins per dimension."""
    quickwins, groups = _groups(masterplan, QuickWin.objects.for_masterplan(masterplan).for_profiles())
    return {"masterplan": masterplan, "groups": groups, "region": roll_up(quickwins)}
