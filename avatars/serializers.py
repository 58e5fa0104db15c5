from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from avatars import catalog, scenes
from avatars.models import Selfie
from project.api.serializers import StrictCharField, StrictInputMixin
from project.media import media_url


class ColourSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    hex = serializers.CharField()


class OptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    colours = ColourSerializer(many=True)
    modest = serializers.BooleanField(required=False, help_text="Outfits only: allowed for minors.")


class LayerSerializer(serializers.Serializer):
    kind = serializers.CharField()
    options = OptionSerializer(many=True)


class CatalogSerializer(serializers.Serializer):
    layers = LayerSerializer(many=True)
    expressions = serializers.ListField(child=serializers.CharField())
    sizes = serializers.ListField(child=serializers.IntegerField())


class ChoiceSerializer(serializers.Serializer):
    option = serializers.CharField()
    colour = serializers.CharField(required=False, allow_null=True)


class AvatarSerializer(serializers.Serializer):
    partner_id = serializers.IntegerField()
    config = serializers.DictField(child=ChoiceSerializer(), help_text="One choice per layer kind.")
    expression = serializers.CharField(help_text="The partner's expression now, following the conversation's mood.")
    image_url = serializers.CharField(help_text="GET it with the Bearer token; add ?size= and ?expression=.")
    updated_at = serializers.DateTimeField(allow_null=True)


@extend_schema_field(catalog.config_schema())
class AvatarConfigField(serializers.DictField):
    """Kinds, options and colours are checked against the catalog by the service; the schema
    states the catalog exactly, so a config it allows is one the service takes."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.DictField(allow_empty=True), **kwargs)


class AvatarInputSerializer(StrictInputMixin, serializers.Serializer):
    config = AvatarConfigField()


class AvatarImageQuerySerializer(StrictInputMixin, serializers.Serializer):
    size = serializers.ChoiceField(choices=list(catalog.SIZES), default=512, help_text="Pixels a side.")
    expression = serializers.ChoiceField(
        choices=list(catalog.EXPRESSIONS),
        required=False,
        help_text="By default the partner's current one, which follows the conversation's mood.",
    )


class DestinationSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class SelfieInputSerializer(StrictInputMixin, serializers.Serializer):
    destination = serializers.ChoiceField(choices=[d["code"] for d in scenes.DESTINATIONS])
    caption = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    # An empty file is answered as any other that does not decode (422 unsupported_image).
    photo = serializers.FileField(required=False, allow_empty_file=True, help_text="JPEG, PNG or WebP.")


class SelfieSerializer(serializers.ModelSerializer):
    image_url = serializers.SerializerMethodField(help_text="A signed URL that expires; null until done.")
    failure_reason = serializers.SerializerMethodField()
    ai_generated = serializers.SerializerMethodField(
        help_text="Always true: the picture is generated (its JPEG says so in XMP, IPTC DigitalSourceType)."
    )

    class Meta:
        model = Selfie
        fields = (
            "id", "partner_id", "destination", "status", "failure_reason", "caption",
            "partner_caption", "image_url", "ai_generated", "created_at", "finished_at",
        )
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_image_url(self, selfie) -> str | None:
        return media_url(selfie.image.name) if selfie.image else None

    @extend_schema_field(serializers.BooleanField())
    def get_ai_generated(self, selfie) -> bool:
        return True

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_failure_reason(self, selfie) -> str | None:
        return selfie.failure_reason or None


class SelfieQueuedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
