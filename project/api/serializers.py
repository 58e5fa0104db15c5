import re
from collections.abc import Mapping

from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from project.errors import UNPROCESSABLE  # noqa: F401  (serializers raise with this code)

# What a JSON value must be for each kind of field; form and query input are all strings.
_JSON_TYPES = (
    (serializers.BooleanField, (bool,), "Must be true or false."),
    (serializers.IntegerField, (int,), "Must be a whole number."),
    (serializers.FloatField, (int, float), "Must be a number."),
    (serializers.ChoiceField, (str, int), "Must be one of the choices."),
    (serializers.CharField, (str,), "Must be a string."),
    (serializers.DateField, (str,), "Must be a date string."),
    (serializers.DateTimeField, (str,), "Must be a date-time string."),
    (serializers.TimeField, (str,), "Must be a time string."),
    (serializers.ListField, (list,), "Must be a list."),
    (serializers.DictField, (dict,), "Must be an object."),
)


def _json_type_error(field, value) -> str | None:
    if value is None:
        return None  # allow_null is the field's own business
    for kind, types, message in _JSON_TYPES:
        if isinstance(field, kind):
            if isinstance(value, bool) and bool not in types:
                return message
            return None if isinstance(value, types) else message
    return None


class StrictInputMixin:
    """Refuse keys the serializer does not accept, instead of silently dropping them, and
    JSON values of the wrong type instead of coercing them ("5" is not 5, 0 is not "0").

    A client that sends `is_staff` or `birth_date` to an endpoint that cannot
    change them learns so from a 400 rather than from a value that never moved. The
    schema says the same: a strict serializer's request body has `additionalProperties: false`
    (project/api/schema.py).
    """

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            errors = {}
            json_body = not isinstance(data, QueryDict)
            for name in data:
                field = self.fields.get(name)
                if field is None:
                    errors[name] = ["Unknown field."]
                elif field.read_only:
                    errors[name] = ["This field cannot be changed."]
                elif json_body and (problem := _json_type_error(field, data[name])):
                    errors[name] = [problem]
                elif not json_body and len(data.getlist(name)) > 1:
                    errors[name] = ["Give it once."]
                elif not json_body and data[name] == "" and not getattr(field, "allow_blank", False):
                    # Forms read "x=" as "x left out"; a query that says x says what x is.
                    errors[name] = ["This field may not be blank."]
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


CLOCK_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


@extend_schema_field({"type": "string", "pattern": CLOCK_TIME_PATTERN, "example": "08:30"})
class ClockTimeField(serializers.TimeField):
    """A wall-clock time, "HH:MM" or "HH:MM:SS", in the user's time zone.

    Declared as the string it is: OpenAPI's `format: time` is RFC 3339's, which wants an
    offset these times do not have. Input is held to the same pattern, so "8:0" or
    "08:00+01:00" are refused rather than guessed at.
    """

    def to_internal_value(self, value):
        if not isinstance(value, str) or not re.fullmatch(CLOCK_TIME_PATTERN, value):
            self.fail("invalid", format="HH:MM")
        return super().to_internal_value(value)


class QueryIntegerField(serializers.IntegerField):
    """A whole number in a query string: digits only (no "5.0", " 5" or "²")."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not re.fullmatch(r"[0-9]{1,9}", data):
            self.fail("invalid")
        return super().to_internal_value(data)


class EmailField(serializers.EmailField):
    """An email address. The schema's `format: email` is looser than Django's validator (which
    wants a real domain), so an address in the right shape that Django refuses is a 422."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError([str(m) for m in exc.detail], code=UNPROCESSABLE) from None


class NoQuerySerializer(StrictInputMixin, serializers.Serializer):
    """The query of an operation that takes no query parameters: any is refused."""


class CursorQuerySerializer(StrictInputMixin, serializers.Serializer):
    """The query of every cursor-paginated list."""

    cursor = serializers.CharField(required=False, max_length=1000, help_text="Opaque cursor from `next` or `previous`.")
    page_size = QueryIntegerField(required=False, min_value=1, max_value=100, help_text="1 to 100, default 20.")
