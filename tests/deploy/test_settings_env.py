"""Production settings: malformed values stop start-up with a message; check --deploy passes."""

import json
import secrets
from concurrent.futures import ThreadPoolExecutor

from .helpers import run_manage, run_python

SETUP = "import django; django.setup()"
PRODUCTION = {
    "DEBUG": "0",
    "RANCANG_HTTPS": "1",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "rancang.example.go.id",
}


REFUSED = [
    ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
    (
        {"DATABASE_URL": "mysql://root@127.0.0.1/rancang"},
        "DATABASE_URL='mysql://root@127.0.0.1/rancang' must start with postgres://",
    ),
    ({"DATABASE_URL": "postgres://127.0.0.1"}, "needs a host and a database name"),
    ({"REDIS_URL": "http://127.0.0.1:6379/0"}, "REDIS_URL='http://127.0.0.1:6379/0' must start with redis://"),
    ({"UPLOAD_MAX_MB": "abc"}, "UPLOAD_MAX_MB='abc' is not a whole number"),
    ({"SESSION_HOURS": "0"}, "SESSION_HOURS=0 is outside 1..720"),
    ({"TRUSTED_PROXIES": "nginx"}, "TRUSTED_PROXIES: 'nginx' does not appear to be an IPv4 or IPv6 network"),
    ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs S3_BUCKET"),
    ({**PRODUCTION, "SECRET_KEY": ""}, "SECRET_KEY must be set when RANCANG_HTTPS=1"),
    (
        {"REDIS_URL": "redis://127.0.0.1:6379/7", "CELERY_TASK_TIME_LIMIT": "900", "CELERY_VISIBILITY_TIMEOUT": "900"},
        "CELERY_VISIBILITY_TIMEOUT=900 must be longer than CELERY_TASK_TIME_LIMIT=900",
    ),
]


def test_malformed_values_stop_start_up_with_a_message(tmp_path):
    # One child process per case (settings are read once per process), run side by side.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda case: run_python(SETUP, tmp_path, **case[0]), REFUSED))

    for (env, message), result in zip(REFUSED, results, strict=True):
        assert result.returncode == 1, env
        assert "django.core.exceptions.ImproperlyConfigured" in result.stderr, env
        assert message in result.stderr, (env, result.stderr[-300:])


def test_s3_media_takes_bucket_and_credentials_from_the_environment(tmp_path):
    code = SETUP + (
        "; from django.core.files.storage import storages; import json; s = storages['default'];"
        " print(json.dumps([type(s).__name__, s.bucket_name, s.access_key, s.secret_key, s.endpoint_url,"
        " s.region_name, s.location, s.default_acl, s.querystring_auth, s.file_overwrite]))"
    )
    result = run_python(
        code,
        tmp_path,
        MEDIA_STORAGE="s3",
        S3_BUCKET="rancang-media",
        S3_ENDPOINT_URL="https://s3.dc.example.go.id",
        S3_REGION="id-jkt-1",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY="rahasia",
    )

    assert result.returncode == 0, result.stderr
    kind, *values = json.loads(result.stdout.strip().splitlines()[-1])
    assert kind == "S3Storage"
    assert values == [
        "rancang-media",
        "AKIAEXAMPLE",
        "rahasia",
        "https://s3.dc.example.go.id",
        "id-jkt-1",
        "media",
        "private",
        True,
        False,
    ]


def test_production_settings_are_secure(tmp_path):
    code = SETUP + (
        "; from django.conf import settings as s; import json; print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_AGE, s.SECURE_PROXY_SSL_HEADER, s.DATABASES['default']['CONN_HEALTH_CHECKS']]))"
    )
    result = run_python(
        code,
        tmp_path,
        **PRODUCTION,
        BEHIND_PROXY="1",
        SESSION_HOURS="4",
        DATABASE_URL="postgres://rancang@127.0.0.1:5432/rancang",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        False,
        True,
        True,
        True,
        True,
        31536000,
        4 * 3600,
        ["HTTP_X_FORWARDED_PROTO", "https"],
        True,
    ]


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], tmp_path, **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_with_debug_on(tmp_path):
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], tmp_path, **{**PRODUCTION, "DEBUG": "1"})

    assert result.returncode == 1
    assert "security.W018" in result.stderr
