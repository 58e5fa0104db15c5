from celery import shared_task

from accounts.services import push_deliver, refresh_tokens_flush_expired
from project.events import Push


@shared_task(acks_late=True)
def refresh_tokens_flush_task() -> int:
    """Scheduled by beat. Idempotent: a rerun finds nothing left to delete."""
    return refresh_tokens_flush_expired()


@shared_task(acks_late=True, ignore_result=True)
def push_notify_task(user_id: int, push: dict) -> None:
    """Push to the user's devices if no socket of theirs is open. The payload has no
    message text (project/events.py Push), so neither the broker nor a result holds any."""
    push_deliver(user_id=user_id, push=Push(**push))
