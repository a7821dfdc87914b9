from django.urls import path

from . import views, views_progress

app_name = "quickwins"

P = "m/<int:mp>/quick-win/"

urlpatterns = [
    path(P, views.catalogue, name="catalogue"),
    path(f"{P}tambah/", views.create, name="create"),
    path(f"{P}seleksi/", views.selection, name="selection"),
    path(f"{P}seleksi/bobot/", views.weights, name="weights"),
    path(f"{P}kemajuan.xlsx", views_progress.export, name="export"),
    path(f"{P}impor/", views_progress.import_preview, name="import"),
    path(f"{P}impor/simpan/", views_progress.import_apply, name="import_apply"),
    path(f"{P}<int:pk>/", views.profile, name="profile"),
    path(f"{P}<int:pk>/ubah/", views.edit, name="edit"),
    path(f"{P}<int:pk>/rincian/", views.details, name="details"),
    path(f"{P}<int:pk>/hapus/", views.delete, name="delete"),
    path(f"{P}<int:pk>/nilai/", views.score, name="score"),
    path(f"{P}<int:pk>/pilih/", views.choose, name="choose"),
    path(f"{P}<int:pk>/foto/tambah/", views.photo_add, name="photo_add"),
    path(f"{P}<int:pk>/kemajuan/", views_progress.progress, name="progress"),
    path(f"{P}foto/<int:pk>/", views.photo, name="photo"),
    path(f"{P}foto/<int:pk>/kecil/", views.photo_thumbnail, name="photo_thumbnail"),
    path(f"{P}foto/<int:pk>/hapus/", views.photo_delete, name="photo_delete"),
    path(f"{P}kemajuan/<int:pk>/hapus/", views_progress.progress_delete, name="progress_delete"),
    path(f"{P}lampiran/<int:pk>/", views_progress.attachment, name="attachment"),
    path(f"{P}lampiran/<int:pk>/kecil/", views_progress.attachment_thumbnail, name="attachment_thumbnail"),
]
