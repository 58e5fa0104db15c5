from celery import shared_task

from accounts.services import refresh_tokens_flush_expired


@shared_task(acks_late=True)
def flush_expired_tokens() -> int:
    """Scheduled by beat. Idempotent: a rerun finds nothing left to delete."""
    return refresh_tokens_flush_expired()
