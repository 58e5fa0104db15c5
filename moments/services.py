import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from moments.generation import comment_reply_prompt, moment_prompt, slot_of
from avatars.generation import fallback_caption
from avatars.models import Selfie
from avatars.scenes import destination_get
from moments.models import MAX_COMMENT_LENGTH, MAX_MOMENT_LENGTH, Moment, MomentComment, MomentLike
from project.errors import ApplicationError
from project.jobs import enqueue_on_commit
from project.events import Frame, Push, frame, user_event_on_commit
from project.llm import LLMError
from project.llm.complete import complete
from project.llm.text import clean_post
from project.media import media_url
from relationships.models import Partner, XPEvent
from relationships.progression.services import xp_award
from safety.output import publishable

# A comment reply the model left empty or that the safety screen refused.
SAFE_REPLY = "Thank you for your comment, it means a lot to me. 💛"

LIKE_XP = 2
COMMENT_XP = 3


def moment_like(*, moment: Moment, user: User) -> bool:
    """Like once; liking again changes nothing. XP once per moment, even after an unlike.

    Returns whether a like was added.
    """
    try:
        with transaction.atomic():
            MomentLike.objects.create(moment=moment, user=user)
    except IntegrityError:
        return False
    xp_award(
        partner=moment.partner,
        source=XPEvent.Source.MOMENT_LIKE,
        amount=LIKE_XP,
        idempotency_key=f"moment-like:{moment.pk}:{user.pk}",
    )
    return True


def moment_unlike(*, moment: Moment, user: User) -> None:
    """Idempotent; XP earned stays (nothing is ever taken away)."""
    MomentLike.objects.filter(moment=moment, user=user).delete()


def moment_comment(*, moment: Moment, text: str) -> MomentComment:
    """A user's comment, with its XP (once per comment). The partner's answer is
    written by the worker after commit (comment_reply_generate)."""
    comment = MomentComment.objects.create(
        moment=moment, author_type=MomentComment.Author.USER, text=text
    )
    enqueue_on_commit("moments.tasks.comment_reply_task", comment.pk)
    xp_award(
        partner=moment.partner,
        source=XPEvent.Source.MOMENT_COMMENT,
        amount=COMMENT_XP,
        idempotency_key=f"moment-comment:{comment.pk}",
    )
    return comment


def moment_image_url(moment: Moment) -> str | None:
    """The shared selfie's picture, as a signed URL that expires."""
    if moment.selfie_id is None or not moment.selfie.image:
        return None
    return media_url(moment.selfie.image.name)


def moment_new_frame(moment: Moment) -> dict:
    """`moment.new`: one of the user's partners posted."""
    return frame(
        Frame.MOMENT_NEW,
        moment={
            "id": moment.pk,
            "partner_id": moment.partner_id,
            "text": moment.text,
            "image_url": moment_image_url(moment),
            "created_at": moment.created_at.isoformat(),
        },
    )


def moment_generate(
    *, partner: Partner, now: datetime.datetime | None = None, anytime: bool = False
) -> Moment | None:
    """Write the partner's post for the current time slot, once.

    Idempotent per (partner, slot): a retried task never posts twice. A day has
    MOMENTS_PER_DAY slots across the user's waking hours (none at night), so at
    most that many posts; `anytime` (an operator asking now) takes the day's
    nearest slot even at night, still within the day's count. The LLM is asked before
    anything is written, so if it fails (LLMError) nothing half-made is
    published and the caller may retry. The user's sockets hear `moment.new`
    after commit.
    """
    now = now or timezone.now()
    time_zone = partner.owner.time_zone
    slot = slot_of(now, time_zone, settings.MOMENTS_PER_DAY, anytime=anytime)
    if slot is None:  # the user's night, or posting turned off
        return None
    slot_key = f"{partner.pk}:{slot}"
    if Moment.objects.filter(slot_key=slot_key).exists():
        return None
    text = clean_post(
        complete(moment_prompt(partner=partner, now=now, time_zone=time_zone), max_tokens=120),
        MAX_MOMENT_LENGTH,
    )
    if not publishable(text):
        # Nothing usable or safe to publish: the slot stays open for the next run.
        raise LLMError("llm_error", "The model's post was empty or unsafe.", retryable=True)
    try:
        with transaction.atomic():
            moment = Moment.objects.create(partner=partner, text=text, slot_key=slot_key)
            user_event_on_commit(user_id=partner.owner_id, frame=moment_new_frame(moment))
    except IntegrityError:  # the same slot, written meanwhile by a retry
        return None
    return moment


def comment_reply_generate(*, comment: MomentComment) -> MomentComment | None:
    """The partner's answer to a user's comment, once; pushed as `moment.reply`.

    Asks the LLM before writing anything (LLMError: nothing is written, the
    caller may retry). None when the comment was already answered.
    """
    if MomentComment.objects.filter(reply_to=comment, author_type=MomentComment.Author.PARTNER).exists():
        return None
    moment = comment.moment
    text = clean_post(
        complete(
            comment_reply_prompt(partner=moment.partner, moment_text=moment.text, comment_text=comment.text),
            max_tokens=80,
        ),
        MAX_COMMENT_LENGTH,
    )
    if not publishable(text):
        text = SAFE_REPLY  # the partner still answers, in words we wrote
    try:
        with transaction.atomic():
            reply = MomentComment.objects.create(
                moment=moment, author_type=MomentComment.Author.PARTNER, text=text, reply_to=comment
            )
            user_event_on_commit(
                user_id=moment.partner.owner_id,
                frame=frame(
                    Frame.MOMENT_REPLY,
                    moment_id=moment.pk,
                    comment={
                        "id": reply.pk,
                        "author_type": reply.author_type,
                        "text": reply.text,
                        "reply_to": comment.pk,
                        "created_at": reply.created_at.isoformat(),
                    },
                ),
                push=Push(
                    kind=Frame.MOMENT_REPLY,
                    title=moment.partner.name,
                    body=f"{moment.partner.name} answered your comment.",
                    data={"partner_id": moment.partner_id, "moment_id": moment.pk},
                ),
            )
    except IntegrityError:  # answered meanwhile by another run of the task
        return None
    return reply


def selfie_share(*, selfie: Selfie) -> tuple[Moment, bool]:
    """Post a finished selfie on the partner's Moments, once: (moment, created). The user's
    sockets hear `moment.new` after commit."""
    if selfie.status != Selfie.Status.DONE:
        raise ApplicationError("selfie_not_ready", "Only a finished selfie can be shared.")
    existing = Moment.objects.filter(selfie=selfie).first()
    if existing is not None:
        return existing, False
    text = selfie.partner_caption or fallback_caption(destination_get(selfie.destination))
    try:
        with transaction.atomic():
            moment = Moment.objects.create(partner=selfie.partner, text=text, selfie=selfie)
            user_event_on_commit(user_id=selfie.partner.owner_id, frame=moment_new_frame(moment))
    except IntegrityError:  # shared twice at once
        return Moment.objects.get(selfie=selfie), False
    return moment, True
