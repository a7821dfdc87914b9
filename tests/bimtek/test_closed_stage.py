"""A closed stage says what it closed without; checklist lines without detail end without a "·"; the comparison
shows changed sections first and folds the unchanged ones."""

import re

import pytest
from django.urls import reverse

from bimtek import services
from bimtek.checklists import CheckResult
from bimtek.models import Stage
from core import registry


def test_closing_records_the_unmet_items_and_reopening_forgets_them(personas):
    services.close_stage(masterplan=personas.masterplan, number=1, user=personas.coordinator)
    stage = Stage.objects.get(masterplan=personas.masterplan, number=1)
    keys = [m["key"] for m in stage.missing_at_close]
    assert "bimtek.stage1_recorded" in keys  # no session was recorded
    assert all(m["label"] for m in stage.missing_at_close)
    services.start_stage(masterplan=personas.masterplan, number=1, user=personas.coordinator)
    assert Stage.objects.get(pk=stage.pk).missing_at_close is None


def test_stage_page_and_track_show_what_was_missing_at_close(as_user, personas):
    services.close_stage(masterplan=personas.masterplan, number=1, user=personas.coordinator)
    missing = Stage.objects.get(masterplan=personas.masterplan, number=1).missing_at_close
    html = as_user(personas.reader).get(reverse("bimtek:stages", args=[personas.masterplan.pk])).content.decode()
    assert "Saat ditutup belum terpenuhi:" in html
    assert "Sesi tahap I tercatat (daftar hadir dan notulen)" in html
    assert f"Ditutup, {len(missing)} syarat kurang" in html
    assert "Ditutup ✓" not in html


def test_stage_closed_with_everything_shows_the_tick(as_user, personas):
    from django.utils import timezone

    stage = Stage.objects.create(
        masterplan=personas.masterplan, number=1, status="closed", closed_at=timezone.now(), missing_at_close=[]
    )
    assert stage.missing_at_close == []
    html = as_user(personas.reader).get(reverse("bimtek:stages", args=[personas.masterplan.pk])).content.decode()
    assert "Ditutup ✓" in html and "Semua syarat terpenuhi saat ditutup." in html


def test_checklist_line_without_detail_has_no_trailing_dot(rf, personas):
    from django.template.loader import render_to_string

    items = [
        CheckResult(key="a", label="Tanpa rincian", available=True, done=0, total=1, detail=""),
        CheckResult(key="b", label="Dengan rincian", available=True, done=1, total=2, detail="1 dari 2"),
    ]
    stage = Stage(masterplan=personas.masterplan, number=1)
    html = render_to_string(
        "bimtek/partials/checklist.html", {"checklist": type("C", (), {"items": items}), "stage": stage}
    )
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", text)
    assert "Tanpa rincian ·" not in text
    assert "Dengan rincian · 1 dari 2" in text


@pytest.fixture
def two_sections(monkeypatch):
    rows = {"a": [{"key": "1", "label": "Lama", "fields": {"x": 1}}]}
    changing = registry.Section("uji.berubah", "Bagian berubah (uji)", lambda mp: rows["a"], order=999)
    still = registry.Section("uji.tetap", "Bagian tetap (uji)", lambda mp: [{"key": "1", "label": "T", "fields": {}}])
    monkeypatch.setitem(registry._sections, "uji.berubah", changing)
    monkeypatch.setitem(registry._sections, "uji.tetap", still)
    return rows


def test_comparison_shows_changed_first_and_folds_the_unchanged(as_user, personas, two_sections):
    services.close_stage(masterplan=personas.masterplan, number=1, user=personas.coordinator)
    two_sections["a"] = [{"key": "1", "label": "Baru", "fields": {"x": 2}}]
    url = reverse("bimtek:snapshot_compare", args=[personas.masterplan.pk])
    snapshot = personas.masterplan.bimtek_snapshots.get()
    html = as_user(personas.reader).get(url, {"a": snapshot.pk, "b": "today"}).content.decode()
    folded = html.index("<details")
    assert html.index("Bagian berubah (uji)") < folded < html.index("Bagian tetap (uji)")
    assert "1 bagian berubah." in html
    assert "bagian tidak berubah</summary>" in html
    assert html.count('<section class="card mb-3"') == 1  # one card: the changed section
