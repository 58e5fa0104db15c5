import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import Device, User
from avatars.models import Selfie
from project.redis import redis_client
from project.ws.presence import presence_key
from relationships.models import Memory, Message, Partner, XPEvent
from relationships.progression.services import xp_award
from relationships.chat.services import message_accept
from tests.conftest import assert_error
from tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.mark.django_db
def test_retention_erases_text_but_keeps_the_mood_timeline(auth_api, partner, settings):
    for index, text in enumerate(["I'm so sad and lonely today", "Great news, I got the job!"]):
        message_accept(partner=partner, client_id=f"c{index}", text=text)
    Memory.objects.create(partner=partner, kind="pet", text="The user's dog is named Biscuit.", key="pet dog", origin="rules")
    before = auth_api.get(f"/api/partners/{partner.pk}/mood/").json()

    settings.CHAT_RETENTION_DAYS = 0
    out = io.StringIO()
    call_command("enforce_retention", stdout=out)
    assert "erased the text of 2 messages" in out.getvalue()

    assert list(Message.objects.values_list("text", flat=True)) == ["", ""]
    assert auth_api.get(f"/api/partners/{partner.pk}/mood/").json() == before
    assert Memory.objects.count() == 1  # the memories the user sees and controls stay
    assert auth_api.get(f"/api/partners/{partner.pk}/messages/").json()["results"][0]["mood"] is not None


@pytest.mark.django_db
def test_retention_keeps_recent_text(partner):
    from safety.tasks import retention_enforce_task

    old = Message.objects.create(partner=partner, role="user", text="old words")
    Message.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    Message.objects.create(partner=partner, role="user", text="new words")
    assert retention_enforce_task.delay().get() == {
        "messages": 1, "summaries": 0, "attachment_files": 0, "transcripts": 0,
    }
    assert sorted(Message.objects.values_list("text", flat=True)) == ["", "new words"]


@pytest.mark.django_db
def test_the_export_holds_partners_messages_and_the_rest(auth_api, user, partner):
    message_accept(partner=partner, client_id="c1", text="My dog's name is Biscuit")
    Memory.objects.create(partner=partner, kind="pet", text="The user's dog is named Biscuit.", key="pet dog", origin="rules")
    xp_award(partner=partner, source="grant", amount=5, idempotency_key="g")
    response = auth_api.get("/api/me/export/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    body = response.json()
    assert body["profile"]["username"] == user.username
    [exported] = body["partners"]
    assert exported["name"] == partner.name
    assert [m["text"] for m in exported["messages"]] == ["My dog's name is Biscuit"]
    assert exported["messages"][0]["mood"]
    assert [m["text"] for m in exported["memories"]] == ["The user's dog is named Biscuit."]
    assert [e["amount"] for e in exported["xp_events"]] == [5]


@pytest.mark.django_db
def test_the_export_holds_only_the_users_own_data(auth_api, others_partner):
    message_accept(partner=others_partner, client_id="c1", text="their secret")
    body = auth_api.get("/api/me/export/").json()
    assert "their secret" not in str(body) and body["partners"] == []


@pytest.mark.django_db
def test_erasure_leaves_no_row_no_file_and_a_dead_token(api, auth_api, user, partner, media_root, other_user, others_partner):
    message_accept(partner=partner, client_id="c1", text="hello")
    Memory.objects.create(partner=partner, kind="pet", text="The user has a cat.", key="k", origin="rules")
    xp_award(partner=partner, source="grant", amount=500, idempotency_key="g")
    name = default_storage.save("selfies/abc.jpg", ContentFile(b"jpeg"))
    photo = default_storage.save("uploads/def.jpg", ContentFile(b"jpeg"))
    Selfie.objects.create(partner=partner, destination="beach_sunset", status="done", image=name, photo=photo)
    Device.objects.create(user=user, platform="ios", token="t", token_hash="h")
    refresh = api.post("/api/auth/token/", {"username": user.username, "password": PASSWORD}, format="json").json()
    redis_client().set(f"hearth:chat:{user.pk}:tokens:1", 5)
    redis_client().zadd(presence_key(user.pk), {"socket-1": 9e9})
    redis_client().zadd(presence_key(other_user.pk), {"socket-2": 9e9})
    theirs = Message.objects.create(partner=others_partner, role="user", text="stays")

    assert_error(auth_api.delete("/api/me/", {"password": "wrong"}, format="json"), 422, "unprocessable")
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert auth_api.delete("/api/me/", {"password": PASSWORD}, format="json").status_code == 204

    assert not User.objects.filter(pk=user.pk).exists()
    assert not Partner.objects.filter(owner_id=user.pk).exists()
    assert list(Message.objects.all()) == [theirs]
    assert not Memory.objects.exists() and not Selfie.objects.exists() and not Device.objects.exists()
    assert not XPEvent.objects.filter(relationship__partner__owner_id=user.pk).exists()
    assert not OutstandingToken.objects.filter(user_id=user.pk).exists()
    assert not OutstandingToken.objects.filter(user__isnull=True).exists()
    assert not default_storage.exists(name) and not default_storage.exists(photo)
    assert redis_client().get(f"hearth:chat:{user.pk}:tokens:1") is None
    assert not redis_client().exists(presence_key(user.pk))
    assert redis_client().exists(presence_key(other_user.pk))  # only theirs
    # The access token in hand fails at once; the refresh token too.
    assert_error(auth_api.get("/api/me/"), 401, "authentication_failed")
    assert api.post("/api/auth/token/refresh/", {"refresh": refresh["refresh"]}, format="json").status_code == 401


@pytest.mark.django_db
def test_sign_up_shows_the_notice_about_minors(api):
    response = api.post(
        "/api/auth/register/",
        {"username": "newbie", "email": "n@example.com", "password": "a-long-pass-phrase-9", "birth_date": "2010-01-01"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert "may not be suitable for some minors" in response.json()["notice"]
    assert response.json()["is_minor"] is True


@pytest.mark.django_db
def test_erasure_completes_when_redis_is_down(user, monkeypatch, caplog):
    """The user's rows and files are gone even if their Redis keys cannot be (they expire)."""
    from django.test import TestCase

    from safety import data_rights

    def down():
        raise ConnectionError("redis is down")

    monkeypatch.setattr(data_rights, "redis_client", down)
    with TestCase.captureOnCommitCallbacks(execute=True):
        data_rights.user_erase(user=user)
    assert not User.objects.filter(pk=user.pk).exists()
    assert "could not delete the Redis keys" in caplog.text
