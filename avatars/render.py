"""An avatar config drawn as a bust portrait with Pillow: shapes only, no bundled art.

Geometry is laid out on a 1000-unit square and drawn at two to four times the
output size, then reduced, which is the anti-aliasing ImageDraw lacks. Output is
a pure function of (RENDER_VERSION, normalised config, expression, size), so
`avatar_key` can serve as cache key and ETag. Bump RENDER_VERSION whenever a
change alters pixels.
"""

import functools
import hashlib
import io
import itertools
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from avatars.catalog import EXPRESSIONS, colour_hex, validate_config

RENDER_VERSION = 1
MIN_SIZE, MAX_SIZE = 32, 2048
UNITS = 1000

Point = tuple[float, float]
RGBA = tuple[int, int, int, int]


def rgb(hex_: str, alpha: int = 255) -> RGBA:
    value = int(hex_.lstrip("#"), 16)
    return (value >> 16, (value >> 8) & 255, value & 255, alpha)


def mix(a: RGBA, b: RGBA, t: float) -> RGBA:
    red, green, blue, alpha = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return (red, green, blue, alpha)


def shade(colour: RGBA, factor: float) -> RGBA:
    r, g, b, a = colour
    return (round(r * factor), round(g * factor), round(b * factor), a)


def light(colour: RGBA, t: float) -> RGBA:
    return mix(colour, (255, 255, 255, colour[3]), t)


WHITE: RGBA = (255, 255, 255, 255)
INK: RGBA = (46, 30, 28, 255)


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 14) -> list[Point]:
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        ))
    return out


def curve(*points: Point, n: int = 14) -> list[Point]:
    """A chain of cubic segments: start, then (control, control, end) per segment."""
    out = [points[0]]
    for i in range(1, len(points) - 2, 3):
        out.extend(bezier(out[-1], points[i], points[i + 1], points[i + 2], n)[1:])
    return out


def mirror(points: Sequence[Point], cx: float = UNITS / 2) -> list[Point]:
    return [(2 * cx - x, y) for x, y in points]


def ellipse_arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 40):
    return [
        (cx + rx * math.cos(a0 + (a1 - a0) * i / n), cy + ry * math.sin(a0 + (a1 - a0) * i / n))
        for i in range(n + 1)
    ]


class Pen:
    """Draws in units onto an image whose top-left is `origin` (units) at `scale` px per unit."""

    def __init__(
        self, image: Image.Image, scale: float, origin: Point = (0, 0), *, blend: bool = False
    ):
        self.image = image
        # blend: translucent fills mix with what is below instead of replacing it (RGB images).
        self.draw = ImageDraw.Draw(image, "RGBA" if blend else None)
        self.scale = scale
        self.origin = origin

    def px(self, points: Sequence[Point]) -> list[Point]:
        ox, oy, s = self.origin[0], self.origin[1], self.scale
        return [((x - ox) * s, (y - oy) * s) for x, y in points]

    def polygon(self, points: Sequence[Point], fill, outline=None, width: float = 0) -> None:
        self.draw.polygon(self.px(points), fill=fill)
        if outline is not None:
            self.stroke([*points, points[0]], outline, width)

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width: float = 0) -> None:
        (x0, y0), (x1, y1) = self.px([(cx - rx, cy - ry), (cx + rx, cy + ry)])
        w = max(1, round(width * self.scale)) if outline is not None else 0
        self.draw.ellipse((x0, y0, x1, y1), fill=fill, outline=outline, width=w)

    def stroke(self, points: Sequence[Point], fill, width: float, end_width: float | None = None):
        """A polyline with round ends, tapering from `width` to `end_width`."""
        end_width = width if end_width is None else end_width
        n = len(points)
        left, right = [], []
        for i, (x, y) in enumerate(points):
            ax, ay = points[max(i - 1, 0)]
            bx, by = points[min(i + 1, n - 1)]
            dx, dy = bx - ax, by - ay
            length = math.hypot(dx, dy) or 1.0
            half = (width + (end_width - width) * i / max(n - 1, 1)) / 2
            nx, ny = -dy / length * half, dx / length * half
            left.append((x + nx, y + ny))
            right.append((x - nx, y - ny))
        self.draw.polygon(self.px(left + right[::-1]), fill=fill)
        for (x, y), w in ((points[0], width), (points[-1], end_width)):
            self.ellipse(x, y, w / 2, w / 2, fill=fill)


def _clipped(
    pen: Pen, box: tuple[float, float, float, float], mask: Callable[[Pen], None],
    paint: Callable[[Pen], None],
) -> None:
    """Paints `paint` onto pen's image, visible only inside the shape `mask` draws."""
    x0, y0, x1, y1 = box
    s = pen.scale
    size = (max(1, math.ceil((x1 - x0) * s)), max(1, math.ceil((y1 - y0) * s)))
    tile = Image.new("RGBA", size, (0, 0, 0, 0))
    paint(Pen(tile, s, (x0, y0)))
    shape = Image.new("L", size, 0)
    mask(Pen(shape, s, (x0, y0)))
    tile.putalpha(ImageChops.multiply(tile.getchannel("A"), shape))
    ox, oy = round((x0 - pen.origin[0]) * s), round((y0 - pen.origin[1]) * s)
    pen.image.alpha_composite(tile, (max(ox, 0), max(oy, 0)), (max(-ox, 0), max(-oy, 0)))


@dataclass(frozen=True)
class _Look:
    skin: RGBA
    hair: RGBA
    eyes: RGBA
    outfit: RGBA
    accessory: RGBA
    cx: float
    cy: float
    rx: float
    ry: float
    face: tuple[float, float, float]  # bottom exponent, chin taper, top exponent
    neck: float
    shoulder: float


FACES = {
    "oval": (156, 194, (2.0, 0.16, 2.0)),
    "round": (170, 180, (2.1, 0.04, 2.0)),
    "heart": (166, 190, (1.65, 0.30, 2.2)),
    "square": (162, 184, (3.6, 0.10, 2.3)),
}
BODIES = {"slim": (44, 250), "average": (50, 290), "broad": (58, 336)}


def _look(config: dict) -> _Look:
    rx, ry, face = FACES[config["face"]["option"]]
    neck, shoulder = BODIES[config["body"]["option"]]
    skin = rgb(colour_hex("body", config) or "#E8B894")
    hair = colour_hex("hair", config)
    return _Look(
        skin=skin,
        hair=rgb(hair) if hair else shade(skin, 0.45),
        eyes=rgb(colour_hex("eyes", config) or "#6B3E1F"),
        outfit=rgb(colour_hex("outfit", config) or "#2A9D8F"),
        accessory=rgb(colour_hex("accessory", config) or "#222326"),
        cx=500, cy=385, rx=rx, ry=ry, face=face, neck=neck, shoulder=shoulder,
    )


def _head_outline(look: _Look, n: int = 72) -> list[Point]:
    bottom, taper, top = look.face
    points = []
    for i in range(n):
        t = 2 * math.pi * i / n
        c, s = math.cos(t), math.sin(t)
        e = bottom if s > 0 else top
        x = math.copysign(abs(c) ** (2 / e), c) * look.rx
        y = math.copysign(abs(s) ** (2 / e), s) * look.ry
        if y > 0:
            x *= 1 - taper * (y / look.ry) ** 2
        points.append((look.cx + x, look.cy + y))
    return points


# --- body and outfits -------------------------------------------------------

def _torso_side(look: _Look, grow: float = 0) -> list[Point]:
    """The left contour from the base of the neck to below the frame."""
    n, s, c = look.neck + grow, look.shoulder + grow, look.cx
    return curve(
        (c - n, 655 - grow),
        (c - n - 20, 715), (c - s + 70, 712), (c - s + 12, 758),
        (c - s - 8, 780), (c - s - 12, 840), (c - s - 16, 1010),
    )


def _torso_y(look: _Look, x: float) -> float:
    """Height of the shoulder line at x, so straps start on the skin, not above it."""
    side = _torso_side(look)
    x = look.cx - abs(x - look.cx)
    for (x0, y0), (x1, y1) in itertools.pairwise(side):
        if x1 <= x <= x0 and x0 != x1:
            return y0 + (y1 - y0) * (x0 - x) / (x0 - x1)
    return side[0][1]


def oval(cx: float, cy: float, rx: float, ry: float, angle: float, n: int = 36) -> list[Point]:
    ca, sa = math.cos(angle), math.sin(angle)
    points = []
    for i in range(n):
        x, y = rx * math.cos(2 * math.pi * i / n), ry * math.sin(2 * math.pi * i / n)
        points.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return points


def _torso(look: _Look, grow: float = 0) -> list[Point]:
    side = _torso_side(look, grow)
    return side + mirror(side)[::-1]


def _with_neckline(
    look: _Look, depth: float, grow: float = 4, wide: float = 10
) -> tuple[list[Point], list[Point]]:
    """A sleeved top's outline and its neckline, which starts on the shoulder line."""
    side = _torso_side(look, grow)
    x = side[0][0] - wide
    side = [(x, max(side[0][1], _torso_y(look, x) - grow))] + [p for p in side[1:] if p[0] < x]
    c, top = look.cx, side[0]
    neckline = curve(
        (2 * c - top[0], top[1]), (2 * c - top[0] - 8, top[1] + depth * 0.9),
        (c + 40, top[1] + depth), (c, top[1] + depth),
        (c - 40, top[1] + depth), (top[0] + 8, top[1] + depth * 0.9), top,
    )
    return neckline + side[1:] + mirror(side)[::-1][:-1], neckline


def _body(pen: Pen, look: _Look) -> None:
    skin, c = look.skin, look.cx
    pen.polygon(_torso(look), skin)
    n = look.neck
    pen.polygon([(c - n, 470), (c + n, 470), (c + n, 690), (c - n, 690)], skin)
    pen.ellipse(c, 585, look.neck, 42, fill=shade(skin, 0.86))
    for sign in (-1, 1):
        pen.stroke(curve((c + sign * 28, 735), (c + sign * 60, 722), (c + sign * 100, 722),
                          (c + sign * 140, 732)), shade(skin, 0.88), 5, 2)


def _sleeveless(look: _Look, strap_in: float, strap_out: float, neck_depth: float, v: bool = False):
    c, n, s = look.cx, look.neck, look.shoulder
    y_in, y_out = _torso_y(look, c - n - strap_in) + 2, _torso_y(look, c - n - strap_out) + 2
    left = curve(
        (c - n - strap_in, y_in), (c - n - strap_in, y_in), (c - n - strap_out, y_out),
        (c - n - strap_out, y_out),
        (c - n - strap_out - 6, 760), (c - s + 40, 790), (c - s + 52, 860),
        (c - s + 50, 920), (c - s + 48, 960), (c - s + 48, 1010),
    )
    if v:
        dip = curve((c, 664 + neck_depth), (c - 20, 624 + neck_depth), (c - n - strap_in + 10, 700),
                     (c - n - strap_in, y_in))
    else:
        dip = curve((c, 664 + neck_depth), (c - 60, 664 + neck_depth), (c - n - strap_in, 720),
                     (c - n - strap_in, y_in))
    half = dip + left[1:]
    return half + mirror(half)[::-1]


def _hood(pen: Pen, look: _Look) -> None:
    """The hoodie's hood, lying behind the neck: drawn before the body."""
    c, n = look.cx, look.neck
    hood = curve((c - n - 90, 700), (c - n - 110, 600), (c + n + 110, 600), (c + n + 90, 700))
    pen.polygon(hood, shade(look.outfit, 0.72))


def _outfit(pen: Pen, look: _Look, code: str) -> None:
    colour, c, n, s = look.outfit, look.cx, look.neck, look.shoulder
    dark, darker = shade(colour, 0.82), shade(colour, 0.68)
    edge = 3.0
    if code in ("tank_top", "swimwear", "low_cut"):
        for sign in (-1, 1):
            arm = [(c + sign * (s - 46), 840), (c + sign * (s - 44), 1010)]
            pen.stroke(arm, shade(look.skin, 0.85), 4)
    if code == "hoodie":
        body, neckline = _with_neckline(look, 34, wide=14)
        pen.polygon(body, colour, darker, edge)
        pen.stroke(neckline, dark, 22)
        for sign in (-1, 1):
            cord = [(c + sign * 26, 700), (c + sign * 30, 760), (c + sign * 34, 830)]
            pen.stroke(cord, light(colour, 0.75), 8)
            pen.stroke([(c + sign * 34, 830), (c + sign * 35, 852)], shade(colour, 0.5), 9)
        for sign in (-1, 1):
            pen.stroke(curve((c + sign * (s - 70), 760), (c + sign * (s - 80), 840),
                              (c + sign * (s - 70), 920), (c + sign * (s - 62), 1010)), dark, 4)
    elif code == "tshirt":
        body, neckline = _with_neckline(look, 42)
        pen.polygon(body, colour, darker, edge)
        pen.stroke(neckline, dark, 10)
        for sign in (-1, 1):
            pen.stroke(curve((c + sign * (s - 60), 742), (c + sign * (s - 76), 820),
                              (c + sign * (s - 66), 920), (c + sign * (s - 58), 1010)), dark, 4)
        pen.polygon([(c + 70, 830), (c + 130, 830), (c + 130, 886), (c + 100, 898), (c + 70, 886)],
                    colour, dark, 3)
    elif code == "sweater":
        body, collar = _with_neckline(look, 36)
        pen.polygon(body, colour, darker, edge)
        pen.stroke(collar, dark, 20)
        for x, y in collar[1:-1:2]:
            pen.stroke([(x, y - 8), (x, y + 8)], darker, 2.5)
        for cxb in (c - 115, c + 115):
            for y in range(770, 1010, 36):
                pen.stroke([(cxb - 16, y), (cxb, y + 18), (cxb + 16, y)], light(colour, 0.25), 7)
    elif code == "dress":
        body, neckline = _with_neckline(look, 70, wide=30)
        pen.polygon(body, colour, darker, edge)
        pen.stroke(neckline, light(colour, 0.6), 9)
        slope = math.atan2(758 - 655, s - n)
        for sign in (-1, 1):
            x = c + sign * (s - 52)
            pen.polygon(oval(x, 772, 54, 36, -sign * slope), colour, darker, edge)
            pen.stroke(curve((x - sign * 34, 768), (x - sign * 10, 752), (x + sign * 16, 756),
                              (x + sign * 36, 770)), light(colour, 0.3), 6, 3)
    elif code == "suit":
        pen.polygon(_with_neckline(look, 20)[0], colour, darker, edge)
        shirt = [(c - n - 12, 650), (c + n + 12, 650), (c, 930)]
        pen.polygon(shirt, (246, 244, 240, 255))
        tie = rgb("#7A1F2B") if colour[0] < 150 or colour[2] > colour[0] else rgb("#27385E")
        pen.polygon([(c - 14, 700), (c + 14, 700), (c + 22, 860), (c, 900), (c - 22, 860)], tie)
        pen.polygon([(c - 18, 680), (c + 18, 680), (c + 12, 706), (c - 12, 706)], shade(tie, 0.85))
        for sign in (-1, 1):
            collar = [(c + sign * (n + 12), 648), (c + sign * 4, 690), (c + sign * (n + 6), 716)]
            pen.polygon(collar, (232, 230, 226, 255), (200, 198, 194, 255), 2.5)
            lapel = [(c + sign * (n + 14), 650), (c + sign * 2, 935), (c + sign * 60, 820),
                     (c + sign * 86, 780), (c + sign * (n + 40), 700)]
            pen.polygon(lapel, dark, darker, 2.5)
    elif code == "tank_top":
        pen.polygon(_sleeveless(look, 14, 58, 112), colour, darker, edge)
    elif code == "swimwear":
        for sign in (-1, 1):
            top = (c + sign * (n + 16), _torso_y(look, c + sign * (n + 16)) + 4)
            pen.stroke([top, (c + sign * (n + 28), 760), (c + sign * 118, 880)], dark, 10)
        half = curve((c, 905), (c - 50, 860), (c - 120, 850), (c - s + 52, 890))
        half.append((c - s + 48, 1010))
        pen.polygon(half + mirror(half)[::-1], colour, darker, edge)
    elif code == "low_cut":
        pen.polygon(_sleeveless(look, 30, 80, 230, v=True), colour, darker, edge)


# --- head --------------------------------------------------------------------

def _ears(pen: Pen, look: _Look) -> None:
    for sign in (-1, 1):
        x = look.cx + sign * (look.rx - 8)
        pen.ellipse(x, look.cy + 22, 28, 44, fill=look.skin, outline=shade(look.skin, 0.8), width=3)
        pen.ellipse(x + sign * 4, look.cy + 22, 13, 26, fill=shade(look.skin, 0.86))


def _head(pen: Pen, look: _Look) -> None:
    _ears(pen, look)
    pen.polygon(_head_outline(look), look.skin, shade(look.skin, 0.8), 3)


BLUSH = {"neutral": 60, "happy": 105, "sad": 25, "surprised": 70, "love": 170, "sleepy": 70}


def _blush(pen: Pen, look: _Look, expression: str) -> None:
    x0, y0, w, h = look.cx - 160, look.cy + 45, 320, 90
    scale = 0.5  # drawn at half a unit per pixel: a soft blob needs no detail
    tile = Image.new("RGBA", (round(w * scale), round(h * scale)), (0, 0, 0, 0))
    sub = Pen(tile, scale, (x0, y0))
    colour = (240, 110, 120, BLUSH[expression])
    for sign in (-1, 1):
        sub.ellipse(look.cx + sign * 96, look.cy + 90, 34, 17, fill=colour)
    size = (round(w * pen.scale), round(h * pen.scale))
    tile = tile.filter(ImageFilter.GaussianBlur(4)).resize(size, Image.Resampling.BILINEAR)
    face = Image.new("L", size, 0)
    Pen(face, pen.scale, (x0, y0)).polygon(_head_outline(look), 255)
    tile.putalpha(ImageChops.multiply(tile.getchannel("A"), face))
    pen.image.alpha_composite(tile, (round(x0 * pen.scale), round(y0 * pen.scale)))


EYE_SHAPES = {
    # half-width, half-height above, below, outer-corner lift, lid openness
    "round": (27, 25, 25, 0, 1.0),
    "almond": (32, 21, 15, 6, 1.0),
    "sleepy": (31, 20, 18, 2, 0.62),
}
BROWS = {  # inner, middle, outer offsets from the resting line
    "neutral": (0, -8, 2),
    "happy": (-6, -16, -4),
    "sad": (-18, -6, 8),
    "surprised": (-26, -36, -22),
    "love": (-8, -16, -4),
    "sleepy": (6, 2, 8),
}


def _eye_edges(shape: str, expression: str, cx: float, cy: float, sign: int):
    w, up, down, lift, opening = EYE_SHAPES[shape]
    if expression == "surprised":
        w, up, down = w * 1.12, up * 1.3, down * 1.25
    if expression == "sleepy":
        opening = min(opening, 0.3)
    upper, lower = [], []
    for i in range(21):
        t = -1 + 2 * i / 20  # -1 at the inner corner, 1 at the outer
        k = max(0.0, 1 - t * t)
        y_lift = -lift * t
        top = -up * k ** (0.5 if shape == "round" else 0.75) + y_lift
        bottom = down * k ** (0.5 if shape == "round" else 1.1) + y_lift
        o = opening
        if expression == "sad":
            o *= 0.95 - 0.3 * (t + 1) / 2
        upper.append((cx + sign * w * t, cy + bottom + (top - bottom) * o))
        lower.append((cx + sign * w * t, cy + bottom))
    return upper, lower, w


def _heart(cx: float, cy: float, r: float) -> list[Point]:
    pts = []
    for i in range(48):
        t = 2 * math.pi * i / 48
        x = 16 * math.sin(t) ** 3
        y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        pts.append((cx + x * r / 16, cy + y * r / 16))
    return pts


def _eye(pen: Pen, look: _Look, shape: str, expression: str, sign: int) -> None:
    cx, cy = look.cx + sign * 68, look.cy + 18
    if expression == "happy":
        arc = ellipse_arc(cx, cy + 8, 26, 20, math.pi + 0.35, 2 * math.pi - 0.35, 16)
        pen.stroke(arc, INK, 8)
        return
    if expression == "love":
        heart = _heart(cx, cy, 30)
        pen.polygon(heart, (226, 62, 96, 255), (170, 36, 66, 255), 3)
        pen.ellipse(cx - 11, cy - 10, 7, 5, fill=(255, 214, 224, 255))
        return
    upper, lower, w = _eye_edges(shape, expression, cx, cy, sign)
    opening = upper + lower[::-1]
    iris_r = 13 if expression == "surprised" else 18
    iy = cy + 2
    box = (cx - w - 4, cy - 40, cx + w + 4, cy + 36)

    def paint(p: Pen) -> None:
        p.polygon(opening, WHITE)
        p.ellipse(cx, iy, iris_r, iris_r, fill=look.eyes, outline=shade(look.eyes, 0.6), width=2.5)
        p.ellipse(cx, iy, iris_r * 0.5, iris_r * 0.5, fill=(24, 18, 18, 255))
        p.ellipse(cx - 6, iy - 7, 5, 5, fill=WHITE)
        p.ellipse(cx + 5, iy + 6, 2.5, 2.5, fill=(255, 255, 255, 200))

    _clipped(pen, box, lambda p: p.polygon(opening, 255), paint)
    pen.stroke(upper, INK, 6, 7)
    outer = upper[-1]
    pen.stroke([outer, (outer[0] + sign * 9, outer[1] - 7)], INK, 5, 2)
    pen.stroke(lower[4:-4], shade(look.skin, 0.78), 2.5)
    if expression == "sad" and sign == 1:
        x, y = cx + 18, cy + 34
        pen.polygon(curve((x, y), (x - 3, y + 10), (x - 12, y + 20), (x - 12, y + 27),
                           (x - 12, y + 40), (x + 12, y + 40), (x + 12, y + 27),
                           (x + 12, y + 20), (x + 3, y + 10), (x, y), n=8), (140, 200, 240, 255))


def _brow(pen: Pen, look: _Look, expression: str, sign: int) -> None:
    inner, mid, outer = BROWS[expression]
    base_x, base_y = look.cx + sign * 68, look.cy - 40
    points = curve(
        (base_x - sign * 30, base_y + inner),
        (base_x - sign * 12, base_y + mid), (base_x + sign * 14, base_y + mid),
        (base_x + sign * 40, base_y + outer), n=10,
    )
    colour = shade(look.hair, 0.8) if sum(look.hair[:3]) < 600 else shade(look.hair, 0.62)
    pen.stroke(points, colour, 13, 6)


def _mouth(pen: Pen, look: _Look, expression: str) -> None:
    c, y = look.cx, look.cy + 138
    lip = mix(shade(look.skin, 0.62), (170, 60, 70, 255), 0.35)
    inside = (92, 30, 38, 255)
    if expression == "neutral":
        pen.stroke(curve((c - 30, y), (c - 12, y + 10), (c + 12, y + 10), (c + 30, y)), lip, 7)
    elif expression == "sad":
        frown = curve((c - 28, y + 12), (c - 12, y - 4), (c + 12, y - 4), (c + 28, y + 12))
        pen.stroke(frown, lip, 7)
    elif expression == "love":
        smile = curve((c - 40, y - 6), (c - 20, y + 22), (c + 20, y + 22), (c + 40, y - 6))
        pen.stroke(smile, lip, 8)
        pen.stroke([(c - 44, y - 2), (c - 38, y - 10)], lip, 5)
        pen.stroke([(c + 44, y - 2), (c + 38, y - 10)], lip, 5)
    elif expression in ("happy", "surprised", "sleepy"):
        if expression == "happy":
            shape = curve((c - 44, y - 6), (c - 20, y - 2), (c + 20, y - 2), (c + 44, y - 6),
                           (c + 36, y + 36), (c - 36, y + 36), (c - 44, y - 6))
        elif expression == "surprised":
            shape = ellipse_arc(c, y + 10, 19, 25, 0, 2 * math.pi, 36)
        else:
            shape = ellipse_arc(c, y + 6, 11, 13, 0, 2 * math.pi, 28)

        def paint(p: Pen) -> None:
            p.polygon(shape, inside)
            if expression == "happy":
                teeth = [(c - 44, y - 10), (c + 44, y - 10), (c + 40, y + 8), (c - 40, y + 8)]
                p.polygon(teeth, WHITE)
            p.ellipse(c, y + 40, 30, 18, fill=(226, 110, 120, 255))

        _clipped(pen, (c - 50, y - 20, c + 50, y + 44), lambda p: p.polygon(shape, 255), paint)
        pen.polygon(shape, None, lip, 4)


def _nose(pen: Pen, look: _Look) -> None:
    c, y = look.cx, look.cy + 88
    tip = curve((c - 12, y), (c - 6, y + 8), (c + 6, y + 8), (c + 12, y))
    pen.stroke(tip, shade(look.skin, 0.76), 5, 4)


def _sleepy_z(pen: Pen, look: _Look) -> None:
    colour = (112, 128, 200, 255)
    x, y = look.cx + look.rx + 30, look.cy - look.ry + 40
    for size, dx, dy in ((22, 0, 0), (30, 34, -46), (40, 78, -104)):
        x0, y0 = x + dx, y + dy
        z = [(x0, y0), (x0 + size, y0), (x0, y0 + size), (x0 + size, y0 + size)]
        pen.stroke(z, colour, size / 4)


# --- hair --------------------------------------------------------------------

def _cap(look: _Look, pad: float, drop: float, flare: float = 0) -> list[Point]:
    """Outer contour of hair on the head: over the top, down both sides to `drop` below cy."""
    rx, ry = look.rx + pad, look.ry + pad * 1.2
    arc = ellipse_arc(look.cx, look.cy + 5, rx, ry, math.pi, 2 * math.pi, 36)
    if drop <= 5:
        return arc
    return [(look.cx - rx - flare, look.cy + drop)] + arc + [(look.cx + rx + flare, look.cy + drop)]


def _strands(pen: Pen, colour: RGBA, lines: Sequence[Sequence[Point]]) -> None:
    for line in lines:
        pen.stroke(curve(*line, n=10), colour, 5, 2)


def _hair_back(pen: Pen, look: _Look, style: str) -> None:
    hair, c, cy, rx, ry = look.hair, look.cx, look.cy, look.rx, look.ry
    dark = shade(hair, 0.8)
    if style == "long":
        outline = _cap(look, 24, 0) + curve(
            (c + rx + 24, cy + 5), (c + rx + 40, cy + 200), (c + rx + 90, cy + 330),
            (c + rx + 70, cy + 470), (c + 120, cy + 500), (c - 120, cy + 500),
            (c - rx - 70, cy + 470), (c - rx - 90, cy + 330), (c - rx - 40, cy + 200),
            (c - rx - 24, cy + 5),
        )
        pen.polygon(outline, shade(hair, 0.72), shade(hair, 0.6), 3)
    elif style == "bob":
        pen.polygon(_cap(look, 30, 120, 18), dark, shade(hair, 0.65), 3)
    elif style == "curly":
        for i in range(24):
            a = math.pi * (0.82 + 1.36 * i / 23)
            r = 46 if i % 2 else 40
            pen.ellipse(c + (rx + 22) * math.cos(a), cy - 10 + (ry + 18) * math.sin(a), r, r,
                        fill=dark, outline=shade(hair, 0.65), width=3)
        for sign in (-1, 1):
            for k, y in enumerate((cy + 70, cy + 125, cy + 175)):
                pen.ellipse(c + sign * (rx + 12 - 4 * k), y, 40 - 3 * k, 40 - 3 * k, fill=dark,
                            outline=shade(hair, 0.65), width=3)
    elif style == "ponytail":
        tail = curve((c + rx - 40, cy - ry + 40), (c + rx + 90, cy - 120), (c + rx + 110, cy + 120),
                      (c + rx + 40, cy + 330), (c + rx + 50, cy + 150), (c + rx - 10, cy - 20),
                      (c + rx - 40, cy - ry + 40))
        pen.polygon(tail, dark, shade(hair, 0.65), 3)
        _strands(pen, shade(hair, 0.68), [
            ((c + rx + 40, cy - 60), (c + rx + 80, cy + 20), (c + rx + 80, cy + 140),
             (c + rx + 50, cy + 260)),
        ])
    elif style == "bun":
        bx, by = c, cy - ry - 30
        pen.ellipse(bx, by, 66, 58, fill=dark, outline=shade(hair, 0.65), width=3)
        coil = ellipse_arc(bx, by, 40, 32, math.pi * 1.1, math.pi * 2.2, 16)
        pen.stroke(coil, shade(hair, 0.65), 5, 2)


def _hair_front(pen: Pen, look: _Look, style: str) -> None:
    hair, c, cy, rx, ry = look.hair, look.cx, look.cy, look.rx, look.ry
    line, shine = shade(hair, 0.7), light(hair, 0.22)
    if style == "bald":
        pen.ellipse(c - 40, cy - ry + 45, 55, 22, fill=light(look.skin, 0.25))
        return
    if style == "buzz":
        cap = _cap(look, 4, -10) + curve(
            (c + rx - 4, cy - 10), (c + rx - 20, cy - 80), (c + 60, cy - 118), (c, cy - 120),
            (c - 60, cy - 118), (c - rx + 20, cy - 80), (c - rx + 4, cy - 10),
        )
        pen.polygon(cap, mix(hair, look.skin, 0.45))
        return
    if style == "short":
        cap = _cap(look, 16, 0) + curve(
            (c + rx + 16, cy + 5), (c + rx + 8, cy - 10), (c + rx - 4, cy - 30),
            (c + rx - 6, cy - 60),
            (c + rx - 30, cy - 110), (c + 100, cy - 135), (c + 30, cy - 115),
            (c - 40, cy - 90), (c - rx + 40, cy - 70), (c - rx + 4, cy - 30),
            (c - rx - 4, cy - 10), (c - rx - 10, cy - 5), (c - rx - 16, cy + 5),
        )
        pen.polygon(cap, hair, line, 3)
        _strands(pen, line, [
            ((c + 40, cy - ry - 5), (c + 20, cy - 150), (c - 30, cy - 120), (c - 90, cy - 95)),
            ((c + 100, cy - ry + 10), (c + 90, cy - 160), (c + 60, cy - 130), (c + 10, cy - 118)),
        ])
    elif style == "long":
        drop, inner = 470, 12
        side = curve(  # the right lock, from the crown down past the shoulder and back up
            (c + rx + 24, cy + 5), (c + rx + 40, cy + 200), (c + rx + 95, cy + 330),
            (c + rx + 70, cy + drop), (c + rx + 40, cy + drop + 10),
            (c + rx + 20, cy + drop - 40), (c + rx + 10, cy + drop - 60),
            (c + rx + 20, cy + 200), (c + rx - inner, cy + 100), (c + rx - inner, cy - 20),
        )
        part = curve(
            (c + rx - inner, cy - 20), (c + rx - 30, cy - 110), (c + 60, cy - 150),
            (c + 15, cy - ry + 20), (c - 30, cy - 130), (c - rx + 20, cy - 110),
            (c - rx + inner, cy - 20),
        )
        pen.polygon(_cap(look, 24, 0) + side + part + mirror(side)[::-1], hair, line, 3)
        crown = (c + 15, cy - ry + 20)
        _strands(pen, line, [
            (crown, (c - 50, cy - 150), (c - rx, cy - 80), (c - rx - 20, cy + 60)),
            (crown, (c + 80, cy - 150), (c + rx + 5, cy - 80), (c + rx + 25, cy + 60)),
            *[
                ((c + k * (rx + 25), cy + 140), (c + k * (rx + 50), cy + 240),
                 (c + k * (rx + 70), cy + 330), (c + k * (rx + 55), cy + 420))
                for k in (-1, 1)
            ],
        ])
    elif style == "bob":
        drop, flare, inner = 190, 18, 22
        side = curve(  # the right panel: its lower edge, then up along the cheek to the fringe
            (c + rx + 30 + flare, cy + drop), (c + rx + 10, cy + drop + 4),
            (c + rx - 4, cy + drop), (c + rx - inner + 6, cy + drop - 10),
            (c + rx - inner, cy + 60), (c + rx - inner, cy - 20), (c + rx - inner - 8, cy - 72),
        )
        fringe = curve((c + rx - inner - 8, cy - 72), (c + 60, cy - 62), (c - 60, cy - 62),
                       (c - rx + inner + 8, cy - 72))
        pen.polygon(_cap(look, 30, drop, flare) + side + fringe[1:-1] + mirror(side)[::-1],
                    hair, line, 3)
        for x in (-90, -40, 10, 60):
            pen.stroke([(c + x + 10, cy - 120), (c + x, cy - 70)], line, 4, 2)
        highlight = ellipse_arc(c, cy - 20, rx + 6, ry + 12, math.pi * 1.2, math.pi * 1.4, 10)
        pen.stroke(highlight, shine, 9, 3)
    elif style == "curly":
        for i in range(13):
            a = math.pi * (1.0 + i / 12)
            x = c + (rx + 4) * math.cos(a)
            y = cy - 20 + (ry + 4) * math.sin(a)
            r = 32 if i % 2 else 37
            pen.ellipse(x, y, r, r, fill=hair, outline=line, width=3)
            curl = ellipse_arc(x, y, r * 0.55, r * 0.55, math.pi, math.pi * 1.6, 8)
            pen.stroke(curl, shine, 5, 2)
        for i in range(7):
            a = math.pi * (1.15 + 0.7 * i / 6)
            x = c + (rx - 45) * math.cos(a)
            y = cy - 40 + (ry - 40) * math.sin(a)
            pen.ellipse(x, y, 33, 33, fill=hair, outline=line, width=3)
            pen.stroke(ellipse_arc(x, y, 18, 18, math.pi, math.pi * 1.6, 8), shine, 5, 2)
    elif style in ("ponytail", "bun"):
        cap = _cap(look, 10, -10) + curve(
            (c + rx + 8, cy - 10), (c + rx - 6, cy - 30), (c + rx - 10, cy - 60),
            (c + rx - 20, cy - 90),
            (c + 60, cy - 150), (c + 20, cy - 140), (c - 30, cy - 128),
            (c - 90, cy - 120), (c - rx + 10, cy - 80), (c - rx + 4, cy - 40),
            (c - rx - 4, cy - 20), (c - rx - 8, cy - 10), (c - rx - 8, cy - 10),
        )
        pen.polygon(cap, hair, line, 3)
        _strands(pen, line, [
            ((c - 30, cy - 128), (c - 10, cy - 180), (c + 20, cy - ry), (c + 40, cy - ry - 12)),
            ((c - 100, cy - 110), (c - 90, cy - 170), (c - 40, cy - ry), (c - 10, cy - ry - 12)),
            ((c + 70, cy - 140), (c + 90, cy - 180), (c + 110, cy - ry + 10),
             (c + 110, cy - ry + 20)),
        ])
        if style == "ponytail":
            pen.polygon(oval(c + rx + 16, cy - 92, 24, 14, -0.5), shade(look.outfit, 0.9),
                        shade(look.outfit, 0.7), 3)
        else:
            pen.polygon(oval(c, cy - ry - 14, 34, 11, 0), shade(hair, 0.6))
    pen.stroke(ellipse_arc(c, cy, rx + 2, ry + 14, math.pi * 1.25, math.pi * 1.42, 10), shine, 8, 3)


# --- accessories -------------------------------------------------------------

def _scarf(pen: Pen, look: _Look) -> None:
    colour, c, n = look.accessory, look.cx, look.neck
    dark = shade(colour, 0.78)
    band = curve((c - n - 46, 640), (c - n - 30, 720), (c + n + 30, 720), (c + n + 46, 640),
                  (c + n + 60, 690), (c + n + 30, 760), (c, 768), (c - n - 30, 760),
                  (c - n - 60, 690), (c - n - 46, 640))
    pen.polygon(band, colour, dark, 3)
    tail = [(c + 30, 740), (c + 96, 748), (c + 110, 1010), (c + 40, 1010)]
    pen.polygon(tail, colour, dark, 3)
    for y in (930, 960):
        pen.stroke([(c + 48, y), (c + 106, y)], light(colour, 0.5), 8)
    pen.stroke(curve((c - n - 30, 700), (c - 10, 738), (c + 10, 738), (c + n + 30, 700)), dark, 5)


def _earrings(pen: Pen, look: _Look) -> None:
    for sign in (-1, 1):
        x = look.cx + sign * (look.rx - 6)
        pen.ellipse(x, look.cy + 82, 13, 13, outline=look.accessory, width=5)
        pen.ellipse(x, look.cy + 66, 5, 5, fill=light(look.accessory, 0.4))


def _glasses(pen: Pen, look: _Look, dark_lenses: bool) -> None:
    frame, c, y = look.accessory, look.cx, look.cy + 18
    lens = (28, 32, 42, 255) if dark_lenses else (220, 236, 255, 70)
    for sign in (-1, 1):
        x = c + sign * 68
        if dark_lenses:
            pen.ellipse(x, y, 46, 38, fill=lens)
            pen.stroke([(x - 22, y - 12), (x - 6, y - 26)], (255, 255, 255, 150), 6)
        else:
            tile_box = (x - 48, y - 40, x + 48, y + 40)
            _clipped(pen, tile_box, lambda p, x=x: p.ellipse(x, y, 46, 38, fill=255),
                     lambda p, x=x: p.ellipse(x, y, 46, 38, fill=lens))
        pen.ellipse(x, y, 46, 38, outline=frame, width=7)
        pen.stroke([(x + sign * 44, y - 8), (c + sign * (look.rx - 2), y - 4)], frame, 7)
    bridge = curve((c - 24, y - 6), (c - 10, y - 18), (c + 10, y - 18), (c + 24, y - 6))
    pen.stroke(bridge, frame, 7)


def _hat(pen: Pen, look: _Look) -> None:
    colour, c, cy, rx, ry = look.accessory, look.cx, look.cy, look.rx, look.ry
    dark, pompom = shade(colour, 0.8), light(colour, 0.35)
    dome = ellipse_arc(c, cy - 80, rx + 20, ry + 4, math.pi, 2 * math.pi, 36)
    pen.polygon(dome, colour, dark, 3)
    for k in range(-4, 5):
        pen.stroke([(c + k * 34, cy - 100), (c + k * 24, cy - ry - 40 + abs(k) * 12)], dark, 4)
    band = [(c - rx - 30, cy - 122), (c + rx + 30, cy - 122), (c + rx + 34, cy - 60),
            (c - rx - 34, cy - 60)]
    pen.polygon(band, dark, shade(colour, 0.65), 3)
    for k in range(-9, 10):
        x = c + k * (rx + 28) / 9.5
        pen.stroke([(x, cy - 114), (x, cy - 68)], shade(colour, 0.7), 4)
    pen.ellipse(c, cy - ry - 84, 38, 36, fill=pompom, outline=dark, width=3)


# --- public ------------------------------------------------------------------

def _supersampling(size: int) -> int:
    return max(2, min(4, round(1536 / size)))


def canonical(config: dict, *, expression: str, size: int) -> str:
    return json.dumps(
        [RENDER_VERSION, config, expression, size], sort_keys=True, separators=(",", ":")
    )


def _checked(config: dict, expression: str, size: int) -> dict:
    if expression not in EXPRESSIONS:
        raise ValueError(f"Unknown expression {expression!r}.")
    if not isinstance(size, int) or not MIN_SIZE <= size <= MAX_SIZE:
        raise ValueError(f"Size must be an int from {MIN_SIZE} to {MAX_SIZE}.")
    return validate_config(config, minor=False)


def avatar_key(config: dict, *, expression: str, size: int) -> str:
    """sha256 of what the picture depends on: the cache key and ETag of a render."""
    normalised = _checked(config, expression, size)
    text = canonical(normalised, expression=expression, size=size)
    return hashlib.sha256(text.encode()).hexdigest()


def render_avatar(config: dict, *, expression: str, size: int) -> Image.Image:
    """The avatar as a size x size RGBA bust on a transparent background.

    `config` is validated and normalised first (AvatarConfigError if invalid); it is
    drawn as given, so for a minor pass `modest_config(config)`.
    """
    config = _checked(config, expression, size)
    look = _look(config)
    factor = _supersampling(size)
    canvas = Image.new("RGBA", (size * factor, size * factor), (0, 0, 0, 0))
    pen = Pen(canvas, size * factor / UNITS)
    hair = config["hair"]["option"]
    accessory = config["accessory"]["option"]

    _hair_back(pen, look, hair)
    if config["outfit"]["option"] == "hoodie":
        _hood(pen, look)
    _body(pen, look)
    _outfit(pen, look, config["outfit"]["option"])
    if accessory == "scarf":
        _scarf(pen, look)
    _head(pen, look)
    _blush(pen, look, expression)
    _nose(pen, look)
    _mouth(pen, look, expression)
    for sign in (-1, 1):
        _eye(pen, look, config["eyes"]["option"], expression, sign)
        _brow(pen, look, expression, sign)
    _hair_front(pen, look, hair)
    if accessory == "earrings":
        _earrings(pen, look)
    elif accessory in ("glasses", "sunglasses"):
        _glasses(pen, look, accessory == "sunglasses")
    elif accessory == "hat":
        _hat(pen, look)
    if expression == "sleepy":
        _sleepy_z(pen, look)
    # A box reduction is the exact coverage average of each output pixel's subsamples,
    # and several times cheaper than LANCZOS at these sizes.
    return canvas.reduce(factor)


def render_avatar_png(config: dict, *, expression: str, size: int) -> bytes:
    buffer = io.BytesIO()
    render_avatar(config, expression=expression, size=size).save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def _with_shadow(avatar: Image.Image) -> Image.Image:
    """The avatar over a soft drop shadow of itself, which makes it stand out of a scene."""
    alpha = avatar.getchannel("A")
    blur = max(1.0, avatar.height / 320)  # in quarter-size pixels
    soft = alpha.reduce(4).filter(ImageFilter.GaussianBlur(blur)).point(lambda v: v * 35 // 100)
    mask = Image.new("L", avatar.size, 0)
    mask.paste(soft.resize(alpha.size, Image.Resampling.BILINEAR),
               (round(avatar.width * 0.017), round(avatar.height * 0.011)))
    posed = Image.new("RGBA", avatar.size, (0, 0, 0, 0))
    posed.putalpha(mask)
    posed.alpha_composite(avatar)
    return posed


@functools.lru_cache(maxsize=64)
def _pose(key: str, config_json: str, expression: str, height: int) -> Image.Image:
    return _with_shadow(render_avatar(json.loads(config_json), expression=expression, size=height))


def render_pose(config: dict, *, expression: str, height: int) -> Image.Image:
    """The avatar `height` pixels tall over its soft drop shadow, for selfies.

    Cached per process by avatar_key and shared between callers: composite it,
    never draw on it.
    """
    key = avatar_key(config, expression=expression, size=height)
    normalised = json.dumps(validate_config(config, minor=False), sort_keys=True)
    return _pose(key, normalised, expression, height)
