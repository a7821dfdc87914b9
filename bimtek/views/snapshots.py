from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core import registry
from masterplan.access import get_for_user, get_masterplan_for_user

from .. import snapshots as snapshot_diff
from ..forms import CompareForm
from ..models import Snapshot


@login_required
def snapshots(request, mp):
    access = get_masterplan_for_user(request, mp)
    rows = list(Snapshot.objects.filter(masterplan=access.masterplan).for_list())
    form = CompareForm(snapshots=rows, initial=_default_pair(rows))
    return render(
        request,
        "bimtek/snapshots.html",
        {"access": access, "masterplan": access.masterplan, "snapshots": rows, "form": form, "active_tab": "bimtek"},
    )


def _default_pair(rows):
    """The two latest snapshots (oldest first), or the latest and today."""
    if len(rows) >= 2:
        return {"a": str(rows[1].pk), "b": str(rows[0].pk)}
    if rows:
        return {"a": str(rows[0].pk), "b": "today"}
    return {}


@login_required
def snapshot(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    obj = get_for_user(access, Snapshot.objects.select_related("stage"), pk)
    order = {s.key: i for i, s in enumerate(registry.sections())}  # JSONB does not keep key order
    keys = sorted(obj.data, key=lambda k: (order.get(k, len(order)), k))
    current = {s.key: str(s.label) for s in registry.sections()}  # in the reader's language, not the frozen one
    sections = [(key, current.get(key) or _(obj.sections.get(key, key)), obj.data[key]) for key in keys]
    return render(
        request,
        "bimtek/snapshot.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "snapshot": obj,
            "sections": sections,
            "active_tab": "bimtek",
        },
    )


@login_required
def snapshot_compare(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    rows = list(Snapshot.objects.filter(masterplan=masterplan).for_list())
    form = CompareForm(request.GET or None, snapshots=rows, initial=_default_pair(rows))
    sides = result = None
    if form.is_valid():
        sides = [_side(access, form.cleaned_data[name]) for name in ("a", "b")]
        (_la, old_labels, old_data), (_lb, new_labels, new_data) = sides
        result = snapshot_diff.diff(old_labels, old_data, new_labels, new_data)
    return render(
        request,
        "bimtek/compare.html",
        {
            "access": access,
            "masterplan": masterplan,
            "form": form,
            "sides": sides,
            "result": result,
            # changed sections first (in the registry's order), the unchanged ones folded below them
            "changed": [s for s in result if s.has_changes] if result else [],
            "unchanged": [s for s in result if not s.has_changes] if result else [],
            "active_tab": "bimtek",
        },
        status=200 if form.is_valid() or not form.is_bound else 400,
    )


def _side(access, choice):
    """(title, section labels, data) of a snapshot id or 'today'."""
    if choice == "today":
        labels, data = snapshot_diff.freeze(access.masterplan)
        return (_("Hari ini (%(date)s)") % {"date": f"{timezone.localdate():%d-%m-%Y}"}, labels, data)
    obj = get_for_user(access, Snapshot.objects.select_related("stage"), choice)
    return (obj.display_label, obj.sections, obj.data)
