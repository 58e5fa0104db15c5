"""One JSON shape for every REST error: {"error": {"code", "detail", "fields"}}."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.fields import get_error_detail
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from project.errors import UNPROCESSABLE, ApplicationError


# The status of each domain error code (project/errors.py) that is not a plain 400.
STATUS_OF = {
    "not_found": status.HTTP_404_NOT_FOUND,
    "feature_locked": status.HTTP_403_FORBIDDEN,
    "selfie_not_ready": status.HTTP_409_CONFLICT,
    "partner_limit": status.HTTP_409_CONFLICT,
    UNPROCESSABLE: status.HTTP_422_UNPROCESSABLE_ENTITY,
    # A photo the multipart body carries well that does not decode, or is too many pixels.
    "unsupported_image": status.HTTP_422_UNPROCESSABLE_ENTITY,
    "image_too_large": status.HTTP_422_UNPROCESSABLE_ENTITY,
    "too_many_selfies": status.HTTP_429_TOO_MANY_REQUESTS,
    "upload_too_large": status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
}


def application_error_response(exc: ApplicationError) -> Response:
    extra = dict(exc.extra)
    headers = {}
    if exc.retry_after is not None:
        extra["retry_after"] = exc.retry_after
        headers["Retry-After"] = str(exc.retry_after)
    return Response(
        error_body(exc.code, exc.detail, exc.fields, **extra),
        status=STATUS_OF.get(exc.code, status.HTTP_400_BAD_REQUEST),
        headers=headers,
    )


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


def _codes(detail):
    if isinstance(detail, Mapping):
        for value in detail.values():
            yield from _codes(value)
    elif isinstance(detail, list):
        for item in detail:
            yield from _codes(item)
    else:
        yield getattr(detail, "code", None)


def _is_unprocessable(exc: exceptions.ValidationError) -> bool:
    """Every message is a rule the schema cannot state: the request itself was well formed."""
    codes = set(_codes(exc.detail))
    return codes == {UNPROCESSABLE}


def _code_of(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return UNPROCESSABLE if _is_unprocessable(exc) else "invalid"
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
    if isinstance(exc, ApplicationError):
        set_rollback()  # as DRF does for its own exceptions
        return application_error_response(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        # Raised past the serializer (by a service or a model's full_clean): the input had
        # the right shape and a domain rule refused it.
        exc = exceptions.ValidationError(
            detail=_as_unprocessable(get_error_detail(exc)), code=UNPROCESSABLE
        )

    response = drf_exception_handler(exc, context)  # keeps WWW-Authenticate and Retry-After
    if response is None:
        return None  # an unexpected error: Django's handler500 answers

    fields = flatten_fields(exc.detail) if isinstance(exc, exceptions.ValidationError) else {}
    if isinstance(exc, exceptions.ValidationError) and _is_unprocessable(exc):
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    extra = {}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        extra["retry_after"] = int(exc.wait + 0.999)
    response.data = error_body(_code_of(exc), _detail_of(exc, fields), fields, **extra)
    return response


def _as_unprocessable(detail):
    if isinstance(detail, Mapping):
        return {key: _as_unprocessable(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_as_unprocessable(item) for item in detail]
    return ErrorDetail(str(detail), code=UNPROCESSABLE)


@csrf_exempt  # a POST to an unknown /api/ path is a 404 too, not Django's HTML CSRF page
def api_not_found(request, *args, **kwargs):
    """Unknown /api/ URLs answer in the error shape, for every method, also with DEBUG on."""
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


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the error shape under /api/, Django's page elsewhere (the admin)."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("csrf_failed", "CSRF verification failed."), status=403)
    from django.views.csrf import csrf_failure as django_csrf_failure

    return django_csrf_failure(request, reason=reason)


def permission_denied(request, exception=None):
    return JsonResponse(error_body("permission_denied", "Permission denied."), status=403)
