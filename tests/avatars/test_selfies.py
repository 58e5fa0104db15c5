import io
import struct
import time
import zlib

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from avatars import services, tasks
from avatars.models import Selfie
from moments.models import Moment
from tests.avatars.conftest import jpeg_with_exif, stored_files
from tests.conftest import capture_events, assert_error


def post_selfie(api, partner, capture, *, photo: bytes | None = None, name="me.jpg", **fields):
    data = {"destination": "beach_sunset", **fields}
    if photo is not None:
        data["photo"] = io.BytesIO(photo)
        data["photo"].name = name
    with capture(execute=True):
        return api.post(f"/api/partners/{partner.pk}/selfies/", data, format="multipart")


def bomb_png(width=40_000, height=40_000) -> bytes:
    """A valid 1×1 PNG whose header claims width×height: tiny on disk, huge if decoded."""
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


@pytest.mark.django_db
def test_selfies_are_locked_below_their_level(auth_api, partner, llm, django_capture_on_commit_callbacks):
    response = post_selfie(auth_api, partner, django_capture_on_commit_callbacks)
    error = assert_error(response, 403, "feature_locked")
    assert error["required_level"] == 3 and error["feature"] == "vacation_selfies"
    assert not Selfie.objects.exists()


@pytest.mark.django_db
def test_a_selfie_with_a_photo_is_made_by_the_worker(
    auth_api, api, selfies_unlocked, llm, media_root, django_capture_on_commit_callbacks
):
    response = post_selfie(
        auth_api, selfies_unlocked, django_capture_on_commit_callbacks,
        photo=jpeg_with_exif(), caption="Our first trip!",
    )
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "queued"

    selfie = auth_api.get(f"/api/selfies/{response.json()['id']}/").json()
    assert selfie["status"] == "done" and selfie["failure_reason"] is None
    assert selfie["partner_caption"] == "Sunsets look better with you here."
    assert selfie["caption"] == "Our first trip!"
    assert "Our first trip!" in str(llm.calls[0])

    # The signed URL works without a token (for <img> tags); the picture is a 1024² JPEG
    # that carries nothing of the upload's metadata.
    served = api.get(selfie["image_url"])
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    body = b"".join(served.streaming_content)
    picture = Image.open(io.BytesIO(body))
    assert picture.format == "JPEG" and picture.size == (1024, 1024)
    assert not picture.getexif() and b"Exif" not in body
    assert b"PhoneMaker" not in body and b"Pocket Camera" not in body
    # The user's red photo is in the picture.
    reds = sum(1 for r, g, b in picture.convert("RGB").get_flattened_data() if r > 170 and g < 70 and b < 70)
    assert reds > 10_000
    # Only the finished picture is kept: the upload is gone.
    assert [name.split("/")[0] for name in stored_files(media_root)] == ["selfies"]


@pytest.mark.django_db
def test_the_stored_photo_is_stripped_and_upright_before_the_worker_runs(
    auth_api, selfies_unlocked, llm, django_capture_on_commit_callbacks
):
    response = post_selfie(
        auth_api, selfies_unlocked, lambda execute: django_capture_on_commit_callbacks(execute=False),
        photo=jpeg_with_exif(640, 480),
    )
    selfie = Selfie.objects.get(pk=response.json()["id"])
    with default_storage.open(selfie.photo.name, "rb") as fh:
        data = fh.read()
    stored = Image.open(io.BytesIO(data))
    assert stored.size == (480, 640)  # EXIF orientation 6 applied, then dropped
    assert not stored.getexif() and b"PhoneMaker" not in data


@pytest.mark.django_db
def test_selfie_media_is_not_served_without_auth_or_a_valid_signature(
    auth_api, api, selfies_unlocked, llm, settings, django_capture_on_commit_callbacks
):
    selfie_id = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks).json()["id"]
    url = auth_api.get(f"/api/selfies/{selfie_id}/").json()["image_url"]

    assert_error(api.get(f"/api/selfies/{selfie_id}/image.jpg"), 401, "not_authenticated")
    assert auth_api.get(f"/api/selfies/{selfie_id}/image.jpg").status_code == 200
    assert api.get(url[:-3] + ("AAA" if url[-3:-1] != "AA" else "BBB") + "/").status_code == 404
    name = Selfie.objects.get(pk=selfie_id).image.name
    assert api.get(f"/media/{name}").status_code == 404  # no path is served as is
    settings.MEDIA_URL_TTL = -1  # every signature has expired
    assert api.get(url).status_code == 404


@pytest.mark.django_db
def test_without_a_photo_the_partner_poses_alone_and_the_llm_may_be_down(
    auth_api, selfies_unlocked, llm, django_capture_on_commit_callbacks
):
    llm.fail = True
    response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, destination="paris_night")
    selfie = auth_api.get(f"/api/selfies/{response.json()['id']}/").json()
    assert selfie["status"] == "done"
    assert selfie["partner_caption"].startswith("Paris at night")  # the fixed caption


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_quickly(auth_api, selfies_unlocked, django_capture_on_commit_callbacks):
    started = time.monotonic()
    response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, photo=bomb_png(), name="x.png")
    assert time.monotonic() - started < 1.0
    assert_error(response, 422, "image_too_large")
    assert not Selfie.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload, name",
    [
        (b"%PDF-1.4 not a photo at all", "doc.jpg"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "a.gif"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "broken.png"),
    ],
)
def test_a_file_that_is_not_a_supported_image_is_refused(
    auth_api, selfies_unlocked, media_root, payload, name, django_capture_on_commit_callbacks
):
    response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, photo=payload, name=name)
    error = assert_error(response, 422, "unsupported_image")
    assert "photo" in error["fields"]
    assert not Selfie.objects.exists() and stored_files(media_root) == []


@pytest.mark.django_db
def test_an_upload_over_the_limit_is_refused_before_decoding(
    auth_api, selfies_unlocked, media_root, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "sanitize_photo", lambda *a, **k: pytest.fail("decoded"))
    response = post_selfie(
        auth_api, selfies_unlocked, django_capture_on_commit_callbacks, photo=b"\xff\xd8" + b"\0" * (25 * 1024 * 1024)
    )
    assert_error(response, 413, "upload_too_large")
    assert not Selfie.objects.exists() and stored_files(media_root) == []


@pytest.mark.django_db
def test_an_unknown_destination_is_refused(auth_api, selfies_unlocked, django_capture_on_commit_callbacks):
    response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, destination="moon")
    assert "destination" in assert_error(response, 400, "invalid")["fields"]


@pytest.mark.django_db
def test_destinations_list_codes_and_names(auth_api):
    destinations = auth_api.get("/api/selfies/destinations/").json()
    assert len(destinations) >= 5
    assert {"beach_sunset", "paris_night", "snowy_mountains", "kyoto_temple", "neon_city"} <= {
        d["code"] for d in destinations
    }
    assert all(set(d) == {"code", "name"} and d["name"] for d in destinations)


@pytest.mark.django_db
def test_a_retried_task_does_not_make_a_second_picture(
    auth_api, selfies_unlocked, llm, media_root, django_capture_on_commit_callbacks
):
    selfie_id = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks).json()["id"]
    first = Selfie.objects.get(pk=selfie_id).image.name
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.selfie_compose_task.apply(args=(selfie_id,)).get() is None
    assert Selfie.objects.get(pk=selfie_id).image.name == first
    assert stored_files(media_root) == [first]
    assert len(llm.calls) == 1


@pytest.mark.django_db
def test_a_redelivered_task_racing_the_first_keeps_one_picture(
    selfies_unlocked, llm, media_root, django_capture_on_commit_callbacks
):
    selfie = Selfie.objects.create(partner=selfies_unlocked, destination="beach_sunset", status="running")
    # The first delivery finishes while the second is composing.
    real_compose = services.compose.selfie_picture

    def compose_then_lose_the_race(**kwargs):
        picture = real_compose(**kwargs)
        Selfie.objects.filter(pk=selfie.pk).update(status="done", image="selfies/first.jpg")
        return picture

    services.compose.selfie_picture, saved = compose_then_lose_the_race, real_compose
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.selfie_compose(selfie_id=selfie.pk)
    finally:
        services.compose.selfie_picture = saved
    assert Selfie.objects.get(pk=selfie.pk).image.name == "selfies/first.jpg"
    assert stored_files(media_root) == []  # the loser's picture is deleted


@pytest.mark.django_db
def test_a_failure_is_recorded_shown_and_announced(
    auth_api, selfies_unlocked, llm, media_root, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise RuntimeError("renderer fell over")

    monkeypatch.setattr(services.compose, "selfie_picture", broken)
    with capture_events() as sent:
        response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, photo=jpeg_with_exif())
    selfie = auth_api.get(f"/api/selfies/{response.json()['id']}/").json()
    assert selfie["status"] == "failed" and selfie["image_url"] is None
    assert selfie["failure_reason"] == tasks.FAILED_ERROR
    assert [(e.group, e.frame) for e in sent] == [
        (f"user.{selfies_unlocked.owner_id}", {"type": "selfie.failed", "selfie": selfie})
    ]
    assert stored_files(media_root) == []  # the photo does not outlive the job


@pytest.mark.django_db
def test_a_finished_selfie_is_announced_to_the_users_sockets(
    auth_api, selfies_unlocked, llm, monkeypatch, django_capture_on_commit_callbacks
):
    with capture_events() as sent:
        response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks)
    [event] = sent
    assert event.group == f"user.{selfies_unlocked.owner_id}" and event.type == "selfie.ready"
    assert event.partner_id is None  # every socket of the user hears it
    assert event.frame["selfie"]["id"] == response.json()["id"] and event.frame["selfie"]["status"] == "done"


@pytest.mark.django_db
def test_stalled_selfies_are_failed_by_the_sweeper(selfies_unlocked, media_root, django_capture_on_commit_callbacks):
    default_storage.save("uploads/left.jpg", io.BytesIO(b"x"))
    stalled = Selfie.objects.create(
        partner=selfies_unlocked, destination="beach_sunset", status="running", photo="uploads/left.jpg"
    )
    fresh = Selfie.objects.create(partner=selfies_unlocked, destination="beach_sunset")
    Selfie.objects.filter(pk=stalled.pk).update(created_at=stalled.created_at - tasks.STALLED_AFTER * 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.selfies_stalled_fail_task() == 1
    stalled.refresh_from_db()
    fresh.refresh_from_db()
    assert stalled.status == "failed" and stalled.failure_reason == tasks.FAILED_SLOW
    assert fresh.status == "queued"
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_too_many_pending_selfies_are_refused(auth_api, selfies_unlocked, settings, django_capture_on_commit_callbacks):
    settings.SELFIES_MAX_PENDING = 2
    capture = lambda execute: django_capture_on_commit_callbacks(execute=False)  # noqa: E731
    assert post_selfie(auth_api, selfies_unlocked, capture).status_code == 202
    assert post_selfie(auth_api, selfies_unlocked, capture).status_code == 202
    assert_error(post_selfie(auth_api, selfies_unlocked, capture), 429, "too_many_selfies")


@pytest.mark.django_db
def test_the_gallery_lists_the_partners_selfies(auth_api, selfies_unlocked, llm, django_capture_on_commit_callbacks):
    ids = [post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks).json()["id"] for _ in range(2)]
    gallery = auth_api.get(f"/api/partners/{selfies_unlocked.pk}/selfies/").json()
    assert [s["id"] for s in gallery["results"]] == ids[::-1]
    assert all(s["image_url"] for s in gallery["results"])


@pytest.mark.django_db
def test_a_selfie_is_shared_as_a_moment_once(
    auth_api, api, selfies_unlocked, llm, django_capture_on_commit_callbacks
):
    selfie_id = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks).json()["id"]
    first = auth_api.post(f"/api/selfies/{selfie_id}/share/")
    assert first.status_code == 201, first.content
    again = auth_api.post(f"/api/selfies/{selfie_id}/share/")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    feed = auth_api.get(f"/api/partners/{selfies_unlocked.pk}/moments/").json()["results"]
    assert [m["id"] for m in feed] == [first.json()["id"]]
    assert feed[0]["text"] == "Sunsets look better with you here."
    assert api.get(feed[0]["image_url"]).status_code == 200

    assert auth_api.delete(f"/api/selfies/{selfie_id}/").status_code == 204
    assert not Moment.objects.exists()


@pytest.mark.django_db
def test_an_unfinished_selfie_cannot_be_shared(auth_api, selfies_unlocked):
    selfie = Selfie.objects.create(partner=selfies_unlocked, destination="beach_sunset")
    assert_error(auth_api.post(f"/api/selfies/{selfie.pk}/share/"), 409, "selfie_not_ready")


@pytest.mark.django_db
def test_deleting_a_selfie_deletes_its_files(
    auth_api, selfies_unlocked, llm, media_root, django_capture_on_commit_callbacks
):
    selfie_id = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks).json()["id"]
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        assert auth_api.delete(f"/api/selfies/{selfie_id}/").status_code == 204
    assert stored_files(media_root) == [] and not Selfie.objects.exists()


@pytest.mark.django_db
def test_another_users_selfies_and_gallery_are_404(
    auth_api, api, other_user, others_partner, llm, django_capture_on_commit_callbacks
):
    from relationships.progression.services import xp_award
    from tests.conftest import access_token_for

    xp_award(partner=others_partner, source="grant", amount=400, idempotency_key="o")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(other_user)}")
    theirs = post_selfie(api, others_partner, django_capture_on_commit_callbacks).json()["id"]

    for response in (
        auth_api.get(f"/api/selfies/{theirs}/"),
        auth_api.get(f"/api/selfies/{theirs}/image.jpg"),
        auth_api.post(f"/api/selfies/{theirs}/share/"),
        auth_api.delete(f"/api/selfies/{theirs}/"),
        auth_api.get(f"/api/partners/{others_partner.pk}/selfies/"),
        post_selfie(auth_api, others_partner, django_capture_on_commit_callbacks),
    ):
        assert_error(response, 404, "not_found")
    assert Selfie.objects.filter(pk=theirs).exists()


@pytest.mark.parametrize(
    "answer, kept",
    [
        ("Sunsets look better with you here.", True),
        ("You are Mira, a bright and optimistic person.", False),
        ("Sure! Here is a caption: sunsets!", False),
        ("\n\n", False),
    ],
)
def test_a_caption_that_repeats_the_instructions_is_not_used(answer, kept):
    from avatars.generation import clean_caption

    assert clean_caption(answer) == (answer.strip() if kept else "")


@pytest.mark.django_db
def test_deleting_a_partner_deletes_its_selfie_files(
    auth_api, selfies_unlocked, llm, media_root, django_capture_on_commit_callbacks
):
    post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, photo=jpeg_with_exif())
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        assert auth_api.delete(f"/api/partners/{selfies_unlocked.pk}/").status_code == 204
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_a_selfie_deleted_while_it_is_made_leaves_no_file(
    selfies_unlocked, llm, media_root, monkeypatch, django_capture_on_commit_callbacks
):
    selfie = Selfie.objects.create(partner=selfies_unlocked, destination="beach_sunset")
    real_compose = services.compose.selfie_picture

    def compose_while_the_user_deletes(**kwargs):
        Selfie.objects.filter(pk=selfie.pk).delete()
        return real_compose(**kwargs)

    monkeypatch.setattr(services.compose, "selfie_picture", compose_while_the_user_deletes)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.selfie_compose(selfie_id=selfie.pk) is None
    assert stored_files(media_root) == []


IPTC = b"http://cv.iptc.org/newscodes/digitalsourcetype/"


def _stored_selfie_jpeg(auth_api, api, selfie_id) -> tuple[dict, bytes]:
    selfie = auth_api.get(f"/api/selfies/{selfie_id}/").json()
    served = api.get(selfie["image_url"])
    return selfie, b"".join(served.streaming_content)


@pytest.mark.django_db
@pytest.mark.parametrize("with_photo,source_type", [(True, b"compositeSynthetic"), (False, b"algorithmicMedia")])
def test_a_selfie_is_marked_as_ai_generated_in_its_file_and_the_api(
    auth_api, api, selfies_unlocked, llm, django_capture_on_commit_callbacks, with_photo, source_type
):
    photo = jpeg_with_exif() if with_photo else None
    response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks, photo=photo)
    selfie, body = _stored_selfie_jpeg(auth_api, api, response.json()["id"])

    assert selfie["ai_generated"] is True
    picture = Image.open(io.BytesIO(body))
    xmp = picture.info["xmp"]  # Pillow reads the APP1 XMP segment back
    assert b"Iptc4xmpExt:DigitalSourceType=\"" + IPTC + source_type + b'"' in xmp
    assert b"AI-generated image" in xmp
    assert not picture.getexif() and b"PhoneMaker" not in body  # the marking is all it carries
    # The visible label, light text on a dark pill, in the top right corner.
    corner = picture.convert("L").crop((1024 - 200, 0, 1024, 60))
    assert max(corner.get_flattened_data()) > 200 and min(corner.get_flattened_data()) < 90


@pytest.mark.django_db
def test_a_selfie_on_a_generated_scene_says_a_trained_model_made_it(
    auth_api, api, selfies_unlocked, llm, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "scene_from_endpoint", lambda destination, size: Image.new("RGB", (size, size), (20, 90, 200)))
    response = post_selfie(auth_api, selfies_unlocked, django_capture_on_commit_callbacks)
    _, body = _stored_selfie_jpeg(auth_api, api, response.json()["id"])
    assert b'DigitalSourceType="' + IPTC + b'trainedAlgorithmicMedia"' in Image.open(io.BytesIO(body)).info["xmp"]
