"""Decoding a user's photo as if it were hostile: bounded bytes, bounded pixels, no metadata.

Limits are checked in the cheapest order: the declared length, the bytes actually
read, then (project/images.py, shared with image messages) the pixel count in the image
header, and only then is anything decoded. The result is a fresh RGB image with no EXIF
(GPS, camera), ICC or text chunks.
"""

from typing import BinaryIO

from PIL import Image

from project.images import ImageRefused, image_decode_clean

FORMATS = ["JPEG", "PNG", "WEBP"]


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
    try:
        _, image = image_decode_clean(data, formats=FORMATS, max_pixels=max_pixels, max_side=max_side)
    except ImageRefused as exc:
        if exc.reason == "too_many_pixels":
            raise _too_many_pixels(max_pixels) from None
        raise _unsupported() from None
    return image
