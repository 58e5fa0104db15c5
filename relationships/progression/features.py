"""The feature gate: what a relationship has unlocked. Features are rows operators edit in the
admin (a level each); their codes are `FeatureCode`, and this module is the one place that
answers "is this unlocked?", for the REST views, the sockets and the worker."""

import logging
from enum import StrEnum

from django.db.models import QuerySet

from project.errors import ApplicationError
from relationships.models import Feature, Level, Partner, Relationship
from relationships.progression.selectors import ladder, level_number, relationship_of

logger = logging.getLogger(__name__)


class FeatureCode(StrEnum):
    """The features the code knows (seeded by relationships/migrations/0004_seed_ladder.py)."""

    NICKNAME = "nickname"
    MOMENTS = "moments"
    PROACTIVE_MESSAGES = "proactive_messages"
    VACATION_SELFIES = "vacation_selfies"


def feature_lock(*, relationship: Relationship, code: FeatureCode) -> int | None:
    """The level `code` needs if the relationship has not reached it; None when unlocked.

    A feature whose row an operator removed is no longer gated: nothing breaks.
    """
    feature = Feature.objects.filter(code=code).first()
    if feature is None:
        logger.warning("feature %s is not defined: not gated", code)
        return None
    number = level_number(relationship.xp, ladder(minor=relationship.partner.owner.is_minor))
    return None if feature.required_level <= number else feature.required_level


def feature_require(*, partner: Partner, code: FeatureCode) -> None:
    """Raise `feature_locked` (with the level it needs) unless the partner's relationship has
    unlocked `code`."""
    required = feature_lock(relationship=relationship_of(partner), code=code)
    if required is not None:
        raise ApplicationError(
            "feature_locked",
            "Your relationship has not reached the level this needs yet.",
            feature=str(code),
            required_level=required,
        )


def partners_with_feature(code: FeatureCode) -> QuerySet[Partner]:
    """Partners whose relationship has enough XP for `code` (a prefilter in SQL for the
    worker's schedules: a minor's ladder, which stops below romantic levels, is not applied)."""
    feature = Feature.objects.filter(code=code).first()
    if feature is None:
        return Partner.objects.all()
    level = Level.objects.filter(number=feature.required_level).first()
    if level is None:  # a level the ladder no longer has: nobody reaches it
        return Partner.objects.none()
    return Partner.objects.filter(relationship__xp__gte=level.xp_required)
