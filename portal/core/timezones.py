"""Time zones as people name them: a city in the reader's language ("Prague time")."""

from django.utils.translation import gettext_lazy as _

ZONE_NAMES = {
    "Europe/Prague": _("Prague time"),
    "Europe/Bratislava": _("Bratislava time"),
    "Europe/Warsaw": _("Warsaw time"),
    "Europe/Budapest": _("Budapest time"),
    "Europe/Zagreb": _("Zagreb time"),
    "Europe/Istanbul": _("Istanbul time"),
    "Europe/Brussels": _("Brussels time"),
    "UTC": _("UTC time"),
}
TIME_ZONE_CHOICES = list(ZONE_NAMES.items())

# The zone a person in a partner country most likely lives in.
COUNTRY_ZONES = {
    "CZ": "Europe/Prague",
    "SK": "Europe/Bratislava",
    "PL": "Europe/Warsaw",
    "HU": "Europe/Budapest",
    "HR": "Europe/Zagreb",
    "TR": "Europe/Istanbul",
    "BE": "Europe/Brussels",
}


def zone_name(zone):
    """'Prague time' for 'Europe/Prague', in the active language; unknown zones as their identifier."""
    return ZONE_NAMES.get(zone, zone)


def own_time_zone(*, chosen, country_code, default):
    """A person's zone: the one they chose, else their country's, else `default`."""
    return chosen or COUNTRY_ZONES.get(country_code or "", default)
