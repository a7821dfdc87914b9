"""Closing a stage freezes every registered section; snapshots survive edits and deletions; diffs."""

import pytest
from django.urls import reverse

from bimtek import services
from bimtek.models import Snapshot, StageStatus
from bimtek.snapshots import diff, diff_section
from core import registry

from .factories import FollowUpFactory, SessionFactory, StageFactory


@pytest.fixture
def fake_section(monkeypatch):
    """A section 'uji.quickwins' serialising a list the test edits (like quick wins with progress)."""
    rows = [
        {"key": "qw-1", "label": "Serbu Gass", "fields": {"progress": 40, "horizon": "menengah"}},
        {"key": "qw-2", "label": "Puspita", "fields": {"progress": 10, "horizon": "pendek"}},
    ]
    section = registry.Section("uji.quickwins", "Quick win (uji)", lambda mp: [dict(r) for r in rows], order=1)
    monkeypatch.setitem(registry._sections, "uji.quickwins", section)
    return rows


def test_closing_freezes_every_section_with_who_and_when(personas, fake_section):
    SessionFactory(stage=StageFactory(masterplan=personas.masterplan, number=2), title="Pemetaan")
    snapshot = services.close_stage(masterplan=personas.masterplan, number=2, user=personas.expert)
    assert snapshot.stage.status == StageStatus.CLOSED and snapshot.stage.closed_by == personas.expert
    assert snapshot.taken_by == personas.expert and snapshot.taken_by_name == personas.expert.display_name
    assert set(snapshot.data) >= {"uji.quickwins", "bimtek.sessions", "bimtek.followups", "bimtek.commitment"}
    assert snapshot.data["uji.quickwins"][0]["fields"]["progress"] == 40
    assert snapshot.data["bimtek.sessions"][0]["label"] == "Pemetaan"
    assert snapshot.sections["uji.quickwins"] == "Quick win (uji)"


def test_snapshot_survives_later_edits_and_deletes(personas, fake_section):
    session = SessionFactory(stage=StageFactory(masterplan=personas.masterplan), title="Sesi lama")
    FollowUpFactory(session=session, opd=personas.opd)
    snapshot = services.close_stage(masterplan=personas.masterplan, number=1, user=personas.coordinator)
    fake_section[0]["fields"] = {"progress": 70, "horizon": "pendek"}
    session.delete()
    snapshot = Snapshot.objects.get(pk=snapshot.pk)
    assert snapshot.data["bimtek.sessions"][0]["label"] == "Sesi lama"
    assert len(snapshot.data["bimtek.followups"]) == 1
    assert snapshot.data["uji.quickwins"][0]["fields"]["progress"] == 40


def test_diff_reports_added_removed_and_changed_fields():
    old = [
        {"key": "a", "label": "Serbu Gass", "fields": {"progress": 40, "horizon": "menengah"}},
        {"key": "b", "label": "Go PPU", "fields": {"progress": 5}},
    ]
    new = [
        {"key": "a", "label": "Serbu Gass", "fields": {"progress": 70, "horizon": "pendek"}},
        {"key": "c", "label": "SIHARPA", "fields": {"progress": 0}},
    ]
    result = diff_section("qw", "Quick win", old, new)
    assert [r["label"] for r in result.added] == ["SIHARPA"]
    assert [r["label"] for r in result.removed] == ["Go PPU"]
    (change,) = result.changed
    assert [(f.name, f.old, f.new) for f in change.fields] == [("progress", 40, 70), ("horizon", "menengah", "pendek")]


def test_diff_of_identical_data_has_no_changes_and_marks_new_sections():
    same = {"s": [{"key": "a", "label": "A", "fields": {"x": [1, 2]}}]}
    (section,) = diff({"s": "S"}, same, {"s": "S"}, same)
    assert not section.has_changes
    result = diff({}, {}, {"s": "S"}, same)
    assert result[0].only_in == "new" and len(result[0].added) == 1


def test_compare_two_snapshots_page(as_user, personas, fake_section):
    old = services.close_stage(masterplan=personas.masterplan, number=2, user=personas.expert)
    fake_section[0]["fields"] = {"progress": 70, "horizon": "pendek"}
    new = services.close_stage(masterplan=personas.masterplan, number=3, user=personas.expert)
    url = reverse("bimtek:snapshot_compare", args=[personas.masterplan.pk])
    response = as_user(personas.expert).get(url, {"a": old.pk, "b": new.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Serbu Gass" in html and "<del>40</del>" in html and "<ins>70</ins>" in html
    assert "<del>menengah</del>" in html and "<ins>pendek</ins>" in html


def test_compare_a_snapshot_with_today(as_user, personas, fake_section):
    old = services.close_stage(masterplan=personas.masterplan, number=1, user=personas.coordinator)
    fake_section.pop()  # Puspita deleted since
    response = as_user(personas.reader).get(
        reverse("bimtek:snapshot_compare", args=[personas.masterplan.pk]), {"a": old.pk, "b": "today"}
    )
    assert "<del>Puspita</del>" in response.content.decode()


def test_compare_refuses_another_masterplans_snapshot(as_user, personas):
    from .factories import SnapshotFactory

    mine = SnapshotFactory(masterplan=personas.masterplan)
    theirs = SnapshotFactory(masterplan=personas.other_masterplan)
    response = as_user(personas.expert).get(
        reverse("bimtek:snapshot_compare", args=[personas.masterplan.pk]), {"a": theirs.pk, "b": mine.pk}
    )
    assert response.status_code == 400 and theirs.label not in response.content.decode()


def test_snapshots_cannot_be_changed_through_any_url():
    from bimtek.urls import urlpatterns

    names = {p.name for p in urlpatterns}
    assert {n for n in names if "snapshot" in n} == {"snapshots", "snapshot", "snapshot_compare"}
