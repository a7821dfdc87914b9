"""Load scenario: coordinators, OPD members, experts and readers of N regions browse the portal.

    .venv/bin/locust -f scripts/load/locustfile.py --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:8107

Accounts and regions come from scripts/load/seed.py (LOAD_REGIONS, default 50). Each simulated user
signs in once, finds its masterplan on the home page, then opens pages from pages.PAGES by weight,
pausing LOAD_WAIT seconds between them ("1-3" by default; "0" measures capacity).
"""

import os
import random
import re

from locust import HttpUser, between, constant, task
from pages import PAGES

REGIONS = int(os.environ.get("LOAD_REGIONS", "50"))
PASSWORD = "rancang-load-2022"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MASTERPLAN_LINK = re.compile(r'href="/m/(\d+)/"')


def wait_time_from_env():
    low, _, high = os.environ.get("LOAD_WAIT", "1-3").partition("-")
    return between(float(low), float(high)) if high else constant(float(low))


class Persona(HttpUser):
    abstract = True
    role = ""
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

    @task
    def browse(self):
        page = random.choices(self.pages, self.weights)[0]
        with self.client.get(page.path.format(mp=self.mp), name=page.name, catch_response=True) as response:
            if response.status_code != page.expect:
                response.failure(f"{page.name}: {response.status_code}, expected {page.expect}")


class Coordinator(Persona):
    role = "coordinator"
    weight = 2

    def email(self, index):
        return f"koordinator-{index}@load.test"


class OPDMember(Persona):
    role = "opd_member"
    weight = 5

    def email(self, index):
        return f"opd-{index}-{random.randint(1, 3)}@load.test"


class Expert(Persona):
    role = "expert"
    weight = 2

    def email(self, index):
        return f"ahli-{index}@load.test"


class Reader(Persona):
    role = "reader"
    weight = 1

    def email(self, index):
        return f"pembaca-{index}@load.test"
