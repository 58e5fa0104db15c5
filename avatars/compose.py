"""A vacation selfie: the destination's backdrop, the avatar, the user's photo and a caption.

Every step works on whole images or small regions (paste with masks, blurs on
quarter-size copies), never per pixel in Python, so a 1024 selfie from a cached
scene and a cached pose costs a few tens of milliseconds.
"""

import functools
import io
import re
import unicodedata

from PIL import Image, ImageDraw, ImageFilter, ImageFont

PAPER = (250, 248, 243)
PHOTO_TILT = 4  # degrees, anticlockwise
CAPTION_LINES = 2
ELLIPSIS = "…"
# Pillow's built-in font covers ASCII and a little punctuation; fold the rest where we can.
FOLD = str.maketrans(
    dict(zip("—–‐øØłŁđĐðı", "---oOlLdDdi", strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "€": "EUR"}
)


def avatar_height(*, size: int, with_photo: bool) -> int:
    """The pose height that needs no resizing: pass `render_pose(..., height=this)`."""
    return round(size * (0.70 if with_photo else 0.80))


@functools.cache
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=px)


def _fit(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """`image` scaled and centre-cropped to fill `size`, as RGB."""
    if image.size == size:
        return image.convert("RGB") if image.mode != "RGB" else image.copy()
    w, h = image.size
    scale = max(size[0] / w, size[1] / h)
    cw, ch = size[0] / scale, size[1] / scale
    box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
    # A box reduction to within a factor of 2 of the target, then LANCZOS: a fifth of the
    # cost of a full LANCZOS from a 2048 photo, with no visible difference at frame size.
    fitted = image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=1.0)
    return fitted.convert("RGB") if fitted.mode != "RGB" else fitted


@functools.lru_cache(maxsize=8)
def _paper(width: int) -> tuple[tuple[int, int], int, Image.Image, Image.Image, int]:
    """A tilted polaroid `width` wide, less its photo: (size, border, mask, shadow, shadow pad).

    Only the photo differs between selfies, so the mask and its soft shadow (a blur at
    quarter size, where it costs a sixteenth) are made once per width.
    """
    border = round(width * 0.06)
    size = (width, border + width - 2 * border + round(width * 0.18))
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (0, 0, size[0] - 1, size[1] - 1), max(2, width // 60), 255
    )
    mask = mask.rotate(PHOTO_TILT, Image.Resampling.BILINEAR, expand=True)
    pad = 4 * max(1, round(width / 40))
    small = Image.new("L", ((mask.width + 2 * pad) // 4 + 1, (mask.height + 2 * pad) // 4 + 1), 0)
    small.paste(mask.reduce(4), (pad // 4, pad // 4))
    small = small.filter(ImageFilter.GaussianBlur(width / 120)).point(lambda v: v * 55 // 100)
    shadow = small.resize((small.width * 4, small.height * 4), Image.Resampling.BILINEAR)
    return size, border, mask, shadow, pad


def _polaroid(
    canvas: Image.Image, photo: Image.Image, *, centre: tuple[int, int], width: int
) -> None:
    size, border, mask, shadow, pad = _paper(width)
    frame = Image.new("RGB", size, PAPER)
    frame.paste(_fit(photo, (width - 2 * border, width - 2 * border)), (border, border))
    frame = frame.rotate(PHOTO_TILT, Image.Resampling.BILINEAR, expand=True, fillcolor=PAPER)
    at = (centre[0] - frame.width // 2, centre[1] - frame.height // 2)
    lift = max(2, width // 45)
    canvas.paste((0, 0, 0), (at[0] + lift - pad, at[1] + 2 * lift - pad), shadow)
    canvas.paste(frame, at, mask)


def _wrap(text: str, font, width: float) -> list[str]:
    """At most CAPTION_LINES lines no wider than `width`; an ellipsis marks anything cut."""
    words = text.split(" ")
    lines: list[str] = []
    i = 0
    while i < len(words) and len(lines) < CAPTION_LINES:
        line, i = words[i], i + 1
        while i < len(words) and font.getlength(f"{line} {words[i]}") <= width:
            line, i = f"{line} {words[i]}", i + 1
        lines.append(line if font.getlength(line) <= width else _ellipsised(line, font, width))
    if i < len(words):
        lines[-1] = _ellipsised(lines[-1], font, width)
    return lines


def _ellipsised(line: str, font, width: float) -> str:
    line = line.removesuffix(ELLIPSIS)
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip(" ,.;:") + ELLIPSIS


@functools.cache
def _has_glyph(ch: str) -> bool:
    font = _font(24)
    missing = font.getmask("\uffff")
    mask = font.getmask(ch)
    return mask.size != missing.size or bytes(mask) != bytes(missing)


def printable_caption(caption: str) -> str:
    """The caption as the built-in font can draw it: accents dropped, unknown characters too."""
    decomposed = unicodedata.normalize("NFKD", caption.translate(FOLD))
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in decomposed
        if ch.isspace() or (not unicodedata.combining(ch) and ch.isprintable() and _has_glyph(ch))
    )
    return re.sub(r"\s+", " ", kept).strip()


def _caption_font(size: int):
    return _font(max(10, round(size * 0.036)))


def caption_lines(caption: str, *, size: int) -> list[str]:
    """The caption as drawn on a `size` selfie: at most two lines, an ellipsis if cut."""
    text = printable_caption(caption)
    if not text:
        return []
    return _wrap(text, _caption_font(size), size - 2 * round(size * 0.05))


def _caption(canvas: Image.Image, caption: str) -> None:
    size = canvas.width
    lines = caption_lines(caption, size=size)
    if not lines:
        return
    font = _caption_font(size)
    line_height = round(font.size * 1.3)
    pad = round(size * 0.025)
    top = canvas.height - len(lines) * line_height - 2 * pad
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.rectangle((0, top, canvas.width, canvas.height), fill=(12, 10, 20, 120))
    for i, line in enumerate(lines):
        y = top + pad + i * line_height + line_height // 2
        draw.text((size // 2, y), line, font=font, anchor="mm", fill=(255, 255, 255, 255))


def selfie_picture(
    *,
    scene: Image.Image,
    avatar: Image.Image,
    photo: Image.Image | None,
    caption: str,
    size: int = 1024,
) -> Image.Image:
    """A size x size RGB selfie. Inputs are read, never modified (cached images are shared).

    The avatar stands at the left with a photo, in the middle without, bottom-aligned.
    A pose from half to nine tenths of `size` tall is drawn as it is; any other is
    scaled to `avatar_height(size=..., with_photo=...)`, which costs a resize.
    """
    canvas = _fit(scene, (size, size))
    if photo is not None:
        _polaroid(
            canvas, photo, centre=(round(size * 0.70), round(size * 0.40)), width=round(size * 0.42)
        )
    if not 0.5 * size <= avatar.height <= 0.9 * size:
        height = avatar_height(size=size, with_photo=photo is not None)
        avatar = avatar.resize(
            (round(avatar.width * height / avatar.height), height), Image.Resampling.LANCZOS
        )
    if avatar.mode != "RGBA":
        avatar = avatar.convert("RGBA")
    centre_x = round(size * (0.29 if photo is not None else 0.5))
    at = (centre_x - avatar.width // 2, size - avatar.height)
    canvas.paste(avatar, at, avatar)
    _caption(canvas, caption)
    _ai_label(canvas)
    return canvas


AI_LABEL = "AI-generated"


def _ai_label(canvas: Image.Image) -> None:
    """A small visible label in the top right corner, beside the metadata's marking."""
    size = canvas.width
    font = _font(max(10, round(size * 0.022)))
    pad = round(size * 0.012)
    width = round(font.getlength(AI_LABEL))
    box = (size - width - 3 * pad, pad, size - pad, pad + font.size + 2 * pad)
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.rounded_rectangle(box, radius=pad, fill=(12, 10, 20, 140))
    draw.text(((box[0] + box[2]) // 2, (box[1] + box[3]) // 2), AI_LABEL, font=font, anchor="mm", fill=(255, 255, 255, 235))


def encode_jpeg(image: Image.Image, quality: int = 88, *, xmp: bytes | None = None) -> bytes:
    """JPEG bytes with no EXIF, ICC profile, comment or other metadata but `xmp` if given
    (a generated picture's AI marking: project.images.ai_generated_xmp)."""
    if image.mode != "RGB":
        image = image.convert("RGB")
    if image.info:
        # Pillow's JPEG writer copies a comment from .info; start from bare pixels.
        bare = Image.new("RGB", image.size)
        bare.paste(image)
        image = bare
    buffer = io.BytesIO()
    params = {"xmp": xmp} if xmp else {}
    image.save(buffer, "JPEG", quality=quality, exif=b"", **params)
    return buffer.getvalue()
