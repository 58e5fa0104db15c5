import datetime

import pytest
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tasks import refresh_tokens_flush_task
from tests.conftest import assert_error
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_me_needs_a_token(api):
    assert_error(api.get("/api/me/"), 401, "not_authenticated")


def test_me_shows_the_profile(auth_api, user):
    body = auth_api.get("/api/me/").json()
    assert body["id"] == user.pk
    assert body["username"] == user.username
    assert body["birth_date"] == user.birth_date.isoformat()
    assert "password" not in body


def test_patch_changes_safe_fields(auth_api, user):
    response = auth_api.patch(
        "/api/me/", {"display_name": "Al", "time_zone": "Europe/Paris"}, format="json"
    )

    assert response.status_code == 200, response.content
    user.refresh_from_db()
    assert (user.display_name, user.time_zone) == ("Al", "Europe/Paris")


@pytest.mark.parametrize(
    "field,value",
    [("is_staff", True), ("is_superuser", True), ("birth_date", "2000-01-01"), ("username", "x")],
)
def test_patch_refuses_protected_fields_and_changes_nothing(auth_api, user, field, value):
    before = {f: getattr(user, f) for f in ("is_staff", "is_superuser", "birth_date", "username")}

    response = auth_api.patch("/api/me/", {field: value, "display_name": "Z"}, format="json")

    error = assert_error(response, 400, "invalid")
    assert error["fields"] == {field: ["This field cannot be changed."]}
    user.refresh_from_db()
    assert {f: getattr(user, f) for f in before} == before
    assert user.display_name == ""


def test_patch_validates_time_zone_and_email(auth_api):
    UserFactory(email="taken@example.com")

    error = assert_error(
        auth_api.patch("/api/me/", {"time_zone": "Mars/Olympus", "email": "TAKEN@example.com"}, format="json"),
        422,
        "unprocessable",
    )
    assert set(error["fields"]) == {"time_zone", "email"}


def test_flush_expired_tokens_deletes_only_expired_ones(user):
    live = RefreshToken.for_user(user)
    expired = RefreshToken.for_user(user)
    OutstandingToken.objects.filter(jti=expired["jti"]).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert refresh_tokens_flush_task.delay().get() == 1
    assert refresh_tokens_flush_task.delay().get() == 0
    assert list(OutstandingToken.objects.values_list("jti", flat=True)) == [live["jti"]]
