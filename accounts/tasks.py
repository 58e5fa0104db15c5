from celery import shared_task

from accounts.services import refresh_tokens_flush_expired


@shared_task(acks_late=True)
def flush_expired_tokens() -> int:
    """Scheduled by beat. Idempotent: a rerun finds nothing left to delete."""
    return refresh_tokens_flush_expired()


@shared_task(acks_late=True, ignore_result=True)
def push_notify(user_id: int, notification: dict) -> None:
    """Push to the user's devices if no socket of theirs is open. The payload has no
    message text (accounts/push.py), so neither the broker nor a result holds any."""
    from accounts.push import Notification
    from accounts.services import push_deliver

    push_deliver(user_id=user_id, notification=Notification(**notification))
