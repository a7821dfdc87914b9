"""Programmes delivered by several OPDs (one lead, co-responsible OPDs, indicators and pagu per OPD), and targets
and baselines kept as written with their number: read from generated workbooks, stored, mapped, counted once,
exported and read back unchanged."""

import importlib
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from masterplan.access import access_for
from masterplan.models import OPD, Element, Role
from rpjmd import contributions, coverage, services
from rpjmd.export import export_csv, export_xlsx
from rpjmd.models import RPJMD, Indicator, IndicatorTarget, Program, ProgramBudget
from rpjmd.numbers import indicator_number
from rpjmd.rpjmd_import import PlanHasErrors, apply_plan, import_file
from tests.factories import MembershipFactory, UserFactory
from tests.writepaths import expect_report

from .conftest import YEARS, upload
from .factories import BudgetFactory, IndicatorFactory, ProgramFactory, TargetFactory

TEXT_TARGETS = ["WTP", "A", "BB", "N/A", "Tidak Ada Data", "-"]


def _record(code, name, opd, indicators, pagu, shares=(), misi=6):
    return {
        "code": code,
        "name": name,
        "opd": opd,
        "misi": misi,
        "location": "Kabupaten Penajam Paser Utara",
        "indicators": indicators,
        "budgets": {year: pagu for year in YEARS},
        "mapping": None,
        "shares": list(shares),
    }


def _indicator(name, baseline="40", targets=None, unit="%"):
    return {"name": name, "unit": unit, "baseline": baseline, "targets": targets or {y: "50" for y in YEARS}}


def _shared_records():
    return [
        _record(
            "2.16.03",
            "Program Pengelolaan Aplikasi Informatika",
            "Diskominfo",
            [_indicator("Indeks SPBE", "2,14"), _indicator("Layanan publik elektronik")],
            1_000_000_000,
            shares=[
                {
                    "opd": "Bappelitbang",
                    "indicators": [_indicator("Dokumen perencanaan elektronik")],
                    "budgets": {year: 250_000_000 for year in YEARS},
                }
            ],
        ),
        _record("2.16.04", "Program Statistik Sektoral", "Diskominfo", [_indicator("Data terbit")], 300_000_000),
    ]


def _workbook(rows):
    from rpjmd.sample_workbook import rpjmd_workbook

    return rpjmd_workbook(rows, YEARS)


def _plan(p, data, name="rpjmd.xlsx"):
    return import_file(upload(data, name), region=p.masterplan.region, masterplan=p.masterplan)


def _opd(acronym):
    return OPD.objects.get(acronym=acronym)


def _stored():
    """Everything the import writes, with its history: equal before and after means nothing was written."""
    return (
        list(Program.objects.values_list("code", "version", "opd_id").order_by("code")),
        sorted(Program.co_opds.through.objects.values_list("program_id", "opd_id")),
        Indicator.objects.count(),
        IndicatorTarget.objects.count(),
        list(ProgramBudget.objects.values_list("program_id", "opd_id", "year", "amount").order_by("pk")),
        Program.history.count(),
        Indicator.history.count(),
        ProgramBudget.history.count(),
    )


@pytest.fixture
def shared(region_opds):
    plan = _plan(region_opds, _workbook(_shared_records()))
    assert plan.ok, [p.as_text() for p in plan.problems]
    region_opds.plan = plan
    region_opds.rpjmd = apply_plan(plan)
    region_opds.program = Program.objects.get(code="2.16.03")
    return region_opds


def test_a_programme_listed_for_two_opds_is_stored_once_with_both_and_their_own_indicators_and_pagu(shared):
    assert len(shared.plan.creates) == 2
    assert shared.plan.shared == ["Program 2.16.03 dilaksanakan oleh Diskominfo dan Bappelitbang."]
    assert not shared.plan.warnings  # said in the preview as a fact, not as a problem
    program = shared.program
    assert program.opd == _opd("Diskominfo")
    assert list(program.co_opds.values_list("acronym", flat=True)) == ["Bappelitbang"]
    assert program.owner_opd_ids == {_opd("Diskominfo").pk, _opd("Bappelitbang").pk}
    assert [(i.name, i.opd.acronym) for i in program.indicators.select_related("opd")] == [
        ("Indeks SPBE", "Diskominfo"),
        ("Layanan publik elektronik", "Diskominfo"),
        ("Dokumen perencanaan elektronik", "Bappelitbang"),
    ]
    shares = {
        (b.opd.acronym, b.year): b.amount for b in ProgramBudget.objects.filter(program=program).select_related("opd")
    }
    assert shares[("Diskominfo", 2023)] == Decimal("1000000000")
    assert shares[("Bappelitbang", 2023)] == Decimal("250000000")
    assert len(shares) == 2 * len(YEARS)
    other = Program.objects.get(code="2.16.04")
    assert not other.co_opds.exists() and other.budgets.get(year=2023).opd == _opd("Diskominfo")


def test_the_preview_names_the_shared_programmes(shared, as_user, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client = as_user(shared.coordinator)
    rows = _shared_records()
    rows[1]["name"] = "Program Statistik Sektoral Daerah"
    response = client.post(
        reverse("rpjmd:import", args=[shared.masterplan.pk]),
        {"file": upload(_workbook(rows), "rpjmd.xlsx")},
    )
    body = client.get(response["Location"]).content.decode()
    assert "1 program dilaksanakan lebih dari satu OPD" in body
    assert "Program 2.16.03 dilaksanakan oleh Diskominfo dan Bappelitbang." in body


def test_one_code_with_two_names_is_an_error_naming_both_rows_and_names_and_nothing_is_written(region_opds):
    rows = _shared_records()
    rows[0]["shares"][0]["opd"] = "Bappelitbang"
    rows.append(_record("2.16.03", "Program Persandian", "DLH", [_indicator("Indeks KAMI")], 5))
    rows[-1]["code"] = "2.16.03"
    before = _stored()
    plan = _plan(region_opds, _workbook(rows))
    assert not plan.ok
    (error,) = plan.errors
    assert "Kode 2.16.03 dipakai untuk dua program yang berbeda" in error.message
    assert "“Program Pengelolaan Aplikasi Informatika”" in error.message and "“Program Persandian”" in error.message
    assert f"baris {error.row} " in error.message and "baris 10 " in error.message  # both rows named
    with pytest.raises(PlanHasErrors):
        apply_plan(plan)
    assert _stored() == before


def test_a_code_repeated_under_the_same_opd_is_an_error_and_nothing_is_written(region_opds):
    rows = _shared_records()
    rows.append(_record("2.16.03", rows[0]["name"], "Diskominfo", [_indicator("Indeks lain")], 5))
    before = _stored()
    plan = _plan(region_opds, _workbook(rows))
    (error,) = plan.errors
    assert "Kode program 2.16.03 sudah dipakai untuk Diskominfo di baris 10" in error.message
    assert error.row == 14 and error.column == "A (Kode)"
    assert _stored() == before


TEXT_CASES = {
    "WTP": None,
    "A": None,
    "BB": None,
    "N/A": None,
    "Tidak Ada Data": None,
    "-": None,
    "85,5": Decimal("85.5"),
    "1.250": Decimal("1250"),
}


def test_text_targets_and_baselines_are_kept_as_written_with_their_number(region_opds):
    values = list(TEXT_CASES)
    indicators = [
        _indicator(
            f"Indikator {n}", baseline=value, targets={y: values[(n + i) % len(values)] for i, y in enumerate(YEARS)}
        )
        for n, value in enumerate(values)
    ]
    rows = [_record("5.02.02", "Program Pengelolaan Keuangan Daerah", "BKAD", indicators, 900_000_000)]
    plan = _plan(region_opds, _workbook(rows))
    assert plan.ok, [p.as_text() for p in plan.problems]
    apply_plan(plan)
    stored = list(Indicator.objects.filter(program__code="5.02.02").order_by("order"))
    assert [(i.baseline, i.baseline_number) for i in stored] == list(TEXT_CASES.items())
    for n, indicator in enumerate(stored):
        targets = {t.year: (t.value, t.number) for t in indicator.targets.all()}
        for i, year in enumerate(YEARS):
            text = values[(n + i) % len(values)]
            assert targets[year] == (text, TEXT_CASES[text])


@pytest.mark.parametrize(
    "text, number",
    [
        ("85,5", "85.5"),
        ("1.250", "1250"),
        ("1.250.000", "1250000"),
        ("1.250,75", "1250.75"),
        ("85%", "85"),
        (" 99 ", "99"),
        ("2.5", "2.5"),
        ("-3,5", "-3.5"),
        (85.5, "85.5"),
        ("WTP", None),
        ("Tidak Ada Data", None),
        ("-", None),
        ("", None),
        ("85 - 90", None),
        ("1e9", None),
        ("9" * 30, None),
    ],
)
def test_indicator_numbers_are_read_the_indonesian_way(text, number):
    assert indicator_number(text) == (Decimal(number) if number else None)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_export_of_a_shared_programme_and_text_targets_reimports_without_writing(shared, fmt):
    indicator = Indicator.objects.get(name="Indeks SPBE")
    indicator.targets.filter(year=2022).update(value="WTP", number=None)
    indicator.targets.filter(year=2023).update(value="85,5", number=Decimal("85.5"))
    Indicator.objects.filter(pk=indicator.pk).update(baseline="Tidak Ada Data", baseline_number=None)
    data = export_xlsx(shared.rpjmd) if fmt == "xlsx" else export_csv(shared.rpjmd)
    if fmt == "csv":
        text = data.decode("utf-8-sig")
        assert text.count('"2.16.03";"Program Pengelolaan Aplikasi Informatika"') == 3  # one line per indicator and OPD
    before = _stored()
    plan = _plan(shared, data, name=f"ekspor.{fmt}")
    assert plan.ok, [p.as_text() for p in plan.problems]
    assert not plan.creates and not plan.updates and not plan.has_changes, [c.changed for c in plan.updates]
    assert plan.shared == ["Program 2.16.03 dilaksanakan oleh Diskominfo dan Bappelitbang."]
    services.apply_import(plan=plan, user=shared.coordinator)
    assert _stored() == before


def test_an_export_row_per_indicator_and_opd_with_each_opds_pagu(shared):
    from rpjmd.export import header, table_rows

    columns = header(shared.rpjmd.years)
    rows = [dict(zip(columns, r, strict=True)) for r in table_rows(shared.rpjmd) if r[0] == "2.16.03"]
    assert [(r["Indikator Kinerja"], r["Perangkat Daerah Penanggung Jawab"], r["Rp 2023"]) for r in rows] == [
        ("Indeks SPBE", _opd("Diskominfo").name, 1_000_000_000.0),
        ("Layanan publik elektronik", _opd("Diskominfo").name, None),
        ("Dokumen perencanaan elektronik", _opd("Bappelitbang").name, 250_000_000.0),
    ]


def test_moving_an_indicator_to_another_opd_updates_the_programme(shared):
    rows = _shared_records()
    moved = rows[0]["indicators"].pop()
    rows[0]["shares"][0]["indicators"].append(moved)
    plan = _plan(shared, _workbook(rows))
    assert [c.row.code for c in plan.updates] == ["2.16.03"] and plan.updates[0].changed == ["indicators"]
    apply_plan(plan)
    assert Indicator.objects.get(name="Layanan publik elektronik").opd == _opd("Bappelitbang")


def test_a_programme_that_loses_its_co_opd_is_updated(shared):
    rows = _shared_records()
    rows[0]["shares"] = []
    plan = _plan(shared, _workbook(rows))
    assert plan.updates[0].changed == ["co_opds", "indicators", "budgets"]
    apply_plan(plan)
    program = Program.objects.get(code="2.16.03")
    assert not program.co_opds.exists()
    assert set(program.budgets.values_list("opd__acronym", flat=True)) == {"Diskominfo"}


# Access: any responsible OPD's members may map the programme; the others read it.


def _member_of(p, acronym):
    user = UserFactory(email=f"{acronym.lower()}@uji.test")
    MembershipFactory(masterplan=p.masterplan, user=user, role=Role.OPD_MEMBER, opd=_opd(acronym))
    return user


def _map(client, p, program, element_key="tata-kelola-birokrasi"):
    data = {"primary_element": Element.objects.get(key=element_key).pk, "justification": "", "version": program.version}
    return client.post(reverse("rpjmd:map_program", args=[p.masterplan.pk, program.pk]), data)


def test_a_co_responsible_opds_member_may_map_the_programme(shared, as_user):
    member = _member_of(shared, "Bappelitbang")
    access = access_for(member, shared.masterplan)
    assert access.can_edit(shared.program)
    assert _map(as_user(member), shared, shared.program).status_code == 302
    assert Program.objects.get(pk=shared.program.pk).primary_element.key == "tata-kelola-birokrasi"


def test_a_member_of_a_third_opd_only_reads_it(shared, as_user):
    client = as_user(shared.other_opd_member)  # Dispar: neither lead nor co-responsible
    assert not access_for(shared.other_opd_member, shared.masterplan).can_edit(shared.program)
    assert _map(client, shared, shared.program).status_code == 403
    assert Program.objects.get(pk=shared.program.pk).primary_element is None
    data = {"programs": [shared.program.pk], "primary_element": Element.objects.get(key="layanan-publik").pk}
    assert client.post(reverse("rpjmd:bulk_map", args=[shared.masterplan.pk]), data).status_code == 403
    page = client.get(reverse("rpjmd:mapping", args=[shared.masterplan.pk])).content.decode()
    row = page[page.index(f'id="program-{shared.program.pk}"') :]
    assert "hanya baca" in row[: row.index("</tr>")]


def test_the_co_responsible_opd_sees_the_programme_among_its_own_with_its_share(shared, as_user):
    member = _member_of(shared, "Bappelitbang")
    client = as_user(member)
    response = client.get(reverse("rpjmd:mapping", args=[shared.masterplan.pk]))
    rows = response.context["rows"]
    assert rows[0][0].code == "2.16.03" and rows[0][1] is True  # its own first, editable
    assert [e for p, e in rows if p.code == "2.16.04"] == [False]
    bappelitbang = _opd("Bappelitbang").pk
    response = client.get(reverse("rpjmd:mapping", args=[shared.masterplan.pk]) + f"?opd={bappelitbang}")
    assert [p.code for p, _e in response.context["rows"]] == ["2.16.03"]
    body = response.content.decode()
    assert "Rp 1.500.000.000" in body and "dari Rp 7.500.000.000" in body  # its share of the programme's pagu
    assert "Bappelitbang</span>" in body and "bersama" in body


def test_a_co_responsible_opds_mapping_reports_to_every_masterplan(shared, client):
    from tests.factories import CohortFactory, MasterplanFactory

    later = MasterplanFactory(region=shared.masterplan.region, cohort=CohortFactory(year=2025))
    member = _member_of(shared, "Bappelitbang")
    client.force_login(member)
    with expect_report(
        shared.masterplan, services.PROGRAMS, notified=[shared.coordinator, shared.expert], masterplans=[later]
    ):
        assert _map(client, shared, shared.program).status_code == 302


# Counts and totals: a shared programme once, its budget once (the sum of its OPDs' shares).


def test_totals_count_a_shared_programme_once_and_its_pagu_once(shared, as_user):
    program = shared.program
    element = Element.objects.get(key="tata-kelola-birokrasi")
    Program.objects.filter(pk=program.pk).update(primary_dimension=element.dimension, primary_element=element)
    assert coverage.counts(shared.rpjmd) == (2, 1)
    governance = next(r for r in coverage.dimension_coverage(shared.rpjmd) if r.dimension.key == "governance")
    assert governance.programs == 1
    assert governance.budget == Decimal(1_250_000_000 * len(YEARS))  # lead + co share, each once
    rows = {r.label: (r.total, r.mapped) for r in coverage.opd_coverage(shared.rpjmd)}
    assert rows == {"Diskominfo": (2, 1), "Bappelitbang": (1, 1)}  # each OPD its own work
    body = as_user(shared.coordinator).get(reverse("rpjmd:index", args=[shared.masterplan.pk])).content.decode()
    total = 1_250_000_000 * len(YEARS) + 300_000_000 * len(YEARS)
    assert "Rp " + f"{total:,}".replace(",", ".") in body
    page = as_user(shared.coordinator).get(reverse("rpjmd:coverage", args=[shared.masterplan.pk]))
    assert page.context["total"] == 2
    chapter = contributions.chapter_mapping(shared.masterplan)
    assert (chapter["total"], chapter["mapped"]) == (2, 1)
    html = render_to_string("books/rpjmd/pemetaan.html", chapter)
    assert '<td class="opd">Diskominfo, Bappelitbang</td>' in html
    assert html.count("<td>2.16.03</td>") == 1
    fields = next(r for r in contributions.serialize_programs(shared.masterplan) if r["key"] == "2.16.03")["fields"]
    assert fields["pagu"] == f"{1_250_000_000 * len(YEARS)}.00" and fields["co_opds"] == ["Bappelitbang"]


def test_the_dashboard_panel_counts_the_co_responsible_opds_unmapped_programme(shared):
    member = _member_of(shared, "Bappelitbang")
    data = contributions.panel_context(shared.masterplan, access_for(member, shared.masterplan))
    assert (data["total"], data["own_unmapped"]) == (2, 1)


def test_the_programme_dashboard_counts_a_shared_programme_once(shared):
    from django.db.models import Count

    # the cohort column counts programmes through the RPJMD: one row per programme, whatever its OPDs
    result = RPJMD.objects.filter(pk=shared.rpjmd.pk).aggregate(n=Count("programs"))
    assert result["n"] == 2
    assert contributions.mapping_percentages(type(shared.masterplan).objects.filter(pk=shared.masterplan.pk)) == {
        shared.masterplan.pk: "0%"
    }


# Existing data: every programme's OPD becomes the lead, its indicators and budgets that OPD's, numbers read.


def test_the_data_migration_gives_the_lead_opd_its_budgets_indicators_and_numbers(personas):
    from django.apps import apps

    program = ProgramFactory(rpjmd__region=personas.masterplan.region, opd=personas.opd)
    budget = BudgetFactory(program=program)
    indicators = [IndicatorFactory(program=program, baseline=b) for b in ("85,5", "WTP")]
    targets = [TargetFactory(indicator=indicators[0], value=v, year=y) for v, y in (("1.250", 2022), ("BB", 2023))]
    orphan = BudgetFactory(program=ProgramFactory(rpjmd=program.rpjmd, opd=None), year=2023)
    Indicator.objects.update(opd=None, baseline_number=None)
    migration = importlib.import_module("rpjmd.migrations.0003_lead_opd_owns_existing_budgets_and_numbers")
    migration.forward(apps, None)
    budget.refresh_from_db()
    orphan.refresh_from_db()
    assert budget.opd == personas.opd and orphan.opd is None
    assert [(i.opd_id, i.baseline_number) for i in Indicator.objects.order_by("pk")] == [
        (personas.opd.pk, Decimal("85.5")),
        (personas.opd.pk, None),
    ]
    assert [IndicatorTarget.objects.get(pk=t.pk).number for t in targets] == [Decimal("1250"), None]
    assert IndicatorTarget.objects.get(pk=targets[1].pk).value == "BB"
