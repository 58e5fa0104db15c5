from django.db import IntegrityError, transaction

from accounts.models import User
from moments.models import Moment, MomentComment, MomentLike
from relationships.models import XPEvent
from relationships.services import xp_award

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
    """A user's comment, with its XP (once per comment)."""
    comment = MomentComment.objects.create(
        moment=moment, author_type=MomentComment.Author.USER, text=text
    )
    xp_award(
        partner=moment.partner,
        source=XPEvent.Source.MOMENT_COMMENT,
        amount=COMMENT_XP,
        idempotency_key=f"moment-comment:{comment.pk}",
    )
    return comment
