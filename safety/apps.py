from django.apps import AppConfig


class SafetyConfig(AppConfig):
    """AI disclosure, the crisis protocol, healthy-use notices and data retention (docs/safety.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "safety"
