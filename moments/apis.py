from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from project.api.views import ApiView

from avatars.selectors import selfie_get_for
from moments.models import MomentLike
from moments.selectors import comments_for, moment_feed_for, moment_get_for
from moments.serializers import (
    CommentInputSerializer,
    CommentSerializer,
    LikeSerializer,
    MomentSerializer,
)
from moments.services import moment_comment, moment_like, moment_unlike, selfie_share
from project.api.pagination import CreatedCursorPagination, paginated_response
from project.api.serializers import ErrorSerializer
from relationships.progression.features import FeatureCode, feature_require

LOCKED_OR_MISSING = {401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


class MomentFeedApi(ApiView):
    pagination_class = CreatedCursorPagination

    @extend_schema(
        responses={200: MomentSerializer(many=True), **LOCKED_OR_MISSING},
        tags=["moments"],
    )
    def get(self, request, partner_id: int):
        """The partner's Moments, newest first. 403 feature_locked below the level."""
        feed = moment_feed_for(user=request.user, partner_id=partner_id)
        return paginated_response(request=request, view=self, queryset=feed, serializer_class=MomentSerializer)


class MomentLikeApi(ApiView):
    def _answer(self, moment, request):
        count = MomentLike.objects.filter(moment=moment).count()
        liked = MomentLike.objects.filter(moment=moment, user=request.user).exists()
        return Response(LikeSerializer({"liked": liked, "like_count": count}).data)

    @extend_schema(request=None, responses={200: LikeSerializer, **LOCKED_OR_MISSING}, tags=["moments"])
    def post(self, request, moment_id: int):
        """Like (idempotent: liking twice counts and earns once)."""
        moment = moment_get_for(user=request.user, moment_id=moment_id)
        moment_like(moment=moment, user=request.user)
        return self._answer(moment, request)

    @extend_schema(request=None, responses={200: LikeSerializer, **LOCKED_OR_MISSING}, tags=["moments"])
    def delete(self, request, moment_id: int):
        """Unlike (idempotent)."""
        moment = moment_get_for(user=request.user, moment_id=moment_id)
        moment_unlike(moment=moment, user=request.user)
        return self._answer(moment, request)


class MomentCommentsApi(ApiView):
    @extend_schema(responses={200: CommentSerializer(many=True), **LOCKED_OR_MISSING}, tags=["moments"])
    def get(self, request, moment_id: int):
        """The comments, newest last."""
        moment = moment_get_for(user=request.user, moment_id=moment_id)
        return Response(CommentSerializer(comments_for(moment=moment), many=True).data)

    @extend_schema(
        request=CommentInputSerializer,
        responses={201: CommentSerializer, 400: ErrorSerializer, **LOCKED_OR_MISSING},
        tags=["moments"],
    )
    def post(self, request, moment_id: int):
        moment = moment_get_for(user=request.user, moment_id=moment_id)
        serializer = CommentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = moment_comment(moment=moment, text=serializer.validated_data["text"])
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class SelfieShareApi(ApiView):
    @extend_schema(
        request=None,
        responses={200: MomentSerializer, 201: MomentSerializer, 409: ErrorSerializer, **LOCKED_OR_MISSING},
        tags=["selfies"],
    )
    def post(self, request, selfie_id: int):
        """Post the selfie on the partner's Moments (once; sharing again answers 200 with the same post)."""
        selfie = selfie_get_for(user=request.user, selfie_id=selfie_id)
        feature_require(partner=selfie.partner, code=FeatureCode.MOMENTS)
        moment, created = selfie_share(selfie=selfie)
        shown = moment_feed_for(user=request.user, partner_id=selfie.partner_id).get(pk=moment.pk)
        return Response(
            MomentSerializer(shown).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )
