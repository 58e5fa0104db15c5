"""The REST edge's contract helpers (project/api/views.py, converters.py, schema.py, errors.py)."""

import jsonschema
import pytest
from django.test import Client

from avatars import catalog
from tests.conftest import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


# --- the query is input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query,field",
    [
        ("?surprise=1", "surprise"),
        ("?page_size=0", "page_size"),
        ("?page_size=101", "page_size"),
        ("?page_size=5.0", "page_size"),
        ("?page_size=1&page_size=2", "page_size"),
        ("?cursor=", "cursor"),
    ],
)
def test_a_list_refuses_a_query_its_schema_does_not_allow(auth_api, query, field):
    assert field in assert_error(auth_api.get(f"/api/partners/{query}"), 400, "invalid")["fields"]


def test_a_list_takes_the_query_its_schema_allows(auth_api, partner):
    response = auth_api.get("/api/partners/?page_size=1")
    assert response.status_code == 200 and [p["id"] for p in response.json()["results"]] == [partner.pk]


def test_an_operation_without_query_parameters_refuses_any(auth_api, partner):
    assert_error(auth_api.get(f"/api/partners/{partner.pk}/?format=json"), 400, "invalid")
    assert_error(auth_api.post("/api/partners/?x=1", {"name": "A", "gender": "female"}, format="json"), 400, "invalid")


def test_an_undeclared_method_is_a_405_whatever_the_query(auth_api, partner):
    response = auth_api.generic("TRACE", f"/api/partners/{partner.pk}/mood/?cursor=x")
    assert_error(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


# --- JSON bodies are typed ---------------------------------------------------------------


@pytest.mark.parametrize(
    "change,field",
    [({"greeting": 0}, "greeting"), ({"name": 5}, "name"), ({"interests": "jazz"}, "interests")],
)
def test_a_json_value_of_the_wrong_type_is_not_coerced(auth_api, change, field):
    response = auth_api.post("/api/partners/", {"name": "A", "gender": "female", **change}, format="json")
    assert field in assert_error(response, 400, "invalid")["fields"]


def test_a_boolean_is_a_boolean(auth_api, user):
    assert_error(auth_api.patch("/api/me/", {"usage_notices": "false"}, format="json"), 400, "invalid")
    user.refresh_from_db()
    assert user.usage_notices is True


# --- ids in paths, unknown paths ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/partners/0/", "/api/partners/1234567890123456789/", "/api/partners/null%2Cnull/"])
@pytest.mark.parametrize("method", ["get", "post", "patch", "put", "delete"])
def test_an_unmatched_api_path_is_the_json_404_for_every_method(path, method):
    # A client that checks CSRF as a browser's session would: no HTML page, ever, under /api/.
    body = {} if method == "get" else {"data": "{}", "content_type": "application/json"}
    response = getattr(Client(enforce_csrf_checks=True), method)(path, **body)
    assert response["Content-Type"] == "application/json"
    assert_error(response, 404, "not_found")


def test_a_csrf_refusal_under_api_is_in_the_error_shape(rf):
    from project.api.errors import csrf_failure

    response = csrf_failure(rf.post("/api/anything/"))
    assert response.status_code == 403 and response["Content-Type"] == "application/json"
    assert b'"csrf_failed"' in response.content
    assert b"<html" in csrf_failure(rf.post("/admin/login/")).content.lower()


# --- 422 and 409 -------------------------------------------------------------------------


def test_a_well_formed_request_a_rule_refuses_is_422_and_a_malformed_one_400(api):
    base = {"username": "newcomer", "email": "n@example.com", "password": "a-long-good-passphrase"}
    too_young = api.post("/api/auth/register/", {**base, "birth_date": "2024-01-01"}, format="json")
    assert "birth_date" in assert_error(too_young, 422, "unprocessable")["fields"]
    # A rule broken and the shape broken too: the shape is what the client must fix first.
    both = api.post("/api/auth/register/", {**base, "birth_date": "2024-01-01", "username": 7}, format="json")
    assert_error(both, 400, "invalid")


# --- the schema says what the views do ----------------------------------------------------


def test_every_operation_documents_the_errors_it_can_answer(schema):
    for path, method, operation in _operations(schema):
        if not path.startswith("/api/") or path in ("/api/schema/", "/api/docs/"):
            continue
        responses = operation["responses"]
        assert "400" in responses and "406" in responses, (path, method)
        if operation.get("security") and {} not in operation["security"]:
            assert "401" in responses, (path, method)
        if "{" in path:
            assert "404" in responses, (path, method)
        if "requestBody" in operation:
            assert "415" in responses, (path, method)
        for status, response in responses.items():
            if status.startswith("4"):
                assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


def test_path_ids_are_bounded_integers(schema):
    parameter = next(p for p in schema["paths"]["/api/partners/{partner_id}/"]["get"]["parameters"] if p["in"] == "path")
    assert parameter["schema"] == {"type": "integer", "minimum": 1, "maximum": 10**18 - 1}


def test_query_parameters_are_documented_with_their_bounds(schema):
    listed = {p["name"]: p["schema"] for p in schema["paths"]["/api/partners/"]["get"]["parameters"]}
    assert listed["page_size"]["minimum"] == 1 and listed["page_size"]["maximum"] == 100
    mood = {p["name"]: p["schema"] for p in schema["paths"]["/api/partners/{partner_id}/mood/"]["get"]["parameters"]}
    assert (mood["days"]["minimum"], mood["days"]["maximum"]) == (1, 365)
    image = {p["name"]: p["schema"] for p in schema["paths"]["/api/partners/{partner_id}/avatar.png"]["get"]["parameters"]}
    assert image["expression"]["enum"] == list(catalog.EXPRESSIONS)


def test_strict_inputs_refuse_other_keys_in_the_schema_too(schema):
    components = schema["components"]["schemas"]
    for name in ("PartnerInputRequest", "PatchedProfileUpdateRequest", "RegisterRequest", "EraseRequest"):
        assert components[name]["additionalProperties"] is False, name


def test_clock_times_are_strings_with_a_pattern(schema):
    for name in ("User", "PatchedProfileUpdateRequest"):
        field = schema["components"]["schemas"][name]["properties"]["quiet_hours_end"]
        assert field.get("format") != "time" and field["pattern"].startswith("^"), name


def test_the_avatar_schema_is_the_catalog_exactly():
    """A config the schema admits is one the catalog takes, and the other way round."""
    schema = catalog.config_schema()
    for layer in catalog.LAYERS:
        for option in layer["options"]:
            for colour in [c["code"] for c in option["colours"]] or [None]:
                config = {layer["kind"]: {"option": option["code"], "colour": colour}}
                jsonschema.validate(config, schema)
                catalog.validate_config(config, minor=False)
    for wrong in (
        {"hair": {"option": "bald", "colour": "red"}},
        {"hair": {"option": "bob", "colour": None}},
        {"hair": {"colour": "red"}},
        {"wings": {"option": "big"}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)
        with pytest.raises(catalog.AvatarConfigError):
            catalog.validate_config(wrong, minor=False)


def test_creating_a_partner_links_to_its_parts(schema):
    links = schema["paths"]["/api/partners/"]["post"]["responses"]["201"]["links"]
    targets = {link["operationId"] for link in links.values()}
    for path in ("relationship/", "moments/", "selfies/", "memories/"):
        operation_id = schema["paths"][f"/api/partners/{{partner_id}}/{path}"]["get"]["operationId"]
        assert operation_id in targets, path
    assert all(link["parameters"] == {"partner_id": "$response.body#/id"} for link in links.values())
