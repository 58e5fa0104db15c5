"""An image message's upload, decoded as if hostile, and the copy of it that is stored.

Two steps, for two processes. The web request calls `image_probe`: the byte cap and the
header (format and pixel count, nothing decoded: a 12 MP JPEG costs well under a millisecond),
so a bomb, a non-image or an oversized file is refused at once. The worker calls
`image_decode`: the whole decode (project/images.py, shared with selfie photos), EXIF
orientation applied, colours converted to sRGB, and a new JPEG at most `max_side` on its long
side and `max_stored_bytes` long, made from the pixels alone. Nothing of the original file
survives in it: no EXIF (GPS, camera, dates), XMP, IPTC, ICC profile, comment or text chunk.

HEIC/HEIF (what iPhones send) is read by pillow-heif (libheif with libde265); it applies the
file's own rotation (`irot`/`imir`) when it decodes and sets the EXIF orientation it exposes
to 1, so a rotation is never applied twice.
"""

import functools
from dataclasses import dataclass

from PIL import Image

from project.errors import ApplicationError
from project.images import ImageHeader, ImageRefused, image_decode_clean, image_encode_jpeg, image_header

FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
# Pillow's format name -> what the API says.
SOURCE_FORMAT = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "WEBP": "webp", "HEIF": "heif"}
STORED_MAX_SIDE = 1600
STORED_MAX_BYTES = 1024 * 1024
THUMBNAIL_SIDE = 320
_QUALITIES = (85, 75, 65)

TOO_LARGE = "upload_too_large"  # the API's existing 413, as for selfie photos and voice notes
TOO_MANY_PIXELS = "image_too_many_pixels"
UNSUPPORTED = "image_unsupported"
UNDECODABLE = "image_undecodable"
CODES = (TOO_LARGE, TOO_MANY_PIXELS, UNSUPPORTED, UNDECODABLE)


class ImageRejected(ApplicationError):
    """An image refused before anything of it is stored. `code` is one of CODES; the REST
    edge answers upload_too_large with 413 and the others with 400."""


def _rejected(reason: str, *, max_pixels: int) -> ImageRejected:
    if reason == "too_many_pixels":
        return ImageRejected(TOO_MANY_PIXELS, f"The image must have at most {max_pixels} pixels.")
    if reason == "unsupported":
        return ImageRejected(UNSUPPORTED, "The image must be a JPEG, PNG, WebP or HEIC/HEIF file.")
    return ImageRejected(UNDECODABLE, "The image is damaged or incomplete and cannot be read.")


@functools.cache
def _heif_registered() -> None:
    # Registers Pillow's "HEIF" format, once per process; `formats=` keeps other callers
    # (selfie photos) from accepting it.
    import pillow_heif

    # One decoding thread: a worker process is one core's worth of work, and libde265's
    # threads on one core made a 12 MP HEIC three times slower here.
    pillow_heif.options.DECODE_THREADS = 1
    pillow_heif.register_heif_opener()


def _checked(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ImageRejected(TOO_LARGE, f"The image must be at most {max_bytes} bytes.")
    _heif_registered()


@dataclass(frozen=True)
class ImageProbe:
    source_format: str  # jpeg, png, webp, heif
    width: int  # as the header declares them, before any rotation
    height: int


@dataclass(frozen=True)
class DecodedImage:
    image: Image.Image  # RGB, upright, sRGB, no metadata (info == {}), the stored pixels
    jpeg: bytes  # the copy to store
    source_format: str
    source_width: int
    source_height: int
    content_type: str = "image/jpeg"

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height


def image_probe(data: bytes, *, max_bytes: int, max_pixels: int) -> ImageProbe:
    """Format and size from the header, for the web request: nothing is decoded.

    Raises ImageRejected (upload_too_large, image_too_many_pixels, image_unsupported,
    image_undecodable for a header that breaks off). A file that passes can still fail
    `image_decode` later (a body cut short).
    """
    _checked(data, max_bytes)
    try:
        header: ImageHeader = image_header(data, formats=FORMATS, max_pixels=max_pixels)
    except ImageRefused as exc:
        raise _rejected(exc.reason, max_pixels=max_pixels) from None
    return ImageProbe(SOURCE_FORMAT.get(header.format, header.format.lower()), header.width, header.height)


def _encode_bounded(image: Image.Image, max_stored_bytes: int) -> tuple[Image.Image, bytes]:
    while True:
        for quality in _QUALITIES:
            jpeg = image_encode_jpeg(image, quality=quality)
            if len(jpeg) <= max_stored_bytes:
                return image, jpeg
        if max(image.size) <= 64:
            return image, jpeg  # 64 px of noise at quality 65 is a few KiB: not reached in practice
        image = image.resize((max(1, image.width // 2), max(1, image.height // 2)), Image.Resampling.LANCZOS)


def image_decode(
    data: bytes,
    *,
    max_bytes: int,
    max_pixels: int,
    max_side: int = STORED_MAX_SIDE,
    max_stored_bytes: int = STORED_MAX_BYTES,
) -> DecodedImage:
    """The image in `data`, decoded, upright and re-encoded as a metadata-free JPEG at most
    `max_side` px on its long side and `max_stored_bytes` long (quality 85, lowered, then
    the size halved, until it fits). Pure: reads nothing but `data`, writes nothing.

    Raises ImageRejected with one of CODES; the pixel cap is checked on the header before
    anything is decoded, and Pillow's decompression-bomb warning counts as a refusal.
    """
    _checked(data, max_bytes)
    try:
        header, image = image_decode_clean(data, formats=FORMATS, max_pixels=max_pixels, max_side=max_side)
    except ImageRefused as exc:
        raise _rejected(exc.reason, max_pixels=max_pixels) from None
    image, jpeg = _encode_bounded(image, max_stored_bytes)
    return DecodedImage(
        image=image,
        jpeg=jpeg,
        source_format=SOURCE_FORMAT.get(header.format, header.format.lower()),
        source_width=header.width,
        source_height=header.height,
    )


def image_thumbnail(image: Image.Image, *, side: int = THUMBNAIL_SIDE) -> bytes:
    """A JPEG at most `side` px on its long side, for the message history."""
    thumb = image.copy()
    thumb.thumbnail((side, side), Image.Resampling.LANCZOS)
    return image_encode_jpeg(thumb, quality=80)
