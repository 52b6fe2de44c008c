"""Demo pictures drawn by the project itself (Pillow), never downloaded.

Each picture is a small flat illustration of its topic (a factory for the
automotive story, a leaf and a field for food, a seminar room for seminars,
an open book for handbooks...) in the portal's own colours, read from the
custom properties of static/css/site.css. The drawing is deterministic:
the same code gives the same pixels. Pictures become Wagtail images with a
focal point on their subject; pages carry the description in their language.
"""

import io
import math
import re
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

from mobility.models import Cluster

WIDTH, HEIGHT = 1600, 900
# Drawn at twice the size and scaled down, which smooths the edges of every shape.
SUPERSAMPLE = 2
COLLECTION = "Demo pictures"
STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
FALLBACK_COLOURS = {
    "ink": "#1b2430",
    "bg": "#ffffff",
    "surface": "#f4f6f9",
    "line": "#d6dce5",
    "brand": "#0e3a66",
    "brand-strong": "#092743",
    "link": "#0b5cad",
    "accent": "#f2b705",
    "ok": "#1f6f3f",
    "warn": "#8a5a00",
    "error": "#a4262c",
}


def palette():
    """The site's colours (`--c-brand` ...) from the stylesheet, so pictures match the pages around them."""
    colours = dict(FALLBACK_COLOURS)
    text = STYLESHEET.read_text(encoding="utf-8") if STYLESHEET.exists() else ""
    root = re.search(r":root\s*\{(.*?)\}", text, re.S)
    for name, value in re.findall(r"--c-([\w-]+):\s*(#[0-9a-fA-F]{6})", root.group(1) if root else ""):
        colours[name] = value
    return colours


def mix(colour, other, share):
    """`colour` moved `share` (0..1) of the way towards `other`: lighter tints for backgrounds."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


class Canvas:
    """A drawing surface in picture coordinates (1600 x 900 for scenes), supersampled."""

    def __init__(self, width, height, background):
        self.width, self.height = width, height
        self.image = PillowImage.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), background)
        self.draw = ImageDraw.Draw(self.image)

    def _box(self, box):
        return [value * SUPERSAMPLE for value in box]

    def rect(self, box, fill, radius=0):
        self.draw.rounded_rectangle(self._box(box), radius=radius * SUPERSAMPLE, fill=fill)

    def ellipse(self, box, fill):
        self.draw.ellipse(self._box(box), fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill)

    def polygon(self, points, fill):
        self.draw.polygon([(x * SUPERSAMPLE, y * SUPERSAMPLE) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line(
            [(x * SUPERSAMPLE, y * SUPERSAMPLE) for x, y in points], fill=fill, width=width * SUPERSAMPLE, joint="curve"
        )

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self._box(box), start, end, fill=fill, width=width * SUPERSAMPLE)

    def png(self):
        final = self.image.reduce(SUPERSAMPLE)
        out = io.BytesIO()
        final.save(out, format="PNG")
        return out.getvalue()


# --- Shapes used by several scenes -------------------------------------------------------


def gear(c, cx, cy, r, fill, hole):
    teeth = 10
    points = []
    for step in range(teeth * 4):
        angle = 2 * math.pi * step / (teeth * 4)
        radius = r if step % 4 in (0, 1) else r * 0.8
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    c.polygon(points, fill)
    c.circle(cx, cy, r * 0.35, hole)


def leaf(c, cx, cy, size, fill, vein):
    """A leaf pointing up and to the right, with its midrib and veins."""
    points = []
    for step in range(41):
        t = step / 40
        points.append(
            (cx - size * 0.9 + t * size * 1.8, cy + size * 0.9 - t * size * 1.8 - math.sin(t * math.pi) * size * 0.55)
        )
    for step in range(41):
        t = 1 - step / 40
        points.append(
            (cx - size * 0.9 + t * size * 1.8, cy + size * 0.9 - t * size * 1.8 + math.sin(t * math.pi) * size * 0.55)
        )
    c.polygon(points, fill)
    c.line([(cx - size * 1.05, cy + size * 1.05), (cx + size * 0.8, cy - size * 0.8)], vein, max(3, round(size / 30)))
    for t in (0.25, 0.45, 0.65):
        x, y = cx - size * 0.9 + t * size * 1.8, cy + size * 0.9 - t * size * 1.8
        c.line([(x, y), (x + size * 0.12, y - size * 0.42)], vein, max(2, round(size / 45)))
        c.line([(x, y), (x + size * 0.42, y - size * 0.12)], vein, max(2, round(size / 45)))


def person(c, cx, top, size, fill):
    """Head and shoulders, seen from the front (or from behind, in an audience)."""
    c.circle(cx, top + size * 0.3, size * 0.3, fill)
    c.ellipse((cx - size * 0.55, top + size * 0.7, cx + size * 0.55, top + size * 1.7), fill)


def pine(c, cx, base, height, fill, trunk):
    c.rect((cx - height * 0.05, base - height * 0.2, cx + height * 0.05, base), trunk)
    for level in range(3):
        width = height * (0.42 - level * 0.1)
        bottom = base - height * 0.15 - level * height * 0.25
        c.polygon([(cx - width, bottom), (cx + width, bottom), (cx, bottom - height * 0.42)], fill)


def ground(c, colour, level=720):
    c.rect((0, level, WIDTH, HEIGHT), colour)


# --- Scenes: each draws its subject and returns its focal box (x, y, width, height) ---------


def scene_factory(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["link"], "#ffffff", 0.88))
    ground(c, mix(p["brand"], "#ffffff", 0.75))
    c.rect((330, 420, 1270, 720), p["brand"])
    for number in range(4):
        left = 330 + number * 235
        c.polygon([(left, 420), (left + 235, 300), (left + 235, 420)], p["brand-strong"])
        c.rect((left + 40, 500, left + 110, 600), p["accent"], radius=6)
        c.rect((left + 130, 500, left + 200, 600), p["accent"], radius=6)
    c.rect((1120, 180, 1180, 330), p["brand-strong"])
    for number, radius in enumerate((34, 44, 54)):
        c.circle(1160 + number * 45, 140 - number * 50, radius, mix(p["line"], "#ffffff", 0.3))
    gear(c, 470, 250, 90, p["accent"], c_background(p))
    gear(c, 600, 330, 55, p["ok"], c_background(p))
    return (300, 160, 1000, 580)


def scene_leaf(c, p):
    sky = mix(p["accent"], "#ffffff", 0.75)
    c.rect((0, 0, WIDTH, HEIGHT), sky)
    c.circle(1320, 190, 95, p["accent"])
    c.ellipse((-300, 600, 1000, 1200), mix(p["ok"], "#ffffff", 0.35))
    c.ellipse((600, 640, 1900, 1250), mix(p["ok"], "#ffffff", 0.15))
    for number in range(9):
        x = 150 + number * 150
        c.line([(x, 900), (x + 60, 700)], mix(p["ok"], "#000000", 0.2), 5)
    leaf(c, 800, 400, 260, p["ok"], mix(p["ok"], "#ffffff", 0.55))
    return (520, 110, 580, 600)


def scene_seminar(c, p, accent):
    c.rect((0, 0, WIDTH, HEIGHT), mix(accent, "#ffffff", 0.85))
    ground(c, mix(p["brand"], "#ffffff", 0.7), level=700)
    c.rect((470, 110, 1130, 470), p["brand-strong"], radius=14)
    c.rect((500, 140, 1100, 440), "#ffffff", radius=8)
    for number, (height, colour) in enumerate(
        ((140, p["error"]), (200, p["accent"]), (250, p["ok"]), (180, p["link"]))
    ):
        left = 580 + number * 120
        c.rect((left, 410 - height, left + 80, 410), colour, radius=6)
    person(c, 1265, 300, 130, p["ink"])
    c.polygon([(1200, 470), (1330, 470), (1310, 700), (1220, 700)], p["brand"])
    c.rect((1180, 450, 1350, 480), accent, radius=6)
    for row, top in enumerate((590, 700)):
        for seat in range(5 - row):
            cx = 200 + row * 95 + seat * 190
            person(c, cx, top, 110, mix(p["ink"], "#ffffff", 0.15 + 0.12 * ((seat + row) % 3)))
    return (440, 90, 960, 620)


def scene_book(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["ok"], "#ffffff", 0.85))
    c.polygon([(260, 300), (800, 380), (800, 780), (260, 700)], p["brand"])
    c.polygon([(1340, 300), (800, 380), (800, 780), (1340, 700)], p["brand"])
    c.polygon([(300, 250), (790, 330), (790, 730), (300, 650)], "#ffffff")
    c.polygon([(1300, 250), (810, 330), (810, 730), (1300, 650)], "#ffffff")
    for number in range(6):
        offset = number * 55
        c.line([(360, 340 + offset), (740, 400 + offset)], p["line"], 10)
        c.line([(860, 400 + offset), (1240, 340 + offset)], p["line"], 10)
    c.polygon([(1090, 250), (1150, 250), (1150, 420), (1120, 390), (1090, 420)], p["accent"])
    return (250, 230, 1100, 560)


def scene_slides(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["link"], "#ffffff", 0.85))
    c.rect((780, 90, 820, 150), p["ink"])
    c.rect((360, 140, 1240, 660), p["brand-strong"], radius=18)
    c.rect((395, 175, 1205, 625), "#ffffff", radius=10)
    c.line([(800, 660), (640, 830)], p["ink"], 14)
    c.line([(800, 660), (960, 830)], p["ink"], 14)
    box = (480, 250, 780, 550)
    c.draw.pieslice(c._box(box), -90, 30, fill=p["ok"])
    c.draw.pieslice(c._box(box), 30, 150, fill=p["accent"])
    c.draw.pieslice(c._box(box), 150, 270, fill=p["link"])
    for number in range(4):
        c.rect((850, 270 + number * 75, 1130 - number * 50, 305 + number * 75), p["line"], radius=8)
    return (340, 120, 920, 720)


def scene_checklist(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["accent"], "#ffffff", 0.8))
    c.rect((520, 120, 1080, 820), p["brand"], radius=24)
    c.rect((560, 180, 1040, 790), "#ffffff", radius=12)
    c.rect((700, 95, 900, 175), p["ink"], radius=16)
    for number in range(4):
        top = 250 + number * 130
        c.rect((610, top, 690, top + 80), mix(p["ok"], "#ffffff", 0.8), radius=10)
        if number < 3:
            c.line([(625, top + 42), (648, top + 65), (680, top + 15)], p["ok"], 12)
        c.rect((730, top + 22, 990 - number * 40, top + 58), p["line"], radius=10)
    return (500, 90, 600, 740)


def scene_magnifier(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["brand"], "#ffffff", 0.86))
    c.rect((420, 130, 960, 800), "#ffffff", radius=16)
    for number in range(8):
        c.rect((480, 210 + number * 65, 900 - (number % 3) * 90, 240 + number * 65), p["line"], radius=8)
    c.line([(1080, 570), (1280, 770)], p["brand-strong"], 60)
    c.circle(960, 450, 190, p["brand"])
    c.circle(960, 450, 150, mix(p["link"], "#ffffff", 0.75))
    for number, height in enumerate((70, 120, 170)):
        left = 880 + number * 60
        c.rect((left, 520 - height, left + 40, 520), (p["error"], p["accent"], p["ok"])[number], radius=4)
    return (400, 110, 920, 700)


def scene_video(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["error"], "#ffffff", 0.86))
    c.rect((330, 150, 1270, 720), p["ink"], radius=28)
    c.rect((370, 190, 1230, 640), mix(p["brand"], "#ffffff", 0.2), radius=14)
    c.circle(800, 415, 130, "#ffffff")
    c.polygon([(760, 340), (760, 490), (880, 415)], p["error"])
    c.rect((370, 670, 1230, 685), mix(p["ink"], "#ffffff", 0.4), radius=7)
    c.rect((370, 670, 760, 685), p["accent"], radius=7)
    c.circle(760, 677, 16, p["accent"])
    return (320, 140, 960, 600)


def scene_chart(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["brand"], "#ffffff", 0.9))
    c.line([(260, 150), (260, 740), (1340, 740)], p["ink"], 10)
    for number, (height, colour) in enumerate(
        ((220, p["error"]), (330, p["accent"]), (280, p["accent"]), (450, p["ok"]), (520, p["ok"]))
    ):
        left = 340 + number * 190
        c.rect((left, 735 - height, left + 130, 735), colour, radius=10)
    c.line([(405, 450), (595, 360), (785, 400), (975, 240), (1165, 170)], p["brand"], 12)
    for x, y in ((405, 450), (595, 360), (785, 400), (975, 240), (1165, 170)):
        c.circle(x, y, 20, p["brand"])
    return (240, 130, 1120, 630)


def scene_visit(c, p):
    """Two clusters and the arrows of a visit between them."""
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["link"], "#ffffff", 0.86))
    ground(c, mix(p["ok"], "#ffffff", 0.6), level=700)
    for left, colour in ((170, p["brand"]), (1080, p["ok"])):
        c.rect((left, 380, left + 350, 700), colour)
        c.polygon([(left - 20, 380), (left + 175, 250), (left + 370, 380)], mix(colour, "#000000", 0.25))
        for row in range(2):
            for column in range(3):
                x, y = left + 40 + column * 105, 430 + row * 120
                c.rect((x, y, x + 65, y + 75), p["accent"], radius=6)
    c.line([(560, 360), (1000, 360)], p["brand-strong"], 22)
    c.polygon([(990, 320), (1060, 360), (990, 400)], p["brand-strong"])
    c.line([(1040, 470), (600, 470)], p["error"], 22)
    c.polygon([(610, 430), (540, 470), (610, 510)], p["error"])
    person(c, 720, 560, 120, p["ink"])
    person(c, 880, 560, 120, mix(p["ink"], "#ffffff", 0.3))
    return (150, 240, 1300, 470)


def scene_medal(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["accent"], "#ffffff", 0.85))
    c.polygon([(640, 80), (760, 80), (860, 420), (740, 420)], p["brand"])
    c.polygon([(960, 80), (840, 80), (740, 420), (860, 420)], p["link"])
    c.circle(800, 560, 240, "#8c99a6")
    c.circle(800, 560, 195, "#c7ced6")
    points = []
    for step in range(10):
        radius = 140 if step % 2 == 0 else 60
        angle = -math.pi / 2 + step * math.pi / 5
        points.append((800 + radius * math.cos(angle), 560 + radius * math.sin(angle)))
    c.polygon(points, "#ffffff")
    return (540, 60, 520, 760)


def scene_trainers(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["ok"], "#ffffff", 0.86))
    for number in range(5):
        cx = 320 + number * 240
        person(
            c, cx, 330 + (number % 2) * 40, 200, (p["brand"], p["ok"], p["link"], p["brand-strong"], p["warn"])[number]
        )
    c.rect((560, 80, 1040, 300), "#ffffff", radius=14)
    c.rect((600, 120, 1000, 150), p["line"], radius=8)
    c.rect((640, 180, 960, 205), p["line"], radius=8)
    c.circle(930, 250, 40, p["accent"])
    return (200, 60, 1200, 760)


def scene_library(c, p):
    """A shelf of seven books, one colour per language."""
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["brand"], "#ffffff", 0.88))
    c.rect((200, 700, 1400, 740), p["brand-strong"])
    colours = (p["brand"], p["ok"], p["error"], p["accent"], p["link"], p["warn"], p["brand-strong"])
    left = 260
    for number, colour in enumerate(colours):
        width, height = 120 + (number % 3) * 20, 380 + (number * 53) % 170
        c.rect((left, 700 - height, left + width, 700), colour, radius=8)
        c.rect((left + 20, 760 - height, left + width - 20, 785 - height), mix(colour, "#ffffff", 0.5), radius=4)
        left += width + 22
    return (220, 200, 1160, 540)


def scene_medical(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["error"], "#ffffff", 0.88))
    c.circle(660, 380, 180, p["error"])
    c.circle(940, 380, 180, p["error"])
    c.polygon([(495, 450), (1105, 450), (800, 790)], p["error"])
    c.line([(200, 470), (560, 470), (630, 330), (720, 620), (800, 380), (860, 470), (1400, 470)], "#ffffff", 22)
    c.rect((1210, 140, 1270, 320), p["ok"], radius=10)
    c.rect((1150, 200, 1330, 260), p["ok"], radius=10)
    return (460, 180, 680, 620)


def scene_wood(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["ok"], "#ffffff", 0.85))
    ground(c, mix(p["ok"], "#ffffff", 0.55))
    for number, (cx, height) in enumerate(((260, 520), (480, 640), (1130, 600), (1350, 480))):
        pine(c, cx, 730, height, mix(p["ok"], "#000000", 0.1 * (number % 2)), p["warn"])
    brown = mix(p["warn"], "#ffffff", 0.25)
    c.rect((620, 560, 980, 620), brown, radius=8)
    c.rect((650, 620, 690, 760), brown)
    c.rect((910, 620, 950, 760), brown)
    c.rect((660, 380, 700, 560), brown)
    c.rect((660, 380, 860, 420), brown, radius=8)
    return (560, 330, 480, 450)


def scene_ict(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), p["brand-strong"])
    trace = mix(p["link"], "#ffffff", 0.3)
    for number in range(6):
        y = 200 + number * 100
        c.line(
            [(100, y), (400, y), (480, y + (60 if number < 3 else -60)), (600, y + (60 if number < 3 else -60))],
            trace,
            8,
        )
        c.circle(100, y, 16, p["accent"])
        c.line([(1000, y), (1200, y), (1260, y - 50), (1500, y - 50)], trace, 8)
        c.circle(1500, y - 50, 16, p["accent"])
    c.rect((600, 220, 1000, 660), p["link"], radius=24)
    c.rect((680, 300, 920, 580), p["brand"], radius=12)
    for number in range(5):
        for x in (560, 1000):
            c.rect((x, 250 + number * 85, x + 40, 280 + number * 85), p["line"])
    return (540, 190, 520, 500)


def scene_energy(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["link"], "#ffffff", 0.8))
    c.circle(1280, 200, 110, p["accent"])
    ground(c, mix(p["ok"], "#ffffff", 0.45), level=740)
    c.polygon([(770, 740), (830, 740), (812, 330), (788, 330)], "#ffffff")
    for angle in (-90, 30, 150):
        radians = math.radians(angle)
        tip = (800 + 300 * math.cos(radians), 320 + 300 * math.sin(radians))
        side = (800 + 60 * math.cos(radians + 0.5), 320 + 60 * math.sin(radians + 0.5))
        c.polygon([(800, 320), side, tip], "#ffffff")
    c.circle(800, 320, 30, p["brand"])
    for number in range(3):
        left = 140 + number * 190
        c.polygon([(left, 720), (left + 160, 720), (left + 200, 600), (left + 40, 600)], p["brand"])
        c.line([(left + 20, 660), (left + 180, 660)], mix(p["link"], "#ffffff", 0.4), 5)
    return (480, 0, 640, 760)


def scene_coins(c, p):
    c.rect((0, 0, WIDTH, HEIGHT), mix(p["accent"], "#ffffff", 0.82))
    gold, rim = p["accent"], mix(p["accent"], "#000000", 0.25)
    for stack, count in ((480, 5), (800, 8), (1120, 11)):
        for level in range(count):
            top = 720 - level * 45
            c.ellipse((stack - 130, top - 35, stack + 130, top + 35), rim)
            c.ellipse((stack - 130, top - 45, stack + 130, top + 25), gold)
    c.line([(360, 280), (700, 200), (1000, 120)], p["ok"], 18)
    c.polygon([(990, 80), (1070, 100), (1010, 160)], p["ok"])
    return (330, 60, 950, 720)


def c_background(p):
    return mix(p["brand"], "#ffffff", 0.75)


SCENES = {
    "factory": scene_factory,
    "leaf": scene_leaf,
    "book": scene_book,
    "slides": scene_slides,
    "checklist": scene_checklist,
    "magnifier": scene_magnifier,
    "video": scene_video,
    "chart": scene_chart,
    "visit": scene_visit,
    "medal": scene_medal,
    "trainers": scene_trainers,
    "library": scene_library,
    "medical": scene_medical,
    "wood": scene_wood,
    "ict": scene_ict,
    "energy": scene_energy,
    "coins": scene_coins,
}
# A seminar room per partner country, the lectern in a colour of its own.
SEMINAR_ACCENTS = {"CZ": "link", "SK": "ok", "PL": "error", "HU": "accent", "HR": "brand", "TR": "warn"}


def draw_scene(topic):
    """PNG bytes of the topic's picture and its focal box."""
    colours = palette()
    canvas = Canvas(WIDTH, HEIGHT, colours["bg"])
    if topic.startswith("seminar-"):
        focus = scene_seminar(canvas, colours, colours[SEMINAR_ACCENTS[topic.removeprefix("seminar-")]])
    else:
        focus = SCENES[topic](canvas, colours)
    return canvas.png(), focus


# --- Logos -------------------------------------------------------------------------------

LOGO_SIZE = 384
LOGO_MARKS = {
    "Food and agriculture": "leaf",
    "Automotive": "gear",
    "Wood and furniture": "pine",
    "ICT": "chip",
    "Energy": "sun",
    "Health and life sciences": "heart",
}


def draw_logo(sector, tone):
    """A round emblem with the sector's mark: the demo clusters' own logos."""
    colours = palette()
    main = colours[("brand", "ok", "link", "error", "warn", "brand-strong")[tone % 6]]
    c = Canvas(LOGO_SIZE, LOGO_SIZE, "#ffffff")
    centre, light = LOGO_SIZE / 2, mix(main, "#ffffff", 0.8)
    c.circle(centre, centre, 180, main)
    c.circle(centre, centre, 150, light)
    mark = LOGO_MARKS.get(sector, "gear")
    if mark == "leaf":
        leaf(c, centre, centre, 85, main, light)
    elif mark == "gear":
        gear(c, centre, centre, 95, main, light)
    elif mark == "pine":
        pine(c, centre, centre + 110, 230, main, colours["warn"])
    elif mark == "chip":
        c.rect((centre - 70, centre - 70, centre + 70, centre + 70), main, radius=14)
        for number in range(3):
            offset = -45 + number * 45
            c.rect((centre + offset - 8, centre - 100, centre + offset + 8, centre + 100), main)
            c.rect((centre - 100, centre + offset - 8, centre + 100, centre + offset + 8), main)
        c.rect((centre - 40, centre - 40, centre + 40, centre + 40), light, radius=8)
    elif mark == "sun":
        for step in range(12):
            angle = step * math.pi / 6
            c.line(
                [
                    (centre + 70 * math.cos(angle), centre + 70 * math.sin(angle)),
                    (centre + 115 * math.cos(angle), centre + 115 * math.sin(angle)),
                ],
                colours["accent"],
                16,
            )
        c.circle(centre, centre, 60, colours["accent"])
    else:
        c.circle(centre - 42, centre - 20, 52, main)
        c.circle(centre + 42, centre - 20, 52, main)
        c.polygon([(centre - 92, centre + 5), (centre + 92, centre + 5), (centre, centre + 105)], main)
    return c.png()


# --- Wagtail images ----------------------------------------------------------------------


def demo_collection():
    found = Collection.objects.filter(name=COLLECTION, depth=2).first()
    return found or Collection.get_first_root_node().add_child(name=COLLECTION)


class DemoPictures:
    """Wagtail images of the demo topics, each drawn and stored once (found again by title)."""

    def __init__(self):
        self.images = {}

    def image(self, topic):
        if topic not in self.images:
            title = f"Demo picture: {topic}"
            existing = get_image_model().objects.filter(title=title).first()
            self.images[topic] = existing or self._create(title, topic)
        return self.images[topic]

    def _create(self, title, topic):
        data, (x, y, width, height) = draw_scene(topic)
        image = get_image_model()(
            title=title,
            description=ALT[topic.split("-")[0]]["en"],
            file=ImageFile(io.BytesIO(data), name=f"demo-{topic}.png"),
            collection=demo_collection(),
            focal_point_x=x + width // 2,
            focal_point_y=y + height // 2,
            focal_point_width=width,
            focal_point_height=height,
        )
        image.save()
        return image

    def fields(self, topic, lang):
        """The page fields of the topic's picture in `lang`: the image and its description."""
        return {"image": self.image(topic), "image_alt": ALT[topic.split("-")[0]][lang]}


# Clusters of the demo stories with a logo of their own; the demo managers' clusters show their
# monogram, so that a manager signing in can upload one.
LOGO_CLUSTERS = ("CZ-002", "SK-004", "PL-007", "HU-005", "HR-003", "TR-005", "HR-001")


def seed_logos():
    """Give the demo clusters in LOGO_CLUSTERS that have none their drawn logo. Returns how many were added."""
    clusters = list(Cluster.objects.filter(code__in=LOGO_CLUSTERS, logo__isnull=True).order_by("code"))
    for tone, cluster in enumerate(clusters):
        image = get_image_model()(
            title=f"Demo logo: {cluster.code}",
            description=f"Logo of {cluster.name}",
            file=ImageFile(io.BytesIO(draw_logo(cluster.sector, tone)), name=f"logo-{cluster.code.lower()}.png"),
            collection=demo_collection(),
        )
        image.save()
        cluster.logo = image
        cluster.save(update_fields=["logo", "updated_at"])
    return len(clusters)


# Which picture illustrates which demo page (portal/demo/content.py and training.py).
NEWS_PICTURES = {
    "benchmarking": "chart",
    "trainers": "trainers",
    "seminars": "seminar-CZ",
    "study visits": "visit",
    "labels": "medal",
    "training materials": "library",
}
STORY_PICTURES = {
    "Medical technology": "medical",
    "Automotive": "factory",
    "Wood and furniture": "wood",
    "Food and agriculture": "leaf",
    "ICT": "ict",
    "Energy": "energy",
}
MATERIAL_PICTURES = {
    "strategy": "book",
    "financing": "coins",
    "services": "checklist",
    "international": "magnifier",
    "satisfaction": "checklist",
    "stories": "slides",
    "governance": "book",
    "interview": "video",
    "matchmaking": "visit",
    "twin": "energy",
}


# The picture's description in every language (pages carry it as their translated alt text).
ALT = {
    "factory": {
        "en": "Illustration: a factory hall with a chimney and two gears",
        "cs": "Ilustrace: tovární hala s komínem a dvěma ozubenými koly",
        "sk": "Ilustrácia: továrenská hala s komínom a dvoma ozubenými kolesami",
        "pl": "Ilustracja: hala fabryczna z kominem i dwoma kołami zębatymi",
        "hu": "Illusztráció: gyárcsarnok kéménnyel és két fogaskerékkel",
        "hr": "Ilustracija: tvornička hala s dimnjakom i dva zupčanika",
        "tr": "İllüstrasyon: bacalı bir fabrika binası ve iki dişli çark",
    },
    "leaf": {
        "en": "Illustration: a green leaf over fields in the sun",
        "cs": "Ilustrace: zelený list nad poli ve slunci",
        "sk": "Ilustrácia: zelený list nad poliami v slnku",
        "pl": "Ilustracja: zielony liść nad polami w słońcu",
        "hu": "Illusztráció: zöld levél napsütötte mezők fölött",
        "hr": "Ilustracija: zeleni list iznad polja na suncu",
        "tr": "İllüstrasyon: güneşli tarlaların üzerinde yeşil bir yaprak",
    },
    "seminar": {
        "en": "Illustration: a seminar room with a trainer at the lectern, a chart on the screen and participants",
        "cs": "Ilustrace: seminární místnost se školitelem u řečnického pultu, grafem na plátně a účastníky",
        "sk": "Ilustrácia: seminárna miestnosť so školiteľom pri rečníckom pulte, grafom na plátne a účastníkmi",
        "pl": "Ilustracja: sala seminaryjna z trenerem przy mównicy, wykresem na ekranie i uczestnikami",
        "hu": "Illusztráció: szemináriumi terem, a tréner a pulpitusnál, a vásznon diagram, előtte a résztvevők",
        "hr": "Ilustracija: dvorana za seminar s trenerom za govornicom, grafikonom na platnu i sudionicima",
        "tr": "İllüstrasyon: kürsüde bir eğitmen, perdede bir grafik ve katılımcılarla bir seminer salonu",
    },
    "book": {
        "en": "Illustration: an open handbook with a bookmark",
        "cs": "Ilustrace: otevřená příručka se záložkou",
        "sk": "Ilustrácia: otvorená príručka so záložkou",
        "pl": "Ilustracja: otwarty podręcznik z zakładką",
        "hu": "Illusztráció: nyitott kézikönyv könyvjelzővel",
        "hr": "Ilustracija: otvoren priručnik s oznakom",
        "tr": "İllüstrasyon: ayraçlı, açık bir el kitabı",
    },
    "slides": {
        "en": "Illustration: a presentation screen with a pie chart and bullet points",
        "cs": "Ilustrace: promítací plátno s koláčovým grafem a body prezentace",
        "sk": "Ilustrácia: premietacie plátno s koláčovým grafom a bodmi prezentácie",
        "pl": "Ilustracja: ekran z prezentacją, wykresem kołowym i punktami",
        "hu": "Illusztráció: vetítővászon kördiagrammal és felsorolással",
        "hr": "Ilustracija: platno s prezentacijom, tortnim grafikonom i natuknicama",
        "tr": "İllüstrasyon: pasta grafiği ve maddeler içeren bir sunum perdesi",
    },
    "checklist": {
        "en": "Illustration: a clipboard with a checklist, three items ticked",
        "cs": "Ilustrace: podložka s kontrolním seznamem, tři položky odškrtnuté",
        "sk": "Ilustrácia: podložka s kontrolným zoznamom, tri položky odškrtnuté",
        "pl": "Ilustracja: podkładka z listą kontrolną, trzy punkty odhaczone",
        "hu": "Illusztráció: írótábla ellenőrzőlistával, három tétel kipipálva",
        "hr": "Ilustracija: podloga s kontrolnim popisom, tri stavke označene",
        "tr": "İllüstrasyon: üç maddesi işaretlenmiş bir kontrol listesi panosu",
    },
    "magnifier": {
        "en": "Illustration: a magnifying glass over a report showing a rising bar chart",
        "cs": "Ilustrace: lupa nad zprávou se stoupajícím sloupcovým grafem",
        "sk": "Ilustrácia: lupa nad správou so stúpajúcim stĺpcovým grafom",
        "pl": "Ilustracja: lupa nad raportem z rosnącym wykresem słupkowym",
        "hu": "Illusztráció: nagyító egy jelentés fölött, emelkedő oszlopdiagrammal",
        "hr": "Ilustracija: povećalo iznad izvješća s rastućim stupčastim grafikonom",
        "tr": "İllüstrasyon: yükselen bir sütun grafiği gösteren rapor üzerinde büyüteç",
    },
    "video": {
        "en": "Illustration: a video player with a play button",
        "cs": "Ilustrace: videopřehrávač s tlačítkem přehrát",
        "sk": "Ilustrácia: videoprehrávač s tlačidlom prehrať",
        "pl": "Ilustracja: odtwarzacz wideo z przyciskiem odtwarzania",
        "hu": "Illusztráció: videólejátszó lejátszás gombbal",
        "hr": "Ilustracija: videoplayer s gumbom za reprodukciju",
        "tr": "İllüstrasyon: oynat düğmeli bir video oynatıcı",
    },
    "chart": {
        "en": "Illustration: a bar chart rising from red through yellow to green",
        "cs": "Ilustrace: sloupcový graf stoupající od červené přes žlutou k zelené",
        "sk": "Ilustrácia: stĺpcový graf stúpajúci od červenej cez žltú k zelenej",
        "pl": "Ilustracja: wykres słupkowy rosnący od czerwieni przez żółć do zieleni",
        "hu": "Illusztráció: pirostól sárgán át zöldig emelkedő oszlopdiagram",
        "hr": "Ilustracija: stupčasti grafikon koji raste od crvene preko žute do zelene",
        "tr": "İllüstrasyon: kırmızıdan sarıya, sarıdan yeşile yükselen bir sütun grafiği",
    },
    "visit": {
        "en": "Illustration: two cluster buildings with arrows going back and forth between them and two visitors",
        "cs": "Ilustrace: dvě budovy klastrů, mezi nimi šipky tam a zpět a dva návštěvníci",
        "sk": "Ilustrácia: dve budovy klastrov, medzi nimi šípky tam a späť a dvaja návštevníci",
        "pl": "Ilustracja: dwa budynki klastrów, strzałki w obie strony między nimi i dwoje odwiedzających",
        "hu": "Illusztráció: két klaszterépület, köztük oda-vissza mutató nyilak és két látogató",
        "hr": "Ilustracija: dvije zgrade klastera sa strelicama u oba smjera i dvoje posjetitelja",
        "tr": "İllüstrasyon: aralarında gidiş dönüş okları olan iki küme binası ve iki ziyaretçi",
    },
    "medal": {
        "en": "Illustration: a silver medal with a star on a blue ribbon",
        "cs": "Ilustrace: stříbrná medaile s hvězdou na modré stuze",
        "sk": "Ilustrácia: strieborná medaila s hviezdou na modrej stuhe",
        "pl": "Ilustracja: srebrny medal z gwiazdą na niebieskiej wstążce",
        "hu": "Illusztráció: ezüstérem csillaggal, kék szalagon",
        "hr": "Ilustracija: srebrna medalja sa zvijezdom na plavoj vrpci",
        "tr": "İllüstrasyon: mavi kurdeleli, yıldızlı bir gümüş madalya",
    },
    "trainers": {
        "en": "Illustration: five trainers standing under a certificate",
        "cs": "Ilustrace: pět školitelů pod certifikátem",
        "sk": "Ilustrácia: piati školitelia pod certifikátom",
        "pl": "Ilustracja: pięcioro trenerów pod certyfikatem",
        "hu": "Illusztráció: öt tréner egy tanúsítvány alatt",
        "hr": "Ilustracija: pet trenera ispod certifikata",
        "tr": "İllüstrasyon: bir sertifikanın altında duran beş eğitmen",
    },
    "library": {
        "en": "Illustration: a shelf of seven books in different colours, one for each language",
        "cs": "Ilustrace: police se sedmi knihami v různých barvách, jedna za každý jazyk",
        "sk": "Ilustrácia: polica so siedmimi knihami v rôznych farbách, jedna za každý jazyk",
        "pl": "Ilustracja: półka z siedmioma książkami w różnych kolorach, po jednej na każdy język",
        "hu": "Illusztráció: polc hét különböző színű könyvvel, nyelvenként eggyel",
        "hr": "Ilustracija: polica sa sedam knjiga u različitim bojama, po jedna za svaki jezik",
        "tr": "İllüstrasyon: her dil için bir tane olmak üzere farklı renklerde yedi kitaplık bir raf",
    },
    "medical": {
        "en": "Illustration: a heart with a pulse line and a green cross",
        "cs": "Ilustrace: srdce s křivkou tepu a zelený kříž",
        "sk": "Ilustrácia: srdce s krivkou pulzu a zelený kríž",
        "pl": "Ilustracja: serce z linią tętna i zielony krzyż",
        "hu": "Illusztráció: szív pulzusvonallal és zöld kereszt",
        "hr": "Ilustracija: srce s linijom pulsa i zeleni križ",
        "tr": "İllüstrasyon: nabız çizgili bir kalp ve yeşil bir haç",
    },
    "wood": {
        "en": "Illustration: a wooden chair among pine trees",
        "cs": "Ilustrace: dřevěná židle mezi borovicemi",
        "sk": "Ilustrácia: drevená stolička medzi borovicami",
        "pl": "Ilustracja: drewniane krzesło wśród sosen",
        "hu": "Illusztráció: faszék fenyőfák között",
        "hr": "Ilustracija: drvena stolica među borovima",
        "tr": "İllüstrasyon: çam ağaçları arasında ahşap bir sandalye",
    },
    "ict": {
        "en": "Illustration: a microchip on a circuit board",
        "cs": "Ilustrace: mikročip na desce plošných spojů",
        "sk": "Ilustrácia: mikročip na doske plošných spojov",
        "pl": "Ilustracja: mikroprocesor na płytce drukowanej",
        "hu": "Illusztráció: mikrochip egy áramköri lapon",
        "hr": "Ilustracija: mikročip na tiskanoj pločici",
        "tr": "İllüstrasyon: bir devre kartı üzerinde mikroçip",
    },
    "energy": {
        "en": "Illustration: a wind turbine and solar panels in the sun",
        "cs": "Ilustrace: větrná turbína a solární panely ve slunci",
        "sk": "Ilustrácia: veterná turbína a solárne panely v slnku",
        "pl": "Ilustracja: turbina wiatrowa i panele słoneczne w słońcu",
        "hu": "Illusztráció: szélturbina és napelemek napsütésben",
        "hr": "Ilustracija: vjetroturbina i solarni paneli na suncu",
        "tr": "İllüstrasyon: güneş altında bir rüzgâr türbini ve güneş panelleri",
    },
    "coins": {
        "en": "Illustration: three growing stacks of coins and a rising arrow",
        "cs": "Ilustrace: tři rostoucí sloupce mincí a stoupající šipka",
        "sk": "Ilustrácia: tri rastúce stĺpce mincí a stúpajúca šípka",
        "pl": "Ilustracja: trzy rosnące stosy monet i strzałka w górę",
        "hu": "Illusztráció: három növekvő pénzérmeoszlop és egy felfelé mutató nyíl",
        "hr": "Ilustracija: tri rastuća stupca kovanica i strelica prema gore",
        "tr": "İllüstrasyon: büyüyen üç madeni para yığını ve yükselen bir ok",
    },
}
