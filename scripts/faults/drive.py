"""Fault run: real gunicorn, two Celery workers, a private PostgreSQL cluster and a private Redis; book
exports and edits through the web while a worker is killed mid-render, Redis restarts and PostgreSQL
restarts. Afterwards: every job done or visibly failed, no export lost or duplicated, no edit lost.

    scripts/faults/run.sh          # sets the environment and runs this file; prints PASS or FAIL

Everything runs under FAULTS_DIR (default /tmp/rancang-faults): PostgreSQL on FAULTS_PG_PORT (5440),
Redis on FAULTS_REDIS_PORT (6390, append-only like production), the web on FAULTS_WEB_PORT (8115).
The machine's shared PostgreSQL and Redis are never touched.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts" / "load")]
from forms import find_form  # noqa: E402

BIN = ROOT / ".venv" / "bin"
WORK = Path(os.environ.get("FAULTS_DIR", "/tmp/rancang-faults"))
PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "5440"))
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "6390"))
WEB_PORT = int(os.environ.get("FAULTS_WEB_PORT", "8115"))
REGIONS = int(os.environ.get("FAULTS_REGIONS", "3"))
ROUNDS = int(os.environ.get("FAULTS_ROUNDS", "3"))  # export requests (all books) per region before the faults
SETTLE = int(os.environ.get("FAULTS_SETTLE_SECONDS", "420"))  # how long jobs may take to finish after the faults
PG_BIN = Path(os.environ.get("PG_BIN") or sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1])
BASE = f"http://127.0.0.1:{WEB_PORT}"
PASSWORD = "rancang-load-2022"
BOOKS = 4
START = time.monotonic()

ENV = {
    **os.environ,
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/rancang_faults",
    "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or "faults-" + os.urandom(24).hex(),
    "RANCANG_DATA_DIR": str(WORK / "data"),
    "MEDIA_ROOT": str(WORK / "media"),
    # short limits so a worker that dies whole gives its job back within the run (production: 900 s / 7200 s)
    "CELERY_TASK_TIME_LIMIT": os.environ.get("CELERY_TASK_TIME_LIMIT", "120"),
    "CELERY_VISIBILITY_TIMEOUT": os.environ.get("CELERY_VISIBILITY_TIMEOUT", "190"),
    "AXES_FAILURE_LIMIT": "1000",
}
ENV.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.update(ENV)


def log(message):
    print(f"[{time.monotonic() - START:6.1f}s] {message}", flush=True)


def run(*args, **kwargs):
    return subprocess.run(args, check=True, env=ENV, **kwargs)


def as_postgres(*args):
    return run("runuser", "-u", "postgres", "--", *args, stdout=subprocess.DEVNULL)


# private services ------------------------------------------------------------------------------------------


class PostgreSQL:
    def __init__(self):
        self.data = WORK / "pg"

    def start(self):
        if not self.data.exists():
            self.data.mkdir(parents=True)
            shutil.chown(self.data, "postgres", "postgres")
            as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.ctl("start")

    def ctl(self, action, *extra):
        options = f"-p {PG_PORT} -k {WORK} -c listen_addresses=127.0.0.1 -c fsync=off"
        as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(WORK / "pg.log"),
            "-w",
            action,
            *extra,
        )

    def restart(self):
        self.ctl("restart", "-m", "fast")

    def stop(self):
        if self.data.exists():
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                env=ENV,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def query(self, sql):
        out = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "rancang_faults", "-Atc", sql],
            capture_output=True,
            text=True,
            env=ENV,
        )
        return out.stdout.strip() if out.returncode == 0 else None


class Redis:
    def start(self):
        run(
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(WORK),
            "--daemonize",
            "yes",
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--save",
            "",
            "--maxmemory-policy",
            "noeviction",
            "--pidfile",
            str(WORK / "redis.pid"),
            "--logfile",
            str(WORK / "redis.log"),
        )
        for _ in range(50):
            if subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True).returncode == 0:
                return
            time.sleep(0.1)

    def stop(self):
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown"], capture_output=True)
        for _ in range(50):
            if not (WORK / "redis.pid").exists():
                return
            time.sleep(0.1)

    def restart(self):
        self.stop()
        time.sleep(3)
        self.start()


class Process:
    def __init__(self, name, *args, env=None):
        self.name, self.args, self.env = name, args, {**ENV, **(env or {})}
        self.popen = None

    def start(self):
        out = open(WORK / f"{self.name}.log", "a")  # noqa: SIM115 - kept open for the process's life
        self.popen = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True)
        return self

    def children(self):
        out = subprocess.run(["pgrep", "-P", str(self.popen.pid)], capture_output=True, text=True)
        return [int(pid) for pid in out.stdout.split()]

    def stop(self, sig=signal.SIGTERM):
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()


def worker(name):
    return Process(
        name,
        str(BIN / "celery"),
        "--app",
        "config",
        "worker",
        "--queues",
        "render,default",
        "--concurrency",
        "1",
        "--prefetch-multiplier",
        "1",
        "--hostname",
        f"{name}@%h",
        "--loglevel",
        "INFO",
    )


# the web, as users use it ----------------------------------------------------------------------------------


def signed_in(email):
    session = requests.Session()
    page = session.get(f"{BASE}/akun/masuk/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    home = session.post(
        f"{BASE}/akun/masuk/", {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token}, timeout=60
    )
    session.mp = re.search(r'href="/m/(\d+)/"', home.text).group(1)
    return session


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.export_ok = 0  # export requests the portal confirmed (redirect back to the books page)
        self.export_refused = []  # (status or error)
        self.edits_ok = []  # (kind, pk, text) the portal confirmed
        self.edit_errors = []

    def add(self, attr, value):
        with self.lock:
            if isinstance(getattr(self, attr), list):
                getattr(self, attr).append(value)
            else:
                setattr(self, attr, getattr(self, attr) + value)


TALLY = Tally()


def ask_for_books(session):
    try:
        page = session.get(f"{BASE}/m/{session.mp}/buku/", timeout=30)
        fields = find_form(page.text, r"/buku/ekspor/$")
        fields.update(book="__all__", variant="draft")
        response = session.post(f"{BASE}/m/{session.mp}/buku/ekspor/", fields, allow_redirects=False, timeout=60)
    except (requests.RequestException, AttributeError) as error:
        TALLY.add("export_refused", type(error).__name__)
        return
    if response.status_code == 302:
        TALLY.add("export_ok", 1)
    else:
        TALLY.add("export_refused", response.status_code)


EDITS = {  # kind: (list page, link pattern, form path, field)
    "followup": (
        "bimtek/tindak-lanjut/",
        r"/bimtek/tindak-lanjut/(\d+)/ubah/",
        "bimtek/tindak-lanjut/{pk}/ubah/",
        "text",
    ),
    "programme": ("rencana/program/", r"/rencana/program/(\d+)/ubah/", "rencana/program/{pk}/ubah/", "description"),
}


def editor(session, kind, stop):
    """One person editing one row again and again through its form, as long as the faults last."""
    listing, pattern, form_path, field = EDITS[kind]
    page = session.get(f"{BASE}/m/{session.mp}/{listing}", timeout=30)
    pk = int(re.findall(pattern, page.text)[0])
    url = f"{BASE}/m/{session.mp}/{form_path.format(pk=pk)}"
    n = 0
    while not stop.is_set():
        n += 1
        text = f"Suntingan uji gangguan {kind} {pk} nomor {n}"
        try:
            fields = find_form(session.get(url, timeout=30).text, "^$")
            fields[field] = text
            response = session.post(url, fields, allow_redirects=False, timeout=60)
        except (requests.RequestException, TypeError) as error:
            TALLY.add("edit_errors", (kind, pk, type(error).__name__))
        else:
            if response.status_code == 302:
                TALLY.add("edits_ok", (kind, pk, text))
            else:
                TALLY.add("edit_errors", (kind, pk, response.status_code))
        time.sleep(0.5)


# the run ---------------------------------------------------------------------------------------------------


def wait_for(what, check, timeout, every=1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except requests.RequestException:
            pass
        time.sleep(every)
    log(f"timed out waiting for {what}")
    return False


def jobs_by_status():
    rows = PG.query("select status, count(*) from books_exportjob group by status") or ""
    return {status: int(n) for status, n in (line.split("|") for line in rows.splitlines() if line)}


PG, REDIS = PostgreSQL(), Redis()


def main():  # noqa: PLR0915 - one linear story: set up, break things, check
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    os.chmod(WORK, 0o777)  # the postgres user puts its socket here
    processes = []
    try:
        PG.start()
        REDIS.start()
        run("psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-qc", "create database rancang_faults")
        log(f"private PostgreSQL :{PG_PORT} and Redis :{REDIS_PORT} up; migrating and seeding {REGIONS} regions")
        run(str(BIN / "python"), "manage.py", "migrate", "--noinput", "-v", "0", cwd=ROOT)
        run(str(BIN / "python"), "scripts/load/seed.py", "--regions", str(REGIONS), cwd=ROOT, stdout=subprocess.DEVNULL)
        run("redis-cli", "-p", str(REDIS_PORT), "flushall", stdout=subprocess.DEVNULL)  # the seeding's refreshes
        web = Process(
            "gunicorn",
            str(BIN / "gunicorn"),
            "--config",
            "deploy/gunicorn.conf.py",
            "config.wsgi",
            env={"GUNICORN_BIND": f"127.0.0.1:{WEB_PORT}", "GUNICORN_WORKERS": "2", "GUNICORN_LOG_LEVEL": "warning"},
        ).start()
        workers = [worker("faults-a").start(), worker("faults-b").start()]
        processes += [web, *workers]
        wait_for("the web server", lambda: requests.get(f"{BASE}/akun/masuk/", timeout=5).ok, 60, 0.5)
        coordinators = [signed_in(f"koordinator-{i}@load.test") for i in range(1, REGIONS + 1)]

        for _round in range(ROUNDS):
            for session in coordinators:
                ask_for_books(session)
        log(f"asked for {TALLY.export_ok} x {BOOKS} books; jobs: {jobs_by_status()}")
        stop = threading.Event()
        editors = [
            threading.Thread(target=editor, args=(signed_in(f"koordinator-{i}@load.test"), kind, stop), daemon=True)
            for i in range(1, REGIONS + 1)
            for kind in EDITS
        ]
        for thread in editors:
            thread.start()

        # 1. a render process killed mid-render (the pool child: what the OOM killer does)
        wait_for("a running render", lambda: jobs_by_status().get("running", 0) >= 1, 120, 0.5)
        time.sleep(2)
        children = workers[0].children()
        for pid in children:
            os.kill(pid, signal.SIGKILL)
        log(f"SIGKILL render process(es) {children} of worker faults-a mid-render; jobs: {jobs_by_status()}")

        # 2. a whole worker killed (machine lost): its unacknowledged job comes back after the visibility timeout
        wait_for("a running render", lambda: jobs_by_status().get("running", 0) >= 1, 120, 0.5)
        time.sleep(2)
        workers[1].stop(signal.SIGKILL)
        log(f"SIGKILL worker faults-b (main process and children); jobs: {jobs_by_status()}")
        time.sleep(3)
        workers[1] = worker("faults-b").start()
        processes.append(workers[1])
        log("worker faults-b started again")

        # 3. Redis restarts; exports asked for while it is down fail visibly or queue once it is back
        time.sleep(5)
        REDIS.stop()
        log("Redis stopped")
        for session in coordinators:
            ask_for_books(session)
        time.sleep(3)
        REDIS.start()
        log(f"Redis started again; jobs: {jobs_by_status()}")

        # 4. PostgreSQL restarts during renders and edits
        time.sleep(8)
        PG.restart()
        log(f"PostgreSQL restarted; jobs: {jobs_by_status()}")
        time.sleep(8)
        for session in coordinators:
            ask_for_books(session)
        stop.set()
        for thread in editors:
            thread.join(90)
        log(f"edits confirmed: {len(TALLY.edits_ok)}, refused or errored: {len(TALLY.edit_errors)}")

        def settled():
            counts = jobs_by_status()
            return counts and not counts.get("queued") and not counts.get("running")

        settled_in_time = wait_for("every job to finish", settled, SETTLE, 3)
        log(f"jobs after the faults: {jobs_by_status()}")
        return check(settled_in_time)
    finally:
        for process in reversed(processes):
            process.stop()
        REDIS.stop()
        PG.stop()


def check(settled_in_time):
    import django

    django.setup()
    from django.conf import settings
    from django.db.models import Count

    from bimtek.models import FollowUp
    from books.models import ExportJob
    from plan.models import Programme

    results = []

    def verdict(ok, text):
        results.append(ok)
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")

    jobs = ExportJob.objects.all()
    manual = jobs.filter(automatic=False)
    counts = dict(jobs.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    print("\nRingkasan / summary")
    print(
        f"  export requests confirmed {TALLY.export_ok} (x {BOOKS} books), refused {len(TALLY.export_refused)} "
        f"({', '.join(map(str, TALLY.export_refused)) or '-'}); jobs {counts}; automatic draft refreshes "
        f"{jobs.filter(automatic=True).count()}"
    )
    stuck = jobs.filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])
    verdict(settled_in_time and not stuck.exists(), f"no job stuck queued or running ({stuck.count()} stuck)")
    failed = jobs.filter(status=ExportJob.Status.FAILED)
    unexplained = failed.filter(error="")
    verdict(
        not unexplained.exists(), f"every failed job says why ({failed.count()} failed, {unexplained.count()} silent)"
    )
    for job in failed[:5]:
        print(f"        failed #{job.pk} {job.book_key}: {job.error[:140]}")
    expected = TALLY.export_ok * BOOKS
    verdict(
        manual.count() == expected,
        f"one job per book per confirmed request: {manual.count()} jobs, {expected} expected",
    )
    done = jobs.filter(status=ExportJob.Status.DONE)
    media = Path(settings.MEDIA_ROOT)
    missing = [job.pk for job in done if not job.file or not (media / job.file.name).is_file()]
    verdict(not missing, f"every done job's PDF is stored ({done.count()} done, {len(missing)} without a file)")
    referenced = {job.file.name for job in done}
    on_disk = {str(p.relative_to(media)) for p in media.rglob("*.pdf") if "books" in p.parts}
    orphans = on_disk - referenced
    verdict(not orphans, f"no duplicate render left behind ({len(on_disk)} PDFs stored, {len(orphans)} unreferenced)")
    retried = done.filter(attempts__gt=1).count()
    print(
        f"        done {done.count()}: rendered {done.filter(reused=False).count()}, "
        f"reused unchanged {done.filter(reused=True).count()}, started more than once {retried}"
    )

    models = {"followup": (FollowUp, "text"), "programme": (Programme, "description")}
    lost_history, lost_current = [], []
    last = {}
    for kind, pk, text in TALLY.edits_ok:
        model, field = models[kind]
        if not model.history.filter(id=pk, **{field: text}).exists():
            lost_history.append((kind, pk, text))
        last[(kind, pk)] = text
    for (kind, pk), text in last.items():
        model, field = models[kind]
        current = getattr(model.objects.get(pk=pk), field)
        number = int(text.rsplit(" ", 1)[1])
        current_number = int(current.rsplit(" ", 1)[1]) if current.startswith("Suntingan uji gangguan") else -1
        if current_number < number:  # a later edit that errored on the way back may have landed: fine
            lost_current.append((kind, pk, text, current))
    verdict(
        bool(TALLY.edits_ok) and not lost_history and not lost_current,
        f"no edit lost: {len(TALLY.edits_ok)} confirmed edits all in the history, the last of each row is current "
        f"({len(lost_history)} missing from history, {len(lost_current)} overwritten); "
        f"{len(TALLY.edit_errors)} edits got an error during the faults",
    )
    ok = all(results)
    print(f"\n{'PASS' if ok else 'FAIL'}: fault run ({time.monotonic() - START:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
