"""A 403 is logged in one line, without a traceback (issue 18)."""

import logging

from django.urls import reverse

from config.logging import OneLineRefusals


def test_a_403_is_one_line_in_the_log(as_user, personas, caplog):
    url = reverse("masterplan:edit", args=[personas.masterplan.pk])  # a reader may not edit: 403
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = as_user(personas.reader).post(url, {"title": "x"})
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    record = records[0]
    assert record.exc_info is None and record.exc_text is None
    assert "\n" not in record.getMessage()
    assert record.getMessage().startswith(f"Forbidden (Permission denied): {url}")
    assert "Traceback" not in caplog.text


def test_a_security_record_loses_its_traceback_and_a_500_keeps_it():
    try:
        raise ValueError("Invalid HTTP_HOST header: 'evil.example'")
    except ValueError as error:
        exc_info = (type(error), error, error.__traceback__)
    security = logging.LogRecord("django.security.DisallowedHost", logging.ERROR, "", 0, "Bad host", (), exc_info)
    OneLineRefusals().filter(security)
    assert security.exc_info is None and "\n" not in security.getMessage()
    server_error = logging.LogRecord(
        "django.request", logging.ERROR, "", 0, "Internal Server Error: %s", ("/x",), exc_info
    )
    server_error.status_code = 500
    OneLineRefusals().filter(server_error)
    assert server_error.exc_info is not None
