"""Every write path of bimtek reports the change once to its section (review.changes.report_change): the section
goes back to draft, the expert is told, the books go stale; and every POST URL is listed here."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bimtek import urls
from bimtek.models import Attachment, Commitment
from tests.writepaths import approve, expect_report

from .factories import (
    AttachmentFactory,
    AttendeeFactory,
    CommitmentFactory,
    DecisionFactory,
    FollowUpFactory,
    SessionFactory,
    SignatoryFactory,
    StageFactory,
)

S, F, C = "bimtek.sessions", "bimtek.followups", "bimtek.commitment"


def _png():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(out, "PNG")
    return SimpleUploadedFile("foto.png", out.getvalue())


def _pdf(name="pindaian.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n")


def _session(p):
    return SessionFactory(stage=StageFactory(masterplan=p.masterplan), masterplan=p.masterplan)


def _url(name, p, *args):
    return reverse(f"bimtek:{name}", args=[p.masterplan.pk, *args])


def _session_data(p, session=None):
    data = {
        "title": "Bimtek I hari 1",
        "starts_at": "2022-06-13T08:30",
        "ends_at": "2022-06-13T16:00",
        "venue": "Aula",
        "online_link": "",
        "experts": "Dr. Budi",
        "agenda": "Pembukaan",
        "invited_opds": [p.opd.pk],
        "minutes": "<p>Isi</p>",
    }
    if session is not None:
        data["version"] = session.version
    return data


def _followup_data(prefix=""):
    return {f"{prefix}text": "Isi kertas kerja", f"{prefix}due_date": "2022-06-24"}


# name -> (section, setup(p) -> (url, data))
WRITE_PATHS = {
    "bimtek:session_add": (S, lambda p: (_url("session_add", p, 1), _session_data(p))),
    "bimtek:session_edit": (S, lambda p: (lambda s: (_url("session_edit", p, s.pk), _session_data(p, s)))(_session(p))),
    "bimtek:session_delete": (S, lambda p: (_url("session_delete", p, _session(p).pk), {})),
    "bimtek:attendee_add": (
        S,
        lambda p: (_url("attendee_add", p, _session(p).pk), {"attendee-name": "Agus", "attendee-opd": p.opd.pk}),
    ),
    "bimtek:attendance_confirm": (
        S,
        lambda p: (_url("attendance_confirm", p, _session(p).pk), {"paste-text": "Agus\tStaf\tDLH\nRina\t\tDispar"}),
    ),
    "bimtek:attendee_delete": (S, lambda p: (_url("attendee_delete", p, AttendeeFactory(session=_session(p)).pk), {})),
    "bimtek:decision_add": (S, lambda p: (_url("decision_add", p, _session(p).pk), {"decision-text": "Sepakat"})),
    "bimtek:decision_delete": (S, lambda p: (_url("decision_delete", p, DecisionFactory(session=_session(p)).pk), {})),
    "bimtek:attachment_add": (
        S,
        lambda p: (
            _url("attachment_add", p, _session(p).pk),
            {"attachment-file": _png(), "attachment-kind": "photo", "attachment-title": ""},
        ),
    ),
    "bimtek:attachment_delete": (
        S,
        lambda p: (_url("attachment_delete", p, AttachmentFactory(session=_session(p)).pk), {}),
    ),
    "bimtek:followup_add": (
        F,
        lambda p: (
            _url("followup_add", p, _session(p).pk),
            {**_followup_data("followup-"), "followup-opd": p.opd.pk},
        ),
    ),
    "bimtek:followup_edit": (
        F,
        lambda p: (
            lambda f: (_url("followup_edit", p, f.pk), {**_followup_data(), "opd": p.opd.pk, "version": f.version})
        )(FollowUpFactory(session=_session(p), opd=p.opd)),
    ),
    "bimtek:followup_toggle": (
        F,
        lambda p: (_url("followup_toggle", p, FollowUpFactory(session=_session(p), opd=p.opd).pk), {"done": "1"}),
    ),
    "bimtek:followup_delete": (
        F,
        lambda p: (_url("followup_delete", p, FollowUpFactory(session=_session(p), opd=p.opd).pk), {}),
    ),
    "bimtek:commitment": (
        C,
        lambda p: (_url("commitment", p), {"title": "Komitmen Bersama", "text": "Kami berkomitmen.", "version": ""}),
    ),
    "bimtek:signatory_add": (
        C,
        lambda p: (
            _url("signatory_add", p),
            {"signatory-name": "Bupati", "signatory-position": "Bupati", "signatory-order": 1},
        ),
    ),
    "bimtek:signatory_delete": (
        C,
        lambda p: (
            _url("signatory_delete", p, SignatoryFactory(commitment=CommitmentFactory(masterplan=p.masterplan)).pk),
            {},
        ),
    ),
    "bimtek:commitment_scan_upload": (C, lambda p: (_url("commitment_scan_upload", p), {"scan-scan": _pdf()})),
}
# Stage status is printed by no book and closing freezes the content in a snapshot: not reported (services.py).
NOT_REPORTED = {"bimtek:stage_start", "bimtek:stage_close"}
READ_ONLY = {
    "bimtek:stages",
    "bimtek:session",
    "bimtek:followups",
    "bimtek:attachment_download",
    "bimtek:attachment_thumbnail",
    "bimtek:snapshots",
    "bimtek:snapshot_compare",
    "bimtek:snapshot",
    "bimtek:commitment_pdf",
    "bimtek:commitment_scan",
    "bimtek:attendance_pdf",
    "bimtek:attendance_preview",  # a POST that only reads the list and shows it (the confirm writes)
}


@pytest.fixture(autouse=True)
def _no_thumbnail_needed(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("name", sorted(WRITE_PATHS))
def test_every_write_path_reports_the_change(personas, as_user, name):
    section, setup = WRITE_PATHS[name]
    url, data = setup(personas)
    client = as_user(personas.coordinator)
    with expect_report(personas.masterplan, section, notified=[personas.expert]):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_every_post_url_is_a_listed_write_path():
    names = {f"bimtek:{pattern.name}" for pattern in urls.urlpatterns}
    assert names == set(WRITE_PATHS) | NOT_REPORTED | READ_ONLY


def test_a_replaced_scan_keeps_the_file_its_history_names(personas, as_user):
    client = as_user(personas.coordinator)
    url = _url("commitment_scan_upload", personas)
    client.post(url, {"scan-scan": _pdf("pertama.pdf")})
    first = Commitment.objects.get().scan
    client.post(url, {"scan-scan": _pdf("kedua.pdf")})
    commitment = Commitment.objects.get()
    assert commitment.scan_name == "kedua.pdf" and commitment.scan.name != first.name
    named = {row.scan for row in commitment.history.all()}
    assert first.name in named
    assert all(commitment.scan.storage.exists(name) for name in named if name)
    assert commitment.history.first().history_user == personas.coordinator


def test_attachments_have_history_with_who(personas, as_user):
    session = _session(personas)
    client = as_user(personas.coordinator)
    client.post(
        _url("attachment_add", personas, session.pk),
        {"attachment-file": _png(), "attachment-kind": "photo", "attachment-title": "Foto bersama"},
    )
    row = Attachment.history.get()
    assert (row.history_type, row.history_user, row.title) == ("+", personas.coordinator, "Foto bersama")


@pytest.mark.parametrize("approved", [True, False])
def test_edit_pages_warn_before_undoing_an_approval(personas, as_user, approved):
    session = _session(personas)
    followup = FollowUpFactory(session=session, opd=personas.opd)
    if approved:
        for key in (S, F, C):
            approve(personas.masterplan, key)
    client = as_user(personas.coordinator)
    for url in [
        _url("session_add", personas, 1),
        _url("session_edit", personas, session.pk),
        _url("session", personas, session.pk),
        _url("followup_edit", personas, followup.pk),
        _url("followups", personas),
        _url("commitment", personas),
    ]:
        html = client.get(url).content.decode()
        assert ("sudah disetujui tenaga ahli" in html) is approved, url
        assert ('confirm="Bagian ini sudah disetujui' in html) is approved, url
