from celery import shared_task
from django.conf import settings

from safety.data_rights import retention_enforce


@shared_task(acks_late=True)
def retention_enforce_task() -> dict:
    """Beat, every 6 hours. Idempotent. Returns counts only, never text."""
    return retention_enforce(days=settings.CHAT_RETENTION_DAYS)
