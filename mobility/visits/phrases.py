"""The words that explain a recommended peer, in the active language (peers page and dashboard)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mobility import matching
from mobility.models import Rating

# Translators: the visitor's own traffic-light rating inside "Annual budget — yours is red".
RATING_WORDS = {
    Rating.RED: pgettext_lazy("rating", "red"),
    Rating.YELLOW: pgettext_lazy("rating", "yellow"),
    Rating.GREEN: pgettext_lazy("rating", "green"),
}
# Translators: why a peer is recommended: the visitor's weak points the peer can help with, e.g.
# "Can help with: Annual budget — yours is red; Large companies — yours is yellow".
CAN_HELP_TEXT = _("Can help with: %(weak_points)s")
# Translators: one weak point inside "Can help with: ...", with the visitor's own rating.
WEAK_POINT_TEXT = _("%(indicator)s — yours is %(yours)s")
# Translators: separates the weak points inside "Can help with: ...".
WEAK_POINT_SEPARATOR = pgettext_lazy("list separator", "; ")
REASON_TEXT = {
    matching.REASON_OFFER: _("They have an open study-visit offer on one of your weak points."),
    matching.REASON_LANGUAGE: _("You have a language in common."),
    matching.REASON_SECTOR: _("They work in the same sector."),
}


def explain(contributions, indicators_by_code):
    """'Can help with: Annual budget — yours is red', in the active language; "" without contributions.

    Names only the visitor's weak points and the visitor's own ratings, never the host's.
    """
    if not contributions:
        return ""
    items = [
        WEAK_POINT_TEXT
        % {"indicator": indicators_by_code[item.indicator].name, "yours": RATING_WORDS[item.visitor_level]}
        for item in contributions
    ]
    return CAN_HELP_TEXT % {"weak_points": str(WEAK_POINT_SEPARATOR).join(str(item) for item in items)}
