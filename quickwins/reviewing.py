"""How quick wins take part in the review: the section of their rows, the activity stream, the report of an
edit, and the "Quick win terpilih" column of the programme dashboard."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry
from masterplan.models import Dimension

from .models import (
    Budget,
    Partner,
    Photo,
    ProgressUpdate,
    QuickWin,
    QuickWinIndicator,
    QuickWinOwner,
    SelectionWeights,
)

SECTION = "quickwins.quickwins"


def register():
    for model in (QuickWin, QuickWinOwner, Partner, Budget, QuickWinIndicator, Photo, ProgressUpdate, SelectionWeights):
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
    registry.register_cohort_column(
        registry.CohortColumn("quickwins.chosen", gettext_lazy("Quick win terpilih"), chosen_per_dimension, order=40)
    )


def edited(*, masterplan, user, reason):
    """Report an edit of the quick wins (once per workflow, inside the caller's transaction)."""
    from review.changes import report_change

    return report_change(masterplan=masterplan, section_key=SECTION, user=user, reason=reason)


def reason(quickwin, what):
    return _("%(what)s: %(q)s.") % {"what": what, "q": str(quickwin)[:120]}


def chosen_per_dimension(masterplans):
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
