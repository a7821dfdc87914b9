"""The dashboard panel and the overview's counts (constant number of queries)."""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from . import consistency
from .metrics import programme_figures
from .models import (
    Application,
    BudgetLine,
    CouncilMember,
    DimensionStrategy,
    Programme,
    ReadinessItem,
    SwotEntry,
)


def dashboard_context(masterplan, access):
    figures = programme_figures(masterplan)  # shared with the checklist metrics on the dashboard
    return {
        "mp": masterplan.pk,
        "programmes": figures["total"],
        "dimensions": figures["dimensions"],
        "budget": figures["budget"] or 0,
        "findings": len(consistency.check(masterplan)) if figures["total"] else 0,
    }


def overview_counts(masterplan):
    def count(model):
        return model.objects.filter(masterplan=masterplan).count()

    programmes = Programme.objects.for_masterplan(masterplan).aggregate(
        n=Count("pk"), d=Count("dimension", distinct=True)
    )
    budget = BudgetLine.objects.filter(programme__masterplan=masterplan).aggregate(s=Sum("amount"))["s"] or 0
    swot_dims = SwotEntry.objects.filter(masterplan=masterplan).values("dimension").distinct().count()
    strategy_dims = DimensionStrategy.objects.filter(masterplan=masterplan).values("dimension").distinct().count()
    from core.templatetags.rancang import rupiah

    return [
        {"label": _("Butir kesiapan"), "value": count(ReadinessItem), "url": "plan:readiness"},
        {"label": _("SWOT"), "value": _("%(n)s dari 6 dimensi") % {"n": swot_dims}, "url": "plan:swot"},
        {"label": _("Aplikasi eksisting"), "value": count(Application), "url": "plan:applications"},
        {"label": _("Anggota lembaga"), "value": count(CouncilMember), "url": "plan:institutions"},
        {"label": _("Strategi"), "value": _("%(n)s dari 6 dimensi") % {"n": strategy_dims}, "url": "plan:strategies"},
        {
            "label": _("Program"),
            "value": programmes["n"],
            "note": _("di %(d)s dari 6 dimensi") % {"d": programmes["d"]},
            "url": "plan:programmes",
        },
        {"label": _("Total anggaran"), "value": rupiah(budget), "url": "plan:financing"},
    ]
