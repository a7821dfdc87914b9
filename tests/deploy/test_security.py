"""Login throttling on user and address, CSP, session lifetime, Celery settings for not losing work."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "rahasia-uji-123"  # UserFactory's


@pytest.fixture
def throttled(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return settings


def login(client, email, password, **headers):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, **headers)


def fail(client, email, times, **headers):
    for _ in range(times):
        response = login(client, email, "salah-sekali", **headers)
    return response


@pytest.mark.django_db
def test_user_is_locked_from_the_address_that_failed(client, throttled):
    user = UserFactory(email="koordinator@uji.test")
    fail(client, user.email, 3, REMOTE_ADDR="10.1.1.1")

    response = login(client, user.email, PASSWORD, REMOTE_ADDR="10.1.1.1")

    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_same_user_from_another_address_is_not_locked(client, throttled):
    user = UserFactory(email="koordinator@uji.test")
    fail(client, user.email, 3, REMOTE_ADDR="10.1.1.1")

    response = login(client, user.email, PASSWORD, REMOTE_ADDR="10.2.2.2")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_other_user_of_a_shared_office_address_is_not_locked(client, throttled):
    victim = UserFactory(email="koordinator@uji.test")
    colleague = UserFactory(email="dlh@uji.test")
    fail(client, victim.email, 3, REMOTE_ADDR="10.1.1.1")

    response = login(client, colleague.email, PASSWORD, REMOTE_ADDR="10.1.1.1")

    assert response.status_code == 302


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_do_not_lock(client, throttled):
    user = UserFactory(email="koordinator@uji.test")
    fail(client, user.email, 2, REMOTE_ADDR="10.1.1.1")

    assert login(client, user.email, PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 302


@pytest.mark.django_db
def test_behind_the_proxy_the_client_address_is_locked_not_the_proxy(client, throttled):
    throttled.BEHIND_PROXY = True
    user = UserFactory(email="koordinator@uji.test")
    fail(client, user.email, 3, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="10.1.1.1")

    assert login(client, user.email, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="10.1.1.1").status_code == 429
    assert login(client, user.email, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="10.2.2.2").status_code == 302


@pytest.mark.django_db
def test_x_real_ip_from_an_untrusted_address_is_ignored(client, throttled):
    throttled.BEHIND_PROXY = True
    user = UserFactory(email="koordinator@uji.test")
    # An attacker talking to gunicorn directly rotates X-Real-IP to escape the lock: it doesn't help.
    for n in range(3):
        login(client, user.email, "salah-sekali", REMOTE_ADDR="203.0.113.9", HTTP_X_REAL_IP=f"10.9.9.{n}")

    response = login(client, user.email, PASSWORD, REMOTE_ADDR="203.0.113.9", HTTP_X_REAL_IP="10.9.9.200")

    assert response.status_code == 429


@pytest.mark.django_db
def test_without_proxy_x_real_ip_is_ignored(client, throttled):
    user = UserFactory(email="koordinator@uji.test")
    fail(client, user.email, 3, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="10.1.1.1")

    assert login(client, user.email, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="10.2.2.2").status_code == 429


def assert_strict_csp(response):
    policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no inline scripts, no eval
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


@pytest.mark.django_db
def test_csp_on_the_login_page(client):
    assert_strict_csp(client.get(reverse("accounts:login")))


def test_csp_on_signed_in_pages(personas, as_user):
    client = as_user(personas.coordinator)
    for url in (reverse("masterplan:home"), reverse("masterplan:dashboard", args=[personas.masterplan.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_csp(response)


@pytest.mark.django_db
def test_session_cookie_lasts_the_configured_hours(client, settings):
    settings.SESSION_COOKIE_AGE = 2 * 3600  # SESSION_HOURS=2 (default 8)
    user = UserFactory(email="koordinator@uji.test")

    response = login(client, user.email, PASSWORD, REMOTE_ADDR="10.1.1.1")

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 2 * 3600
    assert cookie["httponly"]
    assert client.session.get_expiry_age() == 2 * 3600


def test_celery_settings_do_not_lose_work(settings):
    assert settings.CELERY_TASK_ACKS_LATE
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS
    assert 0 < settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT
    assert settings.CELERY_TASK_SERIALIZER == "json"


def test_books_render_on_their_queue_and_mail_on_its_own():
    from config.celery import app
    from core.tasks import send_email

    def queue(name, options=None):
        return app.amqp.router.route(options or {}, name, (), {})["queue"].name

    assert queue("books.tasks.render_export") == "render"
    assert queue("review.tasks.send_digest") == "mail"
    assert queue(send_email.name, send_email._get_exec_options()) == "mail"
    assert queue("rpjmd.tasks.anything") == "default"
