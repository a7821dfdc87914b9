#!/usr/bin/env python
"""Benchmark of the four books on a large masterplan, in a throw-away SQLite database.

    .venv/bin/python scripts/bench_books.py [--scale 1.0] [--post-only] [--requests 30]

Fills one masterplan through the content apps' own models (`fill_content`): 120 OPDs, 60 members, an RPJMD with
300 programmes (mapped to the dimensions, with budgets), 80 masterplan programmes over a 10-year roadmap (budget
lines, indicators with yearly targets), readiness items, SWOT, strategies and goals, applications, and 30 chosen
quick wins with partners, budgets, indicators and progress; monev adds five reporting years with their reports
(the monitoring report is measured for the newest). The books' real chapters are measured; synthetic
chapters are used only for a book that has no real chapter registered (an app may also provide
`<app>/bench.py: fill(masterplan, scale)`).

Reports per book, each rendered in its own forked process like a Celery prefork child: pages, render seconds,
pages per second, and memory: the render's own peak (the process's peak resident memory during the render, the
kernel's high-water mark reset just before it, less what the process held before it) against the target of
50 MB + 3.2 MB per page, and the worker's whole peak (that plus the Django process it runs in, whose bare
size is printed). `--post-only` measures only the export POST (see `post_timing`). Then the whole set's wall time with 1 and 2 worker processes (largest book first), beside the best a
largest-first schedule of the single-book times allows, and the two largest books on two free workers.
"""

import argparse
import importlib
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["RANCANG_DATA_DIR"] = tempfile.mkdtemp(prefix="rancang-bench-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()
import logging  # noqa: E402

logging.getLogger("weasyprint").setLevel(logging.ERROR)

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402

from books.models import Book  # noqa: E402
from books.rendering import book_html, render_book  # noqa: E402
from core import registry  # noqa: E402
from core.charts import Bar, GanttRow, gantt_chart, hbar_chart  # noqa: E402
from masterplan.models import OPD, Cohort, Dimension, Masterplan, Membership, Region, Role  # noqa: E402

CONTENT_APPS = ["rpjmd", "plan", "quickwins", "bimtek", "review", "monev"]  # monev: five reporting years
WORDS = "layanan digital terpadu data daerah warga aplikasi sistem informasi publik pengelolaan kota cerdas".split()


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def fill(scale):
    rng = random.Random(7)
    province = Region.objects.create(code="99", kind="provinsi", name="Provinsi Uji")
    region = Region.objects.create(
        code="99.01", kind="kabupaten", name="Kabupaten Uji Besar", province=province, population=512_345, area_km2=4321
    )
    mp = Masterplan.objects.create(
        region=region,
        cohort=Cohort.objects.create(year=2024),
        title="Masterplan Smart City Kabupaten Uji Besar",
        start_year=2025,
        end_year=2034,
        foreword=text(rng, 120),
    )
    opds = [
        OPD(region=region, acronym=f"OPD-{n:03d}", name=f"Dinas {text(rng, 5)[:-1]} {n}")
        for n in range(int(120 * scale))
    ]
    OPD.objects.bulk_create(opds)
    from django.contrib.auth import get_user_model

    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(email=f"u{n}@bench.test", first_name=f"Anggota {n}", position=text(rng, 4))
            for n in range(int(60 * scale))
        ]
    )
    opds = list(OPD.objects.filter(region=region))
    Membership.objects.bulk_create(
        [Membership(masterplan=mp, user=u, role=Role.OPD_MEMBER, opd=opds[i % len(opds)]) for i, u in enumerate(users)]
    )
    fill_content(mp, opds, scale, rng)
    for app in CONTENT_APPS:
        try:
            module = importlib.import_module(f"{app}.bench")
        except ModuleNotFoundError:
            continue
        module.fill(mp, scale)
    return mp


def fill_content(mp, opds, scale, rng):
    """The content apps' data of a large masterplan, with their models (bulk inserts, no history)."""
    import datetime

    from masterplan.models import Element
    from plan.models import (
        Application,
        BudgetLine,
        DimensionStrategy,
        Goal,
        Programme,
        ProgrammeIndicator,
        ProgrammeTarget,
        ReadinessItem,
        SwotEntry,
    )
    from quickwins.models import Budget, Partner, ProgressUpdate, QuickWin, QuickWinIndicator
    from rpjmd.models import RPJMD, Misi, Program, ProgramBudget

    s = lambda n: max(1, int(n * scale))  # noqa: E731
    dims = list(Dimension.objects.order_by("order"))
    elements = {d.pk: list(Element.objects.filter(dimension=d).order_by("order")) or [None] for d in dims}
    years = list(range(mp.start_year, mp.end_year + 1))

    rpjmd = RPJMD.objects.create(region=mp.region, start_year=2021, end_year=2026, visi=text(rng, 14))
    misi = Misi.objects.bulk_create([Misi(rpjmd=rpjmd, number=n + 1, text=text(rng, 16)) for n in range(6)])
    for n, m in enumerate(misi):
        m.dimensions.set([dims[n % len(dims)], dims[(n + 2) % len(dims)]])
    programs = []
    for n in range(s(300)):
        d = dims[n % len(dims)] if n % 7 else None  # most mapped, some not
        programs.append(
            Program(
                rpjmd=rpjmd,
                code=f"{1 + n // 60}.{n % 60:02d}.{n % 9 + 1:02d}",
                name=f"Program {text(rng, 7)[:-1]} {n}",
                opd=opds[n % len(opds)],
                misi=misi[n % len(misi)],
                order=n,
                primary_dimension=d,
                primary_element=elements[d.pk][n % len(elements[d.pk])] if d else None,
            )
        )
    programs = Program.objects.bulk_create(programs)
    ProgramBudget.objects.bulk_create(
        [
            ProgramBudget(program=p, year=y, amount=rng.randint(1, 90) * 100_000_000)
            for p in programs
            for y in (2022, 2023)
        ]
    )

    horizons = ["short", "medium", "long"]
    programmes = Programme.objects.bulk_create(
        [
            Programme(
                masterplan=mp,
                name=f"{text(rng, 6)[:-1]} {n}",
                dimension=dims[n % len(dims)],
                element=elements[dims[n % len(dims)].pk][0],
                description=text(rng, 30),
                lead_opd=opds[n % len(opds)],
                horizon=horizons[n % 3],
                start_year=years[(n * 3) % 8],
                end_year=min(years[-1], years[(n * 3) % 8] + 1 + n % 4),
                order=n,
            )
            for n in range(s(80))
        ]
    )
    for n, p in enumerate(programmes):
        p.rpjmd_programs.set(programs[n : n + 2])
        p.partner_opds.set(opds[n + 1 : n + 3])
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(programme=p, year=y, source=src, amount=rng.randint(1, 40) * 250_000_000)
            for p in programmes
            for y in range(p.start_year, p.end_year + 1)
            for src in ("apbd", "apbn")
        ]
    )
    indicators = ProgrammeIndicator.objects.bulk_create(
        [
            ProgrammeIndicator(programme=p, name=text(rng, 4)[:-1], unit="unit", baseline="0", order=0)
            for p in programmes
        ]
    )
    ProgrammeTarget.objects.bulk_create(
        [ProgrammeTarget(indicator=i, year=y, value=str(rng.randint(1, 900))) for i in indicators for y in years[:4]]
    )
    components = ["struktur", "infrastruktur", "suprastruktur", "alam", "budaya"]
    ReadinessItem.objects.bulk_create(
        [
            ReadinessItem(
                masterplan=mp,
                component=components[n % 5],
                dimension=dims[n % len(dims)],
                name=text(rng, 5),
                rating=["baik", "sedang", "kurang"][n % 3],
                evidence=text(rng, 8),
                order=n,
            )
            for n in range(s(60))
        ]
    )
    SwotEntry.objects.bulk_create(
        [
            SwotEntry(masterplan=mp, dimension=d, kind=k, text=text(rng, 9), order=n)
            for d in dims
            for k in "SWOT"
            for n in range(3)
        ]
    )
    for d in dims:
        strategy = DimensionStrategy.objects.create(masterplan=mp, dimension=d, text=text(rng, 14))
        for _n in range(3):
            Goal.objects.create(
                masterplan=mp, strategy=strategy, text=text(rng, 6), indicator=text(rng, 3), target="100%"
            )
    Application.objects.bulk_create(
        [
            Application(
                masterplan=mp,
                name=f"Aplikasi {n}",
                opd=opds[n],
                dimension=dims[n % len(dims)],
                purpose=text(rng, 8),
                users="Masyarakat",
                order=n,
            )
            for n in range(s(20))
        ]
    )

    quickwins = QuickWin.objects.bulk_create(
        [
            QuickWin(
                masterplan=mp,
                short_name=f"QW{n + 1}",
                full_name=f"Quick win {text(rng, 4)[:-1]} {n + 1}",
                dimension=dims[n % len(dims)],
                problem=text(rng, 40),
                beneficiaries=text(rng, 10),
                solution=text(rng, 40),
                benefits=text(rng, 20),
                novelty=text(rng, 15),
                resources_people=text(rng, 10),
                resources_facilities=text(rng, 10),
                sustainability_regulation=text(rng, 6),
                risks=text(rng, 15),
                status="implementation",
                chosen=True,
                progress=30 + n * 2,
                progress_date=datetime.date(2025, 6, 30),
            )
            for n in range(s(30))
        ]
    )
    Partner.objects.bulk_create(
        [
            Partner(quickwin=q, kind="university", name=text(rng, 3), role=text(rng, 3))
            for q in quickwins
            for _ in range(2)
        ]
    )
    Budget.objects.bulk_create(
        [Budget(quickwin=q, year=y, source="apbd", amount=150_000_000) for q in quickwins for y in (2025, 2026)]
    )
    QuickWinIndicator.objects.bulk_create(
        [QuickWinIndicator(quickwin=q, name=text(rng, 4), unit="unit", baseline="0", target="100") for q in quickwins]
    )
    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(quickwin=q, date=datetime.date(2025, m, 28), percent=10 * m, status="implementation")
            for q in quickwins
            for m in (1, 3, 6)
        ]
    )


def synthetic_chapters(scale):
    """Table-heavy chapters for books that have no real content chapter registered yet."""
    rng = random.Random(11)
    dims = list(Dimension.objects.order_by("order")) or [None]

    def dim(i):
        d = dims[i % len(dims)]
        return (d.name_id, d.pattern, d.color) if d else ("Dimensi", "solid", "#999999")

    def programmes(n, title):
        rows = [
            [
                f"{i + 1}",
                text(rng, 6),
                dim(i)[0],
                f"OPD-{i % 120:03d}",
                f"Rp {rng.randint(1, 90) * 100_000_000:,}".replace(",", "."),
                text(rng, 14),
            ]
            for i in range(n)
        ]
        return {
            "title": title,
            "head": ["No.", "Program", "Dimensi", "OPD", "Pagu", "Keterangan"],
            "widths": [6, 24, 14, 10, 14, 32],
            "rows": rows,
        }

    def bars(title):
        return {
            "title": title,
            "figure": hbar_chart(
                [Bar(dim(i)[0], rng.randint(5, 40), dim(i)[1], dim(i)[2]) for i in range(6)],
                title=title,
                unit="program",
            ),
        }

    def roadmap(n):
        rows = [
            GanttRow(text(rng, 3), 2025 + (i % 8), min(2034, 2025 + (i % 8) + rng.randint(0, 4)), dim(i)[1], dim(i)[2])
            for i in range(n)
        ]
        return {
            "title": "Peta jalan 10 tahun",
            "figure": gantt_chart(rows, years=range(2025, 2035), title="Peta jalan 10 tahun"),
        }

    def quickwins(n):
        return {
            "title": "Profil quick win",
            "profiles": [
                {
                    "name": f"Quick win {i + 1}: {text(rng, 3)[:-1]}",
                    "facts": [("Dimensi", dim(i)[0]), ("OPD", f"OPD-{i:03d}"), ("Anggaran", "Rp 250.000.000")],
                    "text": text(rng, 160),
                    "figure": hbar_chart(
                        [Bar("Kemajuan", rng.randint(0, 100), dim(i)[1], dim(i)[2])],
                        title="Kemajuan",
                        unit="%",
                        max_value=100,
                        id_prefix=f"qw{i}",
                    ),
                }
                for i in range(n)
            ],
        }

    s = lambda n: max(1, int(n * scale))  # noqa: E731
    return {
        "analisis": [
            ("Program RPJMD", [programmes(s(300), "Program RPJMD dan pemetaan dimensi"), bars("Program per dimensi")]),
            ("Analisis kesiapan", [programmes(s(60), "Kesiapan per komponen")]),
        ],
        "masterplan": [
            ("Program masterplan", [programmes(s(80), "Program dan rencana aksi"), bars("Anggaran per dimensi")]),
            ("Peta jalan", [roadmap(s(40)), programmes(s(80), "Rencana tahunan")]),
            ("Quick win", [programmes(s(30), "Quick win terpilih")]),
        ],
        "ringkasan": [("Ringkasan", [bars("Program per dimensi"), programmes(s(80), "Program utama"), roadmap(s(20))])],
        "quickwin": [("Quick win", [quickwins(s(30))])],
    }


def register_synthetic(scale):
    for book, chapters in synthetic_chapters(scale).items():
        if any(not c.key.startswith("books-") for c in registry.chapters(book)):
            continue  # real chapters exist: measure those
        for order, (title, parts) in enumerate(chapters, start=20):
            registry.register_chapter(
                registry.Chapter(
                    book,
                    f"bench-{order}",
                    title,
                    "books/books/synthetic.html",
                    lambda m, t=title, p=parts: {"title": t, "parts": p},
                    order,
                )
            )


def memory_mb(field):
    """VmRSS (resident now) or VmHWM (peak resident) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_memory():
    """Start the kernel's high-water mark of resident memory again from what is resident now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def bare_worker_mb():
    """Resident memory of a fresh process that has set Django up and imported the renderer, as a worker has."""
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings'); django.setup(); "
        "import books.tasks; from pathlib import Path; "
        "print(next(l.split()[1] for l in Path('/proc/self/status').read_text().splitlines() if l.startswith('VmRSS')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def render_one(args):
    """Runs in its own process: (key, pages, wall seconds, render's own peak MB, HTML seconds, CPU seconds)."""
    mp_pk, key, scale = args
    connections.close_all()
    register_synthetic(scale)
    mp = Masterplan.objects.select_related("region__province", "cohort").get(pk=mp_pk)
    book = Book.objects.get(cohort=None, key=key)
    before = memory_mb("VmRSS")
    reset_peak_memory()
    began, cpu = time.perf_counter(), time.process_time()
    html = book_html(mp, book)
    html_seconds = time.perf_counter() - began
    pdf, pages = render_book(mp, html)
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu
    return key, pages, seconds, memory_mb("VmHWM") - before, html_seconds, cpu


def render_extract(args):
    """Runs in its own process: one OPD's extract of the executive summary, (acronym, programmes, pages, HTML
    seconds, wall seconds) for the OPD that leads the most programmes."""
    from django.db.models import Count

    from books.rendering import opd_extract_html

    mp_pk, scale = args
    connections.close_all()
    register_synthetic(scale)
    mp = Masterplan.objects.select_related("region__province", "cohort").get(pk=mp_pk)
    book = Book.objects.get(cohort=None, key="ringkasan")
    opd = (
        OPD.objects.for_masterplan(mp)
        .annotate(n=Count("plan_programmes", distinct=True))
        .order_by("-n", "acronym")
        .first()
    )
    runs = []
    for _run in range(2):  # the first in a fresh process (fonts, templates), then as a warm worker renders it
        began = time.perf_counter()
        html = opd_extract_html(mp, book, opd)
        html_seconds = time.perf_counter() - began
        _pdf, pages = render_book(mp, html)
        runs.append((html_seconds, time.perf_counter() - began))
    return opd.acronym, opd.n, pages, runs


def extract_timing(context, mp, scale):
    with context.Pool(1, maxtasksperchild=1) as pool:
        acronym, programmes, pages, runs = pool.map(render_extract, [(mp.pk, scale)])[0]
    (cold_html, cold), (warm_html, warm) = runs
    print(
        f"OPD extract (ringkasan, {acronym}: {programmes} programmes): {pages} pages; fresh process: HTML "
        f"{cold_html * 1000:.0f} ms, total {cold:.2f} s; warm worker: HTML {warm_html * 1000:.0f} ms, total "
        f"{warm:.2f} s (target < 2 s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )


def reuse_check(mp, scale):
    """An unchanged export: the request (queues only) and the task that finds the HTML unchanged and ends the job
    with the stored file (one book)."""
    from unittest import mock

    from books import services, tasks

    register_synthetic(scale)
    mp = Masterplan.objects.select_related("region__province", "cohort").get(pk=mp.pk)
    with mock.patch.object(tasks.render_export, "delay"):
        job = services.request_export(masterplan=mp, book_keys=["ringkasan"], variant="draft")[0]
        services.run_job(job.pk)
        began = time.perf_counter()
        again = services.request_export(masterplan=mp, book_keys=["ringkasan"], variant="draft")[0]
        asked = time.perf_counter()
        services.run_job(again.pk)
    again.refresh_from_db()
    print(
        f"unchanged export (ringkasan): request {(asked - began) * 1000:.0f} ms, then the task ends it in "
        f"{(time.perf_counter() - asked) * 1000:.0f} ms, reused={again.reused}"
    )
    connections.close_all()


def post_timing(mp, scale, requests):
    """The export POST (books:export, every book, draft) as a coordinator sends it, through the Django test
    client: median and 95th percentile over `requests` POSTs. The tasks are queued on the throw-away
    filesystem broker of this run and never run (no worker), as in the portal while the workers are busy."""
    import statistics

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from books.models import ExportJob

    register_synthetic(scale)
    user = get_user_model().objects.create(email="koordinator@bench.test", first_name="Koordinator")
    Membership.objects.create(masterplan=mp, user=user, role=Role.COORDINATOR)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("books:export", args=[mp.pk])
    client.post(url, {"book": "__all__", "variant": "draft"})  # warm-up: templates, the broker's connection
    times, cpu = [], []
    for _n in range(requests):
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.post(url, {"book": "__all__", "variant": "draft"})
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        assert response.status_code == 302, response.status_code
    queued = ExportJob.objects.filter(masterplan=mp, status=ExportJob.Status.QUEUED).count()
    print(
        f"export POST (all {Book.objects.filter(cohort=None).count()} books, draft), {requests} requests: "
        f"wall median {statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms, max {max(times):.0f} ms; "
        f"CPU median {statistics.median(cpu):.0f} ms, p95 {percentile(cpu, 95):.0f} ms "
        f"({queued} jobs queued, none run; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    connections.close_all()


def percentile(values, p):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]


def main():
    from simple_history.signals import post_create_historical_record

    # Filling the plan must not schedule background re-renders (books.signals) on a broker.
    post_create_historical_record.disconnect(dispatch_uid="books.content_changed")
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--post-only", action="store_true", help="measure only the export POST")
    parser.add_argument("--requests", type=int, default=30, help="export POSTs measured (default 30)")
    parser.add_argument("--extract-only", action="store_true", help="measure only one OPD's summary extract")
    parser.add_argument("--docx-only", action="store_true", help="measure only the Word copies (books/docx.py)")
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    mp = fill(options.scale)
    connections.close_all()
    if options.post_only:
        post_timing(mp, options.scale, options.requests)
        return
    keys = [b.key for b in Book.objects.filter(cohort=None)]
    if options.docx_only:
        docx_timing(mp, keys)
        return
    connections.close_all()
    context = multiprocessing.get_context("fork")
    if options.extract_only:
        extract_timing(context, mp, options.scale)
        return
    bare = bare_worker_mb()
    print(
        f"{'buku':<12}{'halaman':>8}{'detik':>8}{'hlm/s':>8}{'render MB':>11}{'batas MB':>10}{'worker MB':>11}"
        f"{'HTML ms':>9}{'CPU s':>8}{'hlm/CPU-s':>11}"
    )
    results = {}
    for key in keys:
        with context.Pool(1, maxtasksperchild=1) as pool:
            key, pages, seconds, peak, html_s, cpu = pool.map(render_one, [(mp.pk, key, options.scale)])[0]
        results[key] = (pages, seconds)
        print(
            f"{key:<12}{pages:>8}{seconds:>8.2f}{pages / seconds:>8.1f}{peak:>11.0f}{50 + 3.2 * pages:>10.0f}"
            f"{bare + peak:>11.0f}{html_s * 1000:>9.0f}{cpu:>8.2f}{pages / cpu:>11.1f}"
        )
    print(f"worker MB = render MB + {bare:.0f} MB, a bare worker process (Django set up, renderer imported)")
    extract_timing(context, mp, options.scale)
    docx_timing(mp, keys)
    connections.close_all()
    reuse_check(mp, options.scale)
    order = sorted(keys, key=lambda k: -results[k][0])  # largest first
    longest = max(s for _p, s in results.values())
    for workers in (1, 2):
        wall = render_set(context, mp.pk, order, workers, options.scale)
        print(
            f"set of {len(keys)} books, {workers} worker(s): {wall:.2f} s  (longest book {longest:.2f} s; "
            f"longest-first schedule of the single-book times on {workers} worker(s): "
            f"{schedule_bound([results[k][1] for k in order], workers):.2f} s)"
        )
    # "When workers are free": as many free workers (cores) as books. This machine has 2 cores, so the two
    # largest books on 2 workers; the target is the longer of the two plus 20%.
    pair = order[:2]
    wall = render_set(context, mp.pk, pair, 2, options.scale)
    pair_longest = max(results[k][1] for k in pair)
    print(
        f"{' + '.join(pair)} on 2 free workers: {wall:.2f} s  (longest {pair_longest:.2f} s, "
        f"target <= {pair_longest * 1.2:.2f} s)"
    )


def docx_timing(mp, keys):
    """Each book's Word copy (books.docx.book_docx: the chapters' HTML, then python-docx), wall and CPU seconds;
    the target is under 3 s per book."""
    from books.docx import book_docx

    for key in keys:
        book = Book.objects.for_masterplan(mp).get(key=key)
        began, cpu = time.perf_counter(), time.process_time()
        data = book_docx(mp, book)
        print(
            f"docx {key:<12}{len(data) / 1024:>8.0f} KB{time.perf_counter() - began:>8.2f} s"
            f"{time.process_time() - cpu:>8.2f} CPU s  (target < 3 s)"
        )


def render_set(context, mp_pk, keys, workers, scale):
    began = time.perf_counter()
    with context.Pool(workers, maxtasksperchild=1) as pool:
        pool.map(render_one, [(mp_pk, key, scale) for key in keys], chunksize=1)
    return time.perf_counter() - began


def schedule_bound(seconds, workers):
    """The wall time of the books' single-render times given largest first to the least busy worker, as the
    portal queues them: what a set on that many workers gets at best with these render times. (No order at
    all beats max(longest book, total / workers).)"""
    loads = [0.0] * workers
    for s in sorted(seconds, reverse=True):
        loads[loads.index(min(loads))] += s
    return max(loads)


if __name__ == "__main__":
    main()
