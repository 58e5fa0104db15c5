"""The one domain error. Services and selectors raise it; the edges say it in their own terms.

A service never knows about HTTP or websockets: it raises `ApplicationError` with a stable
`code` (clients switch on it) and a `detail` for people. The REST edge maps codes to statuses
(`project/api/errors.py`) and the socket edge to `error` frames, so one refusal reads the same
on both.
"""

from django.core.exceptions import ObjectDoesNotExist

# Refusals the schema cannot state (an age, a password's strength, a photo that does not
# decode, a choice a minor may not make) carry this code; the REST edge answers them 422.
# A serializer raises `ValidationError(..., code=UNPROCESSABLE)` for the same.
UNPROCESSABLE = "unprocessable"


class ApplicationError(Exception):
    def __init__(
        self,
        code: str,
        detail: str,
        *,
        fields: dict[str, list[str]] | None = None,
        retry_after: int | None = None,
        **extra,
    ):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.fields = fields or {}
        self.retry_after = retry_after
        self.extra = extra  # more keys for the error object, e.g. required_level

    def __repr__(self) -> str:
        return f"ApplicationError({self.code!r}, {self.detail!r})"


class NotFound(ApplicationError):
    """What an object that is missing, or not the caller's, looks like: the same either way."""

    def __init__(self, detail: str = "Not found."):
        super().__init__("not_found", detail)


def get_or_not_found(queryset, /, **lookup):
    """`queryset.get(**lookup)` (a model or a queryset), or NotFound."""
    manager = getattr(queryset, "_default_manager", None)
    queryset = manager.all() if manager is not None else queryset
    try:
        return queryset.get(**lookup)
    except ObjectDoesNotExist:
        raise NotFound() from None
