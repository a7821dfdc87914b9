from django.urls import path

from . import views, views_sheet

app_name = "monev"

P = "m/<int:mp>/monev/"
Y = P + "<int:year>/"

urlpatterns = [
    path(P, views.index, name="index"),
    path(f"{P}buka/", views.year_open, name="year_open"),
    path(f"{P}bukti/<int:pk>/", views.evidence, name="evidence"),
    path(f"{P}bukti/<int:pk>/hapus/", views.evidence_delete, name="evidence_delete"),
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
