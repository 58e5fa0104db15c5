from celery import shared_task

from moments.selectors import partners_due_a_moment
from moments.models import MomentComment
from moments.services import comment_reply_generate, moment_generate
from project.llm import LLMError
from relationships.models import Partner


@shared_task
def moments_due_task() -> int:
    """Beat, every 30 minutes: one task per partner due a post. Returns how many."""
    partner_ids = list(partners_due_a_moment().values_list("pk", flat=True))
    for partner_id in partner_ids:
        moment_generate_task.delay(partner_id)
    return len(partner_ids)


@shared_task(
    bind=True, acks_late=True, autoretry_for=(LLMError,), retry_backoff=60, retry_backoff_max=900,
    max_retries=5,
)
def moment_generate_task(self, partner_id: int, anytime: bool = False) -> int | None:
    """Write a partner's post for the current slot. Idempotent; retried when the LLM fails.
    `anytime`: an operator asked, so the user's night does not wait."""
    partner = Partner.objects.select_related("owner").filter(pk=partner_id).first()
    if partner is None:
        return None
    moment = moment_generate(partner=partner, anytime=anytime)
    return moment.pk if moment else None


@shared_task(
    bind=True, acks_late=True, autoretry_for=(LLMError,), retry_backoff=30, retry_backoff_max=600,
    max_retries=5,
)
def comment_reply_task(self, comment_id: int) -> int | None:
    """The partner answers a user's comment. Idempotent; retried when the LLM fails."""
    comment = (
        MomentComment.objects.select_related("moment__partner")
        .filter(pk=comment_id, author_type=MomentComment.Author.USER)
        .first()
    )
    if comment is None:
        return None
    reply = comment_reply_generate(comment=comment)
    return reply.pk if reply else None
