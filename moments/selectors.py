import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from accounts.models import User
from moments.models import Moment, MomentComment, MomentLike
from project.errors import get_or_not_found
from relationships.models import Partner
from relationships.progression.features import FeatureCode, feature_require, partners_with_feature

LATEST_COMMENTS = 3


def moment_feed_for(*, user: User, partner_id: int) -> QuerySet[Moment]:
    """The partner's visible moments, newest first, with counts, the user's like and the
    latest comments: a fixed number of queries whatever the page size."""
    partner = get_or_not_found(Partner.objects.select_related("relationship", "owner"), pk=partner_id, owner=user)
    feature_require(partner=partner, code=FeatureCode.MOMENTS)
    return (
        Moment.objects.filter(partner=partner, hidden=False)
        .select_related("selfie")
        .annotate(
            like_count=Count("likes", distinct=True),
            comment_count=Count("comments", distinct=True),
            liked_by_me=Exists(MomentLike.objects.filter(moment=OuterRef("pk"), user=user)),
        )
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=MomentComment.objects.order_by("-created_at", "-id")[:LATEST_COMMENTS],
                to_attr="latest_comments",
            )
        )
    )


def moment_get_for(*, user: User, moment_id: int) -> Moment:
    """A visible moment of one of the user's partners (404 otherwise), its feature open."""
    moment = get_or_not_found(
        Moment.objects.select_related("partner__relationship", "partner__owner"),
        pk=moment_id,
        hidden=False,
        partner__owner=user,
    )
    feature_require(partner=moment.partner, code=FeatureCode.MOMENTS)
    return moment


def comments_for(*, moment: Moment) -> QuerySet[MomentComment]:
    return MomentComment.objects.filter(moment=moment)


def partners_due_a_moment(*, active_within_days: int = 7) -> QuerySet[Partner]:
    """Partners whose relationship has `moments` unlocked and talked recently."""
    since = timezone.now().date() - datetime.timedelta(days=active_within_days)
    return (
        partners_with_feature(FeatureCode.MOMENTS)
        .filter(relationship__last_active_on__gte=since)
        .select_related("owner")
    )
