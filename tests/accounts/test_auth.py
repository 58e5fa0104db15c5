import datetime
import json
import logging

import pytest
from django.utils import timezone
from rest_framework.throttling import SimpleRateThrottle
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

        error = assert_error(response, 422, "unprocessable")
        assert "birth_date" in error["fields"]
        assert not User.objects.exists()

    def test_accepts_13_today_as_a_minor(self, api):
        response = register(api, birth_date=years_ago(13))

        assert response.status_code == 201, response.content
        assert response.json()["is_minor"] is True

    def test_refuses_a_future_birth_date(self, api):
        tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
        error = assert_error(register(api, birth_date=tomorrow), 422, "unprocessable")
        assert "birth_date" in error["fields"]

    @pytest.mark.parametrize(
        "password", ["short", "password123", "12345678901", "alice-example"]
    )
    def test_applies_django_password_validators(self, api, password):
        error = assert_error(register(api, password=password), 422, "unprocessable")
        assert "password" in error["fields"]
        assert not User.objects.exists()

    def test_username_and_email_are_unique_ignoring_case(self, api):
        UserFactory(username="Alice", email="ALICE@example.com")

        error = assert_error(register(api), 422, "unprocessable")
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

        # Every field of every record, as the JSON formatter would write it.
        written = [json.dumps(vars(record), default=str) for record in caplog.records]
        assert any('"path": "/api/auth/register/"' in line for line in written)
        assert not [line for line in written if PASSWORD in line]

    def test_absurdly_nested_json_is_a_400(self, api):
        response = api.generic("POST", REGISTER, "[" * 100_000, content_type="application/json")
        assert_error(response, 400, "parse_error")

    def test_an_implausible_birth_date_is_refused(self, api):
        error = assert_error(register(api, birth_date="0001-01-01"), 422, "unprocessable")
        assert "birth_date" in error["fields"]


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

    def test_login_ignores_the_case_of_the_username(self, api):
        UserFactory(username="Alice")
        response = api.post(TOKEN, {"username": "alice", "password": PASSWORD}, format="json")
        assert response.status_code == 200

    def test_the_refresh_token_of_a_deleted_account_is_a_401(self, api, user):
        refresh = str(RefreshToken.for_user(user))
        user.delete()
        assert_error(api.post(REFRESH, {"refresh": refresh}, format="json"), 401, "token_not_valid")

    def test_the_refresh_token_of_a_disabled_account_is_a_401(self, api, user):
        refresh = str(RefreshToken.for_user(user))
        user.is_active = False
        user.save()
        assert_error(api.post(REFRESH, {"refresh": refresh}, format="json"), 401, "token_not_valid")

    def test_garbage_refresh_tokens_are_401(self, api):
        for value in ("x", "a.b.c", ""):
            response = api.post(REFRESH, {"refresh": value}, format="json")
            assert response.status_code in (400, 401), value
            assert "error" in response.json()

    def test_a_deactivated_user_loses_access(self, auth_api, user):
        user.is_active = False
        user.save()
        assert auth_api.get("/api/me/").status_code == 401


class TestThrottling:
    @pytest.fixture(autouse=True)
    def _tight_rates(self, monkeypatch):
        monkeypatch.setattr(
            SimpleRateThrottle,
            "THROTTLE_RATES",
            {"auth.register": "3/min", "auth.login": "3/min", "auth.client": "5/min"},
        )

    def login(self, api, username, password, address="10.0.0.1", **headers):
        return api.post(
            TOKEN, {"username": username, "password": password}, format="json",
            REMOTE_ADDR=address, **headers,
        )

    def test_password_guesses_on_one_account_are_throttled_with_retry_after(self, api, user):
        for n in range(3):
            self.login(api, user.username, "wrong", address=f"10.0.0.{n}")

        response = self.login(api, user.username, PASSWORD, address="10.0.9.9")

        error = assert_error(response, 429, "throttled")
        assert 0 < error["retry_after"] <= 60
        assert response["Retry-After"] == str(error["retry_after"])

    def test_other_accounts_are_not_locked_by_guesses_on_one(self, api, user, other_user):
        for n in range(3):
            self.login(api, user.username, "wrong", address=f"10.0.1.{n}")
        assert self.login(api, other_user.username, PASSWORD, address="10.0.2.1").status_code == 200

    def test_a_forged_x_forwarded_for_does_not_reset_the_client_limit(self, api):
        statuses = [
            self.login(api, f"nobody{n}", "x", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
            for n in range(6)
        ]
        assert statuses == [401] * 5 + [429]

    def test_registration_is_throttled_per_client(self, api):
        for n in range(3):
            register(api, username=f"u{n}xx", email=f"u{n}@example.com")
        assert_error(register(api), 429, "throttled")
