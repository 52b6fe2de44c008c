"""The translated URL segments of every route outside Wagtail's page tree, and `route()` to fill them in.

One module, so a segment shared by several URL modules (`request`, `study-visits`)
has one msgid and one translation. The English segments keep working under
every language prefix through a permanent redirect (`portal.url_segments`).
"""

from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

# Translators: URL segments: lowercase ASCII letters, digits and hyphens only.
SEGMENTS = {
    "clusters": pgettext_lazy("URL segment", "clusters"),
    "results": pgettext_lazy("URL segment", "results"),
    "print": pgettext_lazy("URL segment", "print"),
    "statistics": pgettext_lazy("URL segment", "network-statistics"),
    "my_clusters": pgettext_lazy("URL segment", "my-clusters"),
    "request": pgettext_lazy("URL segment", "request"),
    "requests": pgettext_lazy("URL segment", "requests"),
    "matching_consent": pgettext_lazy("URL segment", "matching-consent"),
    "logo": pgettext_lazy("URL segment", "logo"),
    "dashboard": pgettext_lazy("URL segment", "dashboard"),
    "peers": pgettext_lazy("URL segment", "peers"),
    "visits": pgettext_lazy("URL segment", "study-visits"),
    "new": pgettext_lazy("URL segment", "new"),
    "edit": pgettext_lazy("URL segment", "edit"),
    "open": pgettext_lazy("URL segment", "open"),
    "bookings": pgettext_lazy("URL segment", "bookings"),
    "report": pgettext_lazy("URL segment", "report"),
    "reports": pgettext_lazy("URL segment", "reports"),
    "story": pgettext_lazy("URL segment", "story"),
}


def route(pattern):
    """`pattern` with each `{name}` replaced by that segment in the active language, e.g. route("{clusters}/")."""
    return format_lazy(pattern, **SEGMENTS)
