#!/usr/bin/env python
"""Server time and query count of the heavy masterplan pages, in process (no HTTP, no network).

    .venv/bin/python scripts/bench_pages.py [--runs 15] [--user koordinator-1@load.test] [--page selection ...]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rancang_perf .venv/bin/python scripts/bench_pages.py

Runs against the configured database as it is (the demo: `manage.py demo`; the load seed: scripts/load/seed.py),
reads nothing and writes nothing but a session. Signs in as --user (default: the load seed's first coordinator,
or the demo's coordinator when there is no load seed) and opens each page --runs times after one warm-up
request, with DEBUG off. Prints per page: median and worst wall-clock milliseconds, the median CPU milliseconds of
this process (the Python side; steadier than wall time on a shared machine) and the queries of the last request.
--cold empties the cache before every request (what the first visitor after a change sees).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DEBUG"] = "0"

PAGES = {
    "dashboard": "/m/{mp}/",
    "selection": "/m/{mp}/quick-win/seleksi/",
    "programmes": "/m/{mp}/rencana/program/",
    "coverage": "/m/{mp}/rpjmd/cakupan/",
    "roadmap": "/m/{mp}/rencana/peta-jalan/",
    "financing": "/m/{mp}/rencana/pembiayaan/",
    "quick wins": "/m/{mp}/quick-win/",
    "plan overview": "/m/{mp}/rencana/",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--user", default="")
    parser.add_argument("--page", action="append", choices=sorted(PAGES), help="only these pages (repeatable)")
    parser.add_argument("--cold", action="store_true", help="empty the cache before every request")
    parser.add_argument("--lang", default="id")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from masterplan.models import Membership

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    email = args.user or (
        "koordinator-1@load.test" if User.objects.filter(email="koordinator-1@load.test").exists() else ""
    )
    membership = Membership.objects.select_related("user").filter(role="coordinator")
    membership = (membership.filter(user__email=email) if email else membership).order_by("pk").first()
    user = membership.user if membership else User.objects.get(email=email)
    mp = membership.masterplan_id if membership else Membership.objects.filter(user=user).first().masterplan_id
    client = Client(headers={"accept-language": args.lang})
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = args.lang
    print(f"{user.email}, masterplan {mp}, {connection.vendor}, cache {settings.CACHES['default']['BACKEND']}")
    print(f"{'page':<16} {'median ms':>10} {'worst ms':>10} {'cpu ms':>8} {'queries':>8}")
    for name in args.page or list(PAGES):
        path = PAGES[name].format(mp=mp)
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        samples, cpu = [], []
        for _ in range(args.runs):
            if args.cold:
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                samples.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
        print(
            f"{name:<16} {statistics.median(samples) * 1000:>10.1f} {max(samples) * 1000:>10.1f} "
            f"{statistics.median(cpu) * 1000:>8.1f} {len(queries):>8}"
        )


if __name__ == "__main__":
    main()
