"""What quick wins add to shared pages, all registered by `register()` (called from QuickwinsConfig.ready()): the
tab, the dashboard panel, the section (snapshots, review), the checklist metrics, the book chapters, the models of
the section, the activity stream's sources and the programme dashboard's "Quick win terpilih" column.

Every function here runs a constant number of queries, whatever the number of quick wins.
"""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry
from core.memo import memoised
from masterplan.models import Dimension

from .charts import progress_chart
from .models import (
    Attachment,
    Budget,
    Partner,
    Photo,
    ProgressUpdate,
    QuickWin,
    QuickWinIndicator,
    QuickWinOwner,
    SelectionWeights,
)
from .services import SECTION, group_by_dimension, roll_up


def register():
    registry.register_tab(registry.Tab("quickwins", gettext_lazy("Quick Win"), "quickwins:catalogue", 40))
    registry.register_panel(registry.Panel("quickwins", "quickwins/panel.html", panel_context, 40, cached=True))
    registry.register_section(
        registry.Section(SECTION, gettext_lazy("Quick win"), serialize, "quickwins:catalogue", 40, group="quickwins")
    )
    for key, label, measure in [
        ("quickwins.idea_per_dimension", gettext_lazy("Ide quick win di setiap dimensi"), idea_per_dimension),
        ("quickwins.chosen_per_dimension", gettext_lazy("Quick win terpilih di setiap dimensi"), chosen_per_dimension),
        (
            "quickwins.chosen_have_progress",
            gettext_lazy("Quick win terpilih punya laporan kemajuan"),
            chosen_have_progress,
        ),
    ]:
        registry.register_metric(registry.Metric(key, label, measure, "quickwins:catalogue"))
    for book, key, title, template, context, order in [
        (
            "quickwin",
            "quickwins.profiles",
            gettext_lazy("Profil Quick Win"),
            "books/quickwins/profiles.html",
            book_profiles_context,
            10,
        ),
        (
            "masterplan",
            "quickwins.summary",
            gettext_lazy("Quick Win"),
            "books/quickwins/summary.html",
            book_summary_context,
            40,
        ),
        (
            "ringkasan",
            "quickwins.ringkasan",
            gettext_lazy("Quick Win"),
            "books/quickwins/ringkasan.html",
            book_summary_context,
            40,
        ),
    ]:
        registry.register_chapter(registry.Chapter(book, key, title, template, context, order))
    _register_review()


def _register_review():
    models = (QuickWin, QuickWinOwner, Partner, Budget, QuickWinIndicator, Photo, ProgressUpdate, SelectionWeights)
    for model in (*models, Attachment):
        registry.register_model_section(model, SECTION)
    for model in (Partner, Budget, QuickWinIndicator, ProgressUpdate):
        registry.register_masterplan_resolver(model, lambda obj: obj.quickwin.masterplan_id)
    registry.register_history(
        registry.HistorySource(
            QuickWin,
            "masterplan",
            section_key=SECTION,
            url_name="quickwins:catalogue",
            describe=lambda row: f"{row.short_name}: {row.full_name}"[:160],
        )
    )
    registry.register_history(
        registry.HistorySource(
            QuickWinOwner,
            "quickwin__masterplan",
            section_key=SECTION,
            opd_path="opd",
            url_name="quickwins:catalogue",
            select_related=("quickwin", "opd"),
            describe=lambda row: (
                f"{row.quickwin.short_name if row.quickwin else '?'}: {row.year} {row.opd.acronym if row.opd else ''}"
            ),
        )
    )
    registry.register_history(
        registry.HistorySource(
            ProgressUpdate,
            "quickwin__masterplan",
            section_key=SECTION,
            url_name="quickwins:catalogue",
            select_related=("quickwin",),
            describe=lambda row: (
                f"{row.quickwin.short_name if row.quickwin else '?'}: {row.percent}% ({row.date:%d-%m-%Y})"
            ),
        )
    )
    registry.register_history(
        registry.HistorySource(
            Photo,
            "masterplan",
            section_key=SECTION,
            url_name="quickwins:catalogue",
            select_related=("quickwin",),
            describe=lambda row: (
                _("Foto %(q)s: %(c)s")
                % {"q": row.quickwin.short_name if row.quickwin else "?", "c": row.caption or row.original_name}
            )[:160],
        )
    )
    registry.register_history(
        registry.HistorySource(
            Attachment,
            "masterplan",
            section_key=SECTION,
            url_name="quickwins:catalogue",
            describe=lambda row: _("Lampiran laporan kemajuan: %(n)s") % {"n": row.original_name},
        )
    )
    registry.register_cohort_column(
        registry.CohortColumn(
            "quickwins.chosen", gettext_lazy("Quick win terpilih"), cohort_chosen_per_dimension, order=40
        )
    )


def cohort_chosen_per_dimension(masterplans):
    """{masterplan id: "5/6"}: dimensions with at least one chosen quick win, for the whole cohort in 3 queries."""
    total = Dimension.objects.count()  # query: dimensions
    counts = dict(
        QuickWin.objects.filter(masterplan__in=masterplans.order_by().values("pk"), chosen=True)
        .order_by()
        .values("masterplan")
        .annotate(n=Count("dimension", distinct=True))
        .values_list("masterplan", "n")
    )  # query: chosen dimensions per masterplan (the cohort as a subquery)
    ids = masterplans.order_by().values_list("pk", flat=True)  # query: the cohort's ids
    return {pk: f"{counts.get(pk, 0)}/{total}" for pk in ids}


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
                    "owners": {o.year: o.opd.acronym for o in quickwin.owner_rows() if o.opd},
                    "programme": quickwin.programme.name if quickwin.programme_id else "",
                    "problem": quickwin.problem,
                    "solution": quickwin.solution,
                    "benefits": quickwin.benefits,
                    "novelty": quickwin.novelty,
                    "location": quickwin.location,
                    "years": quickwin.years_label(),
                    "start_date": quickwin.start_date.isoformat() if quickwin.start_date else None,
                    "end_date": quickwin.end_date.isoformat() if quickwin.end_date else None,
                    "risks": quickwin.risks,
                    "partners": [f"{p.get_kind_display()}: {p.name}" for p in quickwin.partners.all()],
                    "budgets": [
                        {"year": b.year, "source": b.source, "amount": int(b.amount)} for b in quickwin.budget_rows()
                    ],
                    "indicators": [
                        {"name": i.name, "unit": i.unit, "baseline": i.baseline, "target": i.target}
                        for i in quickwin.indicator_rows()
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
        quickwin.chart = progress_chart(quickwin.updates.all(), quickwin.short_name)
    return {"masterplan": masterplan, "quickwins": quickwins}


def book_summary_context(masterplan):
    """The masterplan book and the executive summary: quick wins per dimension."""
    quickwins, groups = _groups(masterplan, QuickWin.objects.for_masterplan(masterplan).for_profiles())
    return {"masterplan": masterplan, "groups": groups, "region": roll_up(quickwins)}
