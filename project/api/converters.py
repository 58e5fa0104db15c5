"""Ids in URL paths: `<id:partner_id>` instead of `<int:...>`.

Positive, and at most 18 digits so any id fits a 64-bit column: a longer run of digits is an
unmatched path (the JSON 404) rather than an overflow in the database. The schema declares
the same bounds (SPECTACULAR_SETTINGS["PATH_CONVERTER_OVERRIDES"]).
"""

from django.urls import register_converter

class IdConverter:
    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def converters_register() -> None:
    register_converter(IdConverter, "id")
