"""Geometry of the server-rendered SVG charts; the templates in
templates/mobility/includes/ draw them. Every chart has a data table beside it.

The charts have no viewBox: their text keeps its CSS size (at least 12 px)
whatever the width of the screen, instead of shrinking with the drawing. They
take the width of their container; horizontal positions are percentages of it
and every label sits on its own line above its bars, so nothing needs a fixed
label column.
"""

from django.utils.translation import gettext_lazy as _

COLOURS = {"red": "#c0392b", "yellow": "#e0a800", "green": "#2e8b57"}
# Translators: legend entries of the traffic-light share charts.
SHARE_NAMES = {"red": _("Red"), "yellow": _("Yellow"), "green": _("Green")}
# The share of the chart's width a full (100) bar takes; the rest holds its value.
BAR_SHARE = 85


def percent_of_maximum(level):
    """A mean level (0 red .. 2 green) as a percentage of the best possible."""
    return None if level is None else round(level * 50)


def _percent(value):
    """An SVG length as a percentage of the chart's width, written the same in every language ("42.5%")."""
    return f"{round(value, 2):g}%"


def _across(percent, *, offset=0):
    """The length of a bar of `percent` (0..100) plus `offset`, in percent of the chart's width, as an SVG length."""
    return _percent(BAR_SHARE * percent / 100 + offset)


def dimension_chart(rows):
    """Two bars per dimension, the cluster's level and the network median, under the dimension's name.

    `rows` are (label, level, median level) with levels 0..2 (median may be None).
    Vertical positions are pixels; `*_width`, `*_value_x` and the axis' `x` are SVG lengths in percent.
    """
    bars = []
    row_height = 60
    for index, (label, level, median) in enumerate(rows):
        top = 48 + index * row_height
        yours, network = percent_of_maximum(level), percent_of_maximum(median)
        bars.append(
            {
                "label": label,
                "label_y": top + 14,
                "yours": yours,
                "yours_y": top + 21,
                "yours_width": _across(yours or 0),
                "yours_value_x": _across(yours or 0, offset=1),
                "network": network,
                "network_y": top + 38,
                "network_width": _across(network or 0),
                "network_value_x": _across(network or 0, offset=1),
            }
        )
    height = 48 + len(rows) * row_height + 24
    return {
        "height": height,
        "bars": bars,
        "axis": [
            {"x": _across(step), "label": step, "anchor": "start" if step == 0 else "middle"} for step in (0, 50, 100)
        ],
        "axis_bottom": height - 6,
        "grid_top": 44,
        "grid_bottom": height - 22,
    }


def share_chart(groups):
    """Stacked red/yellow/green bars, one per group under its name; suppressed groups get a note instead.

    Vertical positions are pixels; segments' `x` and `width` are SVG lengths in percent.
    """
    bars = []
    row_height = 48
    for index, group in enumerate(groups):
        top = 34 + index * row_height
        segments = []
        if not group.get("suppressed"):
            x = 0
            for colour in ("red", "yellow", "green"):
                share = group[colour]
                segments.append({"x": _percent(x), "width": _percent(share), "fill": COLOURS[colour], "share": share})
                x += share
        bars.append(
            {
                **group,
                "label": group["label"],
                "text_y": top + 14,
                "y": top + 20,
                "note_y": top + 34,
                "segments": segments,
            }
        )
    legend = [
        {"x": index * 110, "text_x": index * 110 + 20, "fill": COLOURS[colour], "name": SHARE_NAMES[colour]}
        for index, colour in enumerate(("red", "yellow", "green"))
    ]
    return {"height": 34 + len(groups) * row_height + 8, "bars": bars, "legend": legend}
