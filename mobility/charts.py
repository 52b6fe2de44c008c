"""Geometry of the server-rendered SVG charts; the templates in
templates/mobility/includes/ draw them. Every chart has a data table beside it."""

from django.utils.translation import gettext_lazy as _

WIDTH = 640
LABEL_WIDTH = 250
BAR_SPACE = WIDTH - LABEL_WIDTH - 60
COLOURS = {"red": "#c0392b", "yellow": "#e0a800", "green": "#2e8b57"}
# Translators: legend entries of the traffic-light share charts.
SHARE_NAMES = {"red": _("Red"), "yellow": _("Yellow"), "green": _("Green")}


def percent_of_maximum(level):
    """A mean level (0 red .. 2 green) as a percentage of the best possible."""
    return None if level is None else round(level * 50)


def dimension_chart(rows):
    """Horizontal bars per dimension: the cluster's level and the network median.

    `rows` are (label, level, median level) with levels 0..2 (median may be None).
    """
    bars = []
    row_height = 46
    for index, (label, level, median) in enumerate(rows):
        top = 30 + index * row_height
        yours, network = percent_of_maximum(level), percent_of_maximum(median)
        bars.append(
            {
                "label": label,
                "label_y": top + 17,
                "yours": yours,
                "yours_y": top + 4,
                "yours_width": round(BAR_SPACE * (yours or 0) / 100),
                "network": network,
                "network_y": top + 22,
                "network_width": round(BAR_SPACE * (network or 0) / 100),
            }
        )
    height = 40 + len(rows) * row_height
    return {
        "width": WIDTH,
        "height": height,
        "bar_x": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "value_x_offset": 6,
        "bars": bars,
        "axis": [{"x": LABEL_WIDTH + round(BAR_SPACE * step / 100), "label": step} for step in (0, 50, 100)],
        "axis_bottom": height - 8,
        "grid_bottom": height - 22,
    }


SHARE_LABEL_WIDTH = 130
SHARE_BAR_SPACE = WIDTH - SHARE_LABEL_WIDTH - 10


def share_chart(groups):
    """Stacked red/yellow/green bars, one per group; suppressed groups get a note instead of a bar."""
    bars = []
    row_height = 30
    for index, group in enumerate(groups):
        y = 36 + index * row_height
        segments = []
        if not group.get("suppressed"):
            x = SHARE_LABEL_WIDTH
            for colour in ("red", "yellow", "green"):
                width = round(SHARE_BAR_SPACE * group[colour] / 100)
                segments.append({"x": x, "width": width, "fill": COLOURS[colour], "share": group[colour]})
                x += width
        bars.append({**group, "label": group["label"], "y": y, "text_y": y + 15, "segments": segments})
    legend = [
        {
            "x": SHARE_LABEL_WIDTH + index * 110,
            "text_x": SHARE_LABEL_WIDTH + index * 110 + 20,
            "fill": COLOURS[colour],
            "name": SHARE_NAMES[colour],
        }
        for index, colour in enumerate(("red", "yellow", "green"))
    ]
    return {
        "width": WIDTH,
        "height": 46 + len(groups) * row_height,
        "bar_x": SHARE_LABEL_WIDTH,
        "label_x": SHARE_LABEL_WIDTH - 8,
        "bars": bars,
        "legend": legend,
    }
