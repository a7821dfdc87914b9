"""Summarise a load run: requests/s, p50/p95 and queries per page, failures, and the book exports it asked
for (by status, from the database). Exit status 1 when a request failed.

    .venv/bin/python scripts/load/summary.py var/load/<run> <highest export job id before the run>
"""

import csv
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def read(path):
    return list(csv.DictReader(path.open())) if path.exists() else []


def main(out, first_job):
    out = Path(out)
    stats = read(out / "locust_stats.csv")
    queries = {row["name"]: row for row in read(out / "locust_queries.csv")}
    total = next((row for row in stats if row["Name"] == "Aggregated"), None)
    if total is None:
        print(f"Tidak ada hasil locust di {out} (lihat {out}/locust.log).")
        return 1
    print(f"## Beban: {out.name}\n")
    print(
        f"{total['Request Count']} permintaan, {float(total['Requests/s']):.1f} permintaan/detik, "
        f"{total['Failure Count']} gagal; p50 {total['50%']} ms, p95 {total['95%']} ms\n"
    )
    print("| halaman | permintaan | gagal | p50 ms | p95 ms | kueri (rata-rata / maks) |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in sorted((r for r in stats if r["Name"] != "Aggregated"), key=lambda r: -int(r["Request Count"])):
        q = queries.get(row["Name"])
        per = f"{q['mean queries']} / {q['max queries']}" if q else "-"
        print(
            f"| {row['Type']} {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
            f"| {row['50%']} | {row['95%']} | {per} |"
        )
    failures = read(out / "locust_failures.csv")
    if failures:
        print("\nKegagalan:")
        for row in failures:
            print(f"- {row['Method']} {row['Name']}: {row['Error']} ({row['Occurrences']}x)")
    outcomes = list(csv.reader((out / "locust_outcomes.csv").open())) if (out / "locust_outcomes.csv").exists() else []
    if outcomes:
        print("\nHasil lain: " + ", ".join(f"{k} {v}" for k, v in outcomes))
    import django

    django.setup()
    from django.db.models import Count

    from books.models import ExportJob

    jobs = ExportJob.objects.filter(pk__gt=int(first_job or 0))
    by_status = dict(jobs.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    reused = jobs.filter(reused=True).count()
    print(
        f"\nEkspor buku selama uji: {sum(by_status.values())} diminta; "
        + ", ".join(f"{status} {n}" for status, n in sorted(by_status.items()))
        + f" (dipakai ulang karena isi tidak berubah: {reused})"
    )
    return 1 if int(total["Failure Count"]) else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
