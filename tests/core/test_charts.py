"""core.charts: the one chart module of pages and books (issue 13), legible at print size (issue 16)."""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest

from core.charts import (
    MIN_PT,
    PRINT_WIDTH_PT,
    Bar,
    GanttRow,
    Horizon,
    LegendItem,
    Point,
    Segment,
    StackRow,
    decimal,
    gantt_chart,
    hbar_chart,
    largest_remainder,
    line_chart,
    percent,
    round_half_up,
    stacked_chart,
    wrap,
)

LONG = "Pariwisata digital terpadu dengan pusat promosi dan informasi pariwisata daerah"


def _printed_sizes(svg):
    """Font sizes in printed points, the chart drawn across the books' text column."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    return [float(size) * PRINT_WIDTH_PT / width for size in re.findall(r'font-size="([\d.]+)"', svg)]


def _charts():
    legend = [LegendItem("baik", "Baik", "solid", "#2e7d32"), LegendItem("kurang", "Kurang", "dots", "#c62828")]
    return [
        hbar_chart([Bar(LONG, 12.25, "diagonal", "#1f77b4"), Bar("Gov", 3)], title="Program"),
        stacked_chart(
            [StackRow(LONG, [Segment("baik", 2), Segment("kurang", 1)], note="skor 2,3")],
            legend=legend,
            title="Kesiapan",
        ),
        gantt_chart(
            [GanttRow(LONG, 2023, 2025, group="Smart Branding", marked=True), GanttRow("Satu", 2024, 2024)],
            years=range(2023, 2033),
            title="Peta jalan",
            horizons=[Horizon("Jangka pendek", 2023, 2024), Horizon("Jangka menengah", 2025, 2027)],
            marker_label="program dengan quick win terpilih",
        ),
        line_chart([Point(0, 40, "31 Jan 2023"), Point(1, 82.5, "30 Jun 2023")], title="Kemajuan"),
    ]


@pytest.mark.parametrize("index", range(4))
def test_every_label_prints_at_seven_points_or_more_with_a_title(index):
    svg = str(_charts()[index])
    sizes = _printed_sizes(svg)
    assert sizes and min(sizes) >= MIN_PT - 0.01
    assert '<title id="' in svg and 'role="img"' in svg and "<pattern" in svg


def test_text_is_dark_and_values_on_a_hatch_stand_on_a_white_box():
    svg = str(_charts()[1])
    fills = set(re.findall(r'<text [^>]*fill="([^"]+)"', svg))
    assert fills <= {"#222", "#444"}  # no white text anywhere
    boxes = re.findall(r'<rect [^>]*fill="#fff" stroke="#222" stroke-width="0.4"', svg)
    assert len(boxes) == 2  # one white box per segment value (2 baik, 1 kurang)
    assert ">2</text>" in svg and ">1</text>" in svg


def test_decimals_are_indonesian_and_rounded_half_up():
    assert decimal(2.25) == "2,3"  # round() would give 2.2
    assert decimal(Decimal("2.25")) == "2,3" and decimal(2.35) == "2,4"
    assert decimal(1250.5) == "1.250,5" and decimal(26.0) == "26" and decimal(None) == "–"
    assert round_half_up(82.5, 0) == Decimal(83)
    assert percent(82.5) == "82,5%" and percent(26) == "26%" and percent(4.21) == "4,2%"
    svg = str(_charts()[0])
    assert "12,3" in svg and "12.3" not in svg and "12,2" not in svg
    assert "82,5%" in str(_charts()[3])


def test_largest_remainder_shares_add_up_to_one_hundred():
    shares = largest_remainder([1, 1, 1])
    assert shares == [Decimal(34), Decimal(33), Decimal(33)] and sum(shares) == 100
    for values in ([2, 3, 5, 7], [1, 1, 1, 1, 1, 1, 1], [10_000_000, 3, 1], [0.333, 0.333, 0.334]):
        for places in (0, 1):
            shares = largest_remainder(values, places=places)
            assert sum(shares) == 100, (values, places, shares)
    naive = [round(v * 100 / 6) for v in (1, 1, 1, 1, 1, 1)]  # 17 * 6 = 102
    assert sum(naive) != 100 and sum(largest_remainder([1] * 6)) == 100
    assert largest_remainder([0, 0]) == [0, 0]


def test_long_names_wrap_onto_two_lines_instead_of_being_cut():
    lines = wrap("Festival budaya Paser dan wisata mangrove", 24)
    assert lines == ["Festival budaya Paser", "dan wisata mangrove"]
    assert wrap("Pariwisata", 24) == ["Pariwisata"]
    cut = wrap(LONG, 20)
    assert len(cut) == 2 and cut[0] == "Pariwisata digital" and cut[1].endswith("…")
    svg = str(_charts()[2])
    assert "Pariw…" not in svg and re.search(r"<tspan[^>]*>Pariwisata digital terpadu dengan", svg)
    assert svg.count("<tspan") >= 2


def test_the_roadmap_marks_horizons_and_quick_wins_and_prints_one_year_once():
    svg = str(_charts()[2])
    assert "Jangka pendek" in svg and "Jangka menengah" in svg
    assert svg.count('fill="#222" stroke="#fff"') == 2  # the marked row's diamond and the legend's
    assert "program dengan quick win terpilih" in svg
    assert "Satu: 2024</title>" in svg and "2024–2024" not in svg


def test_labels_are_escaped():
    svg = str(hbar_chart([Bar("<b>Gov</b>", 1)], title="A & B"))
    assert "&lt;b&gt;Gov&lt;/b&gt;" in svg and "<b>" not in svg and "A &amp; B" in svg


def test_the_readiness_chart_uses_the_module_with_half_up_scores():
    from plan.readiness import Tally, chart

    tally = Tally(baik=1, sedang=2, kurang=1)  # (3 + 4 + 1) / 4 = 2.0
    assert Tally(baik=1, sedang=0, kurang=3).score == Decimal("1.5")
    assert Tally(baik=1, sedang=1, kurang=2).score == Decimal("1.8")  # 1.75 -> 1,8 (round() gives 1.8 too)
    assert Tally(baik=3, sedang=0, kurang=1).score == Decimal("2.5")
    svg = str(chart([("Struktur", tally), ("Alam", Tally())]))
    assert "skor 2" in svg and "belum dinilai" in svg and "Sedang" in svg


def test_template_filters_follow_the_house_rule():
    from core.templatetags.rancang import decimal as decimal_filter
    from core.templatetags.rancang import percent as percent_filter
    from core.templatetags.rancang import with_unit, years

    assert percent_filter(82.5) == "82,5%" and percent_filter(None) == "–" and percent_filter(33.333, 2) == "33,33%"
    assert decimal_filter(Decimal("2.25")) == "2,3"
    assert with_unit("4,21", "%") == "4,21%" and with_unit("1.250", "km²") == "1.250\u00a0km²"
    assert years(2023, 2023) == "2023" and years(2023, 2025) == "2023–2025"


def test_dimension_patterns_still_come_from_the_module():
    from core.charts import dimension_patterns

    dims = [SimpleNamespace(key="living", pattern="cross", color="#d62728")]
    assert 'id="dim-living"' in dimension_patterns(dims, "dim-")
