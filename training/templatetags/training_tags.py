import zoneinfo

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.languages import in_language as in_language_mark
from portal.core.timezones import own_time_zone, zone_name
from training.models import CalendarFeedToken
from training.queries import user_registrations

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def in_language(code):
    """The mark of an item shown in its original language: "in Czech", in the reader's language."""
    return in_language_mark(code)


def _when(start, end, zone):
    if start.date() == end.date():
        # Translators: a seminar on one day, e.g. "12 May 2026, 09:00–17:00 (Budapest time)".
        return _("%(day)s, %(start)s–%(end)s (%(zone)s)") % {
            "day": formats.date_format(start, "DATE_FORMAT"),
            "start": formats.time_format(start, "TIME_FORMAT"),
            "end": formats.time_format(end, "TIME_FORMAT"),
            "zone": zone_name(zone),
        }
    # Translators: a seminar over several days; both values are date and time.
    return _("%(start)s to %(end)s (%(zone)s)") % {
        "start": formats.date_format(start, "DATETIME_FORMAT"),
        "end": formats.date_format(end, "DATETIME_FORMAT"),
        "zone": zone_name(zone),
    }


@register.filter
def seminar_when(seminar):
    """Start and end in the venue's time zone, formatted for the active language, with the zone's city."""
    return _when(seminar.local_start, seminar.local_end, seminar.time_zone)


def user_time_zone(user):
    """The signed-in user's own zone: their setting, else their country's, else the site's."""
    return own_time_zone(
        chosen=user.time_zone, country_code=user.country.code if user.country else "", default=settings.TIME_ZONE
    )


@register.filter
def seminar_when_for(seminar, user):
    """The seminar's time in the user's own zone; empty when that is the venue's zone."""
    zone = user_time_zone(user)
    if zone == seminar.time_zone:
        return ""
    own = zoneinfo.ZoneInfo(zone)
    return _when(seminar.starts_at.astimezone(own), seminar.ends_at.astimezone(own), zone)


@register.filter
def registration_until(seminar):
    """The last day on which one can register: the deadline itself, not the midnight after it."""
    last_day = seminar.registration_deadline
    if last_day is None or last_day >= seminar.start_date:
        # Translators: registration stays open until the seminar starts, e.g. "until it starts, 12 May, 09:00".
        return _("until the seminar starts (%(when)s)") % {
            "when": formats.date_format(seminar.local_start, "DATETIME_FORMAT")
        }
    # Translators: the last day of registration, e.g. "until 10 February 2027".
    return _("until %(day)s") % {"day": formats.date_format(last_day, "DATE_FORMAT")}


@register.simple_tag
def training_profile(user):
    """The account page's training section: registrations and the personal feed token."""
    return {
        "registrations": user_registrations(user=user, language=get_language()),
        "feed": CalendarFeedToken.objects.filter(user=user).first(),
    }


@register.simple_tag
def seminar_date_block(seminar):
    """Day and abbreviated month of the first day in the venue's time zone, in the active language."""
    start = seminar.local_start
    return {
        "day": formats.date_format(start, "j"),
        "month": formats.date_format(start, "M"),
        "iso": start.date().isoformat(),
    }


@register.inclusion_tag("training/includes/capacity.html")
def seminar_capacity(taken, capacity, key):
    """The places taken of the capacity, as text and as a bar (which never runs past full)."""
    return {
        "taken": taken,
        "capacity": capacity,
        "shown": min(taken, capacity),
        "full": taken >= capacity,
        "meter_id": f"places-{key}",
    }


@register.filter
def seminar_card_action(seminar):
    """The one thing a card invites to: register, join the waiting list, or read the details."""
    if seminar.is_cancelled or getattr(seminar, "has_ended", False) or seminar.registration_closes_at <= timezone.now():
        return "details"
    return "register" if seminar.places_left else "waitlist"
