from django.apps import AppConfig


class AvatarsConfig(AppConfig):
    """Partner avatars (layered, drawn with Pillow) and virtual-vacation selfies."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "avatars"
