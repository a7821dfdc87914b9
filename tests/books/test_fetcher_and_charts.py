import pytest

from core.charts import Bar, GanttRow, gantt_chart, hbar_chart
from core.pdf import BlockedURL, SafeFetcher, static_uri


@pytest.fixture
def fetcher(tmp_path):
    folder = tmp_path / "masterplan" / "1"
    folder.mkdir(parents=True)
    (folder / "foto.png").write_bytes(b"\x89PNG...")
    other = tmp_path / "masterplan" / "2"
    other.mkdir(parents=True)
    (other / "rahasia.png").write_bytes(b"\x89PNG...")
    return SafeFetcher([folder]), folder, other


@pytest.mark.parametrize(
    "url", ["http://example.com/x.png", "https://example.com/x.css", "ftp://x/y", "file:///etc/passwd"]
)
def test_fetcher_refuses_remote_and_outside_files(fetcher, url):
    with pytest.raises(BlockedURL):
        fetcher[0].fetch(url)


def test_fetcher_refuses_another_masterplans_media_and_dot_dot(fetcher):
    safe, folder, other = fetcher
    with pytest.raises(BlockedURL):
        safe.fetch((other / "rahasia.png").as_uri())
    with pytest.raises(BlockedURL):
        safe.fetch(folder.as_uri() + "/../../" + other.parent.name + "/" + other.name + "/rahasia.png")


def test_fetcher_serves_static_files_and_the_folders_it_is_given(fetcher):
    safe, folder, _other = fetcher
    assert safe.fetch(static_uri("fonts/NotoSans-Regular.ttf")) is not None
    assert safe.fetch((folder / "foto.png").as_uri()) is not None


def test_bar_chart_is_accessible_and_escaped():
    svg = hbar_chart(
        [Bar("<b>Gov</b>", 12, pattern="diagonal"), Bar("Eco", 3.5, pattern="dots")],
        title="Program & dimensi",
        unit="prog",
    )
    assert "<title" in svg and "Program &amp; dimensi" in svg
    assert "&lt;b&gt;Gov&lt;/b&gt;" in svg and "<b>" not in svg
    assert "12 prog" in svg and "3,5 prog" in svg
    assert svg.count("<pattern") == 2 and 'role="img"' in svg


def test_empty_bar_chart_says_so():
    assert "Belum ada data" in hbar_chart([], title="Kosong")


def test_gantt_chart_spans_years_inclusive():
    svg = gantt_chart(
        [GanttRow("Aplikasi", 2024, 2026, pattern="cross"), GanttRow("Lama", 2010, 2011)],
        years=range(2023, 2033),
        title="Peta jalan",
    )
    assert "2023" in svg and "2032" in svg
    assert "Aplikasi: 2024–2026" in svg
    assert "Lama: " not in svg  # outside the horizon: label only, no bar
