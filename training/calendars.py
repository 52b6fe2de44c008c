"""iCalendar (RFC 5545) files for seminars: downloads, e-mail attachments and feeds.

Every event has a UID that is the same for all translations and downloads of
a seminar, DTSTAMP in UTC, start and end with the venue's TZID, SEQUENCE, URL and
LOCATION. `portal.core.ical.add_timezones` adds a VTIMEZONE for every TZID,
covering the years the file's events fall in.

The personal feed is assembled from `PERSONAL_EVENT_PROVIDERS`: callables
taking `user=` and returning icalendar Events. Other apps (study visits) add
theirs with `register_personal_event_provider`.
"""

import datetime
import zoneinfo

from django.utils import timezone
from icalendar import Calendar, Event

from portal.core.ical import add_timezones
from portal.core.urls import absolute_url
from training.enums import RegistrationStatus
from training.queries import user_registrations

PRODID = "-//Centramo//Seminars//EN"
UID_DOMAIN = "seminars.centramo"


def seminar_uid(translation_key):
    return f"seminar-{translation_key}@{UID_DOMAIN}"


def seminar_event(*, seminar, sequence, cancelled=False):
    """One VEVENT for a seminar page (any translation); the times are in the venue's zone."""
    zone = zoneinfo.ZoneInfo(seminar.time_zone)
    url = absolute_url(seminar)
    description = seminar.summary
    if seminar.online_url:
        description = f"{description}\n\n{seminar.online_url}"
    return Event.new(
        uid=seminar_uid(seminar.translation_key),
        stamp=timezone.now().astimezone(datetime.UTC).replace(microsecond=0),
        start=seminar.starts_at.astimezone(zone),
        end=seminar.ends_at.astimezone(zone),
        summary=seminar.title,
        description=description,
        location=seminar.location,
        url=url,
        sequence=sequence,
        status="CANCELLED" if cancelled or seminar.is_cancelled else "CONFIRMED",
        last_modified=(seminar.last_published_at or timezone.now()).astimezone(datetime.UTC).replace(microsecond=0),
    )


def to_ical(events, *, name):
    calendar = Calendar.new(prodid=PRODID, name=name, uid=f"{name.lower().replace(' ', '-')}@{UID_DOMAIN}")
    for event in events:
        calendar.add_component(event)
    return add_timezones(calendar).to_ical().decode()


def seminar_calendar(*, seminar, state):
    sequence = state.sequence if state else 0
    return to_ical([seminar_event(seminar=seminar, sequence=sequence)], name="Centramo seminar")


def registration_sequence(*, registration, state):
    """The seminar's SEQUENCE plus the person's own changes, so a cancellation always supersedes."""
    return (state.sequence if state else 0) + registration.revision


def registration_calendar(*, registration, seminar, state):
    event = seminar_event(
        seminar=seminar,
        sequence=registration_sequence(registration=registration, state=state),
        cancelled=registration.status == RegistrationStatus.CANCELLED,
    )
    return to_ical([event], name="Centramo seminar")


def public_feed(*, seminars, states):
    events = [
        seminar_event(
            seminar=seminar,
            sequence=states[seminar.translation_key].sequence if seminar.translation_key in states else 0,
        )
        for seminar in seminars
    ]
    return to_ical(events, name="Centramo seminars")


def seminar_registration_events(*, user):
    """Confirmed registrations, and cancelled ones as STATUS:CANCELLED. Waiting-list places are left out."""
    events = []
    for registration in user_registrations(user=user, language=user.preferred_language):
        if registration.status == RegistrationStatus.WAITING:
            continue
        events.append(
            seminar_event(
                seminar=registration.seminar,
                sequence=registration_sequence(registration=registration, state=registration.state),
                cancelled=registration.status == RegistrationStatus.CANCELLED,
            )
        )
    return events


PERSONAL_EVENT_PROVIDERS = [seminar_registration_events]


def register_personal_event_provider(provider):
    """Add a callable `provider(*, user) -> list[Event]` to every personal feed."""
    if provider not in PERSONAL_EVENT_PROVIDERS:
        PERSONAL_EVENT_PROVIDERS.append(provider)


def personal_feed_events(*, user):
    events = []
    for provider in PERSONAL_EVENT_PROVIDERS:
        events.extend(provider(user=user))
    return events


def personal_feed(*, user):
    return to_ical(personal_feed_events(user=user), name="Centramo personal calendar")
