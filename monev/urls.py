from django.urls import path

from . import views, views_sheet
from . import views_sosialisasi as sos

app_name = "monev"

P = "m/<int:mp>/monev/"
Y = P + "<int:year>/"

urlpatterns = [
    path(P, views.index, name="index"),
    path(f"{P}buka/", views.year_open, name="year_open"),
    path(f"{P}bukti/<int:pk>/", views.evidence, name="evidence"),
    path(f"{P}bukti/<int:pk>/hapus/", views.evidence_delete, name="evidence_delete"),
    path(f"{P}sosialisasi/", sos.event_list, name="sosialisasi_list"),
    path(f"{P}sosialisasi/tambah/", sos.event_add, name="sosialisasi_add"),
    path(f"{P}sosialisasi/<int:pk>/", sos.event, name="sosialisasi"),
    path(f"{P}sosialisasi/<int:pk>/ubah/", sos.event_edit, name="sosialisasi_edit"),
    path(f"{P}sosialisasi/<int:pk>/hapus/", sos.event_delete, name="sosialisasi_delete"),
    path(f"{P}sosialisasi/<int:pk>/foto/", sos.photo_add, name="sosialisasi_photo_add"),
    path(f"{P}foto/<int:pk>/", sos.photo, name="sosialisasi_photo"),
    path(f"{P}foto/<int:pk>/kecil/", sos.photo_thumbnail, name="sosialisasi_thumbnail"),
    path(f"{P}foto/<int:pk>/hapus/", sos.photo_delete, name="sosialisasi_photo_delete"),
    path(Y, views.year, name="year"),
    path(f"{Y}tutup/", views.year_close, name="year_close"),
    path(f"{Y}buka-lagi/", views.year_reopen, name="year_reopen"),
    path(f"{Y}status/", views.year_transition, name="year_transition"),
    path(f"{Y}opd/<int:opd>/", views.opd_report, name="opd_report"),
    path(f"{Y}opd/<int:opd>/laporan.xlsx", views_sheet.export, name="export"),
    path(f"{Y}opd/<int:opd>/unggah/", views_sheet.import_preview, name="import"),
    path(f"{Y}opd/<int:opd>/unggah/simpan/", views_sheet.import_apply, name="import_apply"),
    path(f"{Y}program/<int:pk>/", views.report_programme, name="report_programme"),
    path(f"{Y}quick-win/<int:pk>/", views.report_quickwin, name="report_quickwin"),
]
