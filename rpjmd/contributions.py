"""Everything the RPJMD app adds to shared pages, registered with core.registry in one `register()` (called by
RpjmdConfig.ready()): the tab, the dashboard panel, the review sections and which models belong to them, the
metrics, the book chapters, the activity stream's sources and the programme dashboard's column. Every function
runs a fixed number of queries.

An RPJMD belongs to a region (not to one masterplan): the activity stream reads the region's rows (`by_region`),
and a change is reported to every masterplan building on it (rpjmd.services)."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry
from masterplan.models import Dimension

from . import coverage
from .models import RPJMD, Misi, Program
from .services import MISI, PROGRAMS


def register():
    registry.register_tab(registry.Tab("rpjmd", gettext_lazy("RPJMD"), "rpjmd:index", order=20))
    registry.register_panel(registry.Panel("rpjmd", "rpjmd/panel.html", panel_context, order=20, cached=True))
    registry.register_section(
        registry.Section(MISI, gettext_lazy("Visi dan misi RPJMD"), serialize_misi, "rpjmd:index", 20, "analysis")
    )
    registry.register_section(
        registry.Section(
            PROGRAMS, gettext_lazy("Pemetaan program RPJMD"), serialize_programs, "rpjmd:mapping", 25, "analysis"
        )
    )
    registry.register_metric(
        registry.Metric("rpjmd.imported", gettext_lazy("RPJMD sudah diimpor"), measure_imported, "rpjmd:index")
    )
    registry.register_metric(
        registry.Metric(
            "rpjmd.misi_mapped",
            gettext_lazy("Setiap misi dipetakan ke dimensi"),
            measure_misi_mapped,
            "rpjmd:visi_misi",
        )
    )
    registry.register_metric(
        registry.Metric(
            "rpjmd.all_opds_mapped",
            gettext_lazy("Setiap OPD sudah memetakan programnya"),
            measure_all_opds_mapped,
            "rpjmd:coverage",
        )
    )
    registry.register_chapter(
        registry.Chapter(
            "analisis",
            "rpjmd-visi-misi",
            gettext_lazy("Visi dan Misi RPJMD"),
            "books/rpjmd/visi_misi.html",
            chapter_visi_misi,
            order=30,
        )
    )
    registry.register_chapter(
        registry.Chapter(
            "analisis",
            "rpjmd-pemetaan",
            gettext_lazy("Pemetaan Program RPJMD ke Dimensi Smart City"),
            "books/rpjmd/pemetaan.html",
            chapter_mapping,
            order=60,
        )
    )
    registry.register_model_section(Program, PROGRAMS)
    registry.register_model_section(Misi, MISI)
    registry.register_model_section(RPJMD, MISI)  # the visi lives on the RPJMD row
    registry.register_history(
        registry.HistorySource(
            Program,
            "rpjmd__region",
            by_region=True,
            section_key=PROGRAMS,
            opd_path="opd",
            url_name="rpjmd:mapping",
            describe=lambda row: f"{row.code} {row.name}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            Misi,
            "rpjmd__region",
            by_region=True,
            section_key=MISI,
            url_name="rpjmd:visi_misi",
            describe=lambda row: f"Misi {row.number}: {row.text[:80]}",
        )
    )
    registry.register_history(
        registry.HistorySource(
            RPJMD,
            "region",
            by_region=True,
            section_key=MISI,
            url_name="rpjmd:index",
            describe=lambda row: f"RPJMD {row.start_year}–{row.end_year}",
        )
    )
    registry.register_cohort_column(
        registry.CohortColumn("rpjmd.mapped", gettext_lazy("Pemetaan RPJMD"), mapping_percentages, order=20)
    )


def panel_context(masterplan, access):
    rpjmd = coverage.rpjmd_for(masterplan)
    total, mapped = coverage.counts_for(masterplan)
    own_unmapped = None
    if rpjmd is not None and access.opd_id:
        own_unmapped = Program.objects.filter(rpjmd=rpjmd).of_opd(access.opd_id).unmapped().count()
    return {
        "rpjmd": rpjmd,
        "total": total,
        "mapped": mapped,
        "percent": round(100 * mapped / total) if total else 0,
        "own_unmapped": own_unmapped,
        "access": access,
        "masterplan": masterplan,
    }


def serialize_misi(masterplan):
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    if rpjmd is None:
        return []
    records = [{"key": "visi", "label": _("Visi"), "fields": {"visi": rpjmd.visi}}]
    for misi in Misi.objects.filter(rpjmd=rpjmd).prefetch_related("dimensions"):
        records.append(
            {
                "key": f"misi-{misi.number}",
                "label": _("Misi %(n)s") % {"n": misi.number},
                "fields": {"text": misi.text, "dimensions": [d.key for d in misi.dimensions.all()]},
            }
        )
    return records


def serialize_programs(masterplan):
    """Each programme with its mapping (no horizons: those belong to the masterplan's own programmes)."""
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    if rpjmd is None:
        return []
    programs = (
        Program.objects.filter(rpjmd=rpjmd)
        .select_related("opd", "misi", "primary_dimension", "primary_element")
        .prefetch_related("secondary_elements", "co_opds")
        .annotate(pagu=Sum("budgets__amount"))
        .order_by("order", "code")
    )
    return [
        {
            "key": p.code,
            "label": f"{p.code} {p.name}",
            "fields": {
                "name": p.name,
                "opd": p.opd.acronym if p.opd else "",
                # only for a shared programme: snapshots taken before keep comparing equal
                **({"co_opds": sorted(o.acronym for o in p.co_opds.all())} if p.co_opds.all() else {}),
                "misi": p.misi.number if p.misi else None,
                "pagu": str(Decimal(p.pagu or 0).quantize(Decimal("0.01"))),
                "primary_dimension": p.primary_dimension.key if p.primary_dimension else "",
                "primary_element": p.primary_element.key if p.primary_element else "",
                "secondary_elements": sorted(e.key for e in p.secondary_elements.all()),
                "justification": p.justification,
            },
        }
        for p in programs
    ]


def measure_imported(masterplan):
    rpjmd = coverage.rpjmd_for(masterplan)
    total, _mapped = coverage.counts_for(masterplan)
    if not total:
        return 0, 1, _("RPJMD belum diimpor.")
    return 1, 1, _("%(n)s program RPJMD %(a)s–%(b)s.") % {"n": total, "a": rpjmd.start_year, "b": rpjmd.end_year}


def measure_misi_mapped(masterplan):
    rpjmd = coverage.rpjmd_for(masterplan)
    if rpjmd is None:
        return 0, 0, _("RPJMD belum diimpor.")
    result = Misi.objects.filter(rpjmd=rpjmd).aggregate(
        total=Count("pk", distinct=True), done=Count("pk", filter=Q(dimensions__isnull=False), distinct=True)
    )
    return (
        result["done"],
        result["total"],
        _("%(d)s dari %(t)s misi dipetakan ke dimensi.")
        % {
            "d": result["done"],
            "t": result["total"],
        },
    )


def measure_all_opds_mapped(masterplan):
    rows = coverage.opd_coverage(coverage.rpjmd_for(masterplan))
    rows = [r for r in rows if r.opd_id]
    done = sum(1 for r in rows if r.unmapped == 0)
    waiting = ", ".join(r.label for r in rows if r.unmapped)[:300]
    detail = _("%(d)s dari %(t)s OPD sudah memetakan semua programnya.") % {"d": done, "t": len(rows)}
    if waiting:
        detail += " " + _("Belum selesai: %(list)s.") % {"list": waiting}
    return done, len(rows), detail


def chapter_visi_misi(masterplan):
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    misi = list(Misi.objects.filter(rpjmd=rpjmd).prefetch_related("dimensions")) if rpjmd else []
    return {"masterplan": masterplan, "rpjmd": rpjmd, "misi": misi}


def chapter_mapping(masterplan):
    rpjmd = RPJMD.objects.for_masterplan(masterplan)
    total, mapped = coverage.counts(rpjmd)
    rows = coverage.dimension_coverage(rpjmd)
    programs_chart, budget_chart = coverage.dimension_charts(rows)
    dimensions, matrix = coverage.misi_matrix(rpjmd)
    by_dimension = {}
    if rpjmd is not None:
        for program in (
            Program.objects.filter(rpjmd=rpjmd)
            .mapped()
            .select_related("opd", "primary_element")
            .prefetch_related("co_opds")
            .order_by("primary_dimension__order", "primary_element__order", "code")
        ):
            by_dimension.setdefault(program.primary_dimension_id, []).append(program)
    return {
        "masterplan": masterplan,
        "rpjmd": rpjmd,
        "total": total,
        "mapped": mapped,
        "rows": [(row, by_dimension.get(row.dimension.pk, [])) for row in rows],
        "programs_chart": programs_chart,
        "all_dimensions": Dimension.objects.all(),
        "dimensions": dimensions,
        "matrix": matrix,
        "opd_rows": coverage.opd_coverage(rpjmd),
    }


def mapping_percentages(masterplans):
    """{masterplan id: "72%"} for the cohort, in 2 queries (masterplans; RPJMDs of their regions with counts).
    The RPJMD of a masterplan is chosen as RPJMD.objects.for_masterplan does."""
    rows = list(masterplans.order_by().values_list("pk", "region_id", "cohort__year"))  # query: masterplans
    by_region = {}
    rpjmds = (
        RPJMD.objects.filter(region_id__in={region for _pk, region, _year in rows})
        .annotate(
            total=Count("programs"), mapped=Count("programs", filter=Q(programs__primary_dimension__isnull=False))
        )
        .values_list("region_id", "start_year", "end_year", "total", "mapped")
    )  # query: RPJMDs with their programme counts
    for region_id, start, end, total, mapped in rpjmds:
        by_region.setdefault(region_id, []).append((start, end, total, mapped))
    result = {}
    for pk, region_id, year in rows:
        candidates = sorted(by_region.get(region_id, []), reverse=True)  # latest start first
        chosen = next((c for c in candidates if c[0] <= year <= c[1]), candidates[0] if candidates else None)
        if chosen is None or not chosen[2]:
            result[pk] = "–"
        else:
            result[pk] = f"{round(100 * chosen[3] / chosen[2])}%"
    return result
