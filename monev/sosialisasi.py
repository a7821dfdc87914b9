"""Sosialisasi: events after the masterplan's adoption (socialising it to the OPDs and the public, the Dewan Smart
City's forum), with their photos. Every write is here, in one transaction, with its history; only the coordinator
(or a programme admin) writes, members read. Like the rest of monev, nothing here is masterplan content under
review, so no change is reported to review.changes.

`forum_meetings(masterplan, year)` is what the yearly evaluation reads ("Forum Smart City belum dilaksanakan
secara berkala")."""

from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction

from core.concurrency import save_versioned
from core.uploads import make_thumbnail
from masterplan.access import Access

from .models import EventKind, Sosialisasi, SosialisasiPhoto

MAX_PHOTOS = 30


def forum_meetings(masterplan, year: int) -> int:
    """How often the Dewan Smart City's forum met in `year` (one query)."""
    return Sosialisasi.objects.for_masterplan(masterplan).in_year(year).filter(kind=EventKind.FORUM).count()


def _by(instance, user):
    instance._history_user = user
    return instance


@transaction.atomic
def create_event(*, access: Access, form) -> Sosialisasi:
    """Save a valid SosialisasiForm as a new event of the masterplan."""
    access.require(access.can_manage)
    form.instance.masterplan = access.masterplan
    _by(form.instance, access.user)
    return save_versioned(form)


@transaction.atomic
def update_event(*, access: Access, form) -> Sosialisasi:
    """Save a valid SosialisasiForm of an existing event; EditConflict when it changed since the form was opened."""
    access.require(access.can_manage)
    if form.instance.masterplan_id != access.masterplan.pk:
        raise PermissionError("event of another masterplan")
    _by(form.instance, access.user)
    return save_versioned(form)


@transaction.atomic
def delete_event(*, access: Access, event: Sosialisasi) -> None:
    """The event goes with its photos (each keeps its history; the stored files stay for it)."""
    access.require(access.can_manage)
    for photo in event.photos.all():
        _by(photo, access.user).delete()
    _by(event, access.user).delete()


class TooManyPhotos(Exception):
    pass


@transaction.atomic
def add_photo(*, access: Access, event: Sosialisasi, uploaded, caption: str = "") -> SosialisasiPhoto:
    """Store one photo already checked by core.uploads.validate_upload (an image, re-encoded without its tail)."""
    access.require(access.can_manage)
    locked = Sosialisasi.objects.select_for_update().get(pk=event.pk)
    if locked.photos.count() >= MAX_PHOTOS:
        raise TooManyPhotos(MAX_PHOTOS)
    photo = SosialisasiPhoto(
        event=locked, caption=caption.strip()[:200], original_name=PurePath(uploaded.name).name[:255]
    )
    photo.uploaded_by = access.user
    photo.file.save(uploaded.name, uploaded, save=False)
    photo.thumbnail.save("thumb.jpg", ContentFile(make_thumbnail(uploaded)), save=False)
    _by(photo, access.user).save()
    return photo


@transaction.atomic
def delete_photo(*, access: Access, photo: SosialisasiPhoto) -> None:
    access.require(access.can_manage)
    _by(photo, access.user).delete()
