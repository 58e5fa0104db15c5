import pytest

from accounts.models import Device
from accounts.push import push_sender
from project.ws.presence import presence_key
from project.redis import redis_client
from relationships.models import Message
from relationships.proactive import services as proactive_services
from tests.conftest import access_token_for, assert_error
from tests.relationships.test_proactive import RecordingSender


@pytest.fixture
def recording(settings):
    settings.PUSH_SENDER = "tests.relationships.test_proactive.RecordingSender"
    push_sender.cache_clear()
    RecordingSender.sent = []
    yield RecordingSender
    push_sender.cache_clear()


@pytest.mark.django_db
def test_a_device_is_registered_and_removed(auth_api, user):
    response = auth_api.post("/api/devices/", {"platform": "android", "token": "fcm-token-1"}, format="json")
    assert response.status_code == 201 and response.json()["platform"] == "android"
    assert "token" not in response.json()
    again = auth_api.post("/api/devices/", {"platform": "android", "token": "fcm-token-1"}, format="json")
    assert again.json()["id"] == response.json()["id"] and Device.objects.count() == 1
    assert auth_api.delete("/api/devices/", {"token": "fcm-token-1"}, format="json").status_code == 204
    assert_error(auth_api.delete("/api/devices/", {"token": "fcm-token-1"}, format="json"), 404, "not_found")


@pytest.mark.django_db
def test_a_token_registered_by_someone_else_moves_to_them(auth_api, api, user, other_user):
    auth_api.post("/api/devices/", {"platform": "ios", "token": "shared-phone"}, format="json")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(other_user)}")
    api.post("/api/devices/", {"platform": "ios", "token": "shared-phone"}, format="json")
    assert Device.objects.get().user == other_user
    # The first owner cannot remove what is no longer theirs.
    assert_error(auth_api.delete("/api/devices/", {"token": "shared-phone"}, format="json"), 404, "not_found")


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{"platform": "symbian", "token": "x"}, {"platform": "web"}, {"platform": "web", "token": 5}])
def test_bad_device_input_is_400(auth_api, body):
    assert_error(auth_api.post("/api/devices/", body, format="json"), 400, "invalid")


@pytest.mark.django_db
def test_with_no_socket_open_a_proactive_message_is_pushed_without_its_words(
    auth_api, user, partner, recording, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(proactive_services, "complete", lambda *a, **k: "A very private good morning.")
    auth_api.post("/api/devices/", {"platform": "android", "token": "phone"}, format="json")
    auth_api.post("/api/devices/", {"platform": "web", "token": "gone-browser"}, format="json")
    Message.objects.create(partner=partner, role="user", text="hi")
    with django_capture_on_commit_callbacks(execute=True):
        proactive_services.proactive_send(partner=partner, force=True)
    [(tokens, notification)] = recording.sent
    assert tokens == ["gone-browser", "phone"]
    assert notification.kind == "message.proactive" and notification.title == partner.name
    assert "private" not in notification.body
    # The provider said the browser is gone: it gets nothing more.
    assert list(Device.objects.filter(active=True).values_list("token", flat=True)) == ["phone"]


@pytest.mark.django_db
def test_with_a_socket_open_nothing_is_pushed(
    auth_api, user, partner, recording, monkeypatch, django_capture_on_commit_callbacks
):
    import time

    monkeypatch.setattr(proactive_services, "complete", lambda *a, **k: "Hello!")
    auth_api.post("/api/devices/", {"platform": "android", "token": "phone"}, format="json")
    redis_client().zadd(presence_key(user.pk), {"socket-1": time.time() + 60})
    with django_capture_on_commit_callbacks(execute=True):
        proactive_services.proactive_send(partner=partner, force=True)
    assert recording.sent == []
    # A socket whose process died long ago no longer counts.
    redis_client().zadd(presence_key(user.pk), {"socket-1": time.time() - 1})
    with django_capture_on_commit_callbacks(execute=True):
        proactive_services.proactive_send(partner=partner, force=True)
    assert len(recording.sent) == 1


@pytest.mark.django_db
def test_level_ups_are_pushed_too(auth_api, partner, recording, django_capture_on_commit_callbacks):
    from relationships.progression.services import xp_award

    auth_api.post("/api/devices/", {"platform": "android", "token": "phone"}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        xp_award(partner=partner, source="grant", amount=60, idempotency_key="up")
    assert [n.kind for _, n in recording.sent] == ["level.up"]
