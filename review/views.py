"""The review page of a masterplan: section states with their buttons, and every comment, filtered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.params import page_number, parse_id
from masterplan.access import get_for_user, get_masterplan_for_user
from masterplan.models import OPD

from . import services
from .comments import CommentForm, can_resolve, comment_add, comment_set_resolved, resolve_target
from .models import Comment, State
from .sections import empty_sections, review_sections, section_keys
from .templatetags.review import thread_context


def _rows(access):
    states = services.section_states(access.masterplan)
    empty = empty_sections(access.masterplan, {key: review.version for key, review in states.items()})
    rows = []
    for section in review_sections():
        review = states.get(section.key)
        state = review.state if review else State.DRAFT
        rows.append(
            {
                "section": section,
                "review": review,
                "state": state,
                "state_label": State(state).label,
                "version": review.version if review else 0,
                "actions": services.allowed_actions(access, state),
                "url": section.url(access.masterplan),
                "empty": section.key in empty,
            }
        )
    return rows


@login_required
def review_page(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    status = request.GET.get("status", "open")
    section_key = request.GET.get("section", "")
    opd_id = request.GET.get("opd", "")
    comments = Comment.objects.filter(masterplan=masterplan, parent__isnull=True)
    if status == "open":
        comments = comments.open()
    elif status == "resolved":
        comments = comments.filter(resolved_at__isnull=False)
    if section_key in section_keys():
        comments = comments.filter(section_key=section_key)
    else:
        section_key = ""
    opds = list(OPD.objects.for_masterplan(masterplan))
    if parse_id(opd_id) in {o.pk for o in opds}:
        comments = comments.filter(opd_id=parse_id(opd_id))
    else:
        opd_id = ""
    page = Paginator(comments.threads().order_by("-created_at"), 30).get_page(page_number(request))
    rows = _rows(access)
    approved = sum(1 for r in rows if r["state"] == State.APPROVED)
    return render(
        request,
        "review/page.html",
        {
            "access": access,
            "masterplan": masterplan,
            "active_tab": "review",
            "rows": rows,
            "approved": approved,
            "page": page,
            "filters": {"status": status, "section": section_key, "opd": opd_id},
            "sections": review_sections(),
            "opds": opds,
            "can_resolve_all": access.can_review or access.can_manage,
        },
    )


@login_required
@require_POST
def section_transition(request, mp, key, action):
    access = get_masterplan_for_user(request, mp)
    if key not in section_keys() or action not in services.TRANSITIONS:
        raise Http404
    version = request.POST.get("version", "")
    try:
        services.transition(
            access=access,
            section_key=key,
            action=action,
            expected_version=parse_id(version),  # "²".isdigit() is True, int("²") a ValueError
            note=request.POST.get("note", "")[:2000],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Status review bagian diperbarui."))
    return redirect("review:page", mp=mp)


def _next_url(request, fallback):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return fallback


@login_required
@require_POST
def comment_add_view(request, mp):
    """Add a comment on an item (target "app.model:pk"), a section (section) or reply to one (parent)."""
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    target, section_key, parent = None, request.POST.get("section", ""), None
    if request.POST.get("parent"):
        if parse_id(request.POST["parent"]) is None:  # "parent=abc" is a comment that does not exist, not a 500
            raise Http404
        parent = get_for_user(access, Comment.objects.all(), request.POST["parent"])
    elif request.POST.get("target"):
        target = resolve_target(access, request.POST["target"])
    elif section_key not in section_keys():
        raise Http404
    access.require(access.can_comment)
    form = CommentForm(request.POST, masterplan=masterplan)
    if form.is_valid():
        comment_add(
            access=access,
            body=form.cleaned_data["body"],
            mentioned=form.cleaned_data["mentioned_users"],
            obj=target,
            section_key=section_key if target is None else "",
            parent=parent,
        )
        form = CommentForm(masterplan=masterplan)
        if not request.htmx:
            messages.success(request, _("Komentar disimpan."))
            return redirect(_next_url(request, reverse("review:page", args=[masterplan.pk])))
    elif not request.htmx:
        messages.error(request, _("Komentar belum disimpan: %(e)s") % {"e": " ".join(_form_errors(form))})
        return redirect(_next_url(request, reverse("review:page", args=[masterplan.pk])))
    anchor = parent.parent or parent if parent else None
    context = thread_context(
        request,
        access,
        obj=target if anchor is None else anchor.target,
        section_key=(anchor.section_key if anchor else section_key) if (target is None) else "",
        form=form,
        next_url=request.POST.get("next", ""),
    )
    return render(request, "review/partials/thread.html", context)


def _form_errors(form):
    return [str(e) for errors in form.errors.values() for e in errors]


@login_required
@require_POST
def comment_resolve(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    comment = get_for_user(access, Comment.objects.all(), pk)
    access.require(can_resolve(access, comment))
    resolved = request.POST.get("resolved", "1") == "1"
    comment_set_resolved(access=access, comment=comment, resolved=resolved)
    messages.success(request, _("Komentar ditandai selesai.") if resolved else _("Komentar dibuka kembali."))
    return redirect(_next_url(request, reverse("review:page", args=[access.masterplan.pk])))
