from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.uploads import EXTENSIONS, serve_file
from masterplan.access import get_for_user, get_masterplan_for_user

from .. import services
from ..forms import AttachmentForm, AttendeeForm, DecisionForm, FollowUpForm, SessionForm
from ..models import ROMAN, Attachment, Attendee, Decision, FollowUp, Session, Stage
from .stages import stage_number


def _child(access, model, pk):
    """A row of one of this masterplan's sessions (attendee, decision), 404 otherwise."""
    return get_object_or_404(model.objects.filter(session__masterplan=access.masterplan), pk=pk)


def _session_page(request, access, session, status=200, **forms):
    masterplan = access.masterplan
    if access.can_manage:
        forms.setdefault("attendee_form", AttendeeForm(masterplan=masterplan, prefix="attendee"))
        forms.setdefault("decision_form", DecisionForm(prefix="decision"))
        forms.setdefault("followup_form", FollowUpForm(masterplan=masterplan, prefix="followup"))
        forms.setdefault("attachment_form", AttachmentForm(prefix="attachment"))
    context = {
        "access": access,
        "masterplan": masterplan,
        "session": session,
        "attendees": session.attendees.select_related("opd"),
        "decisions": session.decisions.all(),
        "followups": session.followups.select_related("opd"),
        "attachments": session.attachments.all(),
        "invited": session.invited_opds.all(),
        "active_tab": "bimtek",
        **forms,
    }
    return render(request, "bimtek/session.html", context, status=status)


@login_required
def session(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    obj = get_for_user(access, Session.objects.select_related("stage"), pk)
    return _session_page(request, access, obj)


@login_required
def session_add(request, mp, number):
    access = get_masterplan_for_user(request, mp, manage=True)
    number = stage_number(number)
    stage = Stage.objects.filter(masterplan=access.masterplan, number=number).first()
    closed = stage if stage and stage.is_closed else None
    form = SessionForm(request.POST or None, masterplan=access.masterplan, closed_stage=closed)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.create_session(
                masterplan=access.masterplan,
                user=request.user,
                form=form,
                number=number,
                confirm_closed=form.cleaned_data.get("confirm_closed", False),
            )
        except services.StageClosedError as error:  # closed since the form was opened: ask now
            stage = closed = Stage.objects.get(masterplan=access.masterplan, number=number)
            form = SessionForm(request.POST, masterplan=access.masterplan, closed_stage=closed)
            form.is_valid()
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("Sesi “%(t)s” dicatat.") % {"t": saved.title})
            return redirect("bimtek:session", mp=mp, pk=saved.pk)
    return render(
        request,
        "bimtek/session_form.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "form": form,
            "number": number,
            "roman": ROMAN[number],
            "closed_stage": closed,
            "active_tab": "bimtek",
        },
    )


@login_required
def session_edit(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    form = SessionForm(request.POST or None, instance=obj, masterplan=access.masterplan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Sesi “%(t)s” disimpan.") % {"t": obj.title})
            return redirect("bimtek:session", mp=mp, pk=pk)
    return render(
        request,
        "bimtek/session_form.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "form": form,
            "session": obj,
            "number": obj.stage.number,
            "conflict": conflict,
            "active_tab": "bimtek",
        },
    )


@login_required
@require_POST
def session_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Session.objects.all(), pk, write=True)
    services.delete_session(masterplan=access.masterplan, user=request.user, session=obj)
    messages.success(request, _("Sesi “%(t)s” dihapus.") % {"t": obj.title})
    return redirect("bimtek:stages", mp=mp)


@login_required
@require_POST
def attendee_add(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    form = AttendeeForm(request.POST, masterplan=access.masterplan, prefix="attendee")
    if not form.is_valid():
        return _session_page(request, access, obj, status=400, attendee_form=form)
    services.add_attendee(masterplan=access.masterplan, user=request.user, session=obj, form=form)
    messages.success(request, _("%(n)s ditambahkan ke daftar hadir.") % {"n": form.instance.name})
    return redirect("bimtek:session", mp=mp, pk=pk)


@login_required
@require_POST
def attendee_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = _child(access, Attendee, pk)
    services.delete_attendee(masterplan=access.masterplan, user=request.user, attendee=obj)
    messages.success(request, _("%(n)s dihapus dari daftar hadir.") % {"n": obj.name})
    return redirect("bimtek:session", mp=mp, pk=obj.session_id)


@login_required
@require_POST
def decision_add(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    form = DecisionForm(request.POST, prefix="decision")
    if not form.is_valid():
        return _session_page(request, access, obj, status=400, decision_form=form)
    services.add_decision(masterplan=access.masterplan, user=request.user, session=obj, form=form)
    messages.success(request, _("Keputusan dicatat."))
    return redirect("bimtek:session", mp=mp, pk=pk)


@login_required
@require_POST
def decision_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = _child(access, Decision, pk)
    services.delete_decision(masterplan=access.masterplan, user=request.user, decision=obj)
    messages.success(request, _("Keputusan dihapus."))
    return redirect("bimtek:session", mp=mp, pk=obj.session_id)


@login_required
@require_POST
def followup_add(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    form = FollowUpForm(request.POST, masterplan=access.masterplan, prefix="followup")
    if not form.is_valid():
        return _session_page(request, access, obj, status=400, followup_form=form)
    services.add_followup(masterplan=access.masterplan, user=request.user, session=obj, form=form)
    messages.success(request, _("Tindak lanjut untuk %(o)s dicatat.") % {"o": form.instance.opd})
    return redirect("bimtek:session", mp=mp, pk=pk)


@login_required
def followup_edit(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, FollowUp.objects.select_related("session__stage"), pk, write=True)
    form = FollowUpForm(request.POST or None, instance=obj, masterplan=access.masterplan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_followup(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Tindak lanjut disimpan."))
            return redirect("bimtek:session", mp=mp, pk=obj.session_id)
    return render(
        request,
        "bimtek/followup_form.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "form": form,
            "followup": obj,
            "conflict": conflict,
            "active_tab": "bimtek",
        },
    )


@login_required
@require_POST
def followup_toggle(request, mp, pk):
    """Mark a follow-up done or open again: the coordinator, or a member of the OPD that owns it."""
    access = get_masterplan_for_user(request, mp, write=True)
    obj = get_for_user(access, FollowUp.objects.select_related("opd", "session__stage"), pk, write=True)
    done = request.POST.get("done") == "1"
    services.set_followup_done(masterplan=access.masterplan, user=request.user, followup=obj, done=done)
    if request.htmx:
        return render(
            request,
            "bimtek/partials/followup_row.html",
            {"f": obj, "access": access, "masterplan": access.masterplan, "next": request.POST.get("next", "")},
        )
    messages.success(request, _("Status tindak lanjut diperbarui."))
    if request.POST.get("next") == "session":
        return redirect("bimtek:session", mp=mp, pk=obj.session_id)
    return redirect("bimtek:followups", mp=mp)


@login_required
@require_POST
def followup_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, FollowUp.objects.all(), pk, write=True)
    services.delete_followup(masterplan=access.masterplan, user=request.user, followup=obj)
    messages.success(request, _("Tindak lanjut dihapus."))
    return redirect("bimtek:session", mp=mp, pk=obj.session_id)


@login_required
def followups(request, mp):
    """Follow-up actions grouped per OPD; open ones first."""
    access = get_masterplan_for_user(request, mp)
    show_all = request.GET.get("semua") == "1"
    rows = FollowUp.objects.filter(masterplan=access.masterplan).for_list()
    if not show_all:
        rows = rows.open()
    groups = {}
    for f in rows:
        groups.setdefault(f.opd, []).append(f)
    mine = access.opd_id
    ordered = sorted(groups.items(), key=lambda item: (item[0].pk != mine, item[0].acronym))
    return render(
        request,
        "bimtek/followups.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "groups": ordered,
            "show_all": show_all,
            "active_tab": "bimtek",
        },
    )


@login_required
@require_POST
def attachment_add(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Session.objects.select_related("stage"), pk, write=True)
    form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
    if not form.is_valid():
        return _session_page(request, access, obj, status=400, attachment_form=form)
    attachment = services.add_attachment(
        masterplan=access.masterplan,
        user=request.user,
        session=obj,
        uploaded=form.cleaned_data["file"],
        content_kind=form.content_kind,
        kind=form.cleaned_data["kind"],
        title=form.cleaned_data["title"],
    )
    messages.success(request, _("Lampiran %(n)s diunggah.") % {"n": attachment.original_name})
    return redirect("bimtek:session", mp=mp, pk=pk)


def _download_name(attachment):
    name = attachment.original_name.rsplit(".", 1)[0] or "lampiran"
    return f"{name}{EXTENSIONS.get(attachment.content_kind, '')}"


@login_required
def attachment_download(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    attachment = get_for_user(access, Attachment.objects.all(), pk)
    return serve_file(attachment.file, _download_name(attachment))


@login_required
def attachment_thumbnail(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    attachment = get_for_user(access, Attachment.objects.all(), pk)
    return serve_file(attachment.thumbnail, f"pratinjau-{attachment.pk}.jpg", inline=True)


@login_required
@require_POST
def attachment_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    attachment = get_for_user(access, Attachment.objects.all(), pk, write=True)
    services.delete_attachment(masterplan=access.masterplan, user=request.user, attachment=attachment)
    messages.success(request, _("Lampiran %(n)s dihapus.") % {"n": attachment.original_name})
    return redirect("bimtek:session", mp=mp, pk=attachment.session_id)
