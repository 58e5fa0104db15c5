import json
import stat

import pytest
from django.core.management import call_command

from relationships.management.commands import seed_demo
from accounts.models import User
from relationships.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def credentials_file(tmp_path, monkeypatch):
    path = tmp_path / "demo-credentials.json"
    monkeypatch.setattr(seed_demo, "CREDENTIALS_FILE", path)
    monkeypatch.delenv("HEARTH_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("HEARTH_DEMO_PASSWORD", raising=False)
    return path


def test_creates_admin_demo_user_and_partner_once(credentials_file, capsys):
    call_command("seed_demo")
    call_command("seed_demo")

    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    demo = User.objects.get(username="demo")
    assert Partner.objects.filter(owner=demo).count() == 1
    saved = json.loads(credentials_file.read_text())
    assert admin.check_password(saved["admin"]) and demo.check_password(saved["demo"])
    assert stat.S_IMODE(credentials_file.stat().st_mode) == 0o600
    assert capsys.readouterr().out.count(saved["admin"]) == 2  # printed on every run


def test_takes_the_admin_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("HEARTH_ADMIN_PASSWORD", "from-env-secret-1")
    call_command("seed_demo")

    assert User.objects.get(username="admin").check_password("from-env-secret-1")
    assert "from-env-secret-1" not in capsys.readouterr().out


def test_a_weak_password_from_the_environment_is_refused(monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setenv("HEARTH_ADMIN_PASSWORD", "admin")
    with pytest.raises(CommandError, match="HEARTH_ADMIN_PASSWORD"):
        call_command("seed_demo")
    assert not User.objects.filter(username="admin").exists()
