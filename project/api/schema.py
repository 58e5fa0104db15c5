"""The OpenAPI schema as the truth about the API (docs/api.md).

- `AutoSchema` (REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]) documents a view's query as its
  `ApiView` validates it (project/api/views.py).
- `StrictInputExtension`: a `StrictInputMixin` serializer's request body refuses other keys,
  and says so with `additionalProperties: false`.
- `postprocess_errors_and_links` (a drf-spectacular postprocessing hook) adds to every
  operation the error statuses any view can answer, in the error shape, and the OpenAPI links
  that let a client (and schemathesis' stateful phase) go from a created object to its parts.

A view declares only the errors of its own domain (`403 feature_locked`, `409`, `422`, `429`)
with `errors(...)`; the ones every view shares are added here.
"""

import inspect
import re

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import serializers

from project.api.serializers import ErrorSerializer, StrictInputMixin
from project.api.views import ApiView, query_serializer_for

ERROR_REF = {"$ref": "#/components/schemas/Error"}

# Why each shared status is answered, for the operations that can answer it.
SHARED_ERRORS = {
    "400": "invalid (or parse_error): the request does not match this schema, including an unknown or repeated query parameter.",
    "401": "not_authenticated or token_not_valid: no valid Bearer token.",
    "404": "not_found: no such object of yours (another user's id is the same 404), or an invalid cursor.",
    "406": "not_acceptable: the Accept header names nothing this operation answers.",
    "415": "unsupported_media_type: the body's Content-Type is not the documented one.",
}
DOMAIN_ERRORS = {
    "403": "feature_locked: unlocked at a higher level (error.required_level), or permission_denied.",
    "409": "A conflict with the current state (the code names it: partner_limit, selfie_not_ready, taken).",
    "413": "upload_too_large: the body is larger than allowed.",
    "422": "unprocessable: well formed, but refused by a rule the schema cannot state (error.fields say which).",
    "429": "throttled or too_many_selfies: try again after error.retry_after seconds (also Retry-After).",
}


def errors(*statuses: int) -> dict:
    """Responses for `extend_schema(responses={...})`: the domain errors a view answers.

    `responses={201: PartnerSerializer, **errors(409, 422)}`; 400/401/404/406/415 are added to
    every operation that can answer them by the postprocessing hook.
    """
    return {status: ErrorSerializer for status in statuses}


class AutoSchema(openapi.AutoSchema):
    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if isinstance(self.view, ApiView):
            query = query_serializer_for(self.view, self.method)
            if query().fields:
                parameters.insert(0, query)
        return parameters

    def _get_serializer(self):
        # An ApiView declares its bodies with extend_schema(request=...); one that declares
        # none takes none, which is no reason for the guessing fallback to complain.
        if isinstance(self.view, ApiView) and not hasattr(self.view, "serializer_class"):
            return None
        return super()._get_serializer()

    def _get_request_body(self, direction="request"):
        # DELETE /api/me/ ({password}) and DELETE /api/devices/ ({token}: never in the URL)
        # take bodies; drf-spectacular documents bodies for PUT, PATCH and POST only.
        if self.method == "DELETE" and self.get_request_serializer() is not None:
            self.method = "POST"
            try:
                return super()._get_request_body(direction)
            finally:
                self.method = "DELETE"
        return super()._get_request_body(direction)

    def _get_pagination_parameters(self):
        # An ApiView's cursor parameters come from its query serializer, with their bounds.
        if isinstance(self.view, ApiView):
            return []
        return super()._get_pagination_parameters()


class StrictInputExtension(OpenApiSerializerExtension):
    target_class = StrictInputMixin
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if schema.get("description") == inspect.cleandoc(StrictInputMixin.__doc__):
            del schema["description"]  # the mixin's docstring, inherited: not the serializer's own
        if direction == "request":
            schema["additionalProperties"] = False
            for name, field in self.target.fields.items():
                prop = schema.get("properties", {}).get(name)
                if prop is None:
                    continue
                if isinstance(field, serializers.ListField) and "items" in prop:
                    field, prop = field.child, prop["items"]
                if _needs_text(field) and "pattern" not in prop:
                    prop["pattern"] = NOT_ONLY_SPACE
        return schema


# A CharField that trims whitespace and may not be blank refuses "   " too: the schema says so.
# Python's strip() also takes \x1c-\x1f for whitespace, which a regex's \s does not.
NOT_ONLY_SPACE = r"[^\s\x1c-\x1f]"


def _needs_text(field) -> bool:
    return (
        isinstance(field, serializers.CharField)
        and not isinstance(field, serializers.RegexField)
        and field.trim_whitespace
        and not field.allow_blank
    )


# Where a client finds the id of an object it may act on next: (method, path) of the source
# operation, its response status, and the path parameters it supplies. Every operation whose
# path parameters are exactly those (the first one included) becomes a link target, so a new
# endpoint under /api/partners/{partner_id}/ is linked from "create partner" with no change here.
LINK_SOURCES = [
    ("post", "/api/partners/", "201", {"partner_id": "$response.body#/id"}),
    ("get", "/api/partners/", "200", {"partner_id": "$response.body#/results/0/id"}),
    ("post", "/api/partners/{partner_id}/selfies/", "202", {"selfie_id": "$response.body#/id"}),
    ("get", "/api/partners/{partner_id}/selfies/", "200", {"selfie_id": "$response.body#/results/0/id"}),
    ("get", "/api/partners/{partner_id}/moments/", "200", {"moment_id": "$response.body#/results/0/id"}),
    ("post", "/api/partners/{partner_id}/attachments/", "201", {"attachment_id": "$response.body#/id"}),
    (
        "get",
        "/api/partners/{partner_id}/memories/",
        "200",
        {"memory_id": "$response.body#/results/0/id", "partner_id": "$request.path.partner_id"},
    ),
]

METHODS = ("get", "put", "patch", "post", "delete")


def _path_parameters(path: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", path))


def _require_bodies(operation: dict, method: str, components: dict) -> None:
    """A body whose schema has required properties is itself required (a DELETE /api/me/
    without one is a 400, as a POST without one is); drf-spectacular leaves it optional."""
    body = operation.get("requestBody")
    if body is None or method == "patch":
        return
    for media in body.get("content", {}).values():
        ref = media.get("schema", {}).get("$ref", "")
        if components.get(ref.rsplit("/", 1)[-1], {}).get("required"):
            body["required"] = True


def _add_errors(path: str, method: str, operation: dict) -> None:
    responses = operation.setdefault("responses", {})
    applies = {
        "400": True,
        "401": bool(operation.get("security")) and {} not in operation["security"],
        "404": bool(_path_parameters(path))
        or any(p.get("name") == "cursor" for p in operation.get("parameters", [])),
        "406": True,
        "415": "requestBody" in operation,
    }
    for status, description in {**SHARED_ERRORS, **DOMAIN_ERRORS}.items():
        if status in SHARED_ERRORS and not applies[status] and status not in responses:
            continue
        if status not in SHARED_ERRORS and status not in responses:
            continue
        responses[status] = {
            "description": description,
            "content": {"application/json": {"schema": ERROR_REF}},
        }


def _add_links(paths: dict) -> None:
    for method, source_path, status, supplies in LINK_SOURCES:
        response = paths.get(source_path, {}).get(method, {}).get("responses", {}).get(status)
        if response is None:
            continue
        primary = next(iter(supplies))
        links = response.setdefault("links", {})
        for path, operations in paths.items():
            parameters = _path_parameters(path)
            if primary not in parameters or not parameters <= set(supplies):
                continue
            for target_method in METHODS:
                target = operations.get(target_method)
                if target is None or (path, target_method) == (source_path, method):
                    continue
                links[target["operationId"]] = {
                    "operationId": target["operationId"],
                    "parameters": {name: supplies[name] for name in sorted(parameters)},
                }


def postprocess_errors_and_links(result, generator, request, public):
    paths = result.get("paths", {})
    for path, operations in paths.items():
        if not path.startswith("/api/"):
            continue
        for method in METHODS:
            if method in operations:
                _require_bodies(operations[method], method, result.get("components", {}).get("schemas", {}))
                _add_errors(path, method, operations[method])
    _add_links(paths)
    return result
