"""Pages of the strategic analysis: overview, profile, readiness, SWOT, applications, institutions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from masterplan.access import get_masterplan_for_user
from masterplan.models import Dimension

from .. import consistency, readiness, services
from ..changes import sections_of, undo_warning
from ..forms.analysis import RegionProfileForm
from ..lists import block, page_warning
from ..models import (
    Application,
    Component,
    CouncilMember,
    Gap,
    KeyFigure,
    LegalDocument,
    ReadinessItem,
    RegionProfile,
    SwotEntry,
    SwotStrategy,
)
from ..models.analysis import COMPONENT_HELP
from ..panels import overview_counts
from .common import page


@login_required
def overview(request, mp):
    access = get_masterplan_for_user(request, mp)
    findings = consistency.check(access.masterplan)
    return page(
        request,
        "plan/overview.html",
        access,
        "overview",
        counts=overview_counts(access.masterplan),
        findings=findings[:8],
        finding_count=len(findings),
    )


@login_required
def profile(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    profile_row = RegionProfile.objects.filter(masterplan=masterplan).first()
    figures = block(
        "angka",
        "list-angka",
        list(KeyFigure.objects.for_masterplan(masterplan)),
        access=access,
        masterplan=masterplan,
        next_url=request.path,
        empty=_("Belum ada angka kunci (misalnya PDRB, IPM, akses internet) beserta sumber dan tahunnya."),
    )
    return page(request, "plan/profile.html", access, "profile", profile=profile_row, figures=figures)


@login_required
def profile_edit(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    instance = RegionProfile.objects.filter(masterplan=masterplan).first() or RegionProfile(masterplan=masterplan)
    form = RegionProfileForm(request.POST or None, instance=instance, masterplan=masterplan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_form(masterplan=masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Profil daerah disimpan."))
            return redirect("plan:profile", mp=mp)
    return page(
        request,
        "plan/section_form.html",
        access,
        "profile",
        form=form,
        conflict=conflict,
        title=_("Ubah profil daerah"),
        cancel="plan:profile",
        undo_warning=undo_warning(masterplan, sections_of(RegionProfile)),
    )


@login_required
def readiness_page(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    items = list(ReadinessItem.objects.for_masterplan(masterplan).select_related("dimension").order_by("order", "pk"))
    summary = readiness.summary(masterplan, items)
    warning = page_warning(access, "kesiapan")
    blocks = []
    for value, label in Component.choices:
        blocks.append(
            block(
                "kesiapan",
                f"list-kesiapan-{value}",
                [i for i in items if i.component == value],
                access=access,
                masterplan=masterplan,
                next_url=request.path,
                fixed={"component": value},
                title=f"{label} · {COMPONENT_HELP[value]}",
                warning=warning,
            )
        )
    chart = readiness.chart(
        [(label, tally) for _v, label, tally in summary["components"]] + [(d.name, t) for d, t in summary["dimensions"]]
    )
    return page(request, "plan/readiness.html", access, "readiness", summary=summary, blocks=blocks, chart=chart)


def _dimension_filter(request, dimensions):
    key = request.GET.get("dimensi")
    return next((d for d in dimensions if d.key == key), None)


@login_required
def swot(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    dimensions = list(Dimension.objects.all())
    selected = _dimension_filter(request, dimensions) or dimensions[0]
    entries = list(SwotEntry.objects.for_masterplan(masterplan).filter(dimension=selected).order_by("order", "pk"))
    strategies = list(
        SwotStrategy.objects.for_masterplan(masterplan)
        .filter(dimension=selected)
        .prefetch_related("entries")
        .order_by("order", "pk")
    )
    gaps = list(Gap.objects.for_masterplan(masterplan).filter(dimension=selected))
    counts = {}
    for dimension_id, kind in SwotEntry.objects.for_masterplan(masterplan).values_list("dimension_id", "kind"):
        counts.setdefault(dimension_id, set()).add(kind)
    next_url = f"{request.path}?dimensi={selected.key}"
    warning = page_warning(access, "swot")
    quadrants = [
        block(
            "swot",
            f"list-swot-{kind.lower()}",
            [e for e in entries if e.kind == kind],
            access=access,
            masterplan=masterplan,
            next_url=next_url,
            fixed={"dimension": selected.pk, "kind": kind},
            title=label,
            warning=warning,
        )
        for kind, label in SwotEntry.Kind.choices
    ]
    strategy_block = block(
        "strategi-swot",
        "list-strategi-swot",
        strategies,
        access=access,
        masterplan=masterplan,
        next_url=next_url,
        fixed={"dimension": selected.pk},
        empty=_("Belum ada strategi. Rumuskan strategi SO, WO, ST, WT dari butir SWOT di atas."),
        warning=warning,
    )
    gap_block = block(
        "kesenjangan",
        "list-kesenjangan",
        gaps,
        access=access,
        masterplan=masterplan,
        next_url=next_url,
        fixed={"dimension": selected.pk},
        empty=_("Belum ada kesenjangan."),
        warning=warning,
    )
    tabs = [(d, len(counts.get(d.pk, ())) == 4) for d in dimensions]
    return page(
        request,
        "plan/swot.html",
        access,
        "swot",
        dimensions=tabs,
        selected=selected,
        quadrants=quadrants,
        strategy_block=strategy_block,
        gap_block=gap_block,
    )


@login_required
def applications(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    items = list(
        Application.objects.for_masterplan(masterplan)
        .select_related("opd", "dimension", "element")
        .order_by("order", "pk")
    )
    apps = block(
        "aplikasi",
        "list-aplikasi",
        items,
        access=access,
        masterplan=masterplan,
        next_url=request.path,
        empty=_("Belum ada aplikasi. Catat aplikasi yang sudah berjalan, misalnya E-Sakip dan E-Kinerja."),
    )
    return page(request, "plan/applications.html", access, "applications", apps=apps)


@login_required
def institutions(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    members = list(CouncilMember.objects.for_masterplan(masterplan).order_by("order", "pk"))
    documents = list(LegalDocument.objects.for_masterplan(masterplan).order_by("order", "pk"))
    warning = page_warning(access, "anggota")
    blocks = [
        block(
            "anggota",
            f"list-anggota-{body}",
            [m for m in members if m.body == body],
            access=access,
            masterplan=masterplan,
            next_url=request.path,
            fixed={"body": body},
            title=label,
            warning=warning,
        )
        for body, label in CouncilMember.Body.choices
    ]
    docs = block(
        "dokumen",
        "list-dokumen",
        documents,
        access=access,
        masterplan=masterplan,
        next_url=request.path,
        empty=_("Belum ada dokumen. Catat SK Dewan dan Tim Pelaksana, MoU dengan Kominfo, Perda dan Perbup/Perwali."),
        warning=warning,
    )
    return page(request, "plan/institutions.html", access, "institutions", blocks=blocks, docs=docs)
