"""One JSON shape for every REST error: {"error": {"code", "detail", "fields"}}."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.fields import get_error_detail
from rest_framework.views import exception_handler as drf_exception_handler


class HearthAPIException(exceptions.APIException):
    """An API error that can carry `fields`, its own status, and extra keys for the
    error object (e.g. required_level)."""

    def __init__(self, detail=None, code=None, *, fields=None, status_code=None, **extra):
        super().__init__(detail, code)
        if status_code is not None:
            self.status_code = status_code
        self.fields = fields or {}
        self.extra = extra


def error_body(code: str, detail: str, fields: dict | None = None, **extra) -> dict:
    return {"error": {"code": code, "detail": detail, "fields": fields or {}, **extra}}


def flatten_fields(data, prefix: str = "") -> dict[str, list[str]]:
    """Turn DRF's nested error detail into {"a.b.0": ["message", ...]}."""
    out: dict[str, list[str]] = {}
    if isinstance(data, Mapping):
        for key, value in data.items():
            out.update(flatten_fields(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list) and all(isinstance(item, str) for item in data):
        if data:
            out[prefix or "non_field_errors"] = [str(item) for item in data]
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if item:
                out.update(flatten_fields(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out[prefix or "non_field_errors"] = [str(data)]
    return out


def _code_of(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return exc.default_code


def _detail_of(exc: exceptions.APIException, fields: dict) -> str:
    if isinstance(exc, exceptions.ValidationError):
        if list(fields) == ["non_field_errors"]:
            return fields["non_field_errors"][0]
        return "Invalid input."
    detail = exc.detail
    if isinstance(detail, Mapping):
        # simplejwt nests its message as {"detail": ..., "code": ..., "messages": [...]}
        return str(detail.get("detail") or exc.default_detail)
    if isinstance(detail, list):
        return str(detail[0]) if detail else str(exc.default_detail)
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=get_error_detail(exc))

    response = drf_exception_handler(exc, context)  # keeps WWW-Authenticate and Retry-After
    if response is None:
        return None  # an unexpected error: Django's handler500 answers

    fields = (
        flatten_fields(exc.detail)
        if isinstance(exc, exceptions.ValidationError)
        else dict(getattr(exc, "fields", {}))
    )
    extra = dict(getattr(exc, "extra", {}))
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        extra["retry_after"] = int(exc.wait + 0.999)
    response.data = error_body(_code_of(exc), _detail_of(exc, fields), fields, **extra)
    return response


def api_not_found(request, *args, **kwargs):
    """Unknown /api/ URLs answer in the error shape, also with DEBUG on."""
    return JsonResponse(
        error_body("not_found", "No such endpoint."), status=status.HTTP_404_NOT_FOUND
    )


def server_error(request, *args, **kwargs):
    return JsonResponse(
        error_body("server_error", "Something went wrong on our side."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def not_found(request, exception=None):
    return api_not_found(request)


def bad_request(request, exception=None):
    return JsonResponse(error_body("bad_request", "Bad request."), status=400)


def permission_denied(request, exception=None):
    return JsonResponse(error_body("permission_denied", "Permission denied."), status=403)
