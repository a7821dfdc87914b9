"""Generic in-place editing of the plan's lists (plan/lists.py): add, edit, delete, move up/down.

Every view works without JavaScript (full pages and redirects); with htmx the edit form replaces the row
and the list is refreshed in place (hx-select of the list's id on the page the view redirects to)."""

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from masterplan.access import get_for_user, get_masterplan_for_user

from .. import services
from ..changes import undo_warning
from ..lists import KINDS, Block
from .common import page, page_key

SAFE_ID = re.compile(r"^[a-z0-9-]{1,60}$")


def _kind(key):
    kind = KINDS.get(key)
    if kind is None:
        raise Http404
    return kind


def _next(request, kind, mp):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse(kind.page, args=[mp])


def _list_id(request, kind):
    value = request.POST.get("_list") or request.GET.get("_list") or ""
    return value if SAFE_ID.match(value) else f"list-{kind.key}"


def _fixed(request, kind, prefix):
    names = [n for n in (request.POST.get("_fixed") or "").split(",") if n in kind.form._meta.fields]
    return {n: request.POST.get(f"{prefix}-{n}") for n in names}


@login_required
def item_add(request, mp, kind):
    kind = _kind(kind)
    access = get_masterplan_for_user(request, mp, write=True)
    access.require_edit(kind.model(masterplan=access.masterplan))
    list_id = _list_id(request, kind)
    next_url = _next(request, kind, mp)
    fixed = _fixed(request, kind, list_id) if request.method == "POST" else {}
    form = kind.form(request.POST or None, masterplan=access.masterplan, fixed=fixed, prefix=list_id)
    if request.method == "POST" and form.is_valid():
        services.save_form(masterplan=access.masterplan, user=request.user, form=form)
        return redirect(next_url)
    warning = undo_warning(access.masterplan, kind.sections)
    block = Block(kind, list_id, [], editable=True, fixed=fixed, form=form, next=next_url, warning=warning)
    context = {"access": access, "masterplan": access.masterplan, "block": block, "form": form}
    if request.htmx and request.method == "POST":
        response = render(request, "plan/partials/add_form.html", context)
        response["HX-Retarget"] = f"#add-{list_id}"
        response["HX-Reselect"] = f"#add-{list_id}"
        response["HX-Reswap"] = "outerHTML"
        return response
    return page(request, "plan/item_form.html", access, page_key(kind.page), list_block=block, form=form)


@login_required
def item_edit(request, mp, kind, pk):
    kind = _kind(kind)
    access = get_masterplan_for_user(request, mp, write=True)
    item = get_for_user(access, kind.model.objects.all(), pk, write=True)
    list_id = _list_id(request, kind)
    next_url = _next(request, kind, mp)
    prefix = f"edit-{kind.key}-{item.pk}"
    form = kind.form(request.POST or None, instance=item, masterplan=access.masterplan, prefix=prefix)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            item = services.save_form(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            block = Block(kind, list_id, [], editable=True, next=next_url, warning="")  # a draft again
            if request.htmx:
                return render(
                    request,
                    "plan/partials/row.html",
                    {"access": access, "masterplan": access.masterplan, "block": block, "item": item},
                )
            return redirect(next_url)
    warning = undo_warning(access.masterplan, kind.sections)
    block = Block(kind, list_id, [], editable=True, next=next_url, warning=warning)
    context = {"block": block, "form": form, "item": item, "conflict": conflict}
    if request.htmx:
        return render(request, "plan/partials/edit_form.html", {**context, "masterplan": access.masterplan})
    # `list_block`: inside a template's {% block %}, `block` is Django's block node
    return page(request, "plan/item_form.html", access, page_key(kind.page), list_block=block, **context)


@login_required
@require_POST
def item_delete(request, mp, kind, pk):
    kind = _kind(kind)
    access = get_masterplan_for_user(request, mp, write=True)
    item = get_for_user(access, kind.model.objects.all(), pk, write=True)
    services.delete_item(masterplan=access.masterplan, user=request.user, item=item)
    return redirect(_next(request, kind, mp))


@login_required
@require_POST
def item_move(request, mp, kind, pk):
    kind = _kind(kind)
    access = get_masterplan_for_user(request, mp, write=True)
    item = get_for_user(access, kind.model.objects.all(), pk, write=True)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.move_item(masterplan=access.masterplan, user=request.user, item=item, direction=direction)
    return redirect(_next(request, kind, mp))
