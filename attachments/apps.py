from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    """What a user sends in chat besides text: voice notes now, images next (one path)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "attachments"

    def ready(self):
        from relationships.attachment import attachment_port_register
        from safety.registry import user_data_register

        from attachments.chat import PORT
        from attachments.user_data import USER_DATA

        user_data_register(USER_DATA)
        attachment_port_register(PORT)
