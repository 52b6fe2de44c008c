"""Helpers shared by the study-visit tests: form data, e-mail attachments, actors and bookings in a given state."""

import icalendar

from mobility.models import BookingStatus, Indicator
from tests.mobility import factories


def focus(*codes):
    return factories.indicators(*codes)


def offer_post(**changes):
    data = {
        "title_en": "Financing without subsidies",
        "programme_en": "Two days with our finance team.",
        "place_en": "Bratislava",
        "starts_on": factories.days(30).isoformat(),
        "ends_on": factories.days(31).isoformat(),
        "request_deadline": factories.days(20).isoformat(),
        "places": "8",
        "languages": ["sk", "en"],
        "topics": [str(Indicator.objects.get(code="FIN.2").pk)],
    }
    data.update(changes)
    return data


def attachments(message):
    return [(name, content, mimetype) for name, content, mimetype in message.attachments]


def parse(content):
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    return calendar, event


# Who may take each step: (step, role) -> allowed. Roles: the host's and the visitor's approved managers,
# a manager of an unrelated cluster, an analyst, a superuser.
STEP_RULES = {
    "accept": {"host"},
    "decline": {"host"},
    "cancel": {"host", "visitor"},
    "complete": {"host", "visitor"},
}


ROLES = ["host", "visitor", "other manager", "analyst", "superuser"]


def actor(role, visitor_manager, host_manager):
    return {
        "host": lambda: host_manager,
        "visitor": lambda: visitor_manager,
        "other manager": lambda: factories.manager(factories.PeerClusterFactory()),
        "analyst": factories.AnalystFactory,
        "superuser": lambda: factories.UserFactory(role="admin"),
    }[role]()


def booking_for_step(step, visitor, visitor_manager, host):
    if step == "complete":
        offer = factories.OfferFactory(cluster=host, starts_in=-4, length=2, deadline_in=-9)
        return factories.BookingFactory(
            offer=offer, cluster=visitor, requested_by=visitor_manager, status=BookingStatus.ACCEPTED
        )
    return factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )


def completed(shared=None):
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host, starts_in=-10, length=2, deadline_in=-20)
    booking = factories.BookingFactory(
        offer=offer, cluster=visitor, requested_by=visitor_manager, status=BookingStatus.COMPLETED
    )
    if shared is not None:
        factories.ReportFactory(booking=booking, shared_with_host=shared)
    return booking, visitor_manager, host_manager
