from django.urls import path

from . import views

app_name = "books"

urlpatterns = [
    path("m/<int:mp>/buku/", views.index, name="index"),
    path("m/<int:mp>/buku/ekspor/", views.export, name="export"),
    path("m/<int:mp>/buku/ringkasan-opd/<int:opd>/", views.opd_extract, name="opd_extract"),
    path("m/<int:mp>/buku/ekspor/<int:pk>/", views.job_status, name="job_status"),
    path("m/<int:mp>/buku/ekspor/<int:pk>/unduh/", views.download, name="download"),
    path("m/<int:mp>/buku/naskah/", views.texts, name="texts"),
    path("m/<int:mp>/buku/naskah/kepala-daerah/", views.signing, name="signing"),
    path("m/<int:mp>/buku/naskah/landasan-hukum/", views.legal_basis, name="legal_basis"),
    path("m/<int:mp>/buku/<slug:key>/edisi/", views.edition, name="edition"),
    path("m/<int:mp>/buku/<slug:key>/pratinjau/", views.preview, name="preview"),
    path("m/<int:mp>/buku/<slug:key>/word/", views.docx, name="docx"),
]
