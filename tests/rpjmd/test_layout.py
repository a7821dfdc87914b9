from decimal import Decimal

import pytest

from core.spreadsheets import Sheet
from rpjmd.layout import find_layout, parse_number, read_programs, target_text


@pytest.mark.parametrize(
    "raw, expected",
    [
        (1250000000, "1250000000"),
        (1250000000.0, "1250000000"),
        ("1.250.000.000", "1250000000"),
        ("1.250.000.000,00", "1250000000"),
        ("1.250.000.000,50", "1250000000.5"),
        ("Rp 1.250.000.000", "1250000000"),
        ("Rp. 1,25 M", "1250000000"),
        ("Rp 1,25 M", "1250000000"),
        ("1,5 juta", "1500000"),
        ("750 jt", "750000000"),
        ("2 T", "2000000000000"),
        ("1,250,000.00", "1250000"),
        ("1.500", "1500"),
        ("12,5", "12.5"),
    ],
)
def test_parse_number_reads_indonesian_formats(raw, expected):
    assert parse_number(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", [None, "", "-", "–"])
def test_parse_number_empty(raw):
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", ["seratus juta", "1.2.3abc", "Rp", "n/a"])
def test_parse_number_refuses_text(raw):
    with pytest.raises(ValueError):
        parse_number(raw)


def test_percentages_written_either_way_are_the_same_target():
    assert target_text("85%", "%") == target_text("85", "%") == target_text(85, "%") == "85"
    assert target_text(85.5) == "85,5"


def test_single_row_header_with_title_variants():
    sheet = Sheet(
        "Data",
        [
            ["Daftar program"],
            [],
            [
                "No",
                "Kode",
                "Nama Program",
                "Indikator Kinerja",
                "Satuan",
                "Baseline",
                "Target 2022",
                "Pagu 2022",
                "OPD",
                "Lokasi",
            ],
            [1, "2.11.02", "Program Perencanaan LH", "IKLH", "indeks", "70", "71", "Rp 1,5 M", "DLH", "Penajam"],
            [None, None, None, "Dokumen KLHS", "dokumen", "0", "1", None, None, None],
            ["", "Jumlah", None, None, None, None, None, "1.500.000.000", None, None],
        ],
    )
    layout = find_layout(sheet)
    assert layout.header_row == 2 and layout.data_start == 3
    assert layout.target_columns == {2022: 6} and layout.budget_columns == {2022: 7}
    programs, problems = read_programs(sheet, layout)
    assert problems == []
    assert len(programs) == 1
    program = programs[0]
    assert (program.code, program.opd, program.location) == ("2.11.02", "DLH", "Penajam")
    assert [i.name for i in program.indicators] == ["IKLH", "Dokumen KLHS"]
    assert program.budgets == {2022: Decimal("1500000000")}


def test_two_row_header_with_years_under_target_and_pagu_groups():
    sheet = Sheet(
        "Tabel",
        [
            ["Kode", "Program", "Indikator", "Target", "Target", "Pagu", "Pagu", "Perangkat Daerah"],
            ["Kode", "Program", "Indikator", 2022, 2023, 2022, 2023, "Perangkat Daerah"],
            ["2.16.03", "Program Aplikasi", "Indeks SPBE", "2,5", "3", "1.000.000", "2.000.000", "Diskominfo"],
        ],
    )
    layout = find_layout(sheet)
    assert layout.target_columns == {2022: 3, 2023: 4}
    assert layout.budget_columns == {2022: 5, 2023: 6}
    programs, _problems = read_programs(sheet, layout)
    assert programs[0].indicators[0].targets == {2022: "2,5", 2023: "3"}


def test_no_table_found():
    assert find_layout(Sheet("x", [["hello", "world"], [1, 2]])) is None
