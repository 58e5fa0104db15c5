import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User
from moments.models import Moment, MomentComment, MomentLike
from relationships.models import Feature, Level, Partner
from relationships.progression.features import FeatureLocked
from relationships.progression.selectors import feature_lock, relationship_of

LATEST_COMMENTS = 3


def _open_moments_of(*, partner: Partner) -> None:
    """Raise FeatureLocked (403) unless the relationship has reached `moments`."""
    required = feature_lock(relationship=relationship_of(partner), code="moments")
    if required is not None:
        raise FeatureLocked(feature="moments", required_level=required)


def moment_feed_for(*, user: User, partner_id: int) -> QuerySet[Moment]:
    """The partner's visible moments, newest first, with counts, the user's like and the
    latest comments: a fixed number of queries whatever the page size."""
    partner = get_object_or_404(
        Partner.objects.select_related("relationship", "owner"), pk=partner_id, owner=user
    )
    _open_moments_of(partner=partner)
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
    moment = get_object_or_404(
        Moment.objects.select_related("partner__relationship", "partner__owner"),
        pk=moment_id,
        hidden=False,
        partner__owner=user,
    )
    _open_moments_of(partner=moment.partner)
    return moment


def comments_for(*, moment: Moment) -> QuerySet[MomentComment]:
    return MomentComment.objects.filter(moment=moment)


def partners_due_a_moment(*, active_within_days: int = 7) -> QuerySet[Partner]:
    """Partners whose relationship has `moments` unlocked and talked recently."""
    feature = Feature.objects.filter(code="moments").first()
    level = Level.objects.filter(number=feature.required_level).first() if feature else None
    if level is None:
        return Partner.objects.none()
    since = timezone.now().date() - datetime.timedelta(days=active_within_days)
    return Partner.objects.filter(
        relationship__xp__gte=level.xp_required, relationship__last_active_on__gte=since
    ).select_related("owner")
