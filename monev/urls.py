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

from .evaluation import views as evaluation_views  # noqa: E402
from .evaluation import views_admin as evaluation_admin  # noqa: E402

E = P + "evaluasi/"
EY = E + "<int:year>/"
T = P + "tindak-lanjut/<int:pk>/"
A = "program/evaluasi/"

urlpatterns += [
    path(E, evaluation_views.evaluation_index, name="evaluation_index"),
    path(f"{E}data-dukung/<int:pk>/", evaluation_views.evaluation_evidence, name="evaluation_evidence"),
    path(
        f"{E}data-dukung/<int:pk>/hapus/",
        evaluation_views.evaluation_evidence_delete,
        name="evaluation_evidence_delete",
    ),
    path(EY, evaluation_views.evaluation, name="evaluation"),
    path(f"{EY}mulai/", evaluation_views.evaluation_start, name="evaluation_start"),
    path(f"{EY}penugasan/", evaluation_views.evaluation_assign, name="evaluation_assign"),
    path(f"{EY}pertanyaan/<int:pk>/", evaluation_views.evaluation_answer, name="evaluation_answer"),
    path(f"{EY}ajukan/", evaluation_views.evaluation_submit, name="evaluation_submit"),
    path(f"{EY}buka-lagi/", evaluation_views.evaluation_reopen, name="evaluation_reopen"),
    path(f"{EY}hasil/", evaluation_views.result, name="result"),
    path(f"{EY}hasil/rekomendasi/", evaluation_views.recommendation_add, name="recommendation_add"),
    path(T, evaluation_views.followup, name="followup"),
    path(f"{T}hapus/", evaluation_views.followup_delete, name="followup_delete"),
    path(A, evaluation_admin.years, name="admin_years"),
    path(f"{A}<int:pk>/", evaluation_admin.year, name="admin_year"),
    path(f"{A}<int:pk>/pertanyaan/", evaluation_admin.question_add, name="admin_question_add"),
    path(f"{A}<int:pk>/pertanyaan/<int:question_pk>/", evaluation_admin.question, name="admin_question"),
    path(
        f"{A}<int:pk>/pertanyaan/<int:question_pk>/hapus/",
        evaluation_admin.question_delete,
        name="admin_question_delete",
    ),
]
