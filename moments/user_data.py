"""What moments keeps about a user, for export and erasure (safety/registry.py). The partner's
own posts go with the partner (cascade); what the user wrote and liked is exported."""

from moments.models import Moment, MomentComment, MomentLike
from safety.registry import UserData


def _export_partners(user) -> dict[int, dict]:
    partners: dict[int, dict] = {}
    comments = MomentComment.objects.filter(moment__partner__owner=user).select_related("moment")
    for comment in comments.order_by("created_at", "id"):
        partners.setdefault(comment.moment.partner_id, {"moment_comments": [], "moment_likes": []})
        partners[comment.moment.partner_id]["moment_comments"].append(
            {"moment_id": comment.moment_id, "author": comment.author_type, "text": comment.text,
             "created_at": comment.created_at.isoformat()}
        )
    for like in MomentLike.objects.filter(user=user).select_related("moment").order_by("created_at", "id"):
        partners.setdefault(like.moment.partner_id, {"moment_comments": [], "moment_likes": []})
        partners[like.moment.partner_id]["moment_likes"].append(
            {"moment_id": like.moment_id, "created_at": like.created_at.isoformat()}
        )
    return partners


USER_DATA = UserData(
    app="moments",
    models=(Moment, MomentComment, MomentLike),
    export_partners=_export_partners,
    partner_defaults={"moment_comments": [], "moment_likes": []},
)
