from django.apps import AppConfig


class RelationshipsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "relationships"

    def ready(self):
        from safety.registry import user_data_register

        from relationships.user_data import USER_DATA

        user_data_register(USER_DATA)
