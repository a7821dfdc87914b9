"""The catalogue, a quick win's profile, its forms, photos and the selection of candidates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.uploads import serve_file
from masterplan.access import get_for_user, get_masterplan_for_user
from masterplan.models import Dimension

from . import services
from .charts import progress_chart
from .forms import (
    BudgetFormSet,
    IndicatorFormSet,
    OwnerFormSet,
    PartnerFormSet,
    PhotoForm,
    QuickWinForm,
    ScoreForm,
    WeightsForm,
)
from .models import Criterion, Photo, QuickWin, SelectionWeights


def get_quickwin_for_user(request, mp, pk, *, write=False, queryset=None):
    """(access, quick win): 404 outside the masterplan, 403 when writing another OPD's quick win."""
    access = get_masterplan_for_user(request, mp, write=write)
    queryset = queryset if queryset is not None else QuickWin.objects.for_cards()
    return access, get_for_user(access, queryset, pk, write=write)


def _context(access, **extra):
    return {"access": access, "masterplan": access.masterplan, "active_tab": "quickwins", **extra}


@login_required
def catalogue(request, mp):
    access = get_masterplan_for_user(request, mp)
    quickwins = list(QuickWin.objects.for_masterplan(access.masterplan).for_cards())
    groups = services.group_by_dimension(list(Dimension.objects.all()), quickwins)
    return render(
        request,
        "quickwins/catalogue.html",
        _context(
            access,
            groups=groups,
            region=services.roll_up(quickwins),
            missing=[g.dimension for g in groups if not g.chosen],
            count=len(quickwins),
            dimensions=[g.dimension for g in groups],
        ),
    )


@login_required
def profile(request, mp, pk):
    access, quickwin = get_quickwin_for_user(request, mp, pk, queryset=QuickWin.objects.for_profiles())
    return _profile_page(request, access, quickwin)


def _profile_page(request, access, quickwin, *, conflict=None, status=200):
    weights = SelectionWeights.for_masterplan(access.masterplan)
    return render(
        request,
        "quickwins/profile.html",
        _context(
            access,
            quickwin=quickwin,
            can_edit=access.can_edit(quickwin),
            chart=progress_chart(quickwin.updates.all(), quickwin.short_name),
            score=quickwin.weighted_score(weights),
            photo_form=PhotoForm() if access.can_edit(quickwin) else None,
            conflict=conflict,
        ),
        status=status,
    )


@login_required
def create(request, mp):
    access = get_masterplan_for_user(request, mp, write=True)
    form = QuickWinForm(
        request.POST or None,
        masterplan=access.masterplan,
        access=access,
        initial={"dimension": request.GET.get("dimension", "")[:6]},
    )
    if request.method == "POST" and form.is_valid():
        quickwin = services.create_quickwin(masterplan=access.masterplan, user=request.user, form=form)
        messages.success(request, _("Quick win %(q)s ditambahkan.") % {"q": quickwin})
        return redirect("quickwins:profile", mp=mp, pk=quickwin.pk)
    return render(request, "quickwins/form.html", _context(access, form=form, quickwin=None))


@login_required
def edit(request, mp, pk):
    access, quickwin = get_quickwin_for_user(request, mp, pk, write=True)
    form = QuickWinForm(request.POST or None, instance=quickwin, masterplan=access.masterplan, access=access)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_quickwin(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Quick win %(q)s disimpan.") % {"q": quickwin})
            return redirect("quickwins:profile", mp=mp, pk=pk)
    return render(request, "quickwins/form.html", _context(access, form=form, quickwin=quickwin, conflict=conflict))


def _detail_formsets(data, quickwin, access):
    masterplan = access.masterplan
    formsets = {"partners": PartnerFormSet(data, instance=quickwin, prefix="partners")}
    if quickwin.programme_id:  # owner, budget and targets are the programme's: edited on the programme's pages
        return formsets
    formsets["budgets"] = BudgetFormSet(data, instance=quickwin, prefix="budgets", masterplan=masterplan)
    formsets["indicators"] = IndicatorFormSet(data, instance=quickwin, prefix="indicators")
    if access.can_manage:  # handing a quick win to another OPD is the coordinator's decision
        formsets["owners"] = OwnerFormSet(data, instance=quickwin, prefix="owners", masterplan=masterplan)
    return formsets


@login_required
def details(request, mp, pk):
    """Owners per year, partners, budgets and indicators; saved together under the quick win's version."""
    access, quickwin = get_quickwin_for_user(request, mp, pk, write=True)
    formsets = _detail_formsets(request.POST or None, quickwin, access)
    conflict = None
    if request.method == "POST" and all(fs.is_valid() for fs in formsets.values()):
        try:
            services.save_details(
                masterplan=access.masterplan,
                user=request.user,
                quickwin=quickwin,
                formsets=formsets,
                expected=_version(request),
            )
        except services.DetailsConflict as error:
            conflict = error  # the formsets keep what was typed; the version becomes the saved one
            quickwin = error.current
        else:
            messages.success(request, _("Rincian %(q)s disimpan.") % {"q": quickwin})
            return redirect("quickwins:profile", mp=mp, pk=pk)
    return render(
        request,
        "quickwins/details.html",
        _context(access, quickwin=quickwin, formsets=formsets, conflict=conflict),
    )


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@login_required
@require_POST
def delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    quickwin = get_for_user(access, QuickWin.objects.all(), pk)
    services.delete_quickwin(masterplan=access.masterplan, user=request.user, quickwin=quickwin)
    messages.success(request, _("Quick win %(q)s dihapus.") % {"q": quickwin})
    return redirect("quickwins:catalogue", mp=mp)


# Photos ------------------------------------------------------------------------------------------


@login_required
@require_POST
def photo_add(request, mp, pk):
    access, quickwin = get_quickwin_for_user(request, mp, pk, write=True)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        services.add_photo(
            masterplan=access.masterplan,
            user=request.user,
            quickwin=quickwin,
            uploaded=form.cleaned_data["image"],
            caption=form.cleaned_data["caption"],
        )
        messages.success(request, _("Foto ditambahkan."))
    else:
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, _("Foto tidak disimpan: %(e)s") % {"e": " ".join(errors)})
    return redirect("quickwins:profile", mp=mp, pk=pk)


def _photo_for_user(request, mp, pk, *, write=False):
    access = get_masterplan_for_user(request, mp, write=write)
    photo = get_object_or_404(Photo.objects.select_related("quickwin"), pk=pk, masterplan=access.masterplan)
    if write:
        access.require_edit(photo.quickwin)
    return photo


@login_required
def photo(request, mp, pk):
    photo = _photo_for_user(request, mp, pk)
    return serve_file(photo.image, photo.original_name or "foto", inline=True)


@login_required
def photo_thumbnail(request, mp, pk):
    photo = _photo_for_user(request, mp, pk)
    return serve_file(photo.thumbnail, "thumbnail.jpg", inline=True)


@login_required
@require_POST
def photo_delete(request, mp, pk):
    photo = _photo_for_user(request, mp, pk, write=True)
    services.delete_photo(masterplan=photo.masterplan, user=request.user, photo=photo)
    messages.success(request, _("Foto dihapus."))
    return redirect("quickwins:profile", mp=mp, pk=photo.quickwin_id)


# Selection ---------------------------------------------------------------------------------------


@login_required
def selection(request, mp):
    access = get_masterplan_for_user(request, mp)
    return _selection_page(request, access)


def _selection_page(request, access, *, conflict=None, status=200):
    """The candidates per dimension with their scores; after a refused save, `conflict` (its form keeps what was
    typed, under the saved version) is shown above them."""
    weights = SelectionWeights.for_masterplan(access.masterplan)
    quickwins = list(QuickWin.objects.for_masterplan(access.masterplan).for_cards())
    typed = conflict.form if conflict is not None and conflict.form is not None else None
    for quickwin in quickwins:
        quickwin.score = quickwin.weighted_score(weights)
        quickwin.score_form = None
        if access.can_manage:
            if typed is not None and typed.instance.pk == quickwin.pk:
                quickwin.score_form = typed
            else:
                quickwin.score_form = ScoreForm(instance=quickwin, prefix=f"q{quickwin.pk}")
            for field in quickwin.score_form.fields.values():
                field.widget.attrs["form"] = f"score-{quickwin.pk}"  # the selects sit in table cells
    groups = services.group_by_dimension(list(Dimension.objects.all()), quickwins)
    for group in groups:
        group.quickwins.sort(key=lambda q: (q.score is None, -(q.score or 0), q.short_name))
    return render(
        request,
        "quickwins/selection.html",
        _context(access, groups=groups, weights=weights, criteria=Criterion.choices, conflict=conflict),
        status=status,
    )


@login_required
def weights(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    instance = SelectionWeights.for_masterplan(access.masterplan)
    form = WeightsForm(request.POST or None, instance=instance)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_weights(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            conflict = error
        else:
            messages.success(request, _("Bobot kriteria seleksi disimpan."))
            return redirect("quickwins:selection", mp=mp)
    return render(request, "quickwins/weights.html", _context(access, form=form, conflict=conflict))


@login_required
@require_POST
def score(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    quickwin = get_for_user(access, QuickWin.objects.all(), pk)
    form = ScoreForm(request.POST, instance=quickwin, prefix=f"q{quickwin.pk}")
    if form.is_valid():
        try:
            services.save_scores(masterplan=access.masterplan, user=request.user, form=form)
        except EditConflict as error:
            return _selection_page(request, access, conflict=error)
        messages.success(request, _("Skor %(q)s disimpan.") % {"q": quickwin})
    else:
        messages.error(request, _("Skor %(q)s tidak disimpan: nilai harus 1 sampai 5.") % {"q": quickwin})
    return redirect(f"{_selection_url(mp)}#qw-{pk}")


def _selection_url(mp):
    return reverse("quickwins:selection", args=[mp])


@login_required
@require_POST
def choose(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    quickwin = get_for_user(access, QuickWin.objects.all(), pk)
    chosen = request.POST.get("chosen") == "1"
    to_profile = request.POST.get("next") == "profile"
    try:
        services.set_chosen(
            masterplan=access.masterplan,
            user=request.user,
            quickwin=quickwin,
            chosen=chosen,
            expected=_version(request),
        )
    except services.ChoiceConflict as error:
        if to_profile:
            fresh = get_for_user(access, QuickWin.objects.for_profiles(), pk)
            return _profile_page(request, access, fresh, conflict=error)
        return _selection_page(request, access, conflict=error)
    if chosen:
        messages.success(request, _("%(q)s ditandai sebagai quick win terpilih.") % {"q": quickwin})
    else:
        messages.success(request, _("%(q)s kembali menjadi kandidat.") % {"q": quickwin})
    if to_profile:
        return redirect("quickwins:profile", mp=mp, pk=pk)
    return redirect(f"{_selection_url(mp)}#qw-{pk}")
