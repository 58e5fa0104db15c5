from django.apps import AppConfig


class MomentsConfig(AppConfig):
    """The partner's Moments feed: posts, likes and comments (generation comes next)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "moments"
