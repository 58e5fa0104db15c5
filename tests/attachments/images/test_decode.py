import io
import struct
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms, ImageFile
from rest_framework import status

from attachments.images import decode
from attachments.images.decode import (
    CODES,
    ImageRejected,
    image_decode,
    image_probe,
    image_thumbnail,
)
from project.api.errors import application_error_response
from project.errors import ApplicationError
from tests.attachments.images.conftest import encoded

MIB = 1024 * 1024
LIMITS = {"max_bytes": 10 * MIB, "max_pixels": 25_000_000}
RED, BLUE = (255, 0, 0), (0, 0, 255)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Secretville"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
# Every trace of the phone, the place and the time a fixture carries; none may reach the copy.
TRACES = [b"Exif", b"PhoneMaker", b"Pocket Camera", b"2026:05:04", b"Secretville", b"ICC_PROFILE", b"xmpmeta"]


def phone_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Pocket Camera 9"
    exif[ExifTags.Base.DateTime] = "2026:05:04 10:11:12"
    exif[ExifTags.Base.Orientation] = 6  # rotate 90° clockwise to display
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 29.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 17.0, 40.0)
    return exif


def left_red_right_blue(size=(64, 32)) -> Image.Image:
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def assert_red_on_top(image: Image.Image):
    """A 64x32 left-red picture shot with orientation 6 is 32x64 with red on top."""
    assert image.size == (32, 64)
    top, bottom = image.getpixel((16, 8)), image.getpixel((16, 56))
    assert top[0] > 200 and top[2] < 80, top
    assert bottom[2] > 200 and bottom[0] < 80, bottom


def rejected(data: bytes, **overrides) -> ImageRejected:
    with pytest.raises(ImageRejected) as error:
        image_decode(data, **{**LIMITS, **overrides})
    assert error.value.code in CODES
    return error.value


def png_declaring(width: int, height: int) -> bytes:
    data = bytearray(encoded(Image.new("RGB", (8, 8), RED), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(encoded(Image.new("RGB", (8, 8), RED), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def test_a_phone_jpeg_is_turned_upright_and_keeps_nothing_but_its_pixels():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encoded(left_red_right_blue(), "JPEG", exif=phone_exif(), xmp=XMP, icc_profile=srgb, quality=95)
    source = Image.open(io.BytesIO(data))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo) and "xmp" in source.info and "icc_profile" in source.info
    assert all(trace in data for trace in TRACES)

    decoded = image_decode(data, **LIMITS)

    assert_red_on_top(decoded.image)
    assert decoded.image.mode == "RGB" and decoded.image.info == {}
    assert (decoded.source_format, decoded.source_width, decoded.source_height) == ("jpeg", 64, 32)
    assert decoded.content_type == "image/jpeg" and decoded.jpeg[:2] == b"\xff\xd8"
    for trace in TRACES:
        assert trace not in decoded.jpeg, trace
    stored = Image.open(io.BytesIO(decoded.jpeg))
    assert not stored.getexif() and "icc_profile" not in stored.info and "xmp" not in stored.info
    assert_red_on_top(stored)


def test_an_iphone_heic_is_decoded_upright_without_its_metadata():
    data = encoded(left_red_right_blue(), "HEIF", exif=phone_exif().tobytes(), quality=95)
    assert b"PhoneMaker" in data and data[4:12] == b"ftypheic"

    decoded = image_decode(data, **LIMITS)

    assert decoded.source_format == "heif"
    assert_red_on_top(decoded.image)  # rotated once: by the file's irot, not again by EXIF
    assert decoded.image.info == {}
    assert b"PhoneMaker" not in decoded.jpeg and b"Exif" not in decoded.jpeg


@pytest.mark.parametrize("format,name", [("PNG", "png"), ("WEBP", "webp"), ("JPEG", "jpeg")])
def test_png_webp_and_jpeg_are_read_and_scaled_to_the_long_side(format, name):
    decoded = image_decode(encoded(Image.new("RGB", (3200, 800), BLUE), format), **LIMITS)
    assert decoded.source_format == name
    assert decoded.image.size == (1600, 400)
    assert Image.open(io.BytesIO(decoded.jpeg)).size == (1600, 400)


def test_a_phone_multi_picture_jpeg_is_a_jpeg():
    data = encoded(Image.new("RGB", (40, 30), RED), "MPO", save_all=True, append_images=[Image.new("RGB", (40, 30), BLUE)])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    decoded = image_decode(data, **LIMITS)
    assert decoded.source_format == "jpeg" and decoded.image.getpixel((5, 5))[0] > 240


def test_a_stored_copy_is_bounded_in_bytes_too():
    noise = Image.effect_noise((2400, 1800), 90).convert("RGB")  # incompressible
    decoded = image_decode(encoded(noise, "PNG"), **LIMITS, max_stored_bytes=200_000)
    assert len(decoded.jpeg) <= 200_000
    assert max(decoded.image.size) <= 1600
    assert Image.open(io.BytesIO(decoded.jpeg)).size == decoded.image.size


def test_transparency_is_laid_on_white():
    image = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (10, 0, 20, 10))
    decoded = image_decode(encoded(image, "PNG"), **LIMITS)
    assert decoded.image.getpixel((2, 5)) == (255, 255, 255)
    assert decoded.image.getpixel((15, 5)) == RED


def test_a_broken_colour_profile_costs_nothing_but_the_profile():
    data = encoded(Image.new("RGB", (16, 16), RED), "JPEG", icc_profile=b"not a profile" * 10)
    decoded = image_decode(data, **LIMITS)
    assert decoded.image.getpixel((8, 8))[0] > 240 and b"not a profile" not in decoded.jpeg


@pytest.mark.parametrize("bomb", [png_declaring(40_000, 40_000), jpeg_declaring(30_000, 30_000)], ids=["png", "jpeg"])
def test_a_decompression_bomb_is_refused_from_its_header(bomb):
    # The data behind these headers is an 8x8 image: decoding it would fail as undecodable,
    # so too_many_pixels shows that the header alone decided.
    assert rejected(bomb).code == "image_too_many_pixels"
    with pytest.raises(ImageRejected) as error:
        image_probe(bomb, **LIMITS)
    assert error.value.code == "image_too_many_pixels"


def test_more_pixels_than_allowed_is_refused_below_pillows_own_limit():
    assert rejected(png_declaring(5000, 5000), max_pixels=1_000_000).code == "image_too_many_pixels"
    heic = encoded(Image.new("RGB", (64, 32), RED), "HEIF")
    assert rejected(heic, max_pixels=1000).code == "image_too_many_pixels"


def test_more_bytes_than_allowed_is_a_413():
    data = encoded(Image.new("RGB", (16, 16), RED), "PNG")
    error = rejected(data, max_bytes=len(data) - 1)
    assert error.code == "upload_too_large"
    assert isinstance(error, ApplicationError)
    assert application_error_response(error).status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    assert image_decode(data, **{**LIMITS, "max_bytes": len(data)}).image.size == (16, 16)


@pytest.mark.parametrize(
    "data",
    [
        b"just some text, not an image\n" * 10,
        encoded(Image.new("RGB", (16, 16), RED), "GIF"),
        encoded(Image.new("RGB", (16, 16), RED), "BMP"),
        encoded(Image.new("RGB", (16, 16), RED), "TIFF"),
        b"%PDF-1.7\n" + b"0" * 100,
        b"",
    ],
    ids=["text", "gif", "bmp", "tiff", "pdf", "empty"],
)
def test_anything_but_jpeg_png_webp_or_heif_is_unsupported(data):
    error = rejected(data)
    assert error.code == "image_unsupported"
    assert application_error_response(error).status_code == status.HTTP_400_BAD_REQUEST


@pytest.mark.parametrize(
    "data",
    [
        encoded(Image.effect_noise((256, 256), 50).convert("RGB"), "JPEG")[:2000],
        png_declaring(3000, 3000),  # a valid header over an 8x8 image's data
    ],
    ids=["truncated-jpeg", "short-png-data"],
)
def test_a_file_that_breaks_off_is_undecodable_though_its_header_passes(data):
    assert image_probe(data, **LIMITS).width > 0  # the web request's check lets it through
    assert rejected(data).code == "image_undecodable"


def test_a_truncated_webp_is_undecodable_from_the_probe_on():
    # libwebp's demuxer wants the whole RIFF container before it tells the size.
    data = encoded(Image.effect_noise((256, 256), 50).convert("RGB"), "WEBP")[:400]
    with pytest.raises(ImageRejected) as error:
        image_probe(data, **LIMITS)
    assert error.value.code == "image_undecodable"
    assert rejected(data).code == "image_undecodable"


def test_the_probe_reads_the_header_and_decodes_nothing(monkeypatch, card_jpeg):
    def no_decoding(self, *args, **kwargs):
        raise AssertionError("the probe decoded pixels")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    probe = image_probe(card_jpeg, **LIMITS)
    assert (probe.source_format, probe.width, probe.height) == ("jpeg", 1600, 1200)
    with pytest.raises(ImageRejected) as error:
        image_probe(card_jpeg, max_bytes=len(card_jpeg) - 1, max_pixels=LIMITS["max_pixels"])
    assert error.value.code == "upload_too_large"


def test_heif_is_registered_for_image_messages_only():
    decode._heif_registered()
    from avatars.uploads import UploadRejected, sanitize_photo

    heic = encoded(Image.new("RGB", (16, 16), RED), "HEIF")
    with pytest.raises(UploadRejected) as error:
        sanitize_photo(io.BytesIO(heic), size=len(heic), **LIMITS)
    assert error.value.code == "unsupported_image"


def test_a_thumbnail_for_the_history():
    decoded = image_decode(encoded(Image.new("RGB", (1200, 900), BLUE), "PNG"), **LIMITS)
    thumb = Image.open(io.BytesIO(image_thumbnail(decoded.image)))
    assert thumb.size == (320, 240) and thumb.format == "JPEG" and not thumb.getexif()
