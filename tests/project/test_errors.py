import pytest
from django.test import Client, override_settings

from project.api.errors import flatten_fields
from tests.conftest import assert_error

pytestmark = pytest.mark.django_db


def test_malformed_json_is_a_400_parse_error(auth_api):
    response = auth_api.generic(
        "POST", "/api/partners/", '{"name": "Mira",', content_type="application/json"
    )
    assert_error(response, 400, "parse_error")


def test_an_unsupported_media_type_is_a_415(auth_api):
    response = auth_api.generic("POST", "/api/partners/", "name=Mira", content_type="text/plain")
    assert_error(response, 415, "unsupported_media_type")


def test_an_unknown_api_path_is_a_404_in_the_error_shape(auth_api):
    assert_error(auth_api.get("/api/nothing-here/"), 404, "not_found")


def test_a_wrong_method_is_a_405(auth_api):
    assert_error(auth_api.put("/api/me/", {}, format="json"), 405, "method_not_allowed")


@override_settings(ROOT_URLCONF="tests.project.urls_failing", DEBUG=False)
def test_an_unexpected_error_is_a_500_in_the_error_shape():
    client = Client(raise_request_exception=False)
    response = client.get("/api/failing/")
    error = assert_error(response, 500, "server_error")
    assert "unexpected" not in error["detail"]


def test_flatten_fields_names_nested_positions():
    detail = {"personality": {1: ["Too long."]}, "name": ["Required."], "non_field_errors": ["x"]}
    assert flatten_fields(detail) == {
        "personality.1": ["Too long."],
        "name": ["Required."],
        "non_field_errors": ["x"],
    }
