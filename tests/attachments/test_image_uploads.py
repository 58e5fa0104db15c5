"""An image on POST /api/partners/{id}/attachments/: refused from its header in the web request
(nothing stored), then decoded, screened and described by the worker, which keeps only a clean
copy; a refused image is deleted."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags, Image
from rest_framework.test import APIClient

from attachments.images import nsfw
from attachments.models import Attachment
from safety.data_rights import user_erase, user_export
from tests.attachments.conftest import card, stored_files
from tests.attachments.images.conftest import encoded
from tests.attachments.images.test_decode import TRACES, XMP, jpeg_declaring, phone_exif, png_declaring
from tests.attachments.test_uploads import django_on_commit
from tests.conftest import access_token_for, assert_error
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def upload(api, partner, data: bytes, name="photo.jpg"):
    body = io.BytesIO(data)
    body.name = name
    return api.post(f"/api/partners/{partner.pk}/attachments/", {"file": body}, format="multipart")


def upload_and_process(api, partner, data: bytes, capture, name="photo.jpg") -> tuple[dict, Attachment]:
    """Upload; then run what was queued after commit (the worker's task, eager in tests)."""
    with capture(execute=True):
        response = upload(api, partner, data, name=name)
    assert response.status_code == 201, response.content
    return response.json(), Attachment.objects.get(pk=response.json()["id"])


def heic(image: Image.Image) -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    return encoded(image, "HEIF", quality=80)


def photo() -> Image.Image:
    return card("A SUNNY DAY", size=(800, 600))


FORMATS = {
    "jpeg": lambda: (encoded(photo(), "JPEG", quality=90), "a.jpg"),
    "png": lambda: (encoded(photo(), "PNG"), "a.png"),
    "webp": lambda: (encoded(photo(), "WEBP", quality=85), "a.webp"),
    "heic": lambda: (heic(photo()), "a.heic"),
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_each_phone_format_is_accepted_then_replaced_by_a_clean_jpeg(
    auth_api, partner, user, media_root, kind, django_capture_on_commit_callbacks
):
    data, name = FORMATS[kind]()
    body, attachment = upload_and_process(auth_api, partner, data, django_capture_on_commit_callbacks, name=name)
    assert body["kind"] == "image" and body["status"] == "uploaded" and body["id"] == attachment.pk
    assert body["url"] is None  # the upload as it came is never shown

    assert attachment.status == "ready" and attachment.container == {"heic": "heif"}.get(kind, kind) and attachment.size_bytes == len(data)
    assert (attachment.width, attachment.height) == (800, 600)
    assert attachment.description.startswith("The user sent an image.")
    assert "SUNNY DAY" in attachment.ocr_text
    # only the clean copy and its thumbnail remain: the upload is gone
    assert stored_files(media_root) == sorted([attachment.file.name, attachment.thumbnail.name])
    assert attachment.file.name.endswith(".jpg") and attachment.thumbnail.name.endswith(".thumb.jpg")

    detail = auth_api.get(f"/api/partners/{partner.pk}/attachments/{attachment.pk}/").json()
    assert detail["status"] == "ready" and detail["width"] == 800
    assert detail["url"].startswith("/media/") and detail["thumbnail_url"].startswith("/media/")
    served = auth_api.get(f"/api/partners/{partner.pk}/attachments/{attachment.pk}/file/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).format == "JPEG"


def test_the_stored_copy_keeps_no_gps_camera_or_date(auth_api, partner, django_capture_on_commit_callbacks):
    data = encoded(photo(), "JPEG", exif=phone_exif(), xmp=XMP, quality=92)
    source = Image.open(io.BytesIO(data))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload has them
    _, attachment = upload_and_process(auth_api, partner, data, django_capture_on_commit_callbacks)
    stored = default_storage.open(attachment.file.name).read()
    image = Image.open(io.BytesIO(stored))
    assert not image.getexif() and not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "xmp" not in image.info and "exif" not in image.info
    assert not [trace for trace in TRACES if trace in stored]
    assert image.size == (600, 800)  # EXIF orientation 6 applied, then dropped


def refused_cases():
    return {
        "a PNG bomb": (png_declaring(40_000, 40_000), "a.png", 400, "image_too_many_pixels"),
        "a JPEG bomb": (jpeg_declaring(30_000, 30_000), "a.jpg", 400, "image_too_many_pixels"),
        "a GIF": (encoded(Image.new("RGB", (8, 8)), "GIF"), "a.gif", 400, "image_unsupported"),
        "text named .jpg": (b"Dear diary, today I " * 200, "photo.jpg", 400, "image_unsupported"),
        "the first bytes of a JPEG": (encoded(photo(), "JPEG")[:20], "a.jpg", 400, "image_unsupported"),
    }


@pytest.mark.parametrize("case", sorted(refused_cases()))
def test_what_is_not_an_acceptable_image_is_refused_from_its_header(auth_api, partner, media_root, case):
    data, name, status, code = refused_cases()[case]
    error = assert_error(upload(auth_api, partner, data, name=name), status, code)
    assert "file" in error["fields"]
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


def test_an_image_whose_body_breaks_off_fails_in_the_worker_and_is_deleted(
    auth_api, partner, media_root, django_capture_on_commit_callbacks
):
    data = encoded(photo(), "JPEG", quality=90)
    body, attachment = upload_and_process(auth_api, partner, data[: len(data) // 2], django_capture_on_commit_callbacks)
    assert body["status"] == "uploaded"  # the header was whole
    assert attachment.status == "failed" and attachment.error_code == "image_undecodable"
    assert not attachment.file and stored_files(media_root) == []


def test_an_image_over_upload_max_bytes_is_413(auth_api, partner, media_root, settings):
    data = encoded(photo(), "PNG")
    settings.UPLOAD_MAX_BYTES = len(data) - 1
    assert_error(upload(auth_api, partner, data, name="a.png"), 413, "upload_too_large")
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


def test_another_user_gets_404_on_an_image(auth_api, partner, other_user, django_capture_on_commit_callbacks):
    _, mine = upload_and_process(auth_api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    theirs = APIClient()
    theirs.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(other_user)}")
    for path in ("", "file/", "retry/"):
        url = f"/api/partners/{partner.pk}/attachments/{mine.pk}/{path}"
        assert_error(theirs.post(url) if path == "retry/" else theirs.get(url), 404, "not_found")


def client_of(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
    return client


@pytest.fixture
def scored(monkeypatch):
    """The NSFW score the screen gives every image (no explicit picture is committed)."""

    def set_score(score: float):
        monkeypatch.setattr(nsfw, "nsfw_score", lambda image: score)

    return set_score


def test_a_minors_explicit_image_is_refused_and_deleted(media_root, scored, django_capture_on_commit_callbacks):
    minor = UserFactory(birth_date=datetime.date.today() - datetime.timedelta(days=15 * 365))
    assert minor.is_minor
    partner = PartnerFactory(owner=minor)
    api = client_of(minor)
    scored(0.9)
    body, attachment = upload_and_process(api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    assert body["kind"] == "image"
    assert attachment.status == "failed" and attachment.error_code == "image_not_allowed"
    assert not attachment.file and not attachment.thumbnail and not attachment.description
    assert stored_files(media_root) == []  # nothing of it is kept
    detail = api.get(f"/api/partners/{partner.pk}/attachments/{attachment.pk}/").json()
    assert detail["url"] is None and detail["error_code"] == "image_not_allowed"
    retry = api.post(f"/api/partners/{partner.pk}/attachments/{attachment.pk}/retry/")
    assert_error(retry, 400, "image_not_allowed")

    scored(0.6)  # Yahoo's uncertain middle band: refused for a minor only
    _, again = upload_and_process(api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    assert again.error_code == "image_not_allowed"


def test_an_adults_explicit_image_follows_image_adult_content(
    auth_api, partner, settings, scored, media_root, django_capture_on_commit_callbacks
):
    scored(0.9)
    _, refused = upload_and_process(auth_api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    assert refused.error_code == "image_not_allowed" and not refused.file  # refuse: the default
    scored(0.6)
    _, kept = upload_and_process(auth_api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    assert kept.status == "ready"
    settings.IMAGE_ADULT_CONTENT = "allow"
    scored(0.95)
    _, allowed = upload_and_process(auth_api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    assert allowed.status == "ready" and allowed.file


def test_export_lists_images_and_erasure_deletes_them(auth_api, partner, user, media_root, django_capture_on_commit_callbacks):
    _, attachment = upload_and_process(auth_api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    [entry] = user_export(user=user)["partners"]
    [exported] = entry["attachments"]
    assert exported["id"] == attachment.pk and exported["kind"] == "image"
    assert "SUNNY DAY" in exported["ocr_text"] and exported["description"].startswith("The user sent an image.")
    assert exported["url"].startswith("/media/") and exported["thumbnail_url"].startswith("/media/")
    assert len(stored_files(media_root)) == 2
    with django_on_commit():
        user_erase(user=user)
    assert Attachment.objects.count() == 0 and stored_files(media_root) == []


def test_retention_deletes_an_image_and_what_was_read_in_it_with_the_chat(
    auth_api, partner, settings, media_root, django_capture_on_commit_callbacks
):
    from safety.data_rights import retention_enforce

    _, attachment = upload_and_process(auth_api, partner, encoded(photo(), "JPEG"), django_capture_on_commit_callbacks)
    settings.VOICE_RETENTION_DAYS = 1  # an image is kept as long as the chat, not as a voice note
    Attachment.objects.filter(pk=attachment.pk).update(created_at=attachment.created_at - datetime.timedelta(days=3))
    with django_on_commit():
        retention_enforce(days=30)
    attachment.refresh_from_db()
    assert attachment.file and attachment.ocr_text
    Attachment.objects.filter(pk=attachment.pk).update(created_at=attachment.created_at - datetime.timedelta(days=30))
    with django_on_commit():
        retention_enforce(days=30)
    attachment.refresh_from_db()
    assert not attachment.file and not attachment.thumbnail and not attachment.ocr_text and not attachment.description
    assert stored_files(media_root) == []
