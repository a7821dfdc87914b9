"""Load scenario: coordinators, OPD members, experts and readers of N regions browse, map, edit, comment
and export books.

    .venv/bin/locust -f scripts/load/locustfile.py --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:8114

Accounts and regions come from scripts/load/seed.py (LOAD_REGIONS, default 50). Each simulated user signs
in once, finds its masterplan on the home page, then acts by weight (Persona.actions): opens a page from
pages.PAGES, maps an RPJMD programme in place (htmx), edits a plan programme, a quick win or a bimtek
follow-up through its form, comments on a programme, or asks for a draft book and polls its status row.
It pauses LOAD_WAIT seconds between actions ("1-3" by default; "0" measures capacity).

Every response's `X-Query-Count` header (scripts/load/querycount.py, load run only) is collected per page
name; at the end the queries per request are printed and written next to locust's CSV (`*_queries.csv`).
"""

import csv
import os
import random
import re
import statistics
import time
from collections import Counter, defaultdict

from forms import find_form
from locust import HttpUser, between, constant, events, task
from pages import PAGES

REGIONS = int(os.environ.get("LOAD_REGIONS", "50"))
PASSWORD = "rancang-load-2022"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MASTERPLAN_LINK = re.compile(r'href="/m/(\d+)/"')
FORM_ERROR = re.compile(r'<div class="alert alert-danger" role="alert">(.*?)</div>', re.S)
CONFLICT = "sudah diubah oleh"
MARK = re.compile(r" \[uji beban \d+\]$")
JOB_ROW = re.compile(r'<tr id="job-(\d+)"')
EXPORT_ASKED = "ekspor diminta"  # the books page's message after an export (books.views.export)
POLLS = 5  # status polls per export (htmx polls every 2 s while the job runs)

QUERIES = defaultdict(list)  # page name -> queries of each request
OUTCOMES = Counter()  # edit conflicts shown, exports finished while polled, ...


@events.request.add_listener
def count_queries(name, response, exception, **_kwargs):
    header = getattr(response, "headers", {}).get("X-Query-Count") if response is not None else None
    if header and header.isdigit():
        QUERIES[name].append(int(header))


@events.test_stop.add_listener
def report_queries(environment, **_kwargs):
    rows = [
        (name, len(c), round(statistics.mean(c), 1), int(statistics.median(c)), max(c))
        for name, c in sorted(QUERIES.items())
    ]
    prefix = getattr(environment.parsed_options, "csv_prefix", None) if environment.parsed_options else None
    if prefix:
        with open(f"{prefix}_queries.csv", "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["name", "requests", "mean queries", "median queries", "max queries"])
            writer.writerows(rows)
        with open(f"{prefix}_outcomes.csv", "w", newline="") as out:
            csv.writer(out).writerows(sorted(OUTCOMES.items()))
    print(f"\n{'Queries per request':<40} {'n':>7} {'mean':>7} {'median':>7} {'max':>5}")
    for name, n, mean, median, most in rows:
        print(f"{name:<40} {n:>7} {mean:>7} {median:>7} {most:>5}")
    print("Outcomes:", ", ".join(f"{k}={v}" for k, v in sorted(OUTCOMES.items())) or "-")


def wait_time_from_env():
    low, _, high = os.environ.get("LOAD_WAIT", "1-3").partition("-")
    return between(float(low), float(high)) if high else constant(float(low))


def marked(text, counter):
    """The text with a load-test mark at its end, replacing an earlier mark (so repeated edits don't grow it)."""
    return MARK.sub("", text or "").rstrip() + f" [uji beban {counter}]"


class Persona(HttpUser):
    abstract = True
    role = ""
    actions = {"browse": 1}
    wait_time = wait_time_from_env()

    def email(self, index):
        raise NotImplementedError

    def on_start(self):
        index = random.randint(1, REGIONS)
        page = self.client.get("/akun/masuk/", name="login (form)")
        token = CSRF.search(page.text)
        with self.client.post(
            "/akun/masuk/",
            {
                "username": self.email(index),
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="login",
            catch_response=True,
        ) as response:
            found = MASTERPLAN_LINK.search(response.text)
            if not found:
                response.failure(f"no masterplan on the home page after signing in as {self.email(index)}")
                self.stop()
                return
        self.mp = found.group(1)
        self.pages = [page for page in PAGES if self.role in page.roles]
        self.weights = [page.weight for page in self.pages]
        self.ids = {}
        self.counter = 0

    @task
    def act(self):
        action = random.choices(list(self.actions), list(self.actions.values()))[0]
        getattr(self, action)()

    # helpers ----------------------------------------------------------------------------------------------

    def url(self, path):
        return f"/m/{self.mp}/{path}"

    def ids_on(self, path, name, pattern):
        """Ids linked from a list page (fetched once per simulated user; the rows don't move)."""
        if path not in self.ids:
            response = self.client.get(self.url(path), name=name)
            self.ids[path] = sorted(set(re.findall(pattern.format(mp=self.mp), response.text)))
        return self.ids[path]

    def submit(self, form_url, name, field, *, action="^$", post_url=None, htmx=False, path=None, pk=None):
        """Open a form, change one field as a user would, post it; a form error is a failure, a conflict
        (somebody saved the same row meanwhile) is the correct answer and is counted."""
        with self.client.get(form_url, name=f"{name} (form)", catch_response=True) as page:
            if page.status_code in (403, 404) and path is not None:
                # not theirs to edit (an OPD member and another OPD's row): the right answer; don't try it again
                page.success()
                OUTCOMES[f"{name}: refused, not the user's row"] += 1
                self.ids[path].remove(pk)
                return
        fields = find_form(page.text, action) if page.ok else None
        if fields is None:
            OUTCOMES[f"{name}: form not found"] += 1
            return
        if field not in fields:
            OUTCOMES[f"{name}: no field {field}"] += 1
            return
        self.counter += 1
        fields[field] = marked(fields[field], self.counter)
        headers = {"HX-Request": "true"} if htmx else {}
        with self.client.post(
            post_url or form_url, fields, headers=headers, name=name, catch_response=True
        ) as response:
            if response.status_code not in (200, 302):
                response.failure(f"{name}: {response.status_code}")
            elif CONFLICT in response.text:
                OUTCOMES[f"{name}: conflict shown"] += 1
            elif (error := FORM_ERROR.search(response.text)) and not response.history:
                message = re.sub(r"<[^>]+>|\s+", " ", error.group(1)).strip()[:120]
                response.failure(f"{name}: form error {message}")

    # actions ----------------------------------------------------------------------------------------------

    def browse(self):
        page = random.choices(self.pages, self.weights)[0]
        with self.client.get(page.path.format(mp=self.mp), name=page.name, catch_response=True) as response:
            if response.status_code != page.expect:
                response.failure(f"{page.name}: {response.status_code}, expected {page.expect}")

    def map(self):
        """RPJMD mapping in place: the row's form, posted with htmx."""
        ids = self.ids_on("rpjmd/pemetaan/", "rpjmd mapping", r"/m/{mp}/rpjmd/pemetaan/(\d+)/\"")
        if ids:
            pk = random.choice(ids)
            self.submit(
                self.url(f"rpjmd/pemetaan/{pk}/"),
                "rpjmd map programme",
                "justification",
                action=r"/rpjmd/pemetaan/\d+/$",
                htmx=True,
            )

    def edit_programme(self):
        ids = self.ids_on("rencana/program/", "plan programmes", r"/m/{mp}/rencana/program/(\d+)/ubah/")
        if ids:
            pk = random.choice(ids)
            self.submit(
                self.url(f"rencana/program/{pk}/ubah/"),
                "plan programme edit",
                "description",
                path="rencana/program/",
                pk=pk,
            )

    def edit_quickwin(self):
        ids = self.ids_on("quick-win/", "quick wins", r"/m/{mp}/quick-win/(\d+)/\"")
        if ids:
            pk = random.choice(ids)
            self.submit(self.url(f"quick-win/{pk}/ubah/"), "quick win edit", "risks")

    def edit_followup(self):
        ids = self.ids_on("bimtek/tindak-lanjut/", "bimtek follow-ups", r"/m/{mp}/bimtek/tindak-lanjut/(\d+)/ubah/")
        if ids:
            pk = random.choice(ids)
            self.submit(
                self.url(f"bimtek/tindak-lanjut/{pk}/ubah/"),
                "bimtek follow-up edit",
                "text",
                path="bimtek/tindak-lanjut/",
                pk=pk,
            )

    def comment(self):
        """A comment on a section of the masterplan (the review page's thread for that section), with htmx."""
        keys = self.ids_on("review/", "review", r'href="\?section=([^"&]+)&')
        if keys:
            key = random.choice(keys)
            self.submit(
                self.url(f"review/?section={key}&status=all"),
                "review comment",
                "body",
                action=r"/komentar/tambah/$",
                post_url=self.url("komentar/tambah/"),
                htmx=True,
            )

    def export(self):
        """Ask for one draft book, then poll its status row like the page's htmx does.

        The answer (the books page after the redirect) must say the export was asked for and list a job newer
        than any listed before. A job whose book is unchanged is done at once (the stored file is reused): its
        row has no status poll, so the new job is found by its row id, not by the poll URL."""
        page = self.client.get(self.url("buku/"), name="books")
        fields = find_form(page.text, r"/buku/ekspor/$")
        select = re.search(r'<select name="book".*?</select>', page.text, re.S)
        keys = [k for k in re.findall(r'value="([\w-]+)"', select.group(0) if select else "") if k != "__all__"]
        if fields is None or not keys:
            OUTCOMES["books: no export form"] += 1
            return
        before = max(map(int, JOB_ROW.findall(page.text)), default=0)
        fields.update(book=random.choice(keys), variant="draft")
        with self.client.post(self.url("buku/ekspor/"), fields, name="book export", catch_response=True) as response:
            jobs = [pk for pk in map(int, JOB_ROW.findall(response.text)) if pk > before]
            if response.status_code != 200 or EXPORT_ASKED not in response.text or not jobs:
                response.failure(f"book export: {response.status_code}, no new job on the books page")
                return
        job = max(jobs)
        if not re.search(rf'<tr id="job-{job}" hx-get=', response.text):
            OUTCOMES["book export done at once (unchanged, file reused)"] += 1
            return
        url = self.url(f"buku/ekspor/{job}/")
        for _poll in range(POLLS):
            row = self.client.get(url, name="book job status")
            if "hx-get" not in row.text.split(">", 1)[0]:
                OUTCOMES["book export finished while polled"] += 1
                return
            time.sleep(2)
        OUTCOMES["book export still running after polling"] += 1


class Coordinator(Persona):
    role = "coordinator"
    weight = 2
    actions = {
        "browse": 10,
        "map": 2,
        "edit_programme": 2,
        "edit_quickwin": 1,
        "edit_followup": 1,
        "comment": 1,
        "export": 1,
    }

    def email(self, index):
        return f"koordinator-{index}@load.test"


class OPDMember(Persona):
    role = "opd_member"
    weight = 5
    actions = {"browse": 10, "map": 3, "edit_programme": 2, "edit_followup": 1, "comment": 1}

    def email(self, index):
        return f"opd-{index}-{random.randint(1, 3)}@load.test"


class Expert(Persona):
    role = "expert"
    weight = 2
    actions = {"browse": 10, "comment": 3, "export": 2}

    def email(self, index):
        return f"ahli-{index}@load.test"


class Reader(Persona):
    role = "reader"
    weight = 1

    def email(self, index):
        return f"pembaca-{index}@load.test"
