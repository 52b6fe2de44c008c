from django import template
from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from training.models import CalendarFeedToken
from training.queries import user_registrations

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def seminar_when(seminar):
    """Start and end in the venue's time zone, formatted for the active language, with the zone's name."""
    start, end = seminar.local_start, seminar.local_end
    if start.date() == end.date():
        # Translators: a seminar on one day, e.g. "12 May 2026, 09:00–17:00 (Europe/Budapest)".
        return _("%(day)s, %(start)s–%(end)s (%(zone)s)") % {
            "day": formats.date_format(start, "DATE_FORMAT"),
            "start": formats.time_format(start, "TIME_FORMAT"),
            "end": formats.time_format(end, "TIME_FORMAT"),
            "zone": seminar.time_zone,
        }
    # Translators: a seminar over several days; both values are date and time.
    return _("%(start)s to %(end)s (%(zone)s)") % {
        "start": formats.date_format(start, "DATETIME_FORMAT"),
        "end": formats.date_format(end, "DATETIME_FORMAT"),
        "zone": seminar.time_zone,
    }


@register.filter
def venue_datetime(seminar, attribute):
    value = getattr(seminar, attribute)
    return formats.date_format(value.astimezone(seminar.zone), "DATETIME_FORMAT")


@register.simple_tag
def training_profile(user):
    """The account page's training section: registrations and the personal feed token."""
    return {
        "registrations": user_registrations(user=user, language=get_language()),
        "feed": CalendarFeedToken.objects.filter(user=user).first(),
    }
