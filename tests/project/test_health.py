import pytest

from project import health

pytestmark = pytest.mark.django_db


def test_healthz_touches_no_dependency(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_200_when_every_dependency_answers(client, monkeypatch):
    monkeypatch.setitem(health.READINESS_CHECKS, "redis", lambda: None)
    monkeypatch.setitem(health.READINESS_CHECKS, "llm", lambda: None)

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "ok", "llm": "ok", "crisis_model": "ok"},
    }


def test_readyz_is_503_naming_what_is_down(client, monkeypatch):
    def refused():
        raise ConnectionRefusedError

    monkeypatch.setitem(health.READINESS_CHECKS, "redis", refused)
    monkeypatch.setitem(health.READINESS_CHECKS, "llm", lambda: None)

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["checks"] == {"database": "ok", "redis": "down", "llm": "ok", "crisis_model": "ok"}
    assert body["error"]["code"] == "not_ready"
    assert "redis" in body["error"]["detail"]


def test_readyz_really_reaches_redis(client, settings):
    # Nothing listens on this port: the real check must say so, and fast.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == "down"


def test_readyz_really_reaches_the_llm_endpoint(client, settings, monkeypatch):
    monkeypatch.setitem(health.READINESS_CHECKS, "redis", lambda: None)
    settings.LLM_BASE_URL = "http://127.0.0.1:1/v1"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["llm"] == "down"
    assert "llm" in response.json()["error"]["detail"]


def test_readyz_is_503_when_the_crisis_model_cannot_load(client, monkeypatch, tmp_path):
    from safety import classifier

    monkeypatch.setitem(health.READINESS_CHECKS, "redis", lambda: None)
    monkeypatch.setitem(health.READINESS_CHECKS, "llm", lambda: None)
    broken = tmp_path / "crisis_classifier.bin"
    broken.write_bytes(b"not a model")
    monkeypatch.setattr(classifier, "default_model", lambda: classifier.load(broken))

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["crisis_model"] == "down"
    assert "crisis_model" in response.json()["error"]["detail"]
