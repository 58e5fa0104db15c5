"""Selfie destinations: a name and prompt for each, and a backdrop drawn with Pillow.

Backdrops use the avatar's 1000-unit layout and supersampling. Any scatter (stars,
snow, windows, leaves) comes from a Random seeded with the destination's code, so
a scene is the same picture on every machine and `render_scene` can cache it.
"""

import functools
import itertools
import math
import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageFilter, ImageFont

from avatars.render import UNITS, Pen, Point, curve, light, mirror, mix, oval, rgb, shade

DESTINATIONS: tuple[dict, ...] = (
    {
        "code": "beach_sunset",
        "name": "Beach at sunset",
        "prompt": (
            "A tropical beach at sunset: a violet and orange sky, the sun half-set over a "
            "calm sea, palm trees and soft golden sand"
        ),
    },
    {
        "code": "paris_night",
        "name": "Paris at night",
        "prompt": (
            "Paris at night: the Eiffel Tower lit gold and sparkling against a deep blue "
            "starry sky, rooftops with warm windows along the Seine"
        ),
    },
    {
        "code": "snowy_mountains",
        "name": "Snowy mountains",
        "prompt": (
            "Snow-capped alpine peaks under a clear winter sky, snowy pine trees and gently "
            "falling snow"
        ),
    },
    {
        "code": "kyoto_temple",
        "name": "Kyoto temple in autumn",
        "prompt": (
            "A Kyoto temple in autumn: a five-storey pagoda and a red torii gate among red "
            "maple trees in the golden evening light"
        ),
    },
    {
        "code": "neon_city",
        "name": "Neon city at night",
        "prompt": (
            "A rainy city street at night glowing with pink, cyan and yellow neon signs, "
            "their colours reflected on the wet pavement"
        ),
    },
    {
        "code": "aurora_lake",
        "name": "Northern lights over a lake",
        "prompt": (
            "Green and violet northern lights over a still mountain lake, a starry sky and "
            "dark pine silhouettes on the shore"
        ),
    },
    {
        "code": "lavender_fields",
        "name": "Lavender fields",
        "prompt": (
            "Rows of purple lavender in Provence under a warm summer sky, cypress trees and a"
            " stone farmhouse in the distance"
        ),
    },
)
_BY_CODE = {d["code"]: d for d in DESTINATIONS}

SUPERSAMPLING = 2


def destination_get(code: str) -> dict | None:
    return _BY_CODE.get(code)


def _gradient(size: tuple[int, int], stops: Sequence[tuple[float, str]]) -> Image.Image:
    """A vertical gradient through (position 0..1, hex) stops, as an RGB image."""
    steps = 256
    colours = [(pos, rgb(hex_)) for pos, hex_ in stops]
    column = bytearray()
    for y in range(steps):
        t = y / (steps - 1)
        for (p0, c0), (p1, c1) in itertools.pairwise(colours):
            if t <= p1 or (p1, c1) == colours[-1]:
                column += bytes(mix(c0, c1, min(max((t - p0) / ((p1 - p0) or 1), 0), 1))[:3])
                break
    strip = Image.frombytes("RGB", (1, steps), bytes(column))
    tall = strip.resize((1, size[1]), Image.Resampling.BILINEAR)
    return tall.resize(size, Image.Resampling.NEAREST)


def _sky(canvas: Image.Image, *stops: tuple[float, str]) -> None:
    canvas.paste(_gradient(canvas.size, stops))


def _rect(pen: Pen, x0: float, y0: float, x1: float, y1: float, fill, outline=None, width=0.0):
    pen.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill, outline, width)


def _below(pen: Pen, edge: Sequence[Point], fill, bottom: float = UNITS) -> None:
    """Fills from the line `edge` (left to right) down to `bottom`."""
    pen.polygon([*edge, (edge[-1][0], bottom), (edge[0][0], bottom)], fill)


def _glow(
    canvas: Image.Image, colour: str, draw: Callable[[Pen], None], blur: float, opacity: float = 1
) -> None:
    """Blends `colour` through a soft mask of what `draw` draws (in units), blurred `blur` units.

    The mask is drawn at an eighth of the resolution: a blur hides the coarseness and
    costs a sixty-fourth.
    """
    small = (max(1, canvas.width // 8), max(1, canvas.height // 8))
    mask = Image.new("L", small, 0)
    draw(Pen(mask, small[0] / UNITS))
    mask = mask.filter(ImageFilter.GaussianBlur(blur * small[0] / UNITS))
    if opacity < 1:
        mask = mask.point(lambda v: round(v * opacity))
    box = mask.getbbox()
    if box is None:
        return
    scale = canvas.width / small[0]
    # Only the glow's own rectangle is scaled up and blended, not the whole canvas.
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    region = mask.resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR, box=box)
    canvas.paste(rgb(colour)[:3], (x0, y0, x1, y1), region)


def _scatter(rng: random.Random, n: int, box: tuple[float, float, float, float]) -> list[Point]:
    x0, y0, x1, y1 = box
    return [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(n)]


def _stars(pen: Pen, rng: random.Random, n: int, bottom: float) -> None:
    for x, y in _scatter(rng, n, (0, 0, UNITS, bottom)):
        r = rng.choice((1.2, 1.6, 2.2, 3.0))
        pen.ellipse(x, y, r, r, fill=(255, 255, 240, rng.randint(120, 255)))


def _reflect(canvas: Image.Image, waterline: float, opacity: int, darken: float) -> None:
    """Mirrors what is above `waterline` into the water below it, softened and darker."""
    y0 = round(waterline * canvas.height / UNITS)
    height = min(y0, canvas.height - y0)
    band = canvas.crop((0, y0 - height, canvas.width, y0))
    band = band.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    small = band.resize((band.width // 4, max(1, height // 4)), Image.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(1.5)).point(lambda v: round(v * darken))
    water = (0, y0, canvas.width, y0 + height)
    mirrored = small.resize(band.size, Image.Resampling.BILINEAR)
    canvas.paste(Image.blend(canvas.crop(water), mirrored, opacity / 255), water[:2])


# --- destinations -------------------------------------------------------------

PALM_FRONDS = ((-170, 200), (-140, 220), (-100, 170), (-60, 210), (-20, 200), (15, 170), (160, 160))


def _palm(pen: Pen, x: float, y: float, height: float, colour) -> None:
    h = height
    trunk = curve((x, y), (x + 10, y - h * 0.4), (x + 40, y - h * 0.8), (x + 70, y - h))
    pen.stroke(trunk, colour, 26, 14)
    top = trunk[-1]
    for angle, length in PALM_FRONDS:
        a = math.radians(angle)
        end = (top[0] + length * math.cos(a), top[1] + length * math.sin(a) * 0.6 + 60)
        mid = (top[0] + length * 0.5 * math.cos(a), top[1] + length * 0.5 * math.sin(a) - 25)
        pen.stroke(curve(top, mid, mid, end, n=12), colour, 34, 4)


def _beach_sunset(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#2B1B4F"), (0.3, "#7A3670"), (0.5, "#E0605E"), (0.64, "#FFB05A"),
         (1, "#FFD58A"))
    _glow(canvas, "#FFE6A0", lambda p: p.ellipse(500, 640, 200, 160, fill=255), 70, 0.8)
    pen.ellipse(500, 650, 86, 86, fill=rgb("#FFE9A8"))
    horizon = round(650 * pen.scale)
    sea = _gradient((canvas.width, canvas.height - horizon),
                    [(0, "#F08A5D"), (0.55, "#B0587A"), (1, "#5B3A6E")])
    canvas.paste(sea, (0, horizon))
    for i in range(14):
        y = 662 + i * 11 + i * i * 0.6
        half = 90 - i * 5.5 + rng.uniform(-8, 8)
        pen.stroke([(500 - half, y), (500 + half, y)], (255, 214, 140, 220 - i * 12), 4)
    for x, y in _scatter(rng, 40, (0, 700, UNITS, 820)):
        pen.stroke([(x - 14, y), (x + 14, y)], (255, 190, 150, 90), 2.5)
    _below(pen, curve((0, 850), (250, 800), (650, 860), (1000, 820)), rgb("#E4B98A"))
    _below(pen, curve((0, 905), (300, 880), (700, 930), (1000, 900)), rgb("#EFC996"))
    pen.stroke(curve((0, 852), (250, 804), (650, 864), (1000, 824)), (255, 236, 210, 200), 5)
    silhouette = rgb("#2A1838")
    _palm(pen, 90, 1010, 560, silhouette)
    _palm(pen, 930, 1010, 430, silhouette)
    for x, y, w in ((300, 210, 16), (340, 235, 12), (690, 160, 14)):
        pen.stroke([(x - w, y - w / 2), (x, y), (x + w, y - w / 2)], silhouette, 4)


def _eiffel(pen: Pen, x: float, base: float, h: float) -> None:
    gold, dark = rgb("#E7B04F"), rgb("#8A5A1F")
    top = base - h
    leg = curve((x - 7, top + h * 0.06), (x - 12, top + h * 0.3), (x - 28, top + h * 0.5),
                (x - 50, top + h * 0.62), (x - 80, top + h * 0.78), (x - 120, top + h * 0.9),
                (x - 170, base))
    arch = curve((x - 60, top + h * 0.84), (x - 30, top + h * 0.8), (x + 30, top + h * 0.8),
                 (x + 60, top + h * 0.84))
    pen.polygon([*leg, (x - 118, base), *arch, (x + 118, base), *mirror(leg, x)[::-1]], gold)
    step = 1 / 16
    for k in range(16):
        t = k * step
        y0, y1 = top + h * (0.1 + 0.84 * t), top + h * (0.1 + 0.84 * (t + step))
        w0, w1 = 8 + 160 * t**2.2, 8 + 160 * (t + step) ** 2.2
        pen.stroke([(x - w0 * 0.9, y0), (x + w1 * 0.5, y1)], dark, 2.5)
        pen.stroke([(x + w0 * 0.9, y0), (x - w1 * 0.5, y1)], dark, 2.5)
    for t, w in ((0.34, 40), (0.62, 74)):
        y = top + h * t
        pen.polygon([(x - w, y), (x + w, y), (x + w - 6, y + 14), (x - w + 6, y + 14)], dark)
    pen.stroke([(x, top - 30), (x, top + h * 0.08)], dark, 5)


def _paris_night(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#070B24"), (0.45, "#18245A"), (0.78, "#3B4C8F"), (1, "#2B3668"))
    _stars(pen, rng, 140, 600)
    _glow(canvas, "#F6E7C1", lambda p: p.ellipse(820, 150, 70, 70, fill=255), 40, 0.55)
    pen.ellipse(820, 150, 44, 44, fill=rgb("#F7F0D8"))
    for cx, cy, r in ((808, 140, 9), (832, 166, 6), (826, 130, 4)):
        pen.ellipse(cx, cy, r, r, fill=rgb("#E2D9BC"))
    beam = (255, 236, 170, 46)
    pen.polygon([(640, 185), (1000, 60), (1000, 130)], beam)
    pen.polygon([(640, 185), (300, 40), (290, 100)], beam)
    halo = [(640, 180), (560, 800), (720, 800)]
    _glow(canvas, "#FFC861", lambda p: p.polygon(halo, 255), 60, 0.45)
    _eiffel(pen, 640, 800, 620)
    pen.ellipse(640, 186, 9, 9, fill=rgb("#FFF6D0"))
    for _ in range(90):  # the hourly sparkle
        t = rng.random()
        w = 8 + 150 * t**2.2
        x = 640 + rng.uniform(-w, w) * 0.9
        pen.ellipse(x, 220 + 560 * t, 2.6, 2.6, fill=(255, 255, 240, 255))
    roof, wall, window = rgb("#1A1D3D"), rgb("#23284F"), rgb("#FFCF70")
    x = -20.0
    while x < UNITS:
        w, h = rng.uniform(70, 130), rng.uniform(90, 170)
        if not 540 < x + w / 2 < 740:  # keep the tower's feet clear
            eaves = 880 - h
            house = [(x, 880), (x, eaves), (x + 14, eaves - 30), (x + w - 14, eaves - 30),
                     (x + w, eaves), (x + w, 880)]
            pen.polygon(house, wall, roof, 3)
            for wy in range(round(eaves + 10), 860, 30):
                for wx in range(round(x + 12), round(x + w - 16), 24):
                    if rng.random() < 0.45:
                        _rect(pen, wx, wy, wx + 10, wy + 16, window)
        x += w
    _rect(pen, 0, 880, 1000, 1000, rgb("#121634"))
    for _ in range(60):
        rx, ry = rng.uniform(0, UNITS), rng.uniform(890, 995)
        pen.stroke([(rx - 18, ry), (rx + 18, ry)], (255, 200, 110, rng.randint(60, 170)), 3)
    pen.stroke([(0, 882), (1000, 882)], rgb("#3A3F6E"), 5)


def _mountains(pen: Pen, peaks: Sequence[Point], base: float, colour, snow, depth: float) -> None:
    """A ridge through `peaks`, each inner peak capped with `depth` units of snow."""
    points = [(-20, base), *peaks, (1020, base)]
    pen.polygon(points, colour)
    for i, (x, y) in enumerate(peaks):
        if i in (0, len(peaks) - 1):
            continue
        (lx, ly), (rx, ry) = points[i], points[i + 2]
        a, b = depth / max(abs(ly - y), 1), depth / max(abs(ry - y), 1)
        left = (x + (lx - x) * a, y + (ly - y) * a)
        right = (x + (rx - x) * b, y + (ry - y) * b)
        low = max(left[1], right[1])
        span = right[0] - left[0]
        jag = [(left[0] + span * k / 4, low - (14 if k % 2 else -6)) for k in (3, 2, 1)]
        pen.polygon([(x, y), right, *jag, left], snow)


def _pine(pen: Pen, x: float, base: float, height: float, colour, snow) -> None:
    _rect(pen, x - 8, base - 40, x + 8, base, shade(colour, 0.6))
    for k in range(4):
        w = height * (0.36 - k * 0.07)
        low = base - 30 - k * height * 0.2
        top = low - height * 0.36
        pen.polygon([(x - w, low), (x, top), (x + w, low)], colour)
        drift = top + (low - top) * 0.45
        pen.polygon([(x - w * 0.45, drift), (x, top), (x + w * 0.45, drift),
                     (x, top + (low - top) * 0.3)], snow)


def _snowy_mountains(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#5FA8E6"), (0.55, "#BFE0F7"), (1, "#EAF5FF"))
    _glow(canvas, "#FFFFFF", lambda p: p.ellipse(180, 150, 90, 90, fill=255), 60, 0.6)
    pen.ellipse(180, 150, 50, 50, fill=rgb("#FFFBEA"))
    snow = rgb("#FBFDFF")
    far = [(0, 470), (160, 330), (300, 420), (470, 250), (620, 400), (780, 300), (1000, 440)]
    near = [(0, 560), (220, 420), (420, 560), (640, 380), (880, 540), (1000, 480)]
    _mountains(pen, far, 700, rgb("#9DB4CF"), rgb("#F1F6FC"), 110)
    _mountains(pen, near, 760, rgb("#6E88A8"), snow, 90)
    _below(pen, curve((0, 700), (300, 660), (700, 720), (1000, 680)), rgb("#E3EEF8"))
    _below(pen, curve((0, 820), (350, 780), (650, 840), (1000, 790)), snow)
    for x, base, height in ((60, 760, 230), (140, 790, 300), (880, 770, 260), (950, 800, 320),
                            (300, 715, 120), (720, 720, 130), (780, 730, 110)):
        _pine(pen, x, base, height, rgb("#24513F"), snow)
    for x, y in _scatter(rng, 260, (0, 0, UNITS, UNITS)):
        r = rng.choice((2, 2.5, 3.5, 5))
        pen.ellipse(x, y, r, r, fill=(255, 255, 255, 230))


def _pagoda_roof(pen: Pen, x: float, y: float, w: float, colour) -> None:
    left = curve((x - w - 30, y - 30), (x - w + 10, y), (x - w * 0.4, y - 8), (x, y - 10))
    eave = left + mirror(left, x)[::-1][1:]
    pen.polygon([*eave, (x + w * 0.55, y - 48), (x - w * 0.55, y - 48)], colour)
    pen.stroke(eave, shade(colour, 0.7), 5)


MAPLE_REDS = ("#C8281E", "#E0452B", "#F07A2A", "#B51F2E", "#F2A03D")


def _maple(pen: Pen, rng: random.Random, x: float, y: float, r: float) -> None:
    trunk = curve((x, y + r * 1.7), (x - 10, y + r), (x + 10, y + r * 0.6), (x, y))
    pen.stroke(trunk, rgb("#4A2A1E"), 22, 10)
    for _ in range(46):
        a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random())
        size = rng.uniform(r * 0.22, r * 0.36)
        pen.ellipse(x + d * math.cos(a), y + d * math.sin(a) * 0.75, size, size * 0.85,
                    fill=rgb(rng.choice(MAPLE_REDS)))


def _kyoto_temple(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#8DB8DA"), (0.45, "#F5D8B0"), (0.75, "#F6B888"), (1, "#E9A77A"))
    _glow(canvas, "#FFE2A8", lambda p: p.ellipse(240, 520, 160, 120, fill=255), 80, 0.7)
    _below(pen, curve((0, 640), (250, 540), (550, 620), (1000, 560)), rgb("#9AA58C"))
    _below(pen, curve((0, 700), (300, 660), (700, 700), (1000, 680)), rgb("#6F7E5E"))
    x, base = 640.0, 760.0
    for k in range(5):
        w, y = 120 - k * 16, base - k * 92
        _rect(pen, x - w * 0.62, y - 60, x + w * 0.62, y, rgb("#8B2E20"))
        for j in (-1, 1):
            _rect(pen, x + j * w * 0.2 - 12, y - 46, x + j * w * 0.2 + 12, y - 8, rgb("#F2E2C2"))
        _pagoda_roof(pen, x, y - 52, w, rgb("#3E3C44"))
    spire = base - 4 * 92 - 100
    pen.stroke([(x, spire), (x, spire - 120)], rgb("#8C7A4A"), 8)
    for k in range(6):
        pen.ellipse(x, spire - 20 - k * 16, 14 - k, 4, fill=rgb("#B79A52"))
    pen.polygon([(0, 860), (1000, 830), (1000, 1000), (0, 1000)], rgb("#CDBA98"))
    pen.polygon([(440, 1000), (560, 1000), (520, 840), (480, 840)], rgb("#B8A27E"))
    vermilion = rgb("#D8432E")
    for px in (120, 330):
        pen.polygon([(px - 14, 1000), (px + 14, 1000), (px + 10, 560), (px - 10, 560)], vermilion)
    lintel = curve((40, 520), (120, 545), (330, 545), (410, 520))
    pen.polygon([*lintel, (404, 548), (46, 548)], rgb("#2A2426"))
    pen.polygon([(66, 548), (384, 548), (380, 574), (70, 574)], vermilion)
    _rect(pen, 84, 620, 366, 644, vermilion)
    _rect(pen, 214, 574, 236, 620, vermilion)
    _maple(pen, rng, 900, 540, 140)
    _maple(pen, rng, 500, 620, 90)
    for lx, ly in _scatter(rng, 45, (0, 100, UNITS, UNITS)):
        leaf = oval(lx, ly, 9, 5, rng.uniform(0, math.pi), 12)
        pen.polygon(leaf, rgb(rng.choice(MAPLE_REDS[:3])))


NEON_SIGNS = (
    # text, x, y, width, height, colour
    ("RAMEN", 60, 330, 230, 90, "#FF3CAC"),
    ("OPEN", 700, 420, 170, 80, "#2DE2E6"),
    ("HOTEL", 760, 180, 200, 80, "#F9F871"),
    ("24H", 330, 470, 120, 70, "#7CFF6B"),
    ("BAR", 540, 300, 130, 74, "#FF9F1C"),
)
TOWERS = (  # x, width, height, colour
    (-20, 220, 600, "#1B1030"),
    (190, 160, 480, "#22143A"),
    (340, 180, 560, "#1E1236"),
    (510, 200, 440, "#26173F"),
    (700, 320, 640, "#1C1032"),
)


@functools.cache
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=px)


def _neon_city(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#0B0420"), (0.5, "#2A0E4A"), (0.66, "#4A1A6A"), (1, "#1A0A2A"))
    _stars(pen, rng, 40, 300)
    street = 680
    for x0, w, h, colour in TOWERS:
        top = street - h
        _rect(pen, x0, top, x0 + w, street, rgb(colour))
        for wy in range(round(top + 24), street - 20, 34):
            for wx in range(round(x0 + 16), round(x0 + w - 20), 30):
                if rng.random() < 0.3:
                    lit = rng.choice(("#FFD37A", "#9AD7FF", "#FF9ECF"))
                    _rect(pen, wx, wy, wx + 14, wy + 18, rgb(lit))
    for _text, x, y, w, h, colour in NEON_SIGNS:
        _glow(canvas, colour, lambda p, x=x, y=y, w=w, h=h: _rect(p, x - 20, y - 20, x + w + 20,
                                                                   y + h + 20, 255), 30, 0.55)
    s = pen.scale
    for text, x, y, w, h, colour in NEON_SIGNS:
        tube = rgb(colour)
        _rect(pen, x, y, x + w, y + h, (20, 8, 30, 255), light(tube, 0.3), 5)
        pen.draw.text(((x + w / 2) * s, (y + h / 2) * s), text, font=_font(round(h * 0.62 * s)),
                      anchor="mm", fill=light(tube, 0.55)[:3], stroke_width=max(1, round(2 * s)),
                      stroke_fill=tube[:3])
    _rect(pen, 0, street, 1000, 1000, rgb("#14101E"))
    _reflect(canvas, street, 120, 0.9)
    _rect(pen, 0, street, 1000, street + 20, rgb("#2A2236"))
    for k in range(6):
        y = 760 + k * 46
        pen.stroke([(470 - k * 8, y), (530 + k * 8, y)], (230, 230, 240, 120), 6 + k)
    pen.stroke([(930, 1000), (930, 560)], rgb("#2B2B38"), 12)
    pen.stroke(curve((930, 560), (930, 530), (900, 520), (870, 530)), rgb("#2B2B38"), 10)
    _glow(canvas, "#FFE3A0", lambda p: p.ellipse(870, 545, 40, 30, fill=255), 25, 0.9)
    for x, y in _scatter(rng, 120, (0, 0, UNITS, 1000)):
        pen.stroke([(x, y), (x - 4, y + 26)], (200, 200, 255, 70), 2)


def _ribbon(pen: Pen, y: float, amplitude: float, phase: float, thickness: float) -> None:
    upper = [(x, y + amplitude * math.sin(x / 140 + phase)) for x in range(-40, 1041, 20)]
    lower = [(x, top + thickness + 30 * math.sin(x / 90 + phase)) for x, top in upper]
    pen.polygon(upper + lower[::-1], 255)


def _aurora_lake(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#02060F"), (0.35, "#071A33"), (0.62, "#0F3552"), (1, "#0F3552"))
    _stars(pen, rng, 180, 600)
    _glow(canvas, "#35F2A0", lambda p: _ribbon(p, 180, 70, 0.3, 90), 24, 0.75)
    _glow(canvas, "#9B5CF6", lambda p: _ribbon(p, 110, 50, 2.0, 60), 30, 0.55)
    _glow(canvas, "#6CFFC8", lambda p: _ribbon(p, 300, 40, 4.1, 50), 20, 0.5)
    shore = 640
    ridge = [(-20, 620), (80, 540), (170, 580), (300, 470), (420, 560), (520, 520), (650, 590),
             (760, 500), (880, 560), (1020, 530), (1020, shore), (-20, shore)]
    pen.polygon(ridge, rgb("#08131F"))
    for x in range(-10, 1010, 34):
        h = 40 + 30 * abs(math.sin(x * 12.9898))
        pen.polygon([(x - 14, shore), (x, shore - h), (x + 14, shore)], rgb("#050C14"))
    _reflect(canvas, shore, 170, 0.75)
    for _ in range(40):
        x, y, w = rng.uniform(0, UNITS), rng.uniform(660, 990), rng.uniform(30, 120)
        pen.stroke([(x - w, y), (x + w, y)], (180, 255, 230, 40), 2.5)
    _below(pen, curve((0, 930), (200, 900), (300, 960), (420, 1000)), rgb("#04090F"))


def _lavender_fields(canvas: Image.Image, pen: Pen, rng: random.Random) -> None:
    _sky(canvas, (0, "#6FB7E9"), (0.4, "#B9DDF2"), (0.56, "#FCE5C4"), (1, "#FCE5C4"))
    _glow(canvas, "#FFF3C4", lambda p: p.ellipse(820, 200, 110, 110, fill=255), 80, 0.8)
    pen.ellipse(820, 200, 56, 56, fill=rgb("#FFF6D8"))
    for cx, cy, w in ((260, 160, 90), (320, 150, 70), (560, 110, 80)):
        pen.ellipse(cx, cy, w, w * 0.38, fill=(255, 255, 255, 230))
    _below(pen, curve((0, 560), (250, 500), (600, 560), (1000, 520)), rgb("#8FAE7A"), bottom=600)
    _rect(pen, 700, 500, 790, 560, rgb("#E7D3B0"))
    pen.polygon([(690, 502), (745, 465), (800, 502)], rgb("#B5643E"))
    _rect(pen, 730, 528, 750, 560, rgb("#6E4A36"))
    for x, h in ((640, 150), (665, 120), (850, 170), (880, 130), (120, 140)):
        pen.ellipse(x, 580 - h / 2, 13, h / 2, fill=rgb("#2F4A2C"))
    _rect(pen, 0, 580, 1000, 1000, rgb("#6B5A3E"))
    vanish_x, horizon, rows = 500.0, 560.0, 13
    pitch = 2800 / rows
    for k in range(rows + 1):
        foot = -900 + k * pitch  # where the row meets the bottom edge
        near = vanish_x + (foot - vanish_x) * 0.03
        half = pitch * 0.34
        row = [(near - 2, 585), (near + 2, 585), (foot + half, 1000), (foot - half, 1000)]
        pen.polygon(row, rgb("#7B5BB6"))
    for x, y in _scatter(rng, 900, (0, 600, UNITS, UNITS)):
        r = 1.5 + 6 * (y - horizon) / (1000 - horizon)
        pen.ellipse(x, y, r, r * 1.6, fill=rgb(rng.choice(("#9C7BD6", "#B89AE8", "#6A4AA3"))))


PAINTERS: dict[str, Callable[[Image.Image, Pen, random.Random], None]] = {
    "beach_sunset": _beach_sunset,
    "paris_night": _paris_night,
    "snowy_mountains": _snowy_mountains,
    "kyoto_temple": _kyoto_temple,
    "neon_city": _neon_city,
    "aurora_lake": _aurora_lake,
    "lavender_fields": _lavender_fields,
}


def draw_scene(code: str, size: int) -> Image.Image:
    """The destination's backdrop, freshly drawn; KeyError for an unknown code."""
    painter = PAINTERS[code]
    if not 16 <= size <= 2048:
        raise ValueError("Scene size must be from 16 to 2048.")
    canvas = Image.new("RGB", (size * SUPERSAMPLING, size * SUPERSAMPLING))
    painter(canvas, Pen(canvas, canvas.width / UNITS, blend=True), random.Random(code))
    return canvas.reduce(SUPERSAMPLING)


@functools.lru_cache(maxsize=16)
def _cached_scene(code: str, size: int) -> Image.Image:
    return draw_scene(code, size)


def render_scene(code: str, *, size: int = 1024) -> Image.Image:
    """The destination's backdrop as a size x size RGB image; KeyError for an unknown code.

    Cached per (code, size) and shared between callers: copy it before drawing on it.
    """
    return _cached_scene(code, size)
