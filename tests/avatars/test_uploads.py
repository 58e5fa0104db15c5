import io
import struct
import time
import zlib

import pytest
from PIL import ExifTags, Image

from avatars.compose import encode_jpeg
from avatars.uploads import UploadRejected, sanitize_photo

MIB = 1024 * 1024
LIMITS = {"max_bytes": 10 * MIB, "max_pixels": 40_000_000}
RED, BLUE = (255, 0, 0), (0, 0, 255)


def encoded(image: Image.Image, format: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **params)
    return buffer.getvalue()


def sanitize(data: bytes, **overrides) -> Image.Image:
    return sanitize_photo(io.BytesIO(data), **{"size": len(data), **LIMITS, **overrides})


def rejected(data: bytes, **overrides) -> UploadRejected:
    with pytest.raises(UploadRejected) as error:
        sanitize(data, **overrides)
    return error.value


class Endless(io.RawIOBase):
    """A stream of zeros that counts what it hands out."""

    def __init__(self, length: int):
        self.left = length
        self.served = 0

    def readable(self):
        return True

    def read(self, n=-1):
        n = self.left if n is None or n < 0 else min(n, self.left)
        self.left -= n
        self.served += n
        return b"\0" * n


class Unreadable(io.RawIOBase):
    def read(self, n=-1):
        raise AssertionError("read although the declared size was too large")


def png_declaring(width: int, height: int) -> bytes:
    data = bytearray(encoded(Image.new("RGB", (8, 8), RED), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(encoded(Image.new("RGB", (8, 8), RED), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def test_a_camera_photo_is_turned_upright_and_loses_its_exif():
    image = Image.new("RGB", (64, 32), BLUE)
    image.paste(RED, (0, 0, 32, 32))  # the left half is red
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS 5D"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 22.0, 11.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (4.0, 53.0, 40.0),
    }
    data = encoded(image, "JPEG", exif=exif, quality=95)
    source = Image.open(io.BytesIO(data)).getexif()
    assert source[ExifTags.Base.Make] == "Canon" and source[ExifTags.Base.Orientation] == 6
    assert source.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert b"Exif" in data and b"Canon" in data

    photo = sanitize(data)

    assert photo.size == (32, 64)  # rotated a quarter turn clockwise
    top, bottom = photo.getpixel((16, 8)), photo.getpixel((16, 56))
    assert top[0] > 200 and top[2] < 60  # the red half is now on top
    assert bottom[2] > 200 and bottom[0] < 60
    assert photo.mode == "RGB" and photo.info == {} and not photo.getexif()
    clean = encode_jpeg(photo)
    assert b"Exif" not in clean and b"Canon" not in clean and b"EOS" not in clean
    assert not Image.open(io.BytesIO(clean)).getexif()


@pytest.mark.parametrize("bomb", [png_declaring(40_000, 40_000), jpeg_declaring(30_000, 30_000)])
def test_a_decompression_bomb_is_refused_from_its_header(bomb):
    started = time.perf_counter()
    error = rejected(bomb)
    assert time.perf_counter() - started < 1
    assert error.code == "image_too_large"


def test_more_pixels_than_allowed_is_refused_even_below_pillows_own_limit():
    error = rejected(png_declaring(5000, 5000), max_pixels=1_000_000)
    assert error.code == "image_too_large"


@pytest.mark.parametrize(
    "data",
    [
        b"just some text, not an image\n" * 10,
        encoded(Image.new("RGB", (16, 16), RED), "GIF"),
        encoded(Image.new("RGB", (16, 16), RED), "BMP"),
        encoded(Image.new("RGB", (64, 64), RED), "JPEG")[:200],
        png_declaring(3000, 3000),  # a valid header over an 8x8 image's data
        b"",
    ],
    ids=["text", "gif", "bmp", "truncated-jpeg", "short-png-data", "empty"],
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_unsupported(data):
    error = rejected(data)
    assert error.code == "unsupported_image"


def test_a_declared_size_over_the_limit_is_refused_without_reading():
    with pytest.raises(UploadRejected) as error:
        sanitize_photo(Unreadable(), size=25 * MIB, **LIMITS)
    assert error.value.code == "upload_too_large"


def test_a_stream_longer_than_the_limit_is_refused_after_one_byte_too_many():
    stream = Endless(25 * MIB)
    with pytest.raises(UploadRejected) as error:
        sanitize_photo(stream, size=None, **LIMITS)
    assert error.value.code == "upload_too_large"
    assert stream.served == LIMITS["max_bytes"] + 1


def test_transparency_is_laid_on_white():
    image = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (10, 0, 20, 10))
    photo = sanitize(encoded(image, "PNG"))
    assert photo.mode == "RGB"
    assert photo.getpixel((2, 5)) == (255, 255, 255)
    assert photo.getpixel((15, 5)) == RED


@pytest.mark.parametrize("format", ["PNG", "WEBP", "JPEG"])
def test_large_photos_are_scaled_to_the_longest_side(format):
    photo = sanitize(encoded(Image.new("RGB", (1200, 400), BLUE), format), max_side=500)
    assert photo.size == (500, 167)
    assert photo.mode == "RGB" and photo.info == {}


def test_a_phone_multi_picture_jpeg_is_accepted():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), RED).save(
        buffer, "MPO", save_all=True, append_images=[Image.new("RGB", (40, 30), BLUE)]
    )
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    photo = sanitize(buffer.getvalue())
    assert photo.size == (40, 30) and photo.getpixel((5, 5))[0] > 240


def test_png_text_chunks_are_dropped():
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "taken at home, 12 Example Street")
    data = encoded(Image.new("RGB", (16, 16), BLUE), "PNG", pnginfo=text)
    assert Image.open(io.BytesIO(data)).info["Comment"]
    photo = sanitize(data)
    assert photo.info == {}
    assert b"Example Street" not in encode_jpeg(photo)
