"""Foreign ids in form posts: a coordinator of region A posting region B's OPD, RPJMD programme, programme,
quick win or comment ids into their own masterplan's forms is refused and nothing changes.

Each case opens the real edit form of one of A's rows (so every other field is valid), checks that posting
it unchanged is accepted (the test can fail), then posts it again with one id of region B in one field.
"""

import sys
from pathlib import Path

import pytest
from django.urls import reverse

from bimtek.models import Attendee, FollowUp
from masterplan.models import Membership, Role
from review.models import Comment
from rpjmd.models import Program
from tests.bimtek.factories import FollowUpFactory, SessionFactory
from tests.factories import OPDFactory
from tests.plan.factories import ProgrammeFactory
from tests.quickwins.factories import QuickWinFactory
from tests.rpjmd.factories import ProgramFactory, RPJMDFactory
from tests.test_url_sweep import row_counts

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "load"))
from forms import find_form  # noqa: E402


@pytest.fixture
def world(personas):
    """A's rows (own OPD, RPJMD programme, programme, quick win, follow-up, member) and B's rows."""
    mp, other = personas.masterplan, personas.other_masterplan
    own_program = ProgramFactory(rpjmd=RPJMDFactory(region=mp.region), opd=personas.opd)
    foreign_opd = OPDFactory(region=other.region, acronym="DLH-B", name="DLH daerah B")
    foreign_program = ProgramFactory(rpjmd=RPJMDFactory(region=other.region), opd=foreign_opd)
    programme = ProgrammeFactory(masterplan=mp, lead_opd=personas.opd)
    programme.rpjmd_programs.set([own_program])
    foreign_programme = ProgrammeFactory(masterplan=other, lead_opd=foreign_opd)
    quickwin = QuickWinFactory(masterplan=mp, owner=personas.opd)
    followup = FollowUpFactory(session=SessionFactory(stage__masterplan=mp), opd=personas.opd)
    foreign_comment = Comment.objects.create(
        masterplan=other, author=personas.stranger, body="Komentar daerah B", section_key=""
    )
    member = Membership.objects.get(masterplan=mp, user=personas.opd_member)
    return {
        "mp": mp,
        "own_opd": personas.opd,
        "foreign_opd": foreign_opd,
        "own_program": own_program,
        "foreign_program": foreign_program,
        "programme": programme,
        "foreign_programme": foreign_programme,
        "quickwin": quickwin,
        "followup": followup,
        "foreign_comment": foreign_comment,
        "member": member,
    }


# url name, the row of A whose edit form is posted, the field, the row of B whose id is put in that field
CASES = [
    ("plan:programme_edit", "programme", "lead_opd", "foreign_opd"),
    ("plan:programme_edit", "programme", "partner_opds", "foreign_opd"),
    ("plan:programme_edit", "programme", "rpjmd_programs", "foreign_program"),
    ("quickwins:edit", "quickwin", "rpjmd_programs", "foreign_program"),
    ("bimtek:followup_edit", "followup", "opd", "foreign_opd"),
    ("masterplan:member_edit", "member", "opd", "foreign_opd"),
]


def _form(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    fields = find_form(response.content.decode(), "^$")
    assert fields is not None, f"no form on {url}"
    return fields


@pytest.mark.parametrize("name,row,field,foreign", CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_foreign_id_in_an_edit_form_is_refused(client, personas, world, name, row, field, foreign):
    client.force_login(personas.coordinator)
    obj = world[row]
    url = reverse(name, args=[world["mp"].pk, obj.pk])
    fields = _form(client, url)
    assert field in fields or field in ("partner_opds", "rpjmd_programs"), f"{name} has no field {field}"

    control = client.post(url, fields)  # unchanged: accepted, so the refusal below is about the foreign id
    assert control.status_code == 302, f"{name}: the unchanged form was not accepted"
    obj.refresh_from_db()
    fields = _form(client, url)  # a fresh version number
    before = row_counts()
    snapshot = {f.name: getattr(obj, f.attname) for f in obj._meta.concrete_fields}

    fields[field] = str(world[foreign].pk)
    response = client.post(url, fields)
    assert response.status_code in (200, 404), f"{name}: {field}={world[foreign]} was accepted"
    obj.refresh_from_db()
    assert {f.name: getattr(obj, f.attname) for f in obj._meta.concrete_fields} == snapshot
    assert row_counts() == before
    if field in ("partner_opds", "rpjmd_programs"):
        assert world[foreign].pk not in set(getattr(obj, field).values_list("pk", flat=True))


ADD_FORMS = [
    ("bimtek:followup_add", FollowUp, {"followup-text": "Tindak lanjut uji", "followup-due_date": ""}, "followup-opd"),
    ("bimtek:attendee_add", Attendee, {"attendee-name": "Peserta uji", "attendee-position": "Staf"}, "attendee-opd"),
]


@pytest.mark.parametrize("name,model,data,field", ADD_FORMS, ids=[f[0] for f in ADD_FORMS])
def test_foreign_opd_in_an_add_form_is_refused(client, personas, world, name, model, data, field):
    url = reverse(name, args=[world["mp"].pk, world["followup"].session.pk])
    client.force_login(personas.coordinator)
    before = model.objects.count()
    assert client.post(url, {**data, field: world["foreign_opd"].pk}).status_code == 400
    assert model.objects.count() == before
    assert client.post(url, {**data, field: world["own_opd"].pk}).status_code == 302  # A's own OPD: accepted
    assert model.objects.count() == before + 1


def test_bulk_mapping_of_a_foreign_rpjmd_programme_changes_nothing(client, personas, world):
    from masterplan.models import Element

    element = Element.objects.first()
    client.force_login(personas.coordinator)
    url = reverse("rpjmd:bulk_map", args=[world["mp"].pk])
    response = client.post(url, {"programs": [world["foreign_program"].pk], "primary_element": element.pk})
    assert response.status_code in (200, 302, 404)
    world["foreign_program"].refresh_from_db()
    assert world["foreign_program"].primary_element_id is None
    own = world["own_program"]
    client.post(url, {"programs": [own.pk], "primary_element": element.pk, f"version-{own.pk}": own.version})
    world["own_program"].refresh_from_db()
    assert world["own_program"].primary_element_id == element.pk  # the same post with A's own id works


def test_mapping_a_foreign_rpjmd_programme_through_own_masterplan_is_404(client, personas, world):
    client.force_login(personas.coordinator)
    url = reverse("rpjmd:map_program", args=[world["mp"].pk, world["foreign_program"].pk])
    assert client.post(url, {"primary_element": "", "justification": "x"}).status_code == 404
    assert Program.objects.get(pk=world["foreign_program"].pk).justification == ""


@pytest.mark.parametrize(
    "data",
    [
        lambda w: {"target": f"plan.programme:{w['foreign_programme'].pk}", "body": "Komentar"},
        lambda w: {"parent": w["foreign_comment"].pk, "body": "Balasan"},
    ],
    ids=["foreign target", "foreign parent"],
)
def test_comment_on_a_foreign_row_is_404(client, personas, world, data):
    client.force_login(personas.coordinator)
    before = Comment.objects.count()
    response = client.post(reverse("review:comment_add", args=[world["mp"].pk]), data(world))
    assert response.status_code == 404
    assert Comment.objects.count() == before


def test_own_target_comment_is_accepted(client, personas, world):
    client.force_login(personas.coordinator)
    url = reverse("review:comment_add", args=[world["mp"].pk])
    client.post(url, {"target": f"plan.programme:{world['programme'].pk}", "body": "Komentar sendiri"})
    assert Comment.objects.filter(body="Komentar sendiri").exists()


def test_invitation_with_a_foreign_opd_is_refused(client, personas, world):
    client.force_login(personas.coordinator)
    url = reverse("masterplan:member_invite", args=[world["mp"].pk])
    before = row_counts()
    client.post(url, {"email": "baru@uji.test", "role": Role.OPD_MEMBER, "opd": world["foreign_opd"].pk})
    assert row_counts() == before
