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


def _header(*budget_titles):
    return ["Kode", "Program", "Indikator", "Satuan", "Target 2023", *budget_titles, "Perangkat Daerah"]


def _read(rows, name="Tabel"):
    sheet = Sheet(name, rows)
    layout = find_layout(sheet)
    programs, problems = read_programs(sheet, layout)
    return layout, programs, problems


@pytest.mark.parametrize(
    "title, amount, expected",
    [
        ("Pagu 2023 (Rp juta)", "1.250", "1250000000"),
        ("Pagu 2023 (Rp. 000)", "1.250", "1250000"),
        ("Pagu 2023 (dalam ribuan rupiah)", 1250, "1250000"),
        ("Pagu 2023 (Rp. Miliar)", "1,5", "1500000000"),
        ("Pagu 2023 (Rp)", "1.250", "1250"),
        ("Pagu 2023 (juta)", "Rp 2 M", "2000000000"),  # a cell with its own unit keeps it
    ],
)
def test_the_money_unit_is_read_from_the_column_title(title, amount, expected):
    layout, programs, problems = _read(
        [_header(title), ["2.16.03", "Program Aplikasi", "Indeks SPBE", "indeks", "3", amount, "Diskominfo"]]
    )
    assert problems == [] and layout.budget_columns == {2023: 5}
    assert programs[0].budgets == {2023: Decimal(expected)}


def test_the_money_unit_is_read_from_a_two_row_header_and_a_note_above_the_table():
    layout, programs, _problems = _read(
        [
            ["Tabel 7.1 Indikasi Rencana Program Prioritas (dalam jutaan rupiah)"],
            ["Kode", "Program", "Indikator", "Target", "Pagu", "Perangkat Daerah"],
            ["Kode", "Program", "Indikator", 2023, 2023, "Perangkat Daerah"],
            ["2.16.03", "Program Aplikasi", "Indeks SPBE", "3", "1.250", "Diskominfo"],
        ]
    )
    assert str(layout.money_label) == "juta rupiah"
    assert programs[0].budgets == {2023: Decimal("1250000000")}


def test_units_that_contradict_each_other_are_an_error_naming_the_columns():
    _layout, _programs, problems = _read(
        [
            ["Kode", "Program", "Indikator", "Pagu 2023 (Rp juta)", "Pagu 2024 (Rp ribu)", "OPD"],
            ["2.16.03", "Program Aplikasi", "Indeks SPBE", "1", "1", "Diskominfo"],
        ]
    )
    assert len(problems) == 1 and problems[0].is_error
    assert "D (Rp 2023): juta rupiah" in problems[0].message and "E (Rp 2024): ribu rupiah" in problems[0].message


@pytest.mark.django_db
def test_the_preview_says_how_the_amounts_are_read():
    from rpjmd.rpjmd_import import build_plan
    from tests.factories import RegionFactory

    sheet = Sheet(
        "Tabel",
        [_header("Pagu 2023 (Rp juta)"), ["2.16.03", "Program Aplikasi", "Indeks SPBE", "indeks", "3", "1.250", "X"]],
    )
    plan = build_plan([sheet], region=RegionFactory(), period=(2023, 2027))
    assert plan.notes == ["Satuan pagu: juta rupiah; Rp 1.250 dibaca Rp 1.250.000.000."]


def test_a_row_of_stacked_cells_is_one_indicator_per_line_and_the_budget_counts_once():
    _layout, programs, problems = _read(
        [
            _header("Pagu 2023"),
            [
                "2.16.03",
                "Program Aplikasi",
                "Indeks SPBE\nPersentase OPD terhubung\nJumlah aplikasi terintegrasi",
                "%",
                "3,1\n85\n12",
                "1.000.000",
                "Diskominfo",
            ],
        ]
    )
    assert problems == []
    indicators = programs[0].indicators
    assert [i.name for i in indicators] == ["Indeks SPBE", "Persentase OPD terhubung", "Jumlah aplikasi terintegrasi"]
    assert [i.targets[2023] for i in indicators] == ["3,1", "85", "12"]
    assert programs[0].budgets == {2023: Decimal("1000000")}


def test_stacked_cells_with_different_numbers_of_lines_are_an_error_naming_the_cell():
    _layout, _programs, problems = _read(
        [
            _header("Pagu 2023"),
            ["2.16.03", "Program Aplikasi", "Indeks SPBE\nPersentase OPD", "indeks\n%", "3,1\n85\n12", "1", "X"],
        ]
    )
    assert len(problems) == 1 and problems[0].is_error
    assert "Sel E2 berisi 3 baris" in problems[0].message and "2 baris" in problems[0].message


@pytest.mark.parametrize("gap", [False, True])
def test_one_code_for_two_programmes_is_an_error_naming_both(gap):
    rows = [_header("Pagu 2023"), ["2.16.03", "Program Aplikasi", "Indeks SPBE", "indeks", "3", "1", "Diskominfo"]]
    if gap:
        rows.append(["2.16.04", "Program Statistik", "Data terbit", "dokumen", "2", "1", "Diskominfo"])
    rows.append(["2.16.03", "Program Persandian", "Indeks KAMI", "indeks", "2", "1", "Diskominfo"])
    _layout, _programs, problems = _read(rows)
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1
    assert "Kode 2.16.03 dipakai untuk dua program yang berbeda" in errors[0].message
    assert "baris 2 “Program Aplikasi”" in errors[0].message and "“Program Persandian”" in errors[0].message


def test_a_programme_listed_again_for_another_opd_is_one_programme_of_both_opds():
    _layout, programs, problems = _read(
        [
            _header("Pagu 2023"),
            ["3.27.02", "Program Pariwisata", "Kunjungan wisata", "orang", "1000", "500", "Dispar"],
            ["3.27.02", "Program Pariwisata", "UMKM binaan", "unit", "50", "200", "Diskop UKM"],
        ]
    )
    assert problems == []
    (program,) = programs
    assert program.opd == "Dispar" and program.other_opds == ["Diskop UKM"]
    assert program.budgets == {2023: Decimal("700")}  # the programme's pagu: the sum of its OPDs' shares
    assert program.opd_budgets == {"Dispar": {2023: Decimal("500")}, "Diskop UKM": {2023: Decimal("200")}}
    assert [(i.name, i.opd) for i in program.indicators] == [
        ("Kunjungan wisata", "Dispar"),
        ("UMKM binaan", "Diskop UKM"),
    ]


def test_a_shared_programme_listed_again_later_for_its_second_opd_joins_it():
    _layout, programs, problems = _read(
        [
            _header("Pagu 2023"),
            ["2.16.03", "Program Aplikasi", "Indeks SPBE", "indeks", "3", "100", "Diskominfo"],
            ["2.16.04", "Program Statistik", "Data terbit", "dokumen", "2", "50", "Diskominfo"],
            ["2.16.03", "Program Aplikasi", "Dokumen perencanaan digital", "dokumen", "1", "40", "Bappeda"],
        ]
    )
    assert problems == []
    assert [p.code for p in programs] == ["2.16.03", "2.16.04"]
    assert programs[0].opds == ["Diskominfo", "Bappeda"]
    assert programs[0].opd_budgets["Bappeda"] == {2023: Decimal("40")}


@pytest.mark.parametrize("gap", [False, True])
def test_a_code_repeated_under_the_same_opd_is_an_error_naming_the_first_row(gap):
    rows = [_header("Pagu 2023"), ["2.16.03", "Program Aplikasi", "Indeks SPBE", "indeks", "3", "100", "Diskominfo"]]
    rows.append(["2.16.03", "Program Aplikasi", "Dokumen", "dokumen", "1", "40", "Bappeda"])
    if gap:
        rows.append(["2.16.04", "Program Statistik", "Data terbit", "dokumen", "2", "50", "Diskominfo"])
    rows.append(["2.16.03", "Program Aplikasi", "Layanan", "%", "10", "5", "Diskominfo"])
    _layout, programs, problems = _read(rows)
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1 and errors[0].row == len(rows)
    assert "2.16.03 sudah dipakai untuk Diskominfo di baris 2" in errors[0].message
    assert [i.name for i in programs[0].indicators] == ["Indeks SPBE", "Dokumen"]


def test_opd_group_rows_give_their_programmes_an_opd_where_the_table_has_no_opd_column():
    _layout, programs, problems = _read(
        [
            ["Kode", "Program", "Indikator", "Target 2023", "Pagu 2023"],
            [None, "Dinas Lingkungan Hidup", None, None, None],
            ["2.11.02", "Program Perencanaan LH", "IKLH", "71", "100"],
            [None, "Badan Perencanaan Pembangunan Daerah", None, None, None],
            ["5.01.02", "Program Perencanaan Pembangunan", "Dokumen RKPD", "1", "50"],
        ]
    )
    assert problems == []
    assert [(p.code, p.opd) for p in programs] == [
        ("2.11.02", "Dinas Lingkungan Hidup"),
        ("5.01.02", "Badan Perencanaan Pembangunan Daerah"),
    ]


def test_subtotals_are_checked_against_their_programmes_at_any_level():
    _layout, _programs, problems = _read(
        [
            ["Kode", "Program", "Indikator", "Target 2023", "Pagu 2023", "OPD"],
            ["2", "Urusan Wajib", None, None, None, None],
            ["2.11", "Lingkungan Hidup", None, None, None, None],
            ["2.11.02", "Program Perencanaan LH", "IKLH", "71", "100", "DLH"],
            ["2.11.03", "Program Pengendalian", "Kualitas air", "70", "50", "DLH"],
            [None, "Jumlah bidang", None, None, "150", None],  # the bidang: right
            ["2.16", "Kominfo", None, None, None, None],
            ["2.16.03", "Program Aplikasi", "Indeks SPBE", "3", "30", "Diskominfo"],
            [None, "Jumlah bidang", None, None, "35", None],  # wrong: 30
            [None, "Jumlah urusan", None, None, "180", None],  # the urusan: right
            [None, "Total", None, None, "190", None],  # wrong: 180
        ]
    )
    warnings = [(p.row, p.message) for p in problems]
    assert [row for row, _m in warnings] == [9, 11]
    assert "menulis Rp 35, sedangkan jumlah pagu program di atasnya Rp 30" in warnings[0][1]
    assert "menulis Rp 190" in warnings[1][1] and "Rp 180" in warnings[1][1]
    assert all(p.level == "warning" for p in problems)


def test_numbers_in_a_group_row_are_a_warning_not_skipped_in_silence():
    _layout, programs, problems = _read(
        [
            ["Kode", "Program", "Indikator", "Target 2023", "Pagu 2023 (Rp juta)", "OPD"],
            ["2.16", "Komunikasi dan Informatika", None, None, "1.250", None],
            ["2.16.03", "Program Aplikasi", "Indeks SPBE", "3", "1.250", "Diskominfo"],
        ]
    )
    assert programs[0].budgets == {2023: Decimal("1250000000")}
    [warning] = problems
    assert warning.level == "warning" and warning.row == 2 and "Rp 1.250.000.000" in warning.message
