"""iCalendar (RFC 5545/5546) for study visits: invitations by e-mail and personal-feed events.

A visit is an all-day event from the offer's first to its last day (DTEND is
the day after, as RFC 5545 requires for dates, so no VTIMEZONE is needed). Its
UID is stable per booking; SEQUENCE is `booking.sequence`, which every change
of the calendar entry raises (see `mobility.visits.services`).

Roles (RFC 5546): the host's manager who accepted the visit is the ORGANIZER
of every message about it, the visiting cluster's managers are the
ATTENDEEs. An invitation is METHOD:REQUEST, a cancellation METHOD:CANCEL with
the same UID, a higher SEQUENCE and STATUS:CANCELLED, and the e-mail part's
MIME type carries the same method.
"""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from mobility.models import BookingStatus, ClusterMembership, StudyVisitBooking
from portal.core.ical import add_timezones
from portal.core.urls import absolute_url

PRODID = "-//Centramo//Study visits//EN"
UID_DOMAIN = "visits.centramo"
REQUEST = "REQUEST"
CANCEL = "CANCEL"


def booking_uid(booking):
    return f"study-visit-{booking.pk}@{UID_DOMAIN}"


def mimetype(method):
    """The MIME type of an invitation; its `method` parameter must match the calendar's METHOD."""
    return f"text/calendar; method={method}"


def _address(user, *, role=None):
    name = user.get_full_name() or user.email
    if role is None:
        return vCalAddress.new(f"mailto:{user.email}", cn=name)
    return vCalAddress.new(f"mailto:{user.email}", cn=name, role=role, partstat="NEEDS-ACTION", rsvp=False)


def organizer_of(booking, *, host_managers):
    """The ORGANIZER: the host's manager who accepted the visit, else the host's first manager (or None)."""
    if booking.accepted_by is not None:
        return booking.accepted_by
    return host_managers[0] if host_managers else None


def _organizer_address(booking, organizer):
    if organizer is not None:
        return _address(organizer)
    # Nobody of the host left to name: the portal organises on the host's behalf.
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return vCalAddress.new(f"mailto:{address}", cn=booking.offer.cluster.name)


def _utc(moment):
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def visit_event(*, booking, attendees=(), cancelled=False, url=""):
    """One VEVENT for the visit of `booking` (its offer and both clusters loaded)."""
    offer = booking.offer
    event = Event.new(
        uid=booking_uid(booking),
        stamp=_utc(timezone.now()),
        start=offer.starts_on,
        end=offer.ends_on + datetime.timedelta(days=1),
        # Titles are the offer's in the active language (the recipient's, see send_templated_email callers).
        summary=f"{offer.title} ({offer.cluster.name})",
        description=f"{offer.cluster.name} - {booking.cluster.name}\n\n{offer.programme}",
        location=offer.place,
        url=url or None,
        sequence=booking.sequence,
        status="CANCELLED" if cancelled else "CONFIRMED",
        last_modified=_utc(booking.updated_at or timezone.now()),
        attendees=[_address(user, role="REQ-PARTICIPANT") for user in attendees] or None,
    )
    return event


def to_ical(events, *, method=None, name="Centramo study visit"):
    calendar = Calendar.new(prodid=PRODID, method=method, name=name)
    for event in events:
        calendar.add_component(event)
    return add_timezones(calendar).to_ical().decode()


def invitation(*, booking, organizer, attendees, method, url=""):
    """An e-mail attachment dict (filename, content, mimetype) with METHOD:REQUEST or METHOD:CANCEL.

    `organizer`: see `organizer_of`; `attendees`: the visiting cluster's managers.
    """
    event = visit_event(booking=booking, attendees=attendees, cancelled=method == CANCEL, url=url)
    event.add("ORGANIZER", _organizer_address(booking, organizer))
    return {
        "filename": "invite.ics" if method == REQUEST else "cancel.ics",
        "content": to_ical([event], method=method),
        "mimetype": mimetype(method),
    }


def booking_calendar(*, booking, url=""):
    """A plain download (no METHOD) of one accepted visit, for the booking page."""
    return to_ical([visit_event(booking=booking, cancelled=booking.status == BookingStatus.CANCELLED, url=url)])


def visit_events_for_user(*, user, request=None):
    """Accepted and completed visits of every cluster the user manages, as host or as visitor.

    Visits cancelled after their acceptance stay in as STATUS:CANCELLED (with
    their raised SEQUENCE), so a subscribed calendar drops them. For the
    personal calendar feed: `training.calendars.register_personal_event_provider(visit_events_for_user)`.
    """
    if not user.is_authenticated:
        return []
    managed = ClusterMembership.objects.approved_managers().filter(user=user).values("cluster_id")
    visits = (
        StudyVisitBooking.objects.filter(
            Q(status__in=BookingStatus.TAKES_PLACE) | Q(status=BookingStatus.CANCELLED, accepted_by__isnull=False)
        )
        .filter(Q(cluster_id__in=managed) | Q(offer__cluster_id__in=managed))
        .select_related("offer__cluster", "cluster")
        .order_by("offer__starts_on", "pk")
    )
    events = []
    for booking in visits:
        url = reverse("visits:booking", args=[booking.pk])
        events.append(
            visit_event(
                booking=booking,
                cancelled=booking.status == BookingStatus.CANCELLED,
                url=absolute_url(url),
            )
        )
    return events
