"""The demo region's four 2022 stages: real dates, sessions, snapshots per closed stage, the signed commitment."""

from datetime import date

import pytest
from django.utils import timezone

from bimtek import demo as bimtek_demo
from bimtek.models import Attachment, Session, Snapshot, Stage
from bimtek.snapshots import diff
from core import registry
from masterplan import demo


@pytest.fixture
def populated(db):
    result = demo.populate()
    bimtek_demo.populate(result)
    return result


def test_demo_has_four_stages_on_their_real_dates(populated):
    mp = populated.masterplan
    days = {
        s.stage.number: timezone.localtime(s.starts_at).date()
        for s in Session.objects.filter(masterplan=mp).select_related("stage").order_by("-starts_at")
    }
    assert days[1] == date(2022, 6, 13) and days[2].month == 7 and days[4] == date(2022, 9, 21)
    third = sorted(timezone.localtime(s.starts_at).date() for s in Session.objects.filter(stage__number=3))
    assert third == [date(2022, 8, 22), date(2022, 8, 23)]
    assert Stage.objects.filter(masterplan=mp, status="closed").count() == 4
    assert Snapshot.objects.filter(masterplan=mp).count() == 4
    assert Attachment.objects.filter(masterplan=mp, content_kind="png").exclude(thumbnail="").count() == 5
    done, total, _detail = registry.metric("bimtek.commitment_signed").measure(mp)
    assert done == total == 3


def test_demo_stage_two_and_three_differ(populated):
    second, third = (Snapshot.objects.get(masterplan=populated.masterplan, stage__number=n) for n in (2, 3))
    sections = {s.key: s for s in diff(second.sections, second.data, third.sections, third.data)}
    assert len(sections["bimtek.sessions"].added) == 2
    assert sections["bimtek.followups"].changed  # a follow-up done between stage II and III


def test_demo_is_idempotent(populated):
    counts = (Session.objects.count(), Snapshot.objects.count(), Attachment.objects.count())
    bimtek_demo.populate(demo.populate())
    assert (Session.objects.count(), Snapshot.objects.count(), Attachment.objects.count()) == counts
