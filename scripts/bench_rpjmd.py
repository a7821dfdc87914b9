#!/usr/bin/env python
"""Benchmark of the RPJMD import and the mapping page, in a throw-away test database.

    .venv/bin/python scripts/bench_rpjmd.py [--runs 5] [--programs 1000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rancang_rpjmd .venv/bin/python scripts/bench_rpjmd.py

Builds a 1,000-programme RPJMD by importing a realistic workbook with about 1,500 indicator rows, and
reports (median of several runs): reading the workbook, planning, writing, re-importing the unchanged
file, and the server time and query count of the mapping page (an OPD member's and the coordinator's).
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
    args = parser.parse_args()

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
    from rpjmd.models import RPJMD, Program
    from rpjmd.rpjmd_import import BytesUpload, apply_plan, import_file
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
    records = synthetic_records(args.programs, years, acronyms)
    indicator_rows = sum(len(r["indicators"]) for r in records)
    data = rpjmd_workbook(records, years, region_name=region.name)
    print(f"Workbook: {args.programs} programmes, {indicator_rows} indicator rows, {len(data) // 1024} KiB")
    print(f"Database: {connection.vendor}; runs: {args.runs} (median)")

    def plan():
        return import_file(BytesUpload(data, "bench.xlsx"), region=region, masterplan=masterplan)

    first_plan = plan()
    assert first_plan.ok, first_plan.report_lines()[:5]
    timings = {"plan (read + compare)": [], "apply (write)": [], "re-import unchanged (plan)": []}
    apply_queries = 0
    for _run in range(args.runs):
        RPJMD.objects.all().delete()
        started = time.perf_counter()
        fresh = plan()
        timings["plan (read + compare)"].append(time.perf_counter() - started)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            apply_plan(fresh)
        timings["apply (write)"].append(time.perf_counter() - started)
        apply_queries = len(queries)
        started = time.perf_counter()
        again = plan()
        timings["re-import unchanged (plan)"].append(time.perf_counter() - started)
        assert not again.creates and not again.updates
    for label, samples in timings.items():
        print(f"  {label:<32} {median_ms(samples)}")
    total = [a + b for a, b in zip(timings["plan (read + compare)"], timings["apply (write)"], strict=True)]
    print(f"  {'import total (plan + apply)':<32} {median_ms(total)}   ({apply_queries} queries to write)")

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


if __name__ == "__main__":
    main()
