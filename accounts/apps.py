from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"

    def ready(self):
        from safety.registry import user_data_register

        from accounts.user_data import USER_DATA

        user_data_register(USER_DATA)
