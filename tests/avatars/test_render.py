import io
import itertools

import pytest
from PIL import Image, ImageChops, ImageStat

from avatars.catalog import (
    EXPRESSIONS,
    KINDS,
    SIZES,
    AvatarConfigError,
    catalog,
    default_config,
    modest_config,
    validate_config,
)
from avatars.compose import avatar_height, caption_lines, selfie_picture, encode_jpeg
from avatars.render import avatar_key, render_avatar, render_avatar_png, render_pose
from avatars.scenes import DESTINATIONS, destination_get, draw_scene, render_scene

RED = (255, 0, 0)


def changed_pixels(a: Image.Image, b: Image.Image, threshold: int = 24) -> int:
    diff = ImageChops.difference(a.convert("RGBA"), b.convert("RGBA")).convert("L")
    return diff.point(lambda v: 255 if v > threshold else 0).histogram()[255]


def with_layer(kind: str, option: str, colour: str | None = None) -> dict:
    config = default_config()
    config[kind] = {"option": option, "colour": colour}
    return config


# --- catalog ----------------------------------------------------------------


def test_the_catalog_lists_every_layer_with_choices():
    data = catalog()
    layers = {layer["kind"]: layer["options"] for layer in data["layers"]}
    assert [layer["kind"] for layer in data["layers"]] == list(KINDS)
    assert {"body", "face", "eyes", "hair", "outfit", "accessory"} <= set(layers)
    assert all(len(options) >= 3 for options in layers.values())
    assert data["expressions"] == ["neutral", "happy", "sad", "surprised", "love", "sleepy"]
    assert data["sizes"] == [256, 512, 1024]
    for options in layers.values():
        for option in options:
            assert option["code"] and option["name"]
            assert all(
                set(c) == {"code", "name", "hex"} and len(c["hex"]) == 7 for c in option["colours"]
            )
    assert len(layers["body"][0]["colours"]) >= 6
    hair_styles = {o["code"] for o in layers["hair"]}
    assert {"short", "long", "bob", "curly", "ponytail", "buzz", "bald"} <= hair_styles
    hair_colours = {c["code"] for c in layers["hair"][0]["colours"]}
    assert {"black", "brown", "blonde", "red", "grey", "pink", "blue"} <= hair_colours
    assert {o["code"]: o["modest"] for o in layers["outfit"]}["swimwear"] is False
    assert sum(o["modest"] for o in layers["outfit"]) >= 5
    assert {"none", "glasses", "sunglasses", "earrings", "hat", "scarf"} <= {
        o["code"] for o in layers["accessory"]
    }


def test_the_catalog_is_a_copy():
    catalog()["layers"][0]["options"].clear()
    assert catalog()["layers"][0]["options"]


def test_the_default_config_is_complete_and_valid_for_a_minor():
    config = default_config()
    assert set(config) == set(KINDS)
    assert validate_config(config, minor=True) == config


def test_missing_kinds_come_from_the_default():
    config = validate_config(
        {"hair": {"option": "curly", "colour": "pink"}, "accessory": {"option": "hat"}}, minor=False
    )
    assert config["hair"] == {"option": "curly", "colour": "pink"}
    assert config["accessory"]["option"] == "hat" and config["accessory"]["colour"] is not None
    assert config["body"] == default_config()["body"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"wings": {"option": "angel"}}, "wings"),
        ({"hair": {"option": "mohawk", "colour": "black"}}, "hair"),
        ({"hair": {"option": "curly", "colour": "tone3"}}, "hair"),
        ({"hair": {"option": "bald", "colour": "black"}}, "hair"),
        ({"hair": {"option": "curly", "colour": None}}, "hair"),
        ({"hair": "curly"}, "hair"),
        ({"eyes": {"option": 3}}, "eyes"),
        ({"body": {"option": "slim", "colour": 7}}, "body"),
        ({"face": {"option": "oval", "size": "xl"}}, "face"),
        (["hair"], "non_field_errors"),
    ],
)
def test_invalid_configs_are_refused_per_field(data, field):
    with pytest.raises(AvatarConfigError) as error:
        validate_config(data, minor=False)
    assert list(error.value.fields) == [field]
    assert all(isinstance(message, str) for message in error.value.fields[field])


def test_a_minor_cannot_choose_an_outfit_that_is_not_modest():
    data = {"outfit": {"option": "swimwear", "colour": "navy"}}
    assert validate_config(data, minor=False)["outfit"]["option"] == "swimwear"
    with pytest.raises(AvatarConfigError) as error:
        validate_config(data, minor=True)
    assert "outfit" in error.value.fields


def test_modest_config_swaps_swimwear_and_keeps_the_colour():
    config = with_layer("outfit", "swimwear", "coral")
    modest = modest_config(config)
    assert modest["outfit"]["option"] != "swimwear"
    assert modest["outfit"]["colour"] == "coral"
    assert validate_config(modest, minor=True) == modest
    assert config["outfit"]["option"] == "swimwear"
    assert modest_config(default_config()) == default_config()
    assert (
        changed_pixels(
            render_avatar(config, expression="neutral", size=256),
            render_avatar(modest, expression="neutral", size=256),
        )
        > 500
    )


# --- avatar -------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_an_avatar_is_a_square_rgba_bust_on_transparency(size):
    image = render_avatar(default_config(), expression="neutral", size=size)
    assert image.size == (size, size)
    assert image.mode == "RGBA"
    assert image.getpixel((2, 2))[3] == 0
    assert image.getpixel((size // 2, size * 2 // 5))[3] == 255  # the face
    assert image.getpixel((size // 2, size - 2))[3] == 255  # the outfit reaches the bottom edge


def test_every_pair_of_expressions_looks_different():
    faces = {e: render_avatar(default_config(), expression=e, size=256) for e in EXPRESSIONS}
    for a, b in itertools.combinations(EXPRESSIONS, 2):
        assert faces[a].tobytes() != faces[b].tobytes(), (a, b)
        assert changed_pixels(faces[a], faces[b]) > 40, (a, b)


def test_every_option_and_colour_changes_the_picture():
    base = render_avatar(default_config(), expression="neutral", size=256)
    for layer in catalog()["layers"]:
        default = default_config()[layer["kind"]]
        for option in layer["options"]:
            colours = [c["code"] for c in option["colours"]] or [None]
            colour = colours[-1] if colours[-1] != default["colour"] else colours[0]
            choice = {"option": option["code"], "colour": colour}
            if choice == default:
                continue
            image = render_avatar(
                with_layer(layer["kind"], **choice), expression="neutral", size=256
            )
            assert changed_pixels(base, image) > 30, (layer["kind"], choice)


def test_rendering_is_deterministic_and_png_encoded():
    config = with_layer("hair", "curly", "blue")
    first = render_avatar_png(config, expression="love", size=256)
    assert first == render_avatar_png(config, expression="love", size=256)
    assert first.startswith(b"\x89PNG")
    decoded = Image.open(io.BytesIO(first))
    assert decoded.size == (256, 256) and decoded.mode == "RGBA"


def test_the_avatar_key_tracks_what_the_picture_depends_on():
    config = default_config()
    key = avatar_key(config, expression="happy", size=512)
    assert len(key) == 64 and int(key, 16) >= 0
    assert avatar_key({}, expression="happy", size=512) == key  # normalised before hashing
    assert avatar_key(with_layer("hair", "bob", "black"), expression="happy", size=512) != key
    assert avatar_key(config, expression="sad", size=512) != key
    assert avatar_key(config, expression="happy", size=256) != key


def test_unknown_expressions_sizes_and_configs_are_refused():
    with pytest.raises(ValueError):
        render_avatar(default_config(), expression="angry", size=256)
    with pytest.raises(ValueError):
        render_avatar(default_config(), expression="happy", size=10_000)
    with pytest.raises(AvatarConfigError):
        render_avatar({"hair": {"option": "mohawk"}}, expression="happy", size=256)


def test_a_pose_has_the_asked_height_and_is_cached():
    pose = render_pose(default_config(), expression="happy", height=300)
    assert pose.size == (300, 300) and pose.mode == "RGBA"
    assert render_pose(default_config(), expression="happy", height=300) is pose
    assert render_pose(default_config(), expression="sad", height=300) is not pose


# --- scenes -------------------------------------------------------------------


def test_destinations_have_a_name_and_a_prompt():
    assert len(DESTINATIONS) >= 6
    codes = [d["code"] for d in DESTINATIONS]
    assert len(set(codes)) == len(codes)
    assert {"beach_sunset", "paris_night", "snowy_mountains", "kyoto_temple", "neon_city"} <= set(
        codes
    )
    assert all(d["name"] and len(d["prompt"]) > 30 for d in DESTINATIONS)
    assert destination_get("paris_night")["name"] == "Paris at night"
    assert destination_get("atlantis") is None


def test_each_destination_renders_its_own_scene():
    scenes = {d["code"]: render_scene(d["code"], size=256) for d in DESTINATIONS}
    for image in scenes.values():
        assert image.size == (256, 256) and image.mode == "RGB"
    for a, b in itertools.combinations(scenes, 2):
        assert changed_pixels(scenes[a], scenes[b]) > 256 * 256 // 4, (a, b)
    assert render_scene("paris_night", size=256) is scenes["paris_night"]
    assert draw_scene("paris_night", 256).tobytes() == scenes["paris_night"].tobytes()
    with pytest.raises(KeyError):
        render_scene("atlantis", size=256)


# --- selfies ------------------------------------------------------------------


def red_pixels(image: Image.Image) -> int:
    r, g, b = image.split()
    mask = ImageChops.multiply(
        r.point(lambda v: 255 if v > 235 else 0),
        ImageChops.multiply(
            g.point(lambda v: 255 if v < 20 else 0), b.point(lambda v: 255 if v < 20 else 0)
        ),
    )
    return mask.histogram()[255]


@pytest.fixture
def scene():
    return render_scene("snowy_mountains", size=512)


def test_a_selfie_with_a_photo_shows_the_photo_beside_the_avatar(scene):
    photo = Image.new("RGB", (900, 600), RED)
    pose = render_pose(
        default_config(), expression="happy", height=avatar_height(size=512, with_photo=True)
    )
    selfie = selfie_picture(scene=scene, avatar=pose, photo=photo, caption="Snow day!", size=512)
    assert selfie.size == (512, 512) and selfie.mode == "RGB"
    assert red_pixels(scene) == 0
    assert red_pixels(selfie) > 150 * 150
    left, right = selfie.crop((0, 0, 256, 512)), selfie.crop((256, 0, 512, 512))
    assert red_pixels(right) > 10 * red_pixels(left)
    assert scene.size == (512, 512) and red_pixels(scene) == 0  # the cached scene is untouched


def test_without_a_photo_the_avatar_stands_in_the_middle(scene):
    pose = render_pose(
        default_config(), expression="happy", height=avatar_height(size=512, with_photo=False)
    )
    selfie = selfie_picture(scene=scene, avatar=pose, photo=None, caption="", size=512)
    assert selfie.size == (512, 512) and selfie.mode == "RGB"
    assert red_pixels(selfie) == 0
    diff = ImageChops.difference(selfie, scene).convert("L").point(lambda v: 255 if v > 40 else 0)
    assert diff.crop((400, 0, 512, 40)).getbbox()  # the AI-generated label, top right
    diff.paste(0, (0, 0, 512, 40))
    left, top, right, bottom = diff.getbbox()
    assert abs((left + right) / 2 - 256) < 30
    assert top > 512 // 4 and bottom == 512


def test_the_scene_is_fitted_to_the_selfie_size():
    pose = render_pose(
        default_config(), expression="neutral", height=avatar_height(size=256, with_photo=False)
    )
    selfie = selfie_picture(
        scene=render_scene("beach_sunset", size=512), avatar=pose, photo=None, caption="", size=256
    )
    assert selfie.size == (256, 256)


def test_a_caption_sits_on_a_darker_band(scene):
    pose = render_pose(
        default_config(), expression="neutral", height=avatar_height(size=512, with_photo=False)
    )
    plain = selfie_picture(scene=scene, avatar=pose, photo=None, caption="", size=512)
    captioned = selfie_picture(
        scene=scene, avatar=pose, photo=None, caption="Hello from the Alps", size=512
    )
    corner = (0, 480, 100, 512)  # bottom left: snow, no avatar, under the band
    brightness = [
        ImageStat.Stat(image.crop(corner).convert("L")).mean[0] for image in (plain, captioned)
    ]
    assert brightness[1] < 0.8 * brightness[0]
    assert plain.crop((0, 0, 512, 400)).tobytes() == captioned.crop((0, 0, 512, 400)).tobytes()


def test_long_captions_wrap_to_two_lines_with_an_ellipsis():
    assert caption_lines("A short one", size=1024) == ["A short one"]
    assert caption_lines("   ", size=1024) == []
    lines = caption_lines(" ".join(["wonderful"] * 80), size=1024)
    assert len(lines) == 2 and lines[-1].endswith("…") and not lines[0].endswith("…")
    assert caption_lines("Café — crème brûlée 😀", size=1024) == ["Cafe - creme brulee"]
    word = caption_lines("x" * 500, size=1024)
    assert len(word) == 1 and word[0].endswith("…")


def test_jpeg_encoding_carries_no_metadata():
    image = Image.new("RGB", (64, 64), RED)
    image.info["comment"] = b"secret"
    data = encode_jpeg(image)
    assert data.startswith(b"\xff\xd8")
    assert b"secret" not in data and b"Exif" not in data
    decoded = Image.open(io.BytesIO(data))
    assert decoded.format == "JPEG" and decoded.size == (64, 64)
    assert not decoded.getexif()
