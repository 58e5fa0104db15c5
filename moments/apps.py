from django.apps import AppConfig


class MomentsConfig(AppConfig):
    """The partner's Moments feed: posts, likes and comments (generation comes next)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "moments"

    def ready(self):
        from safety.registry import user_data_register

        from moments.user_data import USER_DATA

        user_data_register(USER_DATA)
