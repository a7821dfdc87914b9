"""Pages of the masterplan's direction: vision, missions and direction; strategy and goals; horizon settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from masterplan.access import get_masterplan_for_user
from masterplan.models import Dimension

from .. import services
from ..changes import sections_of, undo_warning
from ..forms.direction import PlanSettingsForm, VisionForm
from ..lists import block, page_warning
from ..models import DimensionStrategy, Goal, Mission, PlanSettings, Vision
from .analysis import _dimension_filter
from .common import page


@login_required
def vision(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    missions = block(
        "misi",
        "list-misi",
        list(Mission.objects.for_masterplan(masterplan)),
        access=access,
        masterplan=masterplan,
        next_url=request.path,
        empty=_("Belum ada misi smart city."),
    )
    return page(
        request,
        "plan/vision.html",
        access,
        "vision",
        vision=Vision.objects.filter(masterplan=masterplan).first(),
        missions=missions,
    )


def _single_form(request, access, model, form_class, *, plan_page, title, done, redirect_to, defaults=None):
    masterplan = access.masterplan
    instance = model.objects.filter(masterplan=masterplan).first() or (defaults or model)(masterplan=masterplan)
    form = form_class(request.POST or None, instance=instance, masterplan=masterplan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_form(masterplan=masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, done)
            return redirect(redirect_to, mp=masterplan.pk)
    return page(
        request,
        "plan/section_form.html",
        access,
        plan_page,
        form=form,
        conflict=conflict,
        title=title,
        cancel=redirect_to,
        undo_warning=undo_warning(masterplan, sections_of(model)),
    )


@login_required
def vision_edit(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    return _single_form(
        request,
        access,
        Vision,
        VisionForm,
        plan_page="vision",
        title=_("Ubah visi dan arah pembangunan"),
        done=_("Visi dan arah pembangunan disimpan."),
        redirect_to="plan:vision",
    )


@login_required
def settings_edit(request, mp):
    access = get_masterplan_for_user(request, mp)
    if request.method == "POST":
        access.require(access.can_manage)
    masterplan = access.masterplan
    if not access.can_manage:
        current = PlanSettings.for_masterplan(masterplan)
        return page(request, "plan/settings.html", access, "settings", current=current, ranges=current.ranges())
    return _single_form(
        request,
        access,
        PlanSettings,
        PlanSettingsForm,
        plan_page="settings",
        title=_("Pengaturan horizon program"),
        done=_("Pengaturan horizon disimpan."),
        redirect_to="plan:settings",
        defaults=lambda masterplan: PlanSettings.defaults_for(masterplan),
    )


@login_required
def strategies(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    dimensions = list(Dimension.objects.prefetch_related("elements"))
    selected = _dimension_filter(request, dimensions) or dimensions[0]
    rows = list(
        DimensionStrategy.objects.for_masterplan(masterplan)
        .filter(dimension=selected)
        .select_related("element")
        .order_by("order", "pk")
    )
    goals = list(Goal.objects.filter(masterplan=masterplan, strategy__in=rows).order_by("order", "pk"))
    counts = set(DimensionStrategy.objects.for_masterplan(masterplan).values_list("dimension_id", flat=True).distinct())
    next_url = f"{request.path}?dimensi={selected.key}"
    warning = page_warning(access, "strategi")
    strategy_block = block(
        "strategi",
        "list-strategi",
        rows,
        access=access,
        masterplan=masterplan,
        next_url=next_url,
        fixed={"dimension": selected.pk},
        empty=_("Belum ada strategi untuk dimensi ini. Tulis strategi umum dimensi, lalu per elemen."),
        warning=warning,
    )
    goal_blocks = [
        (
            strategy,
            block(
                "sasaran",
                f"list-sasaran-{strategy.pk}",
                [g for g in goals if g.strategy_id == strategy.pk],
                access=access,
                masterplan=masterplan,
                next_url=next_url,
                fixed={"strategy": strategy.pk},
                empty=_("Belum ada sasaran dengan indikator dan target."),
                warning=warning,
            ),
        )
        for strategy in rows
    ]
    tabs = [(d, d.pk in counts) for d in dimensions]
    return page(
        request,
        "plan/strategies.html",
        access,
        "strategies",
        dimensions=tabs,
        selected=selected,
        strategy_block=strategy_block,
        goal_blocks=goal_blocks,
    )
