#!/usr/bin/env python
"""Server time and query count of the yearly evaluation's pages on the large masterplan of scripts/bench_books.py.

    .venv/bin/python scripts/bench_evaluation.py [--scale 1.0] [--runs 15] [--questions 120] [--sheet-rows 200]

In a throw-away SQLite database: bench_books.fill (80 masterplan programmes, 30 chosen quick wins, 120 OPDs ...),
then five reporting years with a report per programme, five evaluation years of the cohort with --questions
questions each, a self-assessment per year with every question assigned, answered and given one evidence file, and
a result letter per year with its part and dimension scores and 10 recommendations as follow-ups. Signs in as the
masterplan's coordinator and opens each page --runs times after one warm-up request (DEBUG off), printing the median
and worst wall-clock milliseconds, the median CPU milliseconds and the queries of the last request. Then one OPD is
given --sheet-rows more programmes in the last year: its Excel report is exported, every row filled in (status,
realised budget, source, notes), read back and applied, timed (median of 3, each on fresh reports).
"""

import argparse
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_books  # noqa: E402  (sets up Django on a temporary database)
from django.core.management import call_command  # noqa: E402

YEARS = range(2025, 2030)
STATUSES = ["running", "done", "running", "not_started", "postponed", "running"]


def fill_evaluation(mp, questions):
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from simple_history.utils import bulk_create_with_history

    from masterplan.access import access_for
    from masterplan.models import OPD, Dimension, Membership, Role
    from monev.evaluation import services
    from monev.evaluation.models import Answer, AnswerEvidence, Question
    from monev.models import Report, ReportingYear
    from plan.models import Programme

    User = get_user_model()
    admin = User.objects.create(email="admin@bench.test", is_staff=True)
    coordinator = User.objects.create(email="koordinator@bench.test", first_name="Koordinator")
    Membership.objects.create(masterplan=mp, user=coordinator, role=Role.COORDINATOR)
    access = access_for(coordinator, mp)
    programmes = list(Programme.objects.for_masterplan(mp))
    opds = list(OPD.objects.filter(region=mp.region))
    dimensions = list(Dimension.objects.all())
    for year in YEARS:
        # bench_books.fill already made the monitoring book's reporting years (monev.bench); the others are new
        reporting_year, _new = ReportingYear.objects.get_or_create(
            masterplan=mp, year=year, defaults={"deadline": f"{year + 1}-03-31"}
        )
        reported = set(Report.objects.filter(reporting_year=reporting_year).values_list("programme_id", flat=True))
        Report.objects.bulk_create(
            [
                Report(reporting_year=reporting_year, programme=p, status=STATUSES[i % len(STATUSES)])
                for i, p in enumerate(programmes)
                if p.pk not in reported
            ]
        )
    previous = None
    for year in YEARS:
        evaluation_year = services.create_evaluation_year(
            user=admin, cohort=mp.cohort, year=year, scale_min=Decimal(0), scale_max=Decimal(5), copy_from=previous
        )
        if previous is None:
            parts = [p for p in evaluation_year.parts.all() if p.source == "questions"]
            bulk_create_with_history(
                [
                    Question(
                        part=parts[n % len(parts)],
                        dimension=dimensions[n % len(dimensions)],
                        text=f"Pertanyaan evaluasi nomor {n}: apakah kebijakan dan kelembagaan sudah tersedia?",
                        order=n,
                    )
                    for n in range(questions)
                ],
                Question,
                default_user=admin,
            )
        previous = evaluation_year
        assessment = services.start_assessment(access=access, evaluation_year=evaluation_year)
        answers = list(Answer.objects.filter(assessment=assessment))
        for n, answer in enumerate(answers):
            answer.opd = opds[n % len(opds)]
            answer.score = Decimal(n % 6)
            answer.note = "Sesuai dokumen daerah."
        Answer.objects.bulk_update(answers, ["opd", "score", "note"])
        for answer in answers:
            evidence = AnswerEvidence(answer=answer, kind="pdf", original_name="sk.pdf")
            evidence.file.save("sk.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
            evidence.save()
        result = services.save_result(
            access=access,
            evaluation_year=evaluation_year,
            data=services.ResultData(
                index=Decimal("3.10") + Decimal(year - 2025) / 10,
                part_scores={p: Decimal("3.2") for p in evaluation_year.parts.all()},
                dimension_scores={d: Decimal("3.0") for d in dimensions},
                strengths=[f"Kekuatan {n}" for n in range(5)],
                weaknesses=[f"Kelemahan {n}" for n in range(5)],
            ),
            expected_version=None,
        )
        for n in range(10):
            services.add_recommendation(
                access=access, result=result, text=f"Rekomendasi {year}-{n}", opd=opds[n % len(opds)], due_date=None
            )
    return coordinator


def main():
    from simple_history.signals import post_create_historical_record

    post_create_historical_record.disconnect(dispatch_uid="books.content_changed")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--questions", type=int, default=120)
    parser.add_argument("--sheet-rows", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    import tempfile

    from django.conf import settings

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="rancang-bench-media-")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.DEBUG = False
    mp = bench_books.fill(args.scale)
    coordinator = fill_evaluation(mp, args.questions)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(coordinator)
    sheet_opd = add_sheet_programmes(mp, args.sheet_rows)
    pages = {
        "opd report": f"/m/{mp.pk}/monev/2029/opd/{sheet_opd.pk}/",
        "evaluation": f"/m/{mp.pk}/monev/evaluasi/2029/",
        "evaluation index": f"/m/{mp.pk}/monev/evaluasi/",
        "result": f"/m/{mp.pk}/monev/evaluasi/2029/hasil/",
        "assignment": f"/m/{mp.pk}/monev/evaluasi/2029/penugasan/",
    }
    print(f"masterplan {mp.pk}: {len(YEARS)} years, {args.questions} questions per year, {connection.vendor}")
    print(f"{'page':<18} {'median ms':>10} {'worst ms':>10} {'cpu ms':>8} {'queries':>8}")
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        samples, cpu = [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                samples.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
        print(
            f"{name:<18} {statistics.median(samples) * 1000:>10.1f} {max(samples) * 1000:>10.1f} "
            f"{statistics.median(cpu) * 1000:>8.1f} {len(queries):>8}"
        )
    from monev.evaluation import book_context

    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        book_context(mp, 2029)
    print(f"{'book_context':<18} {(time.perf_counter() - start) * 1000:>10.1f} {'':>10} {'':>8} {len(queries):>8}")
    sheet_timing(mp, coordinator, sheet_opd)


def add_sheet_programmes(mp, rows):
    """`rows` more masterplan programmes led by one OPD, running in the last reporting year."""
    from masterplan.models import OPD, Dimension, Element
    from plan.models import Programme

    opd = OPD.objects.filter(region=mp.region).order_by("pk").first()
    dimension = Dimension.objects.order_by("order").first()
    element = Element.objects.filter(dimension=dimension).order_by("order").first()
    Programme.objects.bulk_create(
        [
            Programme(
                masterplan=mp,
                name=f"Program lembar {n}",
                dimension=dimension,
                element=element,
                lead_opd=opd,
                horizon="short",
                start_year=2028,
                end_year=2030,
                order=1000 + n,
            )
            for n in range(rows)
        ]
    )
    return opd


def sheet_timing(mp, coordinator, opd):
    """Export the OPD's sheet, fill every row, read it back and apply it: the seconds of read + apply."""
    import io

    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from masterplan.access import access_for
    from monev import services as monev_services
    from monev.models import Report, ReportingYear, Status
    from monev.sheet import REPORT_COLUMNS, REPORT_SHEET, export_sheet, read_sheet

    year = ReportingYear.objects.get(masterplan=mp, year=2029)
    ReportingYear.objects.filter(pk=year.pk).update(state="open", closed_at=None)  # a year that takes reports
    year.refresh_from_db()
    access = access_for(coordinator, mp)
    samples, written = [], 0
    for _ in range(3):
        book = openpyxl.load_workbook(io.BytesIO(export_sheet(year, opd_id=opd.pk)))
        sheet = book[REPORT_SHEET]
        header_row = next(r for r in sheet.iter_rows(min_row=1, max_row=10) if r[0].value == REPORT_COLUMNS["key"])
        columns = {cell.value: cell.column for cell in header_row}
        rows = 0
        for row in sheet.iter_rows(min_row=header_row[0].row + 1):
            if row[0].value in (None, ""):
                continue
            sheet.cell(row[0].row, columns[REPORT_COLUMNS["status"]], str(Status.labels[1]))
            sheet.cell(row[0].row, columns[REPORT_COLUMNS["budget"]], "1.250.000")
            sheet.cell(row[0].row, columns[REPORT_COLUMNS["source"]], "APBD")
            sheet.cell(row[0].row, columns[REPORT_COLUMNS["notes"]], f"Catatan pelaksanaan {rows}")
            rows += 1
        out = io.BytesIO()
        book.save(out)
        upload = SimpleUploadedFile("laporan.xlsx", out.getvalue())
        start = time.perf_counter()
        reading = read_sheet(upload, access=access, reporting_year=year)
        assert reading.ok, reading.errors[:3]
        with transaction.atomic():
            written = monev_services.apply_sheet(
                access=access, reporting_year=year, rows=reading.as_json(), user=coordinator
            )
        samples.append(time.perf_counter() - start)
        Report.objects.filter(reporting_year=year, programme__lead_opd=opd, programme__order__gte=1000).delete()
    print(f"Excel report of one OPD: {rows} rows read and {written} applied in {statistics.median(samples):.2f} s")


if __name__ == "__main__":
    main()
