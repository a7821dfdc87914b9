"""Browser tests: Playwright for Python driving Debian's Chromium (installed by scripts/system-packages.sh;
Playwright's own browser download cannot work here)."""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
PASSWORD = "rancang-demo-2022"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not getattr(item.module, "SHARED_DEMO", False):  # such a module keeps one demo for all its tests
                item.add_marker(pytest.mark.django_db(transaction=True))  # live_server needs committed data


class _SharedDemoInFileOrder:
    """The tests of a module that keeps one demo for all of them (SHARED_DEMO) run in file order, also in a
    random-order run: they change that demo (mappings, exports) for the ones after them. Others stay shuffled."""

    @pytest.hookimpl(trylast=True)  # after pytest-randomly has shuffled
    def pytest_collection_modifyitems(self, items):
        slots = [i for i, item in enumerate(items) if getattr(getattr(item, "module", None), "SHARED_DEMO", False)]
        ordered = sorted((items[i] for i in slots), key=lambda item: (str(item.fspath), item.location[1], item.name))
        for slot, item in zip(slots, ordered, strict=True):
            items[slot] = item


def pytest_configure(config):
    if not config.pluginmanager.has_plugin("shared-demo-in-file-order"):
        config.pluginmanager.register(_SharedDemoInFileOrder(), "shared-demo-in-file-order")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run scripts/system-packages.sh (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


# What the data migrations create; a transactional test's flush removes it, so it is made again.
REFERENCE_DATA = [
    ("masterplan", "0002_dimensions", "create"),
    ("bimtek", "0002_default_checklists", "create"),
    ("books", "0002_default_books", "create_books"),
]


def restore_reference_data():
    from django.apps import apps

    from masterplan.models import Dimension

    if Dimension.objects.exists():
        return
    for app, migration, function in REFERENCE_DATA:
        module = importlib.import_module(f"{app}.migrations.{migration}")
        getattr(module, function)(apps, None)


@pytest.fixture
def demo(db):
    restore_reference_data()
    call_command("demo", verbosity=0, stdout=open(os.devnull, "w"))


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def login(page, email):
    page.goto("/akun/masuk/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def axe_violations(page, impacts=("serious", "critical")):
    """WCAG 2.1 A/AA checks by axe-core on the current page."""
    page.evaluate(AXE)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


@pytest.fixture
def eager_tasks(monkeypatch):
    """Celery tasks run in the request that queues them (after its commit): invitation mails land in
    django.core.mail.outbox and book exports are rendered before the redirect.

    The debounced re-render of draft books (`books.services._schedule_refresh`, a countdown task) is switched
    off: eager mode ignores countdowns, so every change would run it at once for nothing."""
    from config.celery import app

    monkeypatch.setattr("books.services._schedule_refresh", lambda masterplan_id: None)
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.call_failed = report.failed


@pytest.fixture
def actors(request, browser, live_server):
    """actors(name) -> a person in their own browser context (cookies of their own); closed at the end.
    When the test fails, each one's page is saved as /tmp/journey/<name>-failed.png."""
    from .journey import Actor

    made = []

    def make(name):
        actor = Actor(browser, live_server.url, name)
        made.append(actor)
        return actor

    yield make
    for actor in made:
        if getattr(request.node, "call_failed", False):
            actor.shot("failed")
        actor.close()


@pytest.fixture
def journey_settings(settings, tmp_path, live_server, eager_tasks):
    """Uploads and rendered books in a temporary folder; invitation mails link to the live server."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    return settings
