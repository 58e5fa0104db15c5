import datetime
import logging

import pytest
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from accounts.models import User
from tests.conftest import assert_error
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/api/auth/register/"
TOKEN = "/api/auth/token/"
REFRESH = "/api/auth/token/refresh/"


def years_ago(years: int, days: int = 0) -> str:
    today = timezone.localdate()
    return (today.replace(year=today.year - years) + datetime.timedelta(days=days)).isoformat()


def register(api, **overrides):
    payload = {
        "username": "alice",
        "email": "alice@example.com",
        "password": PASSWORD,
        "birth_date": years_ago(30),
        **overrides,
    }
    return api.post(REGISTER, payload, format="json")


class TestRegister:
    def test_creates_an_account_with_a_hashed_password(self, api):
        response = register(api)

        assert response.status_code == 201, response.content
        body = response.json()
        assert body["username"] == "alice"
        assert body["is_minor"] is False
        assert "password" not in body
        user = User.objects.get(username="alice")
        assert user.check_password(PASSWORD)
        assert user.password != PASSWORD

    def test_refuses_under_13_and_names_the_field(self, api):
        response = register(api, birth_date=years_ago(13, days=1))

        error = assert_error(response, 400, "invalid")
        assert "birth_date" in error["fields"]
        assert not User.objects.exists()

    def test_accepts_13_today_as_a_minor(self, api):
        response = register(api, birth_date=years_ago(13))

        assert response.status_code == 201, response.content
        assert response.json()["is_minor"] is True

    def test_refuses_a_future_birth_date(self, api):
        tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
        error = assert_error(register(api, birth_date=tomorrow), 400, "invalid")
        assert "birth_date" in error["fields"]

    @pytest.mark.parametrize(
        "password", ["short", "password123", "12345678901", "alice-example"]
    )
    def test_applies_django_password_validators(self, api, password):
        error = assert_error(register(api, password=password), 400, "invalid")
        assert "password" in error["fields"]
        assert not User.objects.exists()

    def test_username_and_email_are_unique_ignoring_case(self, api):
        UserFactory(username="Alice", email="ALICE@example.com")

        error = assert_error(register(api), 400, "invalid")
        assert set(error["fields"]) == {"username", "email"}

    def test_refuses_fields_it_does_not_accept(self, api):
        error = assert_error(register(api, is_staff=True), 400, "invalid")
        assert error["fields"] == {"is_staff": ["Unknown field."]}
        assert not User.objects.exists()

    def test_missing_fields_are_each_named(self, api):
        error = assert_error(api.post(REGISTER, {}, format="json"), 400, "invalid")
        assert set(error["fields"]) == {"username", "email", "password", "birth_date"}

    def test_the_password_never_reaches_the_logs(self, api, caplog):
        with caplog.at_level(logging.DEBUG):
            register(api)
            api.post(TOKEN, {"username": "alice", "password": PASSWORD}, format="json")

        assert PASSWORD not in caplog.text
        assert "hearth.request" in {record.name for record in caplog.records}


class TestTokens:
    def test_obtain_gives_an_access_and_a_refresh_token(self, api, user):
        response = api.post(TOKEN, {"username": user.username, "password": PASSWORD}, format="json")

        assert response.status_code == 200
        access = AccessToken(response.json()["access"])
        assert access["user_id"] == str(user.pk)
        assert access.lifetime == datetime.timedelta(minutes=15)

    def test_wrong_password_is_401_in_the_error_shape(self, api, user):
        response = api.post(TOKEN, {"username": user.username, "password": "nope"}, format="json")
        assert_error(response, 401, "no_active_account")

    def test_refresh_rotates_and_a_used_refresh_token_is_refused(self, api, user):
        first = api.post(TOKEN, {"username": user.username, "password": PASSWORD}, format="json")
        old_refresh = first.json()["refresh"]

        rotated = api.post(REFRESH, {"refresh": old_refresh}, format="json")
        assert rotated.status_code == 200
        new_refresh = rotated.json()["refresh"]
        assert new_refresh != old_refresh
        assert set(rotated.json()) == {"access", "refresh"}

        reused = api.post(REFRESH, {"refresh": old_refresh}, format="json")
        assert_error(reused, 401, "token_not_valid")

        again = api.post(REFRESH, {"refresh": new_refresh}, format="json")
        assert again.status_code == 200

    def test_an_expired_access_token_is_refused(self, api, user):
        token = AccessToken.for_user(user)
        token.set_exp(lifetime=-datetime.timedelta(seconds=1))
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")

        assert_error(api.get("/api/me/"), 401, "token_not_valid")

    def test_a_refresh_token_is_not_an_access_token(self, api, user):
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user)}")
        assert_error(api.get("/api/me/"), 401, "token_not_valid")

    def test_a_deactivated_user_loses_access(self, auth_api, user):
        user.is_active = False
        user.save()
        assert auth_api.get("/api/me/").status_code == 401


class TestThrottling:
    @pytest.fixture(autouse=True)
    def _tight_rate(self, monkeypatch):
        monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"auth": "3/min"})

    def test_auth_endpoints_answer_429_with_retry_after(self, api, user):
        for _ in range(3):
            api.post(TOKEN, {"username": user.username, "password": "wrong"}, format="json")

        response = api.post(TOKEN, {"username": user.username, "password": PASSWORD}, format="json")

        error = assert_error(response, 429, "throttled")
        assert 0 < error["retry_after"] <= 60
        assert response["Retry-After"] == str(error["retry_after"])

    def test_registration_is_throttled_too(self, api):
        for n in range(3):
            register(api, username=f"u{n}xx", email=f"u{n}@example.com")
        assert_error(register(api), 429, "throttled")
