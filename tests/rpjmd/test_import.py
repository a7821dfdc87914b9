"""The importer against workbooks made here in each layout regions use, every error kind, hostile files."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest

from masterplan.models import OPD
from rpjmd.export import export_csv, export_xlsx
from rpjmd.models import RPJMD, Indicator, IndicatorTarget, Misi, Program, ProgramBudget
from rpjmd.rpjmd_import import PlanHasErrors, apply_plan, import_file

from .conftest import YEARS, records, upload, workbook


def plan_for(personas, data, name="rpjmd.xlsx", **kwargs):
    return import_file(upload(data, name), region=personas.masterplan.region, masterplan=personas.masterplan, **kwargs)


def test_realistic_workbook_imports_everything(region_opds):
    plan = plan_for(region_opds, workbook())
    assert plan.ok, [p.as_text() for p in plan.problems]
    assert (plan.start_year, plan.end_year) == (2021, 2026)
    assert len(plan.creates) == 62 and not plan.updates
    rpjmd = apply_plan(plan)
    assert rpjmd.programs.count() == 62
    program = Program.objects.get(rpjmd=rpjmd, code="1.02.02")
    assert program.opd.acronym == "Dinkes"
    assert program.misi.number == 4
    assert program.urusan == "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"
    assert program.bidang == "URUSAN PEMERINTAHAN BIDANG KESEHATAN"
    assert list(program.indicators.values_list("name", flat=True)) == [
        "Prevalensi stunting pada balita",
        "Angka kematian ibu per 100.000 kelahiran hidup",
    ]
    # Rp merged down over two indicator rows is counted once.
    assert ProgramBudget.objects.get(program=program, year=2021).amount == Decimal("86750000000")
    stunting = program.indicators.get(name__startswith="Prevalensi")
    assert stunting.unit == "%" and stunting.baseline == "21,8"
    assert stunting.targets.get(year=2026).value == "14,0"
    assert Misi.objects.filter(rpjmd=rpjmd).count() == 6  # created from the Misi column
    # The demo's workbook lists two programmes once per OPD: stored once, with both OPDs and their shares.
    assert plan.shared == [
        "Program 2.16.03 dilaksanakan oleh Diskominfo dan Bappelitbang.",
        "Program 3.26.03 dilaksanakan oleh Dispar dan Diskominfo.",
    ]
    spbe = Program.objects.get(rpjmd=rpjmd, code="2.16.03")
    assert (spbe.opd.acronym, [o.acronym for o in spbe.co_opds.all()]) == ("Diskominfo", ["Bappelitbang"])
    assert ProgramBudget.objects.get(program=spbe, year=2021, opd__acronym="Bappelitbang").amount == 1_800_000_000


def test_rupiah_written_as_text_reads_the_same(region_opds):
    plan = plan_for(region_opds, workbook(text_numbers=True))
    assert plan.ok
    rpjmd = apply_plan(plan)
    program = Program.objects.get(rpjmd=rpjmd, code="2.11.11")
    assert ProgramBudget.objects.get(program=program, year=2021).amount == Decimal("14600000000")


def test_reimporting_the_same_file_changes_nothing(region_opds):
    data = workbook()
    apply_plan(plan_for(region_opds, data))
    before = (Program.objects.count(), Indicator.objects.count(), IndicatorTarget.objects.count())
    versions = dict(Program.objects.values_list("code", "version"))
    again = plan_for(region_opds, data)
    assert again.ok and not again.creates and not again.updates and len(again.unchanged) == 62
    apply_plan(again)
    assert (Program.objects.count(), Indicator.objects.count(), IndicatorTarget.objects.count()) == before
    assert dict(Program.objects.values_list("code", "version")) == versions


def test_corrected_file_updates_by_code(region_opds):
    apply_plan(plan_for(region_opds, workbook()))
    rows = records()
    rows[0]["name"] = "Program Pengelolaan Pendidikan Dasar"
    rows[1]["budgets"][2023] = 2_000_000_000
    plan = plan_for(region_opds, workbook(rows))
    assert [c.row.code for c in plan.updates] == ["1.01.02", "1.01.03"]
    assert plan.updates[0].changed == ["name"] and plan.updates[1].changed == ["budgets"]
    apply_plan(plan)
    assert Program.objects.get(code="1.01.02").name == "Program Pengelolaan Pendidikan Dasar"
    assert ProgramBudget.objects.get(program__code="1.01.03", year=2023).amount == 2_000_000_000
    assert Program.objects.count() == 62


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_reimports_unchanged(region_opds, fmt):
    from masterplan.models import Element

    rpjmd = apply_plan(plan_for(region_opds, workbook()))
    program = Program.objects.get(code="2.11.11")
    element = Element.objects.get(key="pengelolaan-sampah")
    program.primary_dimension, program.primary_element, program.justification = element.dimension, element, "=SUM(A1)"
    program.save()
    program.secondary_elements.set([Element.objects.get(key="komunitas")])
    data = export_xlsx(rpjmd) if fmt == "xlsx" else export_csv(rpjmd)
    if fmt == "csv":
        assert b"'=SUM(A1)" in data  # formula injection neutralised
    plan = plan_for(region_opds, data, name=f"ekspor.{fmt}")
    assert plan.ok, [p.as_text() for p in plan.problems]
    assert plan.has_mapping
    assert not plan.creates and not plan.updates and len(plan.unchanged) == 62


def test_mapping_columns_of_an_export_update_the_mapping(region_opds):
    rpjmd = apply_plan(plan_for(region_opds, workbook()))
    data = export_csv(rpjmd).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))  # every field is quoted
    column = rows[0].index("Dimensi Utama")
    for cells in rows:
        if cells[0] == "2.11.11":
            cells[column : column + 2] = ["Smart Environment", "Pengelolaan Sampah"]
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    lines = out.getvalue().splitlines()
    plan = plan_for(region_opds, "\n".join(lines).encode(), name="peta.csv")
    assert plan.ok, [p.as_text() for p in plan.problems]
    assert [c.row.code for c in plan.updates] == ["2.11.11"]
    apply_plan(plan)
    assert Program.objects.get(code="2.11.11").primary_element.key == "pengelolaan-sampah"


def _csv(delimiter=";", encoding="utf-8-sig", name="Dinas Lingkungan Hidup"):
    rows = [
        [
            "Kode",
            "Program",
            "Indikator Kinerja",
            "Satuan",
            "Kondisi Awal",
            "Target 2022",
            "Rp 2022",
            "Target 2023",
            "Rp 2023",
            "OPD",
        ],
        ["2", "URUSAN WAJIB NON PELAYANAN DASAR", "", "", "", "", "", "", "", ""],
        ["2.11", "URUSAN PEMERINTAHAN BIDANG LINGKUNGAN HIDUP", "", "", "", "", "", "", "", ""],
        [
            "2.11.11",
            "Program Pengelolaan Persampahan",
            "Persentase sampah tertangani",
            "%",
            "64%",
            "70%",
            "1.250.000.000,00",
            "75",
            "Rp 1,5 M",
            name,
        ],
        ["", "", "Bank sampah aktif", "unit", "22", "40", "", "60", "", ""],
    ]
    quote = '"' if delimiter == "," else ""
    text = "\r\n".join(delimiter.join(f"{quote}{c}{quote}" for c in row) for row in rows)
    return text.encode(encoding)


@pytest.mark.parametrize(
    "delimiter, encoding, opd",
    [
        (";", "utf-8-sig", "Dinas Lingkungan Hidup"),
        (",", "utf-8", "DLH"),
        (";", "cp1252", "dinas  lingkungan hidup"),
    ],
)
def test_csv_variants(personas, delimiter, encoding, opd):
    plan = plan_for(personas, _csv(delimiter, encoding, opd), name="rpjmd.csv", period=(2021, 2026))
    assert plan.ok, [p.as_text() for p in plan.problems]
    rpjmd = apply_plan(plan)
    program = rpjmd.programs.get()
    assert program.opd == personas.opd
    assert dict(program.budgets.values_list("year", "amount")) == {
        2022: Decimal("1250000000"),
        2023: Decimal("1500000000"),
    }
    first = program.indicators.first()
    assert (first.baseline, first.targets.get(year=2022).value, first.targets.get(year=2023).value) == (
        "64",
        "70",
        "75",
    )
    assert program.indicators.count() == 2


def test_template_imports_unchanged(personas, client):
    from rpjmd.export import template_xlsx

    plan = plan_for(personas, template_xlsx(YEARS), name="templat.xlsx")
    assert plan.ok and not plan.creates and (plan.start_year, plan.end_year) == (2021, 2026)


# Each error kind names its sheet, row and column; nothing is written.


def test_unknown_opd_is_reported_and_can_be_created(personas):
    rows = records(3)
    plan = plan_for(personas, workbook(rows))
    unknown = [p for p in plan.errors if p.kind == "unknown_opd"]
    assert {p.message.split("“")[1].split("”")[0] for p in unknown} == {"Disdikbud"}
    assert (
        unknown[0].sheet == "Tabel 7.1"
        and unknown[0].row == 10
        and unknown[0].column == "T (Perangkat Daerah Penanggung Jawab)"
    )
    with pytest.raises(PlanHasErrors):
        apply_plan(plan)
    assert not RPJMD.objects.exists() and not Program.objects.exists()
    plan = plan_for(personas, workbook(rows), create_opds=True)
    assert plan.ok and plan.new_opds == ["Disdikbud"]
    apply_plan(plan)
    assert OPD.objects.filter(region=personas.masterplan.region, acronym="Disdikbud").exists()
    assert Program.objects.filter(opd__acronym="Disdikbud").count() == 3


def test_year_outside_the_period(region_opds):
    from rpjmd.sample_workbook import rpjmd_workbook

    RPJMD.objects.create(region=region_opds.masterplan.region, start_year=2021, end_year=2026)
    years = list(range(2022, 2028))
    plan = import_file(
        upload(rpjmd_workbook(records(2), years)),
        region=region_opds.masterplan.region,
        masterplan=region_opds.masterplan,
    )
    [problem] = plan.errors
    assert "2027 di luar periode RPJMD 2021–2026" in problem.message
    assert problem.row == 5 and problem.column == "P (Target 2027)"


def test_unreadable_number(region_opds):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook(records(2))))
    sheet = book.active
    sheet["G10"] = "seratus juta"
    out = io.BytesIO()
    book.save(out)
    plan = plan_for(region_opds, out.getvalue())
    [problem] = plan.errors
    assert problem.row == 10 and problem.column == "G (Rp 2021)"
    assert "seratus juta" in problem.message


def test_duplicate_code(region_opds):
    rows = records(3)
    rows[2]["code"] = rows[0]["code"]
    plan = plan_for(region_opds, workbook(rows))
    [problem] = plan.errors
    assert "Kode 1.01.02 dipakai untuk dua program yang berbeda: baris 10" in problem.message


def test_all_or_nothing_when_writing_fails(region_opds, monkeypatch):
    plan = plan_for(region_opds, workbook())

    def boom(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(IndicatorTarget.objects, "bulk_create", boom)
    with pytest.raises(RuntimeError):
        apply_plan(plan)
    assert not RPJMD.objects.exists() and not Program.objects.exists() and not Indicator.objects.exists()


def test_apply_does_not_query_per_row(region_opds, django_assert_max_num_queries):
    small = plan_for(region_opds, workbook(records(5)))
    with django_assert_max_num_queries(40):
        apply_plan(small)
    Program.objects.all().delete()
    big = plan_for(region_opds, workbook())
    with django_assert_max_num_queries(40):  # 62 programmes, 80 indicators: still the same bulk queries
        apply_plan(big)


# Hostile files are refused with a message.


def _error(plan):
    assert not plan.ok
    return plan.errors[0].message


def test_not_a_spreadsheet(personas):
    assert "bukan lembar kerja" in _error(plan_for(personas, b"%PDF-1.4 nope", name="rpjmd.xlsx"))


def test_binary_csv_is_refused(personas):
    assert "bukan CSV" in _error(plan_for(personas, b"abc\x00def", name="rpjmd.csv"))


def test_zip_bomb(personas):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 2**20))
    assert "bom zip" in _error(plan_for(personas, out.getvalue()))


def test_xml_entity_tricks(personas):
    source = zipfile.ZipFile(io.BytesIO(workbook(records(1))))
    out = io.BytesIO()
    doctype = b'<!DOCTYPE w [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = doctype + data
            archive.writestr(item, data)
    assert "tidak dapat dibaca" in _error(plan_for(personas, out.getvalue()))


def test_over_the_size_limit(personas):
    assert "terlalu besar" in _error(plan_for(personas, b"a;b\n" * (3 * 2**20), name="rpjmd.csv"))


def test_too_many_rows(personas):
    data = ("Kode;Program;Indikator\n" + "1;x;y\n" * 50_001).encode()
    assert "lebih dari 50.000 baris" in _error(plan_for(personas, data, name="rpjmd.csv"))


def test_no_programme_table(personas):
    assert "Tabel program tidak ditemukan" in _error(plan_for(personas, b"a;b\n1;2\n", name="x.csv"))


def test_a_named_period_starts_a_new_rpjmd_next_to_an_older_one(region_opds):
    old = RPJMD.objects.create(region=region_opds.masterplan.region, start_year=2016, end_year=2021)
    plan = plan_for(region_opds, workbook(records(2)), period=(2021, 2026))
    assert plan.ok and plan.rpjmd is None and (plan.start_year, plan.end_year) == (2021, 2026)
    rpjmd = apply_plan(plan)
    assert rpjmd != old and rpjmd.programs.count() == 2 and not old.programs.exists()
    again = plan_for(region_opds, workbook(records(2)))  # the masterplan's RPJMD is now the new one
    assert again.rpjmd == rpjmd and len(again.unchanged) == 2


def test_misi_and_sasaran_columns(personas):
    csv = (
        b"Kode;Program;Indikator Kinerja;Satuan;Target 2022;Rp 2022;OPD;Misi;Sasaran\n"
        b"2.11.11;Program Pengelolaan Persampahan;Sampah tertangani;%;70;1.000.000;DLH;Misi 1;Meningkatnya kualitas lingkungan\n"
        b"2.11.02;Program Perencanaan LH;IKLH;indeks;71;2.000.000;DLH;1;Meningkatnya kualitas lingkungan\n"
        b"3.26.02;Program Destinasi;Kunjungan;orang;1000;3.000.000;Dispar;;Citra daerah membaik\n"
    )
    plan = plan_for(personas, csv, name="rpjmd.csv", period=(2021, 2026))
    assert plan.ok and plan.new_misi == [1]
    assert plan.new_sasaran == [(1, "Meningkatnya kualitas lingkungan")]
    assert [p.level for p in plan.problems] == ["warning"]  # sasaran without misi is ignored, and said so
    rpjmd = apply_plan(plan)
    first, second = Program.objects.get(code="2.11.11"), Program.objects.get(code="2.11.02")
    assert first.sasaran == second.sasaran and first.sasaran.tujuan.misi.number == 1
    again = plan_for(personas, csv, name="rpjmd.csv")
    assert not again.updates and not again.new_sasaran and len(again.unchanged) == 3
    exported = plan_for(personas, export_csv(rpjmd), name="ekspor.csv")
    assert exported.ok and not exported.updates and not exported.new_sasaran
