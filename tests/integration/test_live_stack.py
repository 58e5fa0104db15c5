"""The backend as deployed: ASGI server and Celery worker processes on real services."""

import datetime
import re
import threading

import httpx
import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tasks import refresh_tokens_flush_task
from accounts.tokens import RotatingRefreshSerializer
from relationships.models import Partner
from relationships.partners.services import partner_create
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def http(live_stack):
    with httpx.Client(base_url=live_stack.base_url, timeout=10) as client:
        yield client


def test_readyz_sees_the_database_redis_and_the_llm(http):
    response = http.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["checks"] == {"database": "ok", "redis": "ok", "llm": "ok", "crisis_model": "ok"}


def test_a_mobile_client_signs_up_and_designs_a_partner(http):
    registered = http.post(
        "/api/auth/register/",
        json={
            "username": "livealice",
            "email": "livealice@example.com",
            "password": PASSWORD,
            "birth_date": "1990-02-03",
        },
    )
    assert registered.status_code == 201, registered.text
    tokens = http.post("/api/auth/token/", json={"username": "livealice", "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {tokens['access']}"}

    assert http.get("/api/me/", headers=headers).json()["username"] == "livealice"
    created = http.post(
        "/api/partners/", headers=headers, json={"name": "Mira", "gender": "female"}
    )
    assert created.status_code == 201, created.text
    assert Partner.objects.filter(owner__username="livealice").count() == 1

    rotated = http.post("/api/auth/token/refresh/", json={"refresh": tokens["refresh"]})
    assert rotated.status_code == 200
    reused = http.post("/api/auth/token/refresh/", json={"refresh": tokens["refresh"]})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "token_not_valid"


def test_another_users_partner_is_404_over_http(http):
    owner = UserFactory()
    foreign = Partner.objects.create(owner=owner, name="Theirs", gender="male")
    intruder = UserFactory()
    headers = {"Authorization": f"Bearer {RefreshToken.for_user(intruder).access_token}"}

    for method in ("GET", "PATCH", "DELETE"):
        response = http.request(method, f"/api/partners/{foreign.pk}/", headers=headers, json={})
        assert response.status_code == 404, (method, response.text)
    assert Partner.objects.filter(pk=foreign.pk, name="Theirs").exists()


def test_docs_and_admin_with_their_static_files_work_with_debug_off(http):
    docs = http.get("/api/docs/")
    assert docs.status_code == 200
    script = re.search(r'src="(/static/[^"]+\.js)"', docs.text).group(1)
    asset = http.get(script)
    assert asset.status_code == 200
    assert "max-age" in asset.headers.get("cache-control", "")

    login = http.get("/admin/login/")
    assert login.status_code == 200
    stylesheet = re.search(r'href="(/static/admin/css/[^"]+\.css)"', login.text).group(1)
    assert http.get(stylesheet).status_code == 200


def test_production_posture_headers(http):
    response = http.get("/api/me/")
    assert response.status_code == 401
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_a_worker_process_runs_a_task_and_returns_its_result(live_stack):
    user = UserFactory()
    expired = RefreshToken.for_user(user)
    RefreshToken.for_user(user)
    OutstandingToken.objects.filter(jti=expired["jti"]).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    result = refresh_tokens_flush_task.delay()

    assert result.get(timeout=30) == 1
    assert OutstandingToken.objects.filter(user=user).count() == 1


@override_settings(HEARTH_MAX_PARTNERS_PER_USER=3)
def test_parallel_partner_creation_never_passes_the_cap(postgres_only):
    user = UserFactory()

    outcomes = race(8, lambda: partner_create(owner=user, name="P", gender="female") and "created")

    assert outcomes.count("created") == 3
    assert set(outcomes) == {"created", "ApplicationError"}  # partner_limit, a 409 at the edge
    assert Partner.objects.filter(owner=user).count() == 3


def race(count: int, work) -> list[str]:
    """Run `work` in `count` threads released at once, each with its own connection."""
    barrier = threading.Barrier(count)
    outcomes = []

    def run():
        barrier.wait()
        try:
            outcomes.append(work())
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_a_refresh_token_works_once_even_when_presented_concurrently(postgres_only):
    refresh = str(RefreshToken.for_user(UserFactory()))

    def rotate():
        serializer = RotatingRefreshSerializer(data={"refresh": refresh})
        serializer.is_valid(raise_exception=True)
        return "rotated"

    outcomes = race(8, rotate)

    assert sorted(outcomes) == ["InvalidToken"] * 7 + ["rotated"]


def test_twenty_concurrent_awards_of_one_xp_add_exactly_twenty():
    # Runs on PostgreSQL in CI and on the SQLite file elsewhere: both must hold.
    from relationships.models import Relationship, XPEvent
    from relationships.progression.services import xp_award
    from tests.factories import PartnerFactory

    partner = PartnerFactory()
    counter = iter(range(20))

    def one():
        return xp_award(
            partner=partner, source="message", amount=1, idempotency_key=f"race:{next(counter)}"
        ).amount

    outcomes = race(20, one)

    assert outcomes == [1] * 20
    assert Relationship.objects.get(partner=partner).xp == 20
    assert XPEvent.objects.filter(relationship__partner=partner).count() == 20
