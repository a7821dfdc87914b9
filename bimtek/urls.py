from django.urls import path

from . import views

app_name = "bimtek"

P = "m/<int:mp>/bimtek/"

urlpatterns = [
    path(P, views.stages, name="stages"),
    path(P + "tahap/<int:number>/mulai/", views.stage_start, name="stage_start"),
    path(P + "tahap/<int:number>/tutup/", views.stage_close, name="stage_close"),
    path(P + "tahap/<int:number>/sesi/tambah/", views.session_add, name="session_add"),
    path(P + "sesi/<int:pk>/", views.session, name="session"),
    path(P + "sesi/<int:pk>/ubah/", views.session_edit, name="session_edit"),
    path(P + "sesi/<int:pk>/hapus/", views.session_delete, name="session_delete"),
    path(P + "sesi/<int:pk>/peserta/tambah/", views.attendee_add, name="attendee_add"),
    path(P + "peserta/<int:pk>/hapus/", views.attendee_delete, name="attendee_delete"),
    path(P + "sesi/<int:pk>/peserta/banyak/", views.attendance_preview, name="attendance_preview"),
    path(P + "sesi/<int:pk>/peserta/banyak/simpan/", views.attendance_confirm, name="attendance_confirm"),
    path(P + "sesi/<int:pk>/daftar-hadir.pdf", views.attendance_pdf, name="attendance_pdf"),
    path(P + "sesi/<int:pk>/keputusan/tambah/", views.decision_add, name="decision_add"),
    path(P + "keputusan/<int:pk>/hapus/", views.decision_delete, name="decision_delete"),
    path(P + "sesi/<int:pk>/tindak-lanjut/tambah/", views.followup_add, name="followup_add"),
    path(P + "sesi/<int:pk>/lampiran/unggah/", views.attachment_add, name="attachment_add"),
    path(P + "lampiran/<int:pk>/unduh/", views.attachment_download, name="attachment_download"),
    path(P + "lampiran/<int:pk>/pratinjau/", views.attachment_thumbnail, name="attachment_thumbnail"),
    path(P + "lampiran/<int:pk>/hapus/", views.attachment_delete, name="attachment_delete"),
    path(P + "tindak-lanjut/", views.followups, name="followups"),
    path(P + "tindak-lanjut/<int:pk>/ubah/", views.followup_edit, name="followup_edit"),
    path(P + "tindak-lanjut/<int:pk>/status/", views.followup_toggle, name="followup_toggle"),
    path(P + "tindak-lanjut/<int:pk>/hapus/", views.followup_delete, name="followup_delete"),
    path(P + "snapshot/", views.snapshots, name="snapshots"),
    path(P + "snapshot/banding/", views.snapshot_compare, name="snapshot_compare"),
    path(P + "snapshot/<int:pk>/", views.snapshot, name="snapshot"),
    path(P + "komitmen/", views.commitment, name="commitment"),
    path(P + "komitmen/pdf/", views.commitment_pdf, name="commitment_pdf"),
    path(P + "komitmen/penanda-tangan/tambah/", views.signatory_add, name="signatory_add"),
    path(P + "komitmen/penanda-tangan/<int:pk>/hapus/", views.signatory_delete, name="signatory_delete"),
    path(P + "komitmen/pindaian/", views.commitment_scan, name="commitment_scan"),
    path(P + "komitmen/pindaian/unggah/", views.commitment_scan_upload, name="commitment_scan_upload"),
]
