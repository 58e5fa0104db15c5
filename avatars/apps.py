from django.apps import AppConfig


class AvatarsConfig(AppConfig):
    """Partner avatars (layered, drawn with Pillow) and virtual-vacation selfies."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "avatars"

    def ready(self):
        from safety.registry import user_data_register

        from avatars.user_data import USER_DATA

        user_data_register(USER_DATA)
