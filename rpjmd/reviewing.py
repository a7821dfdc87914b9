"""How the RPJMD takes part in the review: sections of its rows, the activity stream, the report of an edit,
and the "Pemetaan RPJMD" column of the programme dashboard.

An RPJMD belongs to a region (not to one masterplan), so an edit is reported for the masterplan the user is
working in (the view knows it), and the activity stream reads the region's rows (`by_region`)."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import registry

from .models import RPJMD, Misi, Program

PROGRAMS = "rpjmd.programs"
MISI = "rpjmd.misi"


def register():
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


def edited(*, masterplan, section_key, user, reason):
    """Report an edit of the RPJMD (once per workflow, inside the caller's transaction)."""
    from review.changes import report_change

    return report_change(masterplan=masterplan, section_key=section_key, user=user, reason=reason)


def program_reason(program, *, count=None):
    if count is not None:
        return _("Pemetaan %(n)s program RPJMD diubah sekaligus.") % {"n": count}
    return _("Pemetaan program %(program)s diubah.") % {"program": f"{program.code} {program.name}"[:150]}


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
