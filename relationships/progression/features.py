from rest_framework import permissions

from project.errors import ApplicationError
from relationships.progression.selectors import feature_lock, relationship_get_for


def FeatureLocked(*, feature: str, required_level: int) -> ApplicationError:
    return ApplicationError(
        "feature_locked",
        "Your relationship has not reached the level this needs yet.",
        feature=feature,
        required_level=required_level,
    )


def feature_require(*, user, partner_id: int, code: str) -> None:
    """404 for someone else's partner; FeatureLocked (403) below the feature's level."""
    required = feature_lock(relationship=relationship_get_for(user=user, partner_id=partner_id), code=code)
    if required is not None:
        raise FeatureLocked(feature=code, required_level=required)


def requires_feature(code: str) -> type[permissions.BasePermission]:
    """A DRF permission for views under /api/partners/{partner_id}/ that need `code` unlocked."""

    class RequiresFeature(permissions.BasePermission):
        def has_permission(self, request, view):
            feature_require(user=request.user, partner_id=view.kwargs["partner_id"], code=code)
            return True

    RequiresFeature.__name__ = f"Requires_{code}"
    return RequiresFeature
