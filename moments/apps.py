from django.apps import AppConfig


class MomentsConfig(AppConfig):
    """The partner's Moments feed (issue: Moments). Holds no models yet."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "moments"
