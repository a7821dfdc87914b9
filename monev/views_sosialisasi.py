"""Pages of the sosialisasi events: the list, one event with its photos, the coordinator's add/edit/delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict
from core.uploads import serve_file
from masterplan.access import get_for_user, get_masterplan_for_user

from . import sosialisasi as services
from .forms import PhotoForm, SosialisasiForm
from .models import Sosialisasi, SosialisasiPhoto


def _context(access, **extra):
    return {"access": access, "masterplan": access.masterplan, "active_tab": "monev", **extra}


@login_required
def event_list(request, mp):
    access = get_masterplan_for_user(request, mp)
    events = Sosialisasi.objects.for_masterplan(access.masterplan).for_list()
    return render(request, "monev/sosialisasi_list.html", _context(access, events=events))


def _event_page(request, access, event, status=200, photo_form=None):
    context = _context(
        access,
        event=event,
        photos=event.photos.all(),
        opds=event.attending_opds.all(),
        photo_form=(photo_form or PhotoForm(prefix="photo")) if access.can_manage else None,
    )
    return render(request, "monev/sosialisasi.html", context, status=status)


@login_required
def event(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    return _event_page(request, access, get_for_user(access, Sosialisasi.objects.all(), pk))


@login_required
def event_add(request, mp):
    access = get_masterplan_for_user(request, mp, manage=True)
    form = SosialisasiForm(request.POST or None, masterplan=access.masterplan)
    if request.method == "POST" and form.is_valid():
        saved = services.create_event(access=access, form=form)
        messages.success(request, _("Kegiatan “%(t)s” dicatat.") % {"t": saved.title})
        return redirect("monev:sosialisasi", mp=mp, pk=saved.pk)
    return render(
        request, "monev/sosialisasi_form.html", _context(access, form=form), status=400 if form.is_bound else 200
    )


@login_required
def event_edit(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Sosialisasi.objects.all(), pk, write=True)
    form = SosialisasiForm(request.POST or None, instance=obj, masterplan=access.masterplan)
    conflict = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.update_event(access=access, form=form)
            except EditConflict as error:
                conflict, status = error, 409
            else:
                messages.success(request, _("Kegiatan “%(t)s” disimpan.") % {"t": obj.title})
                return redirect("monev:sosialisasi", mp=mp, pk=pk)
    return render(
        request,
        "monev/sosialisasi_form.html",
        _context(access, form=form, event=obj, conflict=conflict),
        status=status,
    )


@login_required
@require_POST
def event_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Sosialisasi.objects.all(), pk, write=True)
    services.delete_event(access=access, event=obj)
    messages.success(request, _("Kegiatan “%(t)s” dihapus.") % {"t": obj.title})
    return redirect("monev:sosialisasi_list", mp=mp)


@login_required
@require_POST
def photo_add(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    obj = get_for_user(access, Sosialisasi.objects.all(), pk, write=True)
    form = PhotoForm(request.POST, request.FILES, prefix="photo")
    if not form.is_valid():
        return _event_page(request, access, obj, status=400, photo_form=form)
    try:
        photo = services.add_photo(
            access=access, event=obj, uploaded=form.cleaned_data["file"], caption=form.cleaned_data["caption"]
        )
    except services.TooManyPhotos:
        form.add_error("file", _("Paling banyak %(n)s foto per kegiatan.") % {"n": services.MAX_PHOTOS})
        return _event_page(request, access, obj, status=400, photo_form=form)
    messages.success(request, _("Foto %(n)s diunggah.") % {"n": photo.original_name})
    return redirect("monev:sosialisasi", mp=mp, pk=pk)


def _photo(access, pk):
    return get_object_or_404(
        SosialisasiPhoto.objects.select_related("event").filter(event__masterplan=access.masterplan), pk=pk
    )


@login_required
def photo(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    item = _photo(access, pk)
    return serve_file(item.file, item.original_name, inline=True)


@login_required
def photo_thumbnail(request, mp, pk):
    access = get_masterplan_for_user(request, mp)
    item = _photo(access, pk)
    return serve_file(item.thumbnail, f"pratinjau-{item.pk}.jpg", inline=True)


@login_required
@require_POST
def photo_delete(request, mp, pk):
    access = get_masterplan_for_user(request, mp, manage=True)
    item = _photo(access, pk)
    services.delete_photo(access=access, photo=item)
    messages.success(request, _("Foto %(n)s dihapus.") % {"n": item.original_name})
    return redirect("monev:sosialisasi", mp=mp, pk=item.event_id)
