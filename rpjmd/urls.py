from django.urls import path

from . import views, views_import

app_name = "rpjmd"

urlpatterns = [
    path("m/<int:mp>/rpjmd/", views.index, name="index"),
    path("m/<int:mp>/rpjmd/visi-misi/", views.visi_misi, name="visi_misi"),
    path("m/<int:mp>/rpjmd/misi/tambah/", views.misi_save, name="misi_add"),
    path("m/<int:mp>/rpjmd/misi/<int:pk>/", views.misi_save, name="misi_edit"),
    path("m/<int:mp>/rpjmd/pemetaan/", views.mapping, name="mapping"),
    path("m/<int:mp>/rpjmd/pemetaan/massal/", views.bulk_map, name="bulk_map"),
    path("m/<int:mp>/rpjmd/pemetaan/<int:pk>/", views.map_program, name="map_program"),
    path("m/<int:mp>/rpjmd/pemetaan/<int:pk>/baris/", views.program_row, name="program_row"),
    path("m/<int:mp>/rpjmd/cakupan/", views.coverage_view, name="coverage"),
    path("m/<int:mp>/rpjmd/ekspor.<str:fmt>", views.export_file, name="export"),
    path("m/<int:mp>/rpjmd/impor/", views_import.import_upload, name="import"),
    path("m/<int:mp>/rpjmd/impor/templat.xlsx", views_import.template_download, name="template"),
    path("m/<int:mp>/rpjmd/impor/<str:token>/", views_import.import_preview, name="import_preview"),
    path("m/<int:mp>/rpjmd/impor/<str:token>/simpan/", views_import.import_confirm, name="import_confirm"),
]
