"""POST /api/partners/{id}/attachments/: what phones record is stored privately and queued;
anything else is refused in the error shape with nothing stored."""

import io

import pytest
from django.core.files.storage import default_storage
from rest_framework.test import APIClient

from attachments.models import Attachment
from safety.data_rights import user_erase, user_export
from tests.attachments.conftest import FORMATS, stored_files, tone, video
from tests.conftest import access_token_for, assert_error

pytestmark = pytest.mark.django_db


def upload(api, partner, data: bytes, name="note.m4a", capture=None):
    body = io.BytesIO(data)
    body.name = name
    return api.post(f"/api/partners/{partner.pk}/attachments/", {"file": body}, format="multipart")


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_each_kind_of_voice_note_is_stored_privately_and_queued(
    auth_api, partner, user, media_root, kind, django_capture_on_commit_callbacks
):
    data = tone(kind, seconds=1.5)
    with django_capture_on_commit_callbacks() as queued:
        response = upload(auth_api, partner, data, name=f"note.{kind}")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "voice" and body["status"] == "uploaded" and body["transcript"] is None
    assert 1.4 <= body["duration_s"] <= 1.6
    attachment = Attachment.objects.get(pk=body["id"])
    assert (attachment.owner, attachment.partner, attachment.size_bytes) == (user, partner, len(data))
    [name] = stored_files(media_root)
    assert name == attachment.file.name and name.startswith("attachments/") and name.endswith(f".{kind}")
    assert default_storage.open(name).read() == data  # stored as it came
    assert len(queued) == 1  # the transcription, after commit
    assert body["url"].startswith("/media/") and "Bearer" not in body["url"]


def garbage_cases():
    ogg, m4a, webm = tone("ogg", seconds=3), tone("m4a", seconds=3), tone("webm", seconds=3)
    return {
        "text renamed .m4a": (b"Dear diary, today I " * 200, "note.m4a"),
        "empty-ish": (b"\x00" * 64, "note.wav"),
        "truncated ogg": (ogg[: len(ogg) // 2], "note.ogg"),
        "truncated m4a": (m4a[: len(m4a) // 2], "note.m4a"),
        "truncated webm": (webm[: len(webm) // 2], "note.webm"),
        "a video": (video(), "clip.mp4"),
    }


@pytest.mark.parametrize("case", sorted(garbage_cases()))
def test_what_is_not_a_voice_note_is_refused_and_nothing_is_stored(auth_api, partner, media_root, case):
    data, name = garbage_cases()[case]
    error = assert_error(upload(auth_api, partner, data, name=name), 400, "unsupported_audio")
    assert "file" in error["fields"]
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


def test_a_note_longer_than_voice_max_seconds_is_refused_from_its_header(auth_api, partner, media_root, settings):
    settings.VOICE_MAX_SECONDS = 2
    error = assert_error(upload(auth_api, partner, tone("m4a", seconds=3)), 400, "voice_too_long")
    assert error["max_seconds"] == 2
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []
    assert upload(auth_api, partner, tone("m4a", seconds=1.5)).status_code == 201


def test_a_file_over_upload_max_bytes_is_413(auth_api, partner, media_root, settings):
    data = tone("wav", seconds=1)
    settings.UPLOAD_MAX_BYTES = len(data) - 1
    assert_error(upload(auth_api, partner, data, name="note.wav"), 413, "upload_too_large")
    settings.UPLOAD_MAX_BYTES = 1000  # now the declared length of the whole body says so first
    assert_error(upload(auth_api, partner, data + b"\x00" * 70_000, name="note.wav"), 413, "upload_too_large")
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


def test_no_file_is_a_400_in_the_error_shape(auth_api, partner):
    response = auth_api.post(f"/api/partners/{partner.pk}/attachments/", {}, format="multipart")
    assert "file" in assert_error(response, 400, "invalid")["fields"]


def test_another_users_attachment_and_partner_are_404(auth_api, partner, other_user, others_partner, media_root):
    mine = upload(auth_api, partner, tone("ogg")).json()
    theirs_api = APIClient()
    theirs_api.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(other_user)}")
    for path in ("", "file/", "retry/"):
        url = f"/api/partners/{partner.pk}/attachments/{mine['id']}/{path}"
        response = theirs_api.post(url) if path == "retry/" else theirs_api.get(url)
        assert_error(response, 404, "not_found")
    # under their own partner's id, my attachment's id is no attachment either
    assert_error(theirs_api.get(f"/api/partners/{others_partner.pk}/attachments/{mine['id']}/"), 404, "not_found")
    assert_error(upload(auth_api, others_partner, tone("ogg")), 404, "not_found")
    assert Attachment.objects.count() == 1


def test_the_owner_reads_the_attachment_and_its_file(auth_api, partner, api):
    data = tone("mp3")
    created = upload(auth_api, partner, data, name="n.mp3").json()
    detail = auth_api.get(f"/api/partners/{partner.pk}/attachments/{created['id']}/").json()
    assert detail["id"] == created["id"] and detail["status"] == "uploaded"
    served = auth_api.get(f"/api/partners/{partner.pk}/attachments/{created['id']}/file/")
    assert served.status_code == 200 and b"".join(served.streaming_content) == data
    assert served["Content-Type"] == "audio/mpeg"
    # the signed URL works without a token
    signed = api.get(detail["url"])
    assert signed.status_code == 200 and b"".join(signed.streaming_content) == data


def test_the_signed_url_expires(auth_api, partner, api, settings):
    url = upload(auth_api, partner, tone("ogg")).json()["url"]
    assert api.get(url).status_code == 200
    settings.MEDIA_URL_TTL = -1  # every signature is now older than its lifetime
    assert api.get(url).status_code == 404
    assert api.get(url.replace("/media/", "/media/x")).status_code == 404


def test_export_lists_attachments_and_erasure_deletes_their_files(auth_api, partner, user, media_root):
    created = upload(auth_api, partner, tone("ogg")).json()
    [entry] = user_export(user=user)["partners"]
    [exported] = entry["attachments"]
    assert exported["id"] == created["id"] and exported["kind"] == "voice" and exported["url"].startswith("/media/")
    assert stored_files(media_root) != []
    with django_on_commit():
        user_erase(user=user)
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


def test_deleting_the_partner_deletes_its_attachments_files(auth_api, partner, media_root):
    upload(auth_api, partner, tone("ogg"))
    with django_on_commit():
        assert auth_api.delete(f"/api/partners/{partner.pk}/").status_code == 204
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


class django_on_commit:
    """Run the on-commit callbacks of the block (the test's transaction never commits)."""

    def __enter__(self):
        from django.test import TestCase

        self._context = TestCase.captureOnCommitCallbacks(execute=True)
        return self._context.__enter__()

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)
