from collections.abc import Mapping

from rest_framework import serializers


class StrictInputMixin:
    """Refuse keys the serializer does not accept, instead of silently dropping them.

    A client that sends `is_staff` or `birth_date` to an endpoint that cannot
    change them learns so from a 400 rather than from a value that never moved.
    """

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            errors = {}
            for name in data:
                field = self.fields.get(name)
                if field is None:
                    errors[name] = ["Unknown field."]
                elif field.read_only:
                    errors[name] = ["This field cannot be changed."]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class ErrorObjectSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    retry_after = serializers.IntegerField(required=False, help_text="Seconds to wait (429).")


class StrictCharField(serializers.CharField):
    """A CharField that takes only JSON strings, not numbers turned into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ErrorSerializer(serializers.Serializer):
    """The one shape of every REST error, for the OpenAPI schema.

    Some errors add keys to the error object: `retry_after` (seconds) on 429.
    """

    error = ErrorObjectSerializer()
