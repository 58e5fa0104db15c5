import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image

from avatars import catalog
from tests.conftest import assert_error


def png_of(response) -> Image.Image:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


@pytest.mark.django_db
def test_the_catalog_lists_layer_kinds_with_options(auth_api):
    body = auth_api.get("/api/avatars/catalog/").json()
    kinds = [layer["kind"] for layer in body["layers"]]
    assert {"body", "face", "eyes", "hair", "outfit", "accessory"} <= set(kinds)
    assert all(len(layer["options"]) >= 3 for layer in body["layers"])
    assert set(body["expressions"]) >= {"neutral", "happy", "sad", "surprised", "love", "sleepy"}
    assert body["sizes"] == [256, 512, 1024]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [256, 512, 1024])
def test_the_avatar_renders_at_each_size(auth_api, partner, size):
    image = png_of(auth_api.get(f"/api/partners/{partner.pk}/avatar.png?size={size}"))
    assert image.size == (size, size)


@pytest.mark.django_db
def test_expressions_look_different(auth_api, partner):
    pictures = {
        expression: auth_api.get(f"/api/partners/{partner.pk}/avatar.png?size=256&expression={expression}").content
        for expression in catalog.EXPRESSIONS
    }
    assert len(set(pictures.values())) == len(catalog.EXPRESSIONS)


@pytest.mark.django_db
def test_a_chosen_look_is_stored_and_drawn(auth_api, partner):
    before = auth_api.get(f"/api/partners/{partner.pk}/avatar.png?size=256")
    hair = next(layer for layer in catalog.catalog()["layers"] if layer["kind"] == "hair")
    current = auth_api.get(f"/api/partners/{partner.pk}/avatar/").json()["config"]["hair"]["option"]
    other = next(option["code"] for option in hair["options"] if option["code"] != current)
    response = auth_api.put(
        f"/api/partners/{partner.pk}/avatar/", {"config": {"hair": {"option": other}}}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["config"]["hair"]["option"] == other
    after = auth_api.get(f"/api/partners/{partner.pk}/avatar.png?size=256")
    assert after.content != before.content and after["ETag"] != before["ETag"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "config, field",
    [
        ({"wings": {"option": "angel"}}, "wings"),
        ({"hair": {"option": "no-such-style"}}, "hair"),
        ({"hair": "long"}, "hair"),
    ],
)
def test_an_impossible_look_is_refused(auth_api, partner, config, field):
    error = assert_error(auth_api.put(f"/api/partners/{partner.pk}/avatar/", {"config": config}, format="json"), 400, "invalid")
    assert any(key.startswith(f"config.{field}") for key in error["fields"]), error


def _immodest_outfit() -> str:
    outfit = next(layer for layer in catalog.catalog()["layers"] if layer["kind"] == "outfit")
    return next(option["code"] for option in outfit["options"] if not option["modest"])


@pytest.mark.django_db
def test_a_minor_cannot_dress_the_partner_immodestly(auth_api, user, partner):
    user.birth_date = timezone.localdate() - datetime.timedelta(days=15 * 365)
    user.save()
    response = auth_api.put(
        f"/api/partners/{partner.pk}/avatar/", {"config": {"outfit": {"option": _immodest_outfit()}}}, format="json"
    )
    # A choice the catalog offers, which this account may not make: well formed, refused.
    assert "outfit" in str(assert_error(response, 422, "unprocessable")["fields"])


@pytest.mark.django_db
def test_a_look_chosen_before_a_birth_date_is_drawn_modest_for_a_minor(auth_api, user, partner):
    immodest = _immodest_outfit()
    assert auth_api.put(
        f"/api/partners/{partner.pk}/avatar/", {"config": {"outfit": {"option": immodest}}}, format="json"
    ).status_code == 200
    user.birth_date = timezone.localdate() - datetime.timedelta(days=15 * 365)
    user.save()
    assert auth_api.get(f"/api/partners/{partner.pk}/avatar/").json()["config"]["outfit"]["option"] != immodest


@pytest.mark.django_db
def test_the_etag_lets_a_client_revalidate(auth_api, partner):
    first = auth_api.get(f"/api/partners/{partner.pk}/avatar.png?size=512&expression=happy")
    assert first["ETag"] and "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]
    again = auth_api.get(
        f"/api/partners/{partner.pk}/avatar.png?size=512&expression=happy", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304 and again.content == b""
    other = auth_api.get(
        f"/api/partners/{partner.pk}/avatar.png?size=512&expression=sad", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert other.status_code == 200


@pytest.mark.django_db
def test_a_second_render_comes_from_the_cache(auth_api, partner, monkeypatch):
    from avatars import services

    url = f"/api/partners/{partner.pk}/avatar.png?size=256&expression=love"
    first = auth_api.get(url).content
    monkeypatch.setattr(services.render, "render_avatar_png", lambda *a, **k: pytest.fail("rendered again"))
    assert auth_api.get(url).content == first


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["size=300", "size=big", "expression=angry", "colour=red"])
def test_bad_image_parameters_are_400(auth_api, partner, query):
    response = auth_api.get(f"/api/partners/{partner.pk}/avatar.png?{query}", HTTP_ACCEPT="image/png")
    assert_error(response, 400, "invalid")


@pytest.mark.django_db
def test_another_users_avatar_is_404(auth_api, others_partner):
    for response in (
        auth_api.get(f"/api/partners/{others_partner.pk}/avatar/"),
        auth_api.put(f"/api/partners/{others_partner.pk}/avatar/", {"config": {}}, format="json"),
        auth_api.get(f"/api/partners/{others_partner.pk}/avatar.png"),
    ):
        assert_error(response, 404, "not_found")


@pytest.mark.django_db
def test_the_avatar_needs_a_token(api, partner):
    assert_error(api.get(f"/api/partners/{partner.pk}/avatar.png"), 401, "not_authenticated")
