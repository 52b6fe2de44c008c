import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError
from django.db.backends.utils import CursorWrapper

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_deploy_check_passes_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE": "1",
        "DJANGO_SECRET_KEY": "x7!kq2-production-like-secret-" + "v" * 40,
        "ALLOWED_HOSTS": "centramo.example",
        "DATABASE_URL": "sqlite:///:memory:",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_app_refuses_to_start_without_secret_key_in_production():
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    env.pop("DJANGO_SECRET_KEY")

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY is not set." in result.stderr


def test_healthz_answers_plain_http_under_secure_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECURE": "1",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    script = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/healthz').status_code, Client().get('/robots.txt').status_code)"
    )

    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    # The health check answers over plain HTTP; everything else is sent to HTTPS.
    assert result.stdout.split() == ["200", "301"], result.stderr
