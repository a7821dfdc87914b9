"""Shared fixtures: one masterplan with a named persona for every role, and a stranger from another region."""

from dataclasses import dataclass

import pytest

from masterplan.models import Role

from .factories import MasterplanFactory, MembershipFactory, OPDFactory, RegionFactory, UserFactory


@dataclass
class Personas:
    masterplan: object
    other_masterplan: object
    opd: object  # the OPD member's OPD
    other_opd: object  # another OPD of the same region
    coordinator: object
    opd_member: object
    other_opd_member: object
    expert: object
    reader: object
    stranger: object  # coordinator of another region's masterplan
    admin: object

    def all(self):
        """(name, user) for every signed-in persona."""
        return [
            ("coordinator", self.coordinator),
            ("opd_member", self.opd_member),
            ("other_opd_member", self.other_opd_member),
            ("expert", self.expert),
            ("reader", self.reader),
            ("stranger", self.stranger),
            ("admin", self.admin),
        ]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _language_reset():
    """A test that activates English (translation.activate) leaves it active for the next test of the worker;
    every test ends back on the default language, so the order of tests never changes what they render."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Every test starts with an empty cache in memory: throttling counts (core/throttle.py) from zero, and a page
    fragment cached by one test (core/fragments.py) is never seen by another. Never a clear of the Redis database
    the broker shares, nor of the file cache a local server uses."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def personas(db):
    region = RegionFactory(code="64.09", name="Kabupaten Penajam Paser Utara")
    masterplan = MasterplanFactory(region=region)
    other_masterplan = MasterplanFactory(region=RegionFactory(code="64.01", name="Kabupaten Paser"))
    opd = OPDFactory(region=region, acronym="DLH", name="Dinas Lingkungan Hidup")
    other_opd = OPDFactory(region=region, acronym="Dispar", name="Dinas Pariwisata")

    def member(email, role, opd=None, mp=masterplan):
        user = UserFactory(email=email)
        MembershipFactory(masterplan=mp, user=user, role=role, opd=opd)
        return user

    return Personas(
        masterplan=masterplan,
        other_masterplan=other_masterplan,
        opd=opd,
        other_opd=other_opd,
        coordinator=member("koordinator@uji.test", Role.COORDINATOR),
        opd_member=member("dlh@uji.test", Role.OPD_MEMBER, opd),
        other_opd_member=member("dispar@uji.test", Role.OPD_MEMBER, other_opd),
        expert=member("ahli@uji.test", Role.EXPERT),
        reader=member("pembaca@uji.test", Role.READER),
        stranger=member("asing@uji.test", Role.COORDINATOR, mp=other_masterplan),
        admin=UserFactory(email="admin@uji.test", is_staff=True),
    )


@pytest.fixture
def as_user(client):
    """as_user(user) -> the test client signed in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


# Reference data written by data migrations (dimensions and elements, default checklists, default books). A
# transactional test ends with a flush that deletes it, and every later test in the same worker would then
# miss it (the demo test failed with KeyError 'branding' on SQLite). It is written again after such a test.
REFERENCE_DATA = [
    ("masterplan.migrations.0002_dimensions", "create"),
    ("bimtek.migrations.0002_default_checklists", "create"),
    ("books.migrations.0002_default_books", "create_books"),
    ("books.migrations.0004_exportjob_year_monitoring_book", "create_book"),
]


def _flushes_database(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("serialized_rollback"):
        return False  # restored by Django itself
    transactional = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    return bool(transactional) or bool({"transactional_db", "live_server"} & set(item.fixturenames))


REFERENCE_MODELS = ["masterplan.Dimension", "masterplan.Element", "bimtek.ChecklistItem", "books.Book"]


def restore_reference_data():
    """Written again with the ids the migrations gave them (the flush keeps the tables' id counters): a backup
    of the test database then holds the same reference rows as a freshly migrated one (backups.restore)."""
    import importlib

    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    tables = [{"table": apps.get_model(label)._meta.db_table, "column": "id"} for label in REFERENCE_MODELS]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_by_name_sql(no_style(), tables):
            cursor.execute(sql)
    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # the test's fixtures, the flush among them, are torn down first
    if nextitem is None or not _flushes_database(item):
        return  # after the last test the test database itself is gone
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        restore_reference_data()
