#!/usr/bin/env python
"""Benchmark of the RPJMD import and the mapping page, in a throw-away test database.

    .venv/bin/python scripts/bench_rpjmd.py [--runs 5] [--programs 1000]
    .venv/bin/python scripts/bench_rpjmd.py --shared-table    # 1,500 programmes x 3 indicators, a fifth shared
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rancang_rpjmd .venv/bin/python scripts/bench_rpjmd.py

Builds a 1,000-programme RPJMD by importing a realistic workbook with about 1,500 indicator rows, and
reports (median of several runs): reading the workbook, comparing it with the database, writing, re-importing
the unchanged file (which must write nothing), the peak memory of an import, and the server time and query
count of the mapping page (an OPD member's and the coordinator's).

--shared-table is the table of issue 14: 1,500 programmes with three indicators each, every fifth delivered by
two OPDs (one block of rows per OPD, each with three indicators of its own, text targets such as "A" and "BB"
beside numbers such as "25,5", and its own pagu), medians of 3 runs. Measured on SQLite on the shared 2-core
machine under load (load average 3-11; two runs): read 2.2-3.3 s, compare 0.56-0.62 s, apply 3.8-5.1 s (440
queries), total 6.6-9.0 s; re-import of the unchanged file 3.3-5.2 s and 0 writing queries; peak of one import
52 MiB of Python allocations (process peak RSS 359 MiB, Django and the test database included).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def median_ms(samples):
    return f"{statistics.median(samples) * 1000:8.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--programs", type=int, default=1000)
    parser.add_argument("--indicators", type=float, default=1.5, help="indicators per programme")
    parser.add_argument("--shared-every", type=int, default=0, help="every n-th programme shared by two OPDs")
    parser.add_argument("--shared-table", action="store_true", help="1,500 x 3 indicators, a fifth shared, 3 runs")
    args = parser.parse_args()
    if args.shared_table:
        args.programs, args.indicators, args.shared_every, args.runs = 1500, 3, 5, 3

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args, connection, CaptureQueriesContext)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args, connection, CaptureQueriesContext):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from masterplan.models import OPD, Cohort, Masterplan, Membership, Region, Role
    from rpjmd import services
    from rpjmd.models import RPJMD, Indicator, IndicatorTarget, Program, ProgramBudget
    from rpjmd.rpjmd_import import BytesUpload, apply_plan, build_plan, import_file, read_file
    from rpjmd.sample_data import synthetic_records
    from rpjmd.sample_workbook import rpjmd_workbook

    province = Region.objects.create(code="64", kind="provinsi", name="Kalimantan Timur")
    region = Region.objects.create(code="64.09", kind="kabupaten", name="Kabupaten Uji", province=province)
    masterplan = Masterplan.objects.create(
        region=region, cohort=Cohort.objects.create(year=2022), title="Uji", start_year=2023, end_year=2032
    )
    acronyms = [f"OPD{n:02d}" for n in range(1, 31)]
    OPD.objects.bulk_create([OPD(region=region, acronym=a, name=f"Dinas {a}") for a in acronyms])
    User = get_user_model()
    member = User.objects.create_user(email="opd@bench.test", password="x")
    coordinator = User.objects.create_user(email="koor@bench.test", password="x")
    Membership.objects.create(masterplan=masterplan, user=member, role=Role.OPD_MEMBER, opd=OPD.objects.first())
    Membership.objects.create(masterplan=masterplan, user=coordinator, role=Role.COORDINATOR)

    years = list(range(2021, 2027))
    records = synthetic_records(
        args.programs, years, acronyms, indicators_per_program=args.indicators, shared_every=args.shared_every
    )
    blocks = [part for r in records for part in (r, *r.get("shares", []))]
    indicator_rows = sum(len(part["indicators"]) for part in blocks)
    shared = sum(1 for r in records if r.get("shares"))
    data = rpjmd_workbook(records, years, region_name=region.name)
    print(
        f"Workbook: {args.programs} programmes ({shared} shared by two OPDs), {indicator_rows} indicator rows, "
        f"{len(data) // 1024} KiB"
    )
    print(f"Database: {connection.vendor}; runs: {args.runs} (median)")

    def plan():
        return import_file(BytesUpload(data, "bench.xlsx"), region=region, masterplan=masterplan)

    def stored():
        return (
            Program.objects.count(),
            Program.co_opds.through.objects.count(),
            Indicator.objects.count(),
            IndicatorTarget.objects.count(),
            ProgramBudget.objects.count(),
            Program.history.count() + Indicator.history.count() + ProgramBudget.history.count(),
        )

    first_plan = plan()
    assert first_plan.ok, first_plan.report_lines()[:5]
    assert len(first_plan.shared) == shared, (len(first_plan.shared), shared)
    timings = {"read (workbook)": [], "compare (plan)": [], "apply (write)": [], "re-import unchanged": []}
    apply_queries = writes_again = 0
    for _run in range(args.runs):
        RPJMD.objects.all().delete()
        started = time.perf_counter()
        sheets, problem = read_file(BytesUpload(data, "bench.xlsx"))
        timings["read (workbook)"].append(time.perf_counter() - started)
        assert problem is None
        started = time.perf_counter()
        fresh = build_plan(sheets, region=region, masterplan=masterplan)
        timings["compare (plan)"].append(time.perf_counter() - started)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            apply_plan(fresh)
        timings["apply (write)"].append(time.perf_counter() - started)
        apply_queries = len(queries)
        before = stored()
        started = time.perf_counter()
        again = plan()
        with CaptureQueriesContext(connection) as queries:
            services.apply_import(plan=again, user=coordinator)
        timings["re-import unchanged"].append(time.perf_counter() - started)
        assert not again.has_changes and stored() == before, "the unchanged file wrote something"
        writes_again = sum(1 for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")))
        assert writes_again == 0
    for label, samples in timings.items():
        print(f"  {label:<32} {median_ms(samples)}")
    total = [
        a + b + c
        for a, b, c in zip(timings["read (workbook)"], timings["compare (plan)"], timings["apply (write)"], strict=True)
    ]
    print(f"  {'import total (read+compare+apply)':<32} {median_ms(total)}   ({apply_queries} queries to write)")
    print(f"  re-import of the unchanged file: {writes_again} writing queries, stored rows and history unchanged")
    peak_memory(data, region, masterplan, RPJMD, read_file, build_plan, apply_plan, BytesUpload)

    rpjmd = RPJMD.objects.get()
    programs = list(Program.objects.filter(rpjmd=rpjmd).order_by("pk"))
    from masterplan.models import Element

    elements = list(Element.objects.all())
    for index, program in enumerate(programs[: len(programs) * 2 // 3]):
        program.primary_element = elements[index % len(elements)]
        program.primary_dimension_id = program.primary_element.dimension_id
    Program.objects.bulk_update(programs, ["primary_element", "primary_dimension"], batch_size=500)
    url = reverse("rpjmd:mapping", args=[masterplan.pk])
    for label, user, query in (
        ("mapping page, OPD member", member, ""),
        ("mapping page, coordinator", coordinator, ""),
        ("mapping page, unmapped filter", coordinator, "?status=unmapped"),
        ("coverage page", coordinator, None),
    ):
        client = Client()
        client.force_login(user)
        target = reverse("rpjmd:coverage", args=[masterplan.pk]) if query is None else url + query
        client.get(target)
        samples = []
        for _run in range(args.runs):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(target)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200
        print(f"  {label:<32} {median_ms(samples)}   ({len(queries)} queries)")


def peak_memory(data, region, masterplan, RPJMD, read_file, build_plan, apply_plan, BytesUpload):
    """Peak memory of one import from scratch (read, compare, apply): Python's allocations (tracemalloc) and the
    process's resident peak (ru_maxrss, which includes Django, the test database and the runs before)."""
    import gc
    import resource
    import tracemalloc

    RPJMD.objects.all().delete()
    gc.collect()
    tracemalloc.start()
    sheets, _problem = read_file(BytesUpload(data, "bench.xlsx"))
    apply_plan(build_plan(sheets, region=region, masterplan=masterplan))
    del sheets
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"  {'peak memory of an import':<32} {peak / 2**20:8.1f} MiB allocated (process peak RSS {rss:.0f} MiB)")


if __name__ == "__main__":
    main()
