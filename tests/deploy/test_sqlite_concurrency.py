"""The default SQLite database is written by the web server and the worker processes at once (`make run`).

A transaction that reads, then writes after another process has committed, must wait for the write lock
instead of failing with "database is locked" (settings.SQLITE_OPTIONS: BEGIN IMMEDIATE and a busy timeout).
"""

import threading

import pytest
from django.conf import settings
from django.db import connections, transaction


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """A file database reached through Django's SQLite backend with the project's options, under its own alias
    (not the test database: this one is a real file that two connections share)."""
    alias = "sqlite_concurrency"
    connections.settings[alias] = connections.configure_settings(
        {
            "default": settings.DATABASES["default"],
            alias: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "concurrent.sqlite3"),
                "OPTIONS": dict(settings.SQLITE_OPTIONS, timeout=5),
            },
        }
    )[alias]
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_read_then_write_waits_for_another_writer_instead_of_failing(sqlite_file):
    alias = sqlite_file
    a_read, b_done, errors = threading.Event(), threading.Event(), []

    def writer_b():
        try:
            a_read.wait(5)
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("INSERT INTO note (body) VALUES ('b')")
        except Exception as error:  # noqa: BLE001 - the failure this test is about
            errors.append(error)
        finally:
            connections[alias].close()
            b_done.set()

    thread = threading.Thread(target=writer_b)
    thread.start()
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM note")  # a workflow reads first (e.g. a select_for_update)...
            a_read.set()
            b_done.wait(0.5)  # ...another process writes meanwhile (it waits: A holds the write lock)
            cursor.execute("INSERT INTO note (body) VALUES ('a')")  # ...then it writes
    finally:
        thread.join(10)
    assert not errors
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT body FROM note ORDER BY id")
        assert [row[0] for row in cursor.fetchall()] == ["a", "b"]
