"""Demo data for a first run: an admin, a demo user and a demo partner. Safe to rerun."""

import datetime
import json
import secrets

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.services import user_register
from project.env import VAR_DIR, env
from relationships.models import Partner
from relationships.partners.services import partner_create

CREDENTIALS_FILE = VAR_DIR / "demo-credentials.json"


def _saved_credentials() -> dict:
    if CREDENTIALS_FILE.exists():
        return json.loads(CREDENTIALS_FILE.read_text())
    return {}


def _save_credentials(credentials: dict) -> None:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    CREDENTIALS_FILE.write_text(json.dumps(credentials, indent=2))
    CREDENTIALS_FILE.chmod(0o600)


class Command(BaseCommand):
    help = (
        "Create the admin account, a demo user and a demo partner once. Passwords come "
        "from HEARTH_ADMIN_PASSWORD / HEARTH_DEMO_PASSWORD or are generated and kept "
        f"in {CREDENTIALS_FILE}."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        credentials = _saved_credentials()
        accounts = {
            "admin": {"env": "HEARTH_ADMIN_PASSWORD", "staff": True, "email": "admin@hearth.invalid"},
            "demo": {"env": "HEARTH_DEMO_PASSWORD", "staff": False, "email": "demo@hearth.invalid"},
        }
        for username, spec in accounts.items():
            from_env = env(spec["env"])
            user = User.objects.filter(username=username).first()
            if user is None:
                password = from_env or secrets.token_urlsafe(12)
                try:
                    user = user_register(
                        username=username,
                        email=spec["email"],
                        password=password,
                        birth_date=datetime.date(1990, 1, 1),
                    )
                except ValidationError as exc:
                    raise CommandError(f"${spec['env']}: {' '.join(exc.messages)}") from exc
                if spec["staff"]:
                    user.is_staff = user.is_superuser = True
                    user.save(update_fields=["is_staff", "is_superuser"])
                if not from_env:
                    credentials[username] = password
            elif from_env and not user.check_password(from_env):
                user.set_password(from_env)
                user.save(update_fields=["password"])
                credentials.pop(username, None)
            if from_env:
                shown = f"(from ${spec['env']})"
            else:
                shown = credentials.get(username, f"(unchanged; set ${spec['env']} to reset it)")
            self.stdout.write(f"  {username:<6} password: {shown}")
        _save_credentials(credentials)

        demo = User.objects.get(username="demo")
        if not Partner.objects.filter(owner=demo).exists():
            partner_create(
                owner=demo,
                name="Mira",
                gender=Partner.Gender.FEMALE,
                personality=["warm", "playful", "curious"],
                speaking_style="Casual and kind, with the odd gentle joke.",
                interests=["stargazing", "baking", "indie music"],
                backstory="Mira grew up by the sea and loves quiet evenings and long talks.",
                relationship_mode=Partner.RelationshipMode.FRIEND,
                greeting="Hi! I'm Mira. How was your day?",
            )
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
