from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.forms import AccountCreationForm
from core import registry
from core.concurrency import EditConflict
from core.fragments import render_panels
from core.params import page_number
from core.uploads import serve_file

from . import services
from .access import get_for_user, get_masterplan_for_user
from .forms import InviteForm, MasterplanCreateForm, MasterplanFilterForm, MasterplanForm, MembershipForm, OPDForm
from .models import OPD, Invitation, Masterplan, Membership


@login_required
def home(request):
    masterplans = Masterplan.objects.visible_to(request.user).for_cards()
    filter_form = None
    if request.user.is_programme_admin:
        filter_form = MasterplanFilterForm(request.GET or None)
        masterplans = filter_form.apply(masterplans)
    page = Paginator(masterplans, 24).get_page(page_number(request))
    panels = [(panel, panel.context(request)) for panel in registry.home_panels()]
    return render(request, "masterplan/home.html", {"page": page, "filter_form": filter_form, "home_panels": panels})


@login_required
def masterplan_create(request):
    if not request.user.is_programme_admin:
        raise PermissionDenied
    form = MasterplanCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        masterplan, _created = services.masterplan_create(
            region=form.region,
            cohort_year=data["cohort_year"],
            start_year=data["start_year"],
            end_year=data["end_year"],
            coordinator_email=data["coordinator_email"],
            invited_by=request.user,
            site_url=settings.SITE_URL,
        )
        messages.success(request, _("Masterplan %(mp)s dibuat.") % {"mp": masterplan})
        return redirect("masterplan:dashboard", mp=masterplan.pk)
    return render(request, "masterplan/masterplan_create.html", {"form": form})


@login_required
def dashboard(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    members = Membership.objects.filter(masterplan=masterplan).select_related("user", "opd")
    opds = list(OPD.objects.for_masterplan(masterplan))
    panels = render_panels(request, access)  # HTML of the cards, cached ones by content version (core.fragments)
    return render(
        request,
        "masterplan/dashboard.html",
        {"access": access, "masterplan": masterplan, "members": members, "opds": opds, "panels": panels},
    )


@login_required
def masterplan_edit(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    form = MasterplanForm(request.POST or None, request.FILES or None, instance=masterplan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_masterplan(form=form, user=request.user)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Data masterplan disimpan."))
            return redirect("masterplan:dashboard", mp=mp)
    return render(
        request,
        "masterplan/masterplan_form.html",
        {
            "access": access,
            "masterplan": masterplan,
            "form": form,
            "conflict": conflict,
            "warn": services.books_undo_warning(masterplan),
        },
    )


@login_required
def logo(request, mp):
    access = get_masterplan_for_user(request, mp)
    return serve_file(access.masterplan.logo, f"logo-{access.masterplan.region.code}.png", inline=True)


@login_required
def members(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    memberships = Membership.objects.filter(masterplan=masterplan).select_related("user", "opd")
    invitations = (
        Invitation.objects.pending().filter(masterplan=masterplan).select_related("opd") if access.can_manage else []
    )
    form = InviteForm(masterplan=masterplan) if access.can_manage else None
    return render(
        request,
        "masterplan/members.html",
        {
            "access": access,
            "masterplan": masterplan,
            "memberships": memberships,
            "invitations": invitations,
            "form": form,
        },
    )


@login_required
@require_POST
def member_invite(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    form = InviteForm(request.POST, masterplan=masterplan)
    if form.is_valid():
        result = services.invite_member(
            masterplan=masterplan,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            opd=form.cleaned_data["opd"],
            invited_by=request.user,
            site_url=settings.SITE_URL,
        )
        if isinstance(result, Membership):
            messages.success(request, _("%(e)s ditambahkan sebagai anggota.") % {"e": form.cleaned_data["email"]})
        else:
            messages.success(request, _("Undangan dikirim ke %(e)s.") % {"e": form.cleaned_data["email"]})
        return redirect("masterplan:members", mp=mp)
    memberships = Membership.objects.filter(masterplan=masterplan).select_related("user", "opd")
    invitations = Invitation.objects.pending().filter(masterplan=masterplan).select_related("opd")
    return render(
        request,
        "masterplan/members.html",
        {
            "access": access,
            "masterplan": masterplan,
            "memberships": memberships,
            "invitations": invitations,
            "form": form,
        },
        status=400,
    )


@login_required
def member_edit(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    membership = get_for_user(access, Membership.objects.select_related("user"), pk)
    form = MembershipForm(request.POST or None, instance=membership)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.change_member(form=form, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Peran %(u)s diperbarui.") % {"u": membership.user})
            return redirect("masterplan:members", mp=mp)
    return render(
        request,
        "masterplan/member_form.html",
        {
            "access": access,
            "masterplan": access.masterplan,
            "form": form,
            "membership": membership,
            "conflict": conflict,
        },
    )


@login_required
@require_POST
def member_remove(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    membership = get_for_user(access, Membership.objects.select_related("user"), pk)
    try:
        services.remove_member(membership=membership, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(u)s tidak lagi menjadi anggota.") % {"u": membership.user})
    return redirect("masterplan:members", mp=mp)


@login_required
@require_POST
def invitation_cancel(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    invitation = get_for_user(access, Invitation.objects.all(), pk)
    services.cancel_invitation(invitation=invitation, user=request.user)
    messages.success(request, _("Undangan untuk %(e)s dibatalkan.") % {"e": invitation.email})
    return redirect("masterplan:members", mp=mp)


def invitation_accept(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("masterplan__region"), token=token)
    if not invitation.is_usable:
        return render(request, "masterplan/invitation_used.html", {"invitation": invitation}, status=410)
    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if request.user.is_authenticated:
        if request.user.email.lower() != invitation.email.lower():
            return render(request, "masterplan/invitation_wrong_user.html", {"invitation": invitation}, status=403)
        if request.method == "POST":
            services.accept_invitation(invitation=invitation, user=request.user)
            messages.success(request, _("Selamat datang di %(mp)s.") % {"mp": invitation.masterplan})
            return redirect("masterplan:dashboard", mp=invitation.masterplan_id)
        return render(request, "masterplan/invitation_accept.html", {"invitation": invitation})
    if existing is not None:
        messages.info(request, _("Masuk dengan akun %(e)s untuk menerima undangan.") % {"e": invitation.email})
        return redirect_to_login(request.get_full_path())
    form = AccountCreationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.sign_up_and_accept(
            invitation=invitation,
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            position=data["position"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Akun dibuat. Selamat datang di %(mp)s.") % {"mp": invitation.masterplan})
        return redirect("masterplan:dashboard", mp=invitation.masterplan_id)
    return render(request, "masterplan/invitation_signup.html", {"invitation": invitation, "form": form})


@login_required
def opds(request, mp):
    access = get_masterplan_for_user(request, mp)
    masterplan = access.masterplan
    opd_list = OPD.objects.for_masterplan(masterplan)
    form = OPDForm(region=masterplan.region) if access.can_manage else None
    warn = services.books_undo_warning(masterplan) if access.can_manage else ""
    return render(
        request,
        "masterplan/opds.html",
        {"access": access, "masterplan": masterplan, "opds": opd_list, "form": form, "warn": warn},
    )


@login_required
def opd_edit(request, mp, pk=None):
    access = get_masterplan_for_user(request, mp, manage=True)
    masterplan = access.masterplan
    opd = get_for_user(access, OPD.objects.all(), pk, scope="region") if pk else None
    form = OPDForm(request.POST or None, instance=opd, region=masterplan.region)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_opd(form=form, user=request.user)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("OPD %(o)s disimpan.") % {"o": saved})
            return redirect("masterplan:opds", mp=mp)
    return render(
        request,
        "masterplan/opd_form.html",
        {
            "access": access,
            "masterplan": masterplan,
            "form": form,
            "opd": opd,
            "conflict": conflict,
            "warn": services.books_undo_warning(masterplan),
        },
    )


@login_required
@require_POST
def opd_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    opd = get_for_user(access, OPD.objects.all(), pk, scope="region")
    try:
        services.delete_opd(opd=opd, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("OPD %(o)s dihapus.") % {"o": opd})
    return redirect("masterplan:opds", mp=mp)
