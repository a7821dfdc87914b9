"""Book chapters of the plan: each context function runs a constant number of queries whatever the plan's size."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.registry import Chapter
from masterplan.models import Dimension

from . import financing, opd_summary, readiness, roadmap
from .models import (
    Application,
    CouncilMember,
    DimensionStrategy,
    Gap,
    Goal,
    Horizon,
    KeyFigure,
    LegalDocument,
    Mission,
    PlanSettings,
    Programme,
    ProgrammeIndicator,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
    Vision,
)


def _dimensions():
    return list(Dimension.objects.all())


def _programmes(masterplan):
    return list(
        Programme.objects.for_masterplan(masterplan)
        .select_related("dimension", "element", "lead_opd")
        .prefetch_related("partner_opds", "rpjmd_programs")
        .order_by("dimension__order", "order", "pk")
    )


def profile(masterplan):
    return {
        "masterplan": masterplan,
        "profile": RegionProfile.objects.filter(masterplan=masterplan).first(),
        "figures": list(KeyFigure.objects.for_masterplan(masterplan)),
    }


def readiness_context(masterplan):
    summary = readiness.summary(masterplan)
    groups = [
        (value, label, [i for i in summary["items"] if i.component == value])
        for value, label, _t in summary["components"]
    ]
    chart = readiness.chart(
        [(label, t) for _v, label, t in summary["components"]] + [(d.name, t) for d, t in summary["dimensions"]]
    )
    return {"masterplan": masterplan, "summary": summary, "groups": groups, "chart": chart}


def swot_context(masterplan):
    dimensions = _dimensions()
    entries = list(SwotEntry.objects.for_masterplan(masterplan).order_by("order", "pk"))
    strategies = list(SwotStrategy.objects.for_masterplan(masterplan).order_by("kind", "order", "pk"))
    gaps = list(Gap.objects.for_masterplan(masterplan))
    rows = []
    for d in dimensions:
        mine = [e for e in entries if e.dimension_id == d.pk]
        rows.append(
            {
                "dimension": d,
                "quadrants": [(k, label, [e for e in mine if e.kind == k]) for k, label in SwotEntry.Kind.choices],
                "strategies": [s for s in strategies if s.dimension_id == d.pk],
                "gaps": [g for g in gaps if g.dimension_id == d.pk],
            }
        )
    return {"masterplan": masterplan, "rows": rows}


def applications_context(masterplan):
    return {
        "masterplan": masterplan,
        "applications": list(
            Application.objects.for_masterplan(masterplan).select_related("opd", "dimension", "element")
        ),
    }


def institutions_context(masterplan):
    members = list(CouncilMember.objects.for_masterplan(masterplan))
    return {
        "masterplan": masterplan,
        "bodies": [(label, [m for m in members if m.body == body]) for body, label in CouncilMember.Body.choices],
        "documents": list(LegalDocument.objects.for_masterplan(masterplan)),
    }


def vision_context(masterplan):
    return {
        "masterplan": masterplan,
        "vision": Vision.objects.filter(masterplan=masterplan).first(),
        "missions": list(Mission.objects.for_masterplan(masterplan)),
    }


def strategy_context(masterplan):
    dimensions = _dimensions()
    strategies = list(
        DimensionStrategy.objects.for_masterplan(masterplan)
        .select_related("element")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("order", "pk")))
        .order_by("order", "pk")
    )
    return {
        "masterplan": masterplan,
        "rows": [(d, [s for s in strategies if s.dimension_id == d.pk]) for d in dimensions],
    }


def programmes_context(masterplan):
    programmes = _programmes(masterplan)
    totals = financing.programme_totals(masterplan)
    for p in programmes:
        p.budget_total = totals.get(p.pk, 0)
    settings = PlanSettings.for_masterplan(masterplan)
    horizons = [
        (value, label, settings.ranges()[value], [p for p in programmes if p.horizon == value])
        for value, label in Horizon.choices
    ]
    return {"masterplan": masterplan, "horizons": horizons, "dimensions": _dimensions()}


def roadmap_context(masterplan):
    dimensions = _dimensions()
    programmes = list(
        Programme.objects.for_masterplan(masterplan)
        .select_related("dimension", "lead_opd")
        .order_by("dimension__order", "order", "pk")
    )
    return {
        "masterplan": masterplan,
        "chart": roadmap.layout(masterplan, programmes, dimensions, split=True),
        "dimensions": dimensions,
        "svg_id": "book",
    }


def financing_context(masterplan):
    return {"masterplan": masterplan, "tables": financing.tables(masterplan)}


def monitoring_context(masterplan):
    indicators = list(
        ProgrammeIndicator.objects.filter(programme__masterplan=masterplan)
        .select_related("programme__dimension", "programme__lead_opd")
        .prefetch_related("targets")
        .order_by("programme__dimension__order", "programme__order", "order")
    )
    years = masterplan.years
    for indicator in indicators:
        values = {t.year: t.value for t in indicator.targets.all()}
        indicator.cells = [values.get(y, "") for y in years]
    goals = list(
        Goal.objects.filter(masterplan=masterplan)
        .select_related("strategy__dimension")
        .order_by("strategy__dimension__order", "order")
    )
    return {"masterplan": masterplan, "indicators": indicators, "years": years, "goals": goals}


def summary_direction(masterplan):
    """Vision, missions and, per dimension, its general strategy and number of goals (ringkasan 10 and 20)."""
    context = vision_context(masterplan)
    context["rows"] = [
        (
            d,
            [s for s in strategies if not s.element_id][:1] or strategies[:1],
            [g for s in strategies for g in s.goals.all()],  # the goals with their targets, not a count
        )
        for d, strategies in strategy_context(masterplan)["rows"]
    ]
    return context


def summary_programmes(masterplan):
    dimensions = _dimensions()
    programmes = list(Programme.objects.for_masterplan(masterplan).only("dimension_id", "horizon"))
    totals = {}
    for row in financing.budget_rows(masterplan):
        totals[row[2]] = totals.get(row[2], 0) + row[3]
    table = []
    for d in dimensions:
        mine = [p for p in programmes if p.dimension_id == d.pk]
        table.append(
            {
                "dimension": d,
                "cells": [sum(1 for p in mine if p.horizon == h) for h in Horizon.values],
                "total": len(mine),
                "budget": totals.get(d.pk, 0),
            }
        )
    flagships = list(
        Programme.objects.for_masterplan(masterplan)
        .filter(priority=Programme.Priority.HIGH)
        .select_related("dimension", "lead_opd")
        .order_by("dimension__order", "order")[:18]
    )
    return {
        "masterplan": masterplan,
        "table": table,
        "horizons": Horizon.choices,
        "flagships": flagships,
        "total": len(programmes),
    }


def summary_roadmap(masterplan):
    return roadmap_context(masterplan)


def summary_institutions(masterplan):
    context = institutions_context(masterplan)
    context["bodies"] = [(label, members[:6], len(members)) for label, members in context["bodies"]]
    return context


CHAPTERS = [
    Chapter("analisis", "plan-profile", _("Profil Daerah"), "books/plan/profile.html", profile, 20),
    Chapter(
        "analisis", "plan-readiness", _("Analisis Kesiapan Daerah"), "books/plan/readiness.html", readiness_context, 40
    ),
    Chapter("analisis", "plan-swot", _("Analisis SWOT dan Kesenjangan"), "books/plan/swot.html", swot_context, 50),
    Chapter(
        "analisis",
        "plan-applications",
        _("Aplikasi dan Infrastruktur Eksisting"),
        "books/plan/applications.html",
        applications_context,
        70,
    ),
    Chapter(
        "analisis",
        "plan-institutions",
        _("Kelembagaan Smart City"),
        "books/plan/institutions.html",
        institutions_context,
        80,
    ),
    Chapter(
        "masterplan", "plan-vision", _("Visi, Misi dan Arah Pembangunan"), "books/plan/vision.html", vision_context, 10
    ),
    Chapter(
        "masterplan",
        "plan-strategy",
        _("Strategi Pembangunan per Dimensi"),
        "books/plan/strategy.html",
        strategy_context,
        20,
    ),
    Chapter(
        "masterplan",
        "plan-programmes",
        _("Program dan Rencana Aksi"),
        "books/plan/programmes.html",
        programmes_context,
        30,
    ),
    Chapter("masterplan", "plan-roadmap", _("Peta Jalan"), "books/plan/roadmap.html", roadmap_context, 50),
    Chapter(
        "masterplan", "plan-institutions", _("Kelembagaan"), "books/plan/institutions.html", institutions_context, 60
    ),
    Chapter("masterplan", "plan-financing", _("Pembiayaan"), "books/plan/financing.html", financing_context, 70),
    Chapter(
        "masterplan",
        "plan-monitoring",
        _("Pemantauan dan Evaluasi"),
        "books/plan/monitoring.html",
        monitoring_context,
        80,
    ),
    Chapter(
        "ringkasan",
        "plan-vision",
        _("Visi dan Arah Pembangunan"),
        "books/plan/summary_direction.html",
        summary_direction,
        10,
    ),
    Chapter(
        "ringkasan",
        "plan-strategy",
        _("Strategi per Dimensi"),
        "books/plan/summary_strategy.html",
        summary_direction,
        20,
    ),
    Chapter(
        "ringkasan", "plan-programmes", _("Program Utama"), "books/plan/summary_programmes.html", summary_programmes, 30
    ),
    Chapter("ringkasan", "plan-roadmap", _("Peta Jalan"), "books/plan/roadmap.html", summary_roadmap, 50),
    Chapter(
        "ringkasan",
        "plan-institutions",
        _("Kelembagaan"),
        "books/plan/summary_institutions.html",
        summary_institutions,
        60,
    ),
    Chapter("ringkasan", "plan-financing", _("Pembiayaan"), "books/plan/summary_financing.html", financing_context, 70),
    Chapter(
        "ringkasan",
        "plan-opd",
        _("Ringkasan per Perangkat Daerah"),
        "books/plan/opd_summary.html",
        opd_summary.context,
        75,
    ),
    # One OPD's extract (books.rendering.opd_extract_html): the direction, then the OPD's own part.
    Chapter(
        opd_summary.EXTRACT_BOOK,
        "plan-vision",
        _("Visi dan Arah Pembangunan"),
        "books/plan/summary_direction.html",
        summary_direction,
        10,
    ),
    Chapter(
        opd_summary.EXTRACT_BOOK,
        "plan-opd",
        _("Bagian Perangkat Daerah"),
        "books/plan/opd_summary.html",
        opd_summary.context,
        20,
    ),
]
