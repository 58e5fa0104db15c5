from django.apps import AppConfig


class AvatarsConfig(AppConfig):
    """Avatar rendering and vacation selfies (issue: Avatars). Holds no models yet."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "avatars"
