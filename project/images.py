"""Decoding an image someone sent as if it were hostile: the piece every upload shares.

Selfie photos (avatars/uploads.py) and image messages (attachments/images/decode.py) both go
through here; each maps `ImageRefused.reason` to its own API codes. Limits are checked in the
cheapest order: the pixel count in the header (nothing decoded yet), Pillow's bomb warning as a
refusal, then the decode itself (JPEGs through libjpeg's draft mode, never below `max_side`).
The result is a fresh RGB image, upright, in sRGB, with no EXIF (GPS, camera, dates), XMP, ICC
or text chunks: nothing of the file but its pixels.
"""

import contextlib
import io
import struct
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

WHITE = (255, 255, 255)
# What Pillow raises for a file it recognised but cannot read to the end.
_BROKEN = (OSError, SyntaxError, ValueError, struct.error, EOFError, KeyError, IndexError, TypeError)


class ImageRefused(Exception):
    """`reason`: too_many_pixels, unsupported (not one of `formats`), undecodable (broken)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason


@dataclass(frozen=True)
class ImageHeader:
    format: str  # Pillow's name: JPEG, MPO, PNG, WEBP, HEIF
    width: int
    height: int


@contextlib.contextmanager
def _bombs_refused():
    # Pillow only warns between its global limit and twice it; here that is a refusal.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ImageRefused("too_many_pixels") from None


def _open(data: bytes, formats: Sequence[str], max_pixels: int) -> Image.Image:
    if not data:
        raise ImageRefused("unsupported", "empty")
    try:
        image = Image.open(io.BytesIO(data), formats=list(formats))
    except UnidentifiedImageError:
        raise ImageRefused("unsupported") from None
    except _BROKEN:
        raise ImageRefused("undecodable") from None
    width, height = image.size
    # Our own limit, not Image.MAX_IMAGE_PIXELS: that global is shared by the process.
    if width < 1 or height < 1 or width * height > max_pixels:
        raise ImageRefused("too_many_pixels", f"{width}x{height}")
    return image


def image_header(data: bytes, *, formats: Sequence[str], max_pixels: int) -> ImageHeader:
    """The format and size from the header alone; what a web request can afford (no decode).

    Raises ImageRefused (unsupported, undecodable, too_many_pixels).
    """
    with _bombs_refused():
        image = _open(data, formats, max_pixels)
    return ImageHeader(image.format or "", image.width, image.height)


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


_SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Pixels in an embedded profile (an iPhone's Display P3, a CMYK print profile) as sRGB,
    so that dropping the profile keeps the colours; a broken profile is ignored."""
    if not icc or image.mode not in ("RGB", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def image_decode_clean(
    data: bytes, *, formats: Sequence[str], max_pixels: int, max_side: int
) -> tuple[ImageHeader, Image.Image]:
    """The header and the image in `data` as a new RGB image, upright, at most `max_side` on
    its long side, with no metadata at all (`info == {}`).

    Raises ImageRefused: too_many_pixels before decoding anything over `max_pixels`,
    unsupported for anything not in `formats`, undecodable for a file that breaks off.
    """
    with _bombs_refused():
        image = _open(data, formats, max_pixels)
        header = ImageHeader(image.format or "", image.width, image.height)
        width, height = image.size
        if image.format in ("JPEG", "MPO") and max(width, height) > max_side:
            # Lets libjpeg decode at 1/2, 1/4 or 1/8 scale, never below max_side.
            ratio = max_side / max(width, height)
            image.draft("RGB", (max(1, round(width * ratio)), max(1, round(height * ratio))))
        try:
            image.load()
        except _BROKEN:
            raise ImageRefused("undecodable") from None
        icc = image.info.get("icc_profile")
        # A broken EXIF block costs the photo its orientation, not its upload.
        with contextlib.suppress(*_BROKEN):
            ImageOps.exif_transpose(image, in_place=True)
        try:
            if image.mode not in ("RGB", "CMYK", "L"):
                image = _rgb(image)
            if max(image.size) > max_side:
                ratio = max_side / max(image.size)
                target = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
                image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
            # After the resize: a colour transform costs per pixel.
            image = _rgb(_to_srgb(image, icc))
        except _BROKEN:
            raise ImageRefused("undecodable") from None
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return header, clean


def image_encode_jpeg(image: Image.Image, *, quality: int = 85) -> bytes:
    """JPEG bytes of the pixels alone: no EXIF, XMP, ICC profile or comment."""
    if image.mode != "RGB" or image.info:
        # Pillow's JPEG writer copies a comment or profile from .info; start from bare pixels.
        bare = Image.new("RGB", image.size)
        bare.paste(image.convert("RGB") if image.mode != "RGB" else image)
        image = bare
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, exif=b"")
    return buffer.getvalue()


# The IPTC digital source types (https://cv.iptc.org/newscodes/digitalsourcetype/) that say an
# image was made by a machine: the machine-readable marking of EU AI Act Art. 50(2).
IPTC_SOURCE_TYPES = (
    "trainedAlgorithmicMedia",  # made by a trained model (an image endpoint's scene)
    "compositeWithTrainedAlgorithmicMedia",  # a real photo composed with a trained model's output
    "algorithmicMedia",  # drawn by an algorithm with no trained model (Hearth's own scenes)
    "compositeSynthetic",  # a real photo composed with synthetic elements
)


def ai_generated_xmp(*, source_type: str, tool: str = "Hearth") -> bytes:
    """An XMP packet saying the image is synthetic: `Iptc4xmpExt:DigitalSourceType` (what the
    large platforms read to label AI images) and a plain description."""
    if source_type not in IPTC_SOURCE_TYPES:
        raise ValueError(f"not a synthetic IPTC digital source type: {source_type!r}")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        f' Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/{source_type}"'
        f' xmp:CreatorTool="{tool}">'
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">AI-generated image</rdf:li></rdf:Alt>'
        "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="r"?>'
    ).encode("utf-8")
