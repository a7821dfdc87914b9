"""One test per access rule per view: who may read, who may change, and who is refused."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from bimtek.models import Commitment

from . import url_rules
from .factories import AttachmentFactory, CommitmentFactory, SessionFactory, StageFactory

MEMBERS = ["coordinator", "opd_member", "other_opd_member", "expert", "reader", "admin"]
MANAGERS = {"coordinator", "admin"}


def _png_attachment(p):
    session = SessionFactory(stage=StageFactory(masterplan=p.masterplan))
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    attachment = AttachmentFactory(session=session, content_kind="png", original_name="foto.png")
    attachment.thumbnail.save("t.jpg", ContentFile(out.getvalue()))
    return {"mp": p.masterplan.pk, "pk": attachment.pk}


def _with_scan(p):
    commitment = CommitmentFactory(masterplan=p.masterplan)
    commitment.scan.save("scan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return {"mp": p.masterplan.pk}


def _own_followup(p):
    return url_rules._row("FollowUpFactory")(p)


R = url_rules.RULES
READ = [
    ("bimtek:stages", R["bimtek:stages"].kwargs),
    ("bimtek:session", R["bimtek:session"].kwargs),
    ("bimtek:followups", R["bimtek:followups"].kwargs),
    ("bimtek:snapshots", R["bimtek:snapshots"].kwargs),
    ("bimtek:snapshot", R["bimtek:snapshot"].kwargs),
    ("bimtek:snapshot_compare", R["bimtek:snapshot_compare"].kwargs),
    ("bimtek:commitment", R["bimtek:commitment"].kwargs),
    ("bimtek:attachment_download", R["bimtek:attachment_download"].kwargs),
    ("bimtek:attachment_thumbnail", _png_attachment),
    ("bimtek:commitment_scan", _with_scan),
]
MANAGE_GET = ["bimtek:session_add", "bimtek:session_edit", "bimtek:followup_edit"]
MANAGE_POST = [
    "bimtek:stage_start",
    "bimtek:session_add",
    "bimtek:session_edit",
    "bimtek:session_delete",
    "bimtek:attendee_add",
    "bimtek:attendee_delete",
    "bimtek:decision_add",
    "bimtek:decision_delete",
    "bimtek:followup_add",
    "bimtek:followup_edit",
    "bimtek:followup_delete",
    "bimtek:attachment_add",
    "bimtek:attachment_delete",
    "bimtek:commitment",
    "bimtek:signatory_add",
    "bimtek:signatory_delete",
    "bimtek:commitment_scan_upload",
]


@pytest.mark.parametrize("persona", MEMBERS)
@pytest.mark.parametrize("name,kwargs", READ, ids=[n for n, _k in READ])
def test_every_member_reads(as_user, personas, persona, name, kwargs):
    response = as_user(getattr(personas, persona)).get(reverse(name, kwargs=kwargs(personas)))
    response.close()  # downloads stream a file
    assert response.status_code == 200, (name, persona)


@pytest.mark.parametrize("name,kwargs", READ, ids=[n for n, _k in READ])
def test_stranger_reads_nothing(as_user, personas, name, kwargs):
    assert as_user(personas.stranger).get(reverse(name, kwargs=kwargs(personas))).status_code == 404


@pytest.mark.parametrize("persona", MEMBERS)
@pytest.mark.parametrize("name", MANAGE_GET)
def test_forms_open_for_coordinator_only(as_user, personas, persona, name):
    url = reverse(name, kwargs=R[name].kwargs(personas))
    status = as_user(getattr(personas, persona)).get(url).status_code
    assert status == (200 if persona in MANAGERS else 403), (name, persona)


@pytest.mark.parametrize("persona", MEMBERS)
@pytest.mark.parametrize("name", MANAGE_POST)
def test_changes_by_coordinator_only(as_user, personas, persona, name):
    url = reverse(name, kwargs=R[name].kwargs(personas))
    status = as_user(getattr(personas, persona)).post(url, {}).status_code
    if persona in MANAGERS:
        assert status in (200, 302, 400), (name, persona, status)
    else:
        assert status == 403, (name, persona, status)


@pytest.mark.parametrize(
    "persona,allowed",
    [
        ("coordinator", True),
        ("expert", True),
        ("admin", True),
        ("opd_member", False),
        ("other_opd_member", False),
        ("reader", False),
    ],
)
def test_closing_a_stage_needs_coordinator_or_expert(as_user, personas, persona, allowed):
    url = reverse("bimtek:stage_close", kwargs={"mp": personas.masterplan.pk, "number": 2})
    status = as_user(getattr(personas, persona)).post(url).status_code
    assert status == (302 if allowed else 403)
    assert personas.masterplan.bimtek_snapshots.exists() is allowed


@pytest.mark.parametrize(
    "persona,allowed",
    [
        ("coordinator", True),
        ("admin", True),
        ("opd_member", True),  # the follow-up belongs to their OPD
        ("other_opd_member", False),
        ("expert", False),
        ("reader", False),
    ],
)
def test_follow_up_done_by_coordinator_or_its_own_opd(as_user, personas, persona, allowed):
    kwargs = _own_followup(personas)
    url = reverse("bimtek:followup_toggle", kwargs=kwargs)
    status = as_user(getattr(personas, persona)).post(url, {"done": "1"}).status_code
    assert status == (302 if allowed else 403)


def test_unknown_stage_number_is_404(as_user, personas):
    url = reverse("bimtek:stage_start", kwargs={"mp": personas.masterplan.pk, "number": 7})
    assert as_user(personas.coordinator).post(url).status_code == 404


def test_reading_the_commitment_writes_nothing(as_user, personas):
    as_user(personas.reader).get(reverse("bimtek:commitment", kwargs={"mp": personas.masterplan.pk}))
    assert not Commitment.objects.exists()


def test_other_masterplans_rows_are_404(as_user, personas):
    other = SessionFactory(stage=StageFactory(masterplan=personas.other_masterplan))
    url = reverse("bimtek:session", kwargs={"mp": personas.masterplan.pk, "pk": other.pk})
    assert as_user(personas.coordinator).get(url).status_code == 404
