from django.apps import AppConfig


class SafetyConfig(AppConfig):
    """AI disclosure, the crisis protocol, healthy-use notices and data retention (docs/safety.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "safety"

    def ready(self):
        import logging

        from project.health import READINESS_CHECKS
        from safety import classifier

        def crisis_model() -> None:
            classifier.default_model()  # raises WeightsError for a missing or corrupt file

        READINESS_CHECKS["crisis_model"] = crisis_model
        try:
            logging.getLogger("safety").info("crisis classifier loaded", extra=classifier.info())
        except classifier.WeightsError:
            # Loud, never silent: /readyz answers 503 and every screen logs it (safety/screen.py).
            logging.getLogger("safety").critical("the crisis classifier cannot be loaded", exc_info=True)
