"""The traffic-light levels of a benchmark rating, shared by results, matching, charts and demo data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.IntegerChoices):
    """Traffic-light rating of one indicator; the value is the level used in matching."""

    RED = 0, _("red (needs improvement)")
    YELLOW = 1, _("yellow (good, room to improve)")
    GREEN = 2, _("green (excellent)")


# The CSS class of each level (`templates`, charts).
RATING_CLASSES = {Rating.RED: "red", Rating.YELLOW: "yellow", Rating.GREEN: "green"}
