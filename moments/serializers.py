from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from moments.models import MAX_COMMENT_LENGTH, Moment, MomentComment
from moments.services import moment_image_url
from project.api.serializers import StrictCharField, StrictInputMixin


class CommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = MomentComment
        fields = ("id", "author_type", "text", "reply_to", "created_at")
        read_only_fields = fields


_COMMENTS = CommentSerializer(many=True)


class CommentInputSerializer(StrictInputMixin, serializers.Serializer):
    text = StrictCharField(max_length=MAX_COMMENT_LENGTH)


class MomentSerializer(serializers.ModelSerializer):
    image_url = serializers.SerializerMethodField()
    like_count = serializers.IntegerField()
    liked_by_me = serializers.BooleanField()
    comment_count = serializers.IntegerField()
    latest_comments = serializers.SerializerMethodField()

    class Meta:
        model = Moment
        fields = (
            "id", "text", "image_url", "created_at",
            "like_count", "liked_by_me", "comment_count", "latest_comments",
        )
        read_only_fields = fields

    def get_image_url(self, moment) -> str | None:
        return moment_image_url(moment)

    @extend_schema_field(CommentSerializer(many=True))
    def get_latest_comments(self, moment):
        # Prefetched newest first (for the limit); shown newest last. One serializer
        # serves every moment: building one per moment was most of a feed page's time.
        return _COMMENTS.to_representation(list(reversed(moment.latest_comments)))


class LikeSerializer(serializers.Serializer):
    liked = serializers.BooleanField()
    like_count = serializers.IntegerField()
