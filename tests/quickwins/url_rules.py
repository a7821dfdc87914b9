from tests.url_sweep import Rule


def _mp(p):
    return {"mp": p.masterplan.pk}


def _quickwin(p):
    from .factories import QuickWinFactory

    return QuickWinFactory(masterplan=p.masterplan, owner=p.opd)


def _qw(p):
    return {"mp": p.masterplan.pk, "pk": _quickwin(p).pk}


def _photo(p):
    from quickwins.models import Photo

    photo = Photo.objects.create(masterplan=p.masterplan, quickwin=_quickwin(p), image="x.png")
    return {"mp": p.masterplan.pk, "pk": photo.pk}


def _update(p):
    from .factories import ProgressUpdateFactory

    return {"mp": p.masterplan.pk, "pk": ProgressUpdateFactory(quickwin=_quickwin(p)).pk}


def _attachment(p):
    from quickwins.models import Attachment

    from .factories import ProgressUpdateFactory

    update = ProgressUpdateFactory(quickwin=_quickwin(p))
    item = Attachment.objects.create(
        masterplan=p.masterplan, update=update, file="x.pdf", kind="pdf", original_name="x.pdf"
    )
    return {"mp": p.masterplan.pk, "pk": item.pk}


RULES = {
    "quickwins:catalogue": Rule(_mp),
    "quickwins:create": Rule(_mp),
    "quickwins:selection": Rule(_mp),
    "quickwins:weights": Rule(_mp),
    "quickwins:export": Rule(_mp),
    "quickwins:import": Rule(_mp),
    "quickwins:import_apply": Rule(_mp),
    "quickwins:profile": Rule(_qw),
    "quickwins:edit": Rule(_qw),
    "quickwins:details": Rule(_qw),
    "quickwins:delete": Rule(_qw),
    "quickwins:score": Rule(_qw),
    "quickwins:choose": Rule(_qw),
    "quickwins:photo_add": Rule(_qw),
    "quickwins:progress": Rule(_qw),
    "quickwins:photo": Rule(_photo),
    "quickwins:photo_thumbnail": Rule(_photo),
    "quickwins:photo_delete": Rule(_photo),
    "quickwins:progress_delete": Rule(_update),
    "quickwins:attachment": Rule(_attachment),
    "quickwins:attachment_thumbnail": Rule(_attachment),
}
