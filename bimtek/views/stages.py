from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masterplan.access import get_masterplan_for_user

from .. import services
from ..models import ROMAN
from ..panels import current_stage, stage_track


def stage_number(number):
    if number not in ROMAN:
        raise Http404
    return number


@login_required
def stages(request, mp):
    access = get_masterplan_for_user(request, mp)
    track = stage_track(access.masterplan)
    return render(
        request,
        "bimtek/stages.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "track": track,
            "current": current_stage(track),
            "active_tab": "bimtek",
            "can_close": access.can_manage or access.can_review,
        },
    )


@login_required
@require_POST
def stage_start(request, mp, number):
    access = get_masterplan_for_user(request, mp, manage=True)
    stage = services.start_stage(masterplan=access.masterplan, number=stage_number(number), user=request.user)
    messages.success(request, _("Bimtek %(s)s berjalan.") % {"s": stage.roman})
    return redirect("bimtek:stages", mp=mp)


@login_required
@require_POST
def stage_close(request, mp, number):
    access = get_masterplan_for_user(request, mp)
    access.require(access.can_manage or access.can_review)  # the coordinator or an expert
    snapshot = services.close_stage(masterplan=access.masterplan, number=stage_number(number), user=request.user)
    messages.success(
        request,
        _("Bimtek %(s)s ditutup; isi masterplan saat ini disimpan sebagai snapshot “%(l)s”.")
        % {"s": ROMAN[number], "l": snapshot.label},
    )
    return redirect("bimtek:stages", mp=mp)
