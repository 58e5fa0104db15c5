"""Settings as an operator meets them: separate processes with only the environment set."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from project.env import BASE_DIR

pytestmark = pytest.mark.django_db


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="hearth.example.com")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_check_passes_with_only_the_three_django_variables():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="hearth.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_missing_migrations():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_sqlite_runs_in_wal_mode(tmp_path):
    script = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0])"
    )
    result = manage("shell", "-c", script, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"


def _api_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _api_routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def test_schema_is_openapi_3_and_lists_every_endpoint(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")

    documented = set(schema["paths"])
    routes = {
        "/" + re.sub(r"<(?:int|id):(\w+)>", r"{\1}", r)
        for r in _api_routes()
        if r.startswith(("api/", "healthz", "readyz"))
        and "schema/" not in r
        and "docs/" not in r
        and "^.*$" not in r
    }
    assert routes <= documented, routes - documented
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"200", "201", "202", "204"} & set(operation["responses"]), (path, method)


def test_paginated_lists_are_documented_as_pages(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    ok = schema["paths"]["/api/partners/"]["get"]["responses"]["200"]
    ref = ok["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][ref]["properties"]) == {"next", "previous", "results"}


def test_plain_lists_are_documented_as_arrays(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    ok = schema["paths"]["/api/moments/{moment_id}/comments/"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["type"] == "array"


def test_swagger_ui_is_served_from_local_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower()


def test_admin_login_page_answers(client):
    assert client.get("/admin/login/").status_code == 200
