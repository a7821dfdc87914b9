"""The hatch patterns come from core.charts wherever a chart is drawn (pages and books)."""

from types import SimpleNamespace

from django.template.loader import render_to_string

from core.charts import dimension_patterns, pattern_def

DIMENSIONS = [
    SimpleNamespace(key="governance", pattern="solid", color="#1f77b4"),
    SimpleNamespace(key="branding", pattern="diagonal", color="#e377c2"),
    SimpleNamespace(key="living", pattern="cross", color="#d62728"),
]


def test_the_plan_charts_use_the_core_patterns_with_their_prefix():
    from plan.readiness import Tally, chart

    svg = chart([("Struktur", Tally(baik=2, sedang=1, kurang=1))])
    assert pattern_def("readiness-kurang", "dots", "#c62828") in svg
    assert pattern_def("readiness-baik", "solid", "#2e7d32") in svg


def test_the_rpjmd_and_quick_win_charts_use_the_core_patterns():
    rpjmd = render_to_string("rpjmd/partials/pattern_defs.html", {"all_dimensions": DIMENSIONS, "prefix": ""})
    assert dimension_patterns(DIMENSIONS, "pat-") in rpjmd and 'id="pat-unmapped"' in rpjmd
    quickwins = render_to_string("quickwins/partials/patterns.html", {"dimensions": DIMENSIONS})
    assert dimension_patterns(DIMENSIONS, "qw-pat-") in quickwins


def test_every_pattern_has_dark_strokes_or_a_solid_fill_for_black_and_white():
    for name in ("diagonal", "dots", "cross", "horizontal", "vertical"):
        assert "#222" in pattern_def("p", name, "#ffffff")
    assert 'fill="#1f77b4"/>' in pattern_def("p", "solid", "#1f77b4")
