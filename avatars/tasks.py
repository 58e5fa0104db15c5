import datetime
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from avatars.models import Selfie
from avatars.services import selfie_compose, selfie_fail

logger = logging.getLogger(__name__)

# A selfie takes well under a second of work; these bound a stuck worker.
SOFT_TIME_LIMIT = 60
TIME_LIMIT = 90
# Longer than a task can run plus the broker's redelivery of a lost one.
STALLED_AFTER = datetime.timedelta(minutes=15)

FAILED_SLOW = "Making this selfie took too long. Please try again."
FAILED_ERROR = "Something went wrong while making this selfie. Please try again."


@shared_task(acks_late=True, soft_time_limit=SOFT_TIME_LIMIT, time_limit=TIME_LIMIT)
def selfie_compose_task(selfie_id: int) -> int | None:
    """Make a queued selfie. Idempotent: a redelivered task leaves a finished selfie alone."""
    try:
        selfie = selfie_compose(selfie_id=selfie_id)
    except SoftTimeLimitExceeded:
        selfie_fail(selfie_id=selfie_id, reason=FAILED_SLOW)
        return None
    except Exception:
        logger.exception("selfie %s failed", selfie_id)
        selfie_fail(selfie_id=selfie_id, reason=FAILED_ERROR)
        return None
    return selfie.pk if selfie else None


@shared_task
def selfies_stalled_fail_task() -> int:
    """Beat: a selfie still queued or running long after any worker could be on it
    (a lost task) is marked failed, so the user is told rather than left waiting."""
    cutoff = timezone.now() - STALLED_AFTER
    ids = list(
        Selfie.objects.filter(
            status__in=(Selfie.Status.QUEUED, Selfie.Status.RUNNING), created_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    for selfie_id in ids:
        selfie_fail(selfie_id=selfie_id, reason=FAILED_SLOW)
    return len(ids)
