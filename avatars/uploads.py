"""Decoding a user's photo as if it were hostile: bounded bytes, bounded pixels, no metadata.

Limits are checked in the cheapest order: the declared length, the bytes actually
read, then the pixel count in the image header, and only then is anything decoded.
The result is a fresh RGB image with no EXIF (GPS, camera), ICC or text chunks.
"""

import contextlib
import io
import struct
import warnings
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = ["JPEG", "PNG", "WEBP"]
WHITE = (255, 255, 255)


class UploadRejected(Exception):
    """An upload refused before it is stored; `code` is the API's (upload_too_large is a 413)."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _too_large(max_bytes: int) -> UploadRejected:
    return UploadRejected("upload_too_large", f"The photo must be at most {max_bytes} bytes.")


def _unsupported() -> UploadRejected:
    return UploadRejected("unsupported_image", "The photo must be a JPEG, PNG or WebP image.")


def _too_many_pixels(max_pixels: int) -> UploadRejected:
    return UploadRejected("image_too_large", f"The photo must have at most {max_pixels} pixels.")


def _rgb(image: Image.Image) -> Image.Image:
    """Any mode as RGB; transparency is laid on white, as a photo print would show it."""
    if image.mode in ("P", "PA", "LA") or "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode == "RGBA":
        flat = Image.new("RGB", image.size, WHITE)
        flat.paste(image, (0, 0), image)
        return flat
    if image.mode.startswith("I") or image.mode == "F":
        # 16-bit greyscale PNG: scale to 8 bits, which a plain convert would clip to white.
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    return image.convert("RGB") if image.mode != "RGB" else image


def sanitize_photo(
    fileobj: BinaryIO, *, size: int | None, max_bytes: int, max_pixels: int, max_side: int = 2048
) -> Image.Image:
    """The photo in `fileobj` as a new RGB image, upright, at most `max_side` on its long side.

    Raises UploadRejected: upload_too_large (413) before reading more than max_bytes + 1
    bytes, image_too_large before decoding anything over max_pixels, unsupported_image
    for anything that is not a well-formed JPEG, PNG or WebP.
    """
    if size is not None and size > max_bytes:
        raise _too_large(max_bytes)
    data = fileobj.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    if not data:
        raise _unsupported()
    with warnings.catch_warnings():
        # Pillow only warns between its global limit and twice it; here that is a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            width, height = image.size
            # Our own limit, not Image.MAX_IMAGE_PIXELS: that global is shared by the process.
            if width < 1 or height < 1 or width * height > max_pixels:
                raise _too_many_pixels(max_pixels)
            if image.format in ("JPEG", "MPO") and max(width, height) > max_side:
                # Lets libjpeg decode at 1/2, 1/4 or 1/8 scale, never below max_side.
                ratio = max_side / max(width, height)
                image.draft("RGB", (max(1, round(width * ratio)), max(1, round(height * ratio))))
            image.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _too_many_pixels(max_pixels) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error, EOFError):
            raise _unsupported() from None
        # A broken EXIF block costs the photo its orientation, not its upload.
        broken_exif = (OSError, SyntaxError, ValueError, struct.error, KeyError, TypeError)
        with contextlib.suppress(*broken_exif):
            ImageOps.exif_transpose(image, in_place=True)
        try:
            image = _rgb(image)
        except (OSError, ValueError) as exc:
            raise _unsupported() from exc
    if max(image.size) > max_side:
        ratio = max_side / max(image.size)
        target = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean
