"""deploy/: the compose file, the image, gunicorn, systemd and nginx say what the guide promises.
Docker cannot run here, so the compose file is checked for structure."""

import configparser
import re
import subprocess
import sys

import pytest
import yaml

from .helpers import ROOT, child_env

DEPLOY = ROOT / "deploy"
APP_SERVICES = {"migrate": "migrate", "web": "web", "worker": "worker", "mailer": "mailer"}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_compose_has_every_service(compose):
    assert set(compose["services"]) == {"db", "redis", *APP_SERVICES}
    assert set(compose["volumes"]) == {"pgdata", "redisdata", "media"}


def test_postgres_15_with_a_health_check(compose):
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:15")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"]


def test_redis_never_evicts_and_keeps_an_append_only_file(compose):
    redis = compose["services"]["redis"]
    command = redis["command"]
    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"
    assert command[command.index("--appendonly") + 1] == "yes"
    assert redis["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


@pytest.mark.parametrize("name, command", APP_SERVICES.items())
def test_app_services_share_one_image_with_their_own_command(compose, name, command):
    service = compose["services"][name]
    assert service["image"] == "rancang:latest"
    assert service["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert service["command"] == [command]
    assert "media:/data/media" in service["volumes"]
    assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert service["environment"]["DATABASE_URL"].startswith("postgres://rancang:${POSTGRES_PASSWORD:?")
    # The entrypoint knows the command.
    assert re.search(rf"^\s*{command}\)$", (DEPLOY / "entrypoint.sh").read_text(), re.MULTILINE)


@pytest.mark.parametrize("name", ["web", "worker", "mailer"])
def test_app_services_wait_for_healthy_services_and_migrations(compose, name):
    assert compose["services"][name]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }


def test_migrate_runs_once_after_the_database_is_healthy(compose):
    migrate = compose["services"]["migrate"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"] == {"db": {"condition": "service_healthy"}}


def test_workers_can_be_scaled(compose):
    for name in ("worker", "mailer"):
        service = compose["services"][name]
        # `--scale worker=N` needs no fixed name and no host port.
        assert "container_name" not in service
        assert "ports" not in service
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]
    assert compose["services"]["web"]["environment"]["GUNICORN_BIND"] == "0.0.0.0:8000"


def test_entrypoint_worker_roles_use_prefetch_one_and_their_queues():
    script = (DEPLOY / "entrypoint.sh").read_text()
    assert subprocess.run(["sh", "-n", str(DEPLOY / "entrypoint.sh")]).returncode == 0
    assert "--queues render --prefetch-multiplier 1" in script
    assert "--queues default,mail --prefetch-multiplier 1" in script
    assert "gunicorn --config deploy/gunicorn.conf.py config.wsgi" in script


def test_dockerfile_builds_a_slim_non_root_image_with_weasyprint_libraries():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11-slim-bookworm" in dockerfile
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b"):
        assert package in dockerfile
    assert "pip install -r requirements.txt" in dockerfile
    assert "STATIC_MANIFEST=1" in dockerfile and "collectstatic --noinput" in dockerfile
    assert re.search(r"^USER rancang$", dockerfile, re.MULTILINE)
    assert 'ENTRYPOINT ["deploy/entrypoint.sh"]' in dockerfile
    assert ".venv" in (DEPLOY / "Dockerfile.dockerignore").read_text().split()


def test_gunicorn_config_loads(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=child_env(tmp_path, GUNICORN_WORKERS="3", GUNICORN_TIMEOUT="45"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_gunicorn_config_refuses_a_malformed_value(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=child_env(tmp_path, GUNICORN_WORKERS="banyak"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "GUNICORN_WORKERS='banyak' is not a whole number" in result.stderr


def unit(name):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    return parser


@pytest.mark.parametrize("name", ["rancang-web.service", "rancang-render.service", "rancang-mail.service"])
def test_systemd_services_run_as_rancang_with_the_env_file(name):
    service = unit(name)["Service"]
    assert service["User"] == "rancang"
    assert service["EnvironmentFile"] == "/etc/rancang/rancang.env"
    assert service["WorkingDirectory"] == "/srv/rancang"
    assert service["Restart"] in {"always", "on-failure"}


def test_systemd_render_worker_takes_one_job_per_process_and_finishes_renders_on_stop():
    service = unit("rancang-render.service")["Service"]
    assert "--queues render --prefetch-multiplier 1" in service["ExecStart"]
    assert "$(nproc)" in service["ExecStart"].replace("$$", "$")
    assert int(service["TimeoutStopSec"]) > 900  # CELERY_TASK_TIME_LIMIT


def test_systemd_mail_worker_and_backup_timer():
    assert "--queues default,mail" in unit("rancang-mail.service")["Service"]["ExecStart"]
    assert "manage.py backup --out" in unit("rancang-backup.service")["Service"]["ExecStart"]
    assert unit("rancang-backup.timer")["Timer"]["OnCalendar"]


def test_nginx_site_terminates_tls_sets_proxy_headers_and_hides_media():
    site = (DEPLOY / "nginx" / "rancang.conf").read_text()
    env = dict(
        line.split("=", 1)
        for line in (DEPLOY / "rancang.env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert "listen 443 ssl http2;" in site and "ssl_certificate " in site
    assert re.search(r"client_max_body_size (\d+)m;", site).group(1) == str(int(env["UPLOAD_MAX_MB"]) + 1)
    for header in ("Host $host", "X-Real-IP $remote_addr", "X-Forwarded-Proto $scheme"):
        assert f"proxy_set_header {header};" in site
    assert re.search(r"location /media/ \{\s*return 404;\s*\}", site)


def test_env_template_names_only_variables_the_settings_read():
    settings_text = "".join(
        path.read_text()
        for path in [ROOT / "config" / "settings.py", DEPLOY / "gunicorn.conf.py", DEPLOY / "entrypoint.sh"]
    )
    names = [
        line.split("=", 1)[0]
        for line in (DEPLOY / "rancang.env.example").read_text().splitlines()
        if re.match(r"^[A-Z_]+=", line)
    ]
    compose_only = {"POSTGRES_PASSWORD"}
    unknown = [
        name
        for name in names
        if name not in compose_only and f'"{name}"' not in settings_text and name not in settings_text
    ]
    assert unknown == []
