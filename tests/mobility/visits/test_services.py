"""Study-visit writes: offers, requests, the booking steps with their e-mails and invitations, reports."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections

from mobility.models import BookingStatus, Indicator, StudyVisitBooking
from mobility.visits import services
from tests.mobility import factories
from tests.mobility.factories import R
from tests.mobility.visits.support import (
    ROLES,
    STEP_RULES,
    actor,
    attachments,
    booking_for_step,
    completed,
    focus,
    parse,
)

pytestmark = pytest.mark.django_db


def test_update_offer_cannot_drop_places_below_accepted():
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host, places=5)
    factories.BookingFactory(
        offer=offer, cluster=visitor, requested_by=visitor_manager, participants=4, status=BookingStatus.ACCEPTED
    )
    fields = {
        "title": {"en": "T"},
        "programme": {"en": "P"},
        "starts_on": offer.starts_on,
        "ends_on": offer.ends_on,
        "place": {"en": offer.place},
        "places": 3,
        "languages": ["en"],
        "topics": [],
        "request_deadline": offer.request_deadline,
    }

    with pytest.raises(ValidationError):
        services.update_offer(offer=offer, by=host_manager, **fields)


def test_update_offer_moving_dates_sends_updated_invitation(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host)
    booking = factories.BookingFactory(
        offer=offer, cluster=visitor, requested_by=visitor_manager, status=BookingStatus.ACCEPTED
    )

    with committed():
        services.update_offer(
            offer=offer,
            by=host_manager,
            title={"en": "Moved"},
            programme={"en": "P"},
            starts_on=factories.days(50),
            ends_on=factories.days(51),
            place={"en": offer.place},
            places=offer.places,
            languages=["en"],
            topics=[],
            request_deadline=offer.request_deadline,
        )

    booking.refresh_from_db()
    [message] = mailoutbox
    [(_name, content, mimetype)] = attachments(message)
    calendar, event = parse(content)
    assert booking.sequence == 1
    assert message.to == [visitor_manager.email]
    assert (mimetype, calendar["METHOD"], int(event["SEQUENCE"])) == ("text/calendar; method=REQUEST", "REQUEST", 1)
    assert event.start == factories.days(50)


def test_request_visit_by_visitor_manager_notifies_host_in_their_language(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair(host_language="sk")
    offer = factories.OfferFactory(cluster=host)

    with committed():
        booking = services.request_visit(
            offer=offer,
            cluster=visitor,
            by=visitor_manager,
            participants=3,
            focus_indicators=focus("FIN.2", "GOV.5"),
            message="We struggle with private funding.",
        )

    assert (booking.status, booking.participants, booking.requested_by) == (
        BookingStatus.REQUESTED,
        3,
        visitor_manager,
    )
    assert [indicator.code for indicator in booking.focus_indicators.order_by("code")] == ["FIN.2", "GOV.5"]
    [message] = mailoutbox
    assert message.to == [host_manager.email]
    assert Indicator.objects.get(code="FIN.2").name_sk in message.body
    assert f"/sk/studijne-navstevy/rezervacie/{booking.pk}/" in message.body
    assert "We struggle with private funding." in message.body


def test_request_visit_focus_must_be_among_weak_points():
    visitor, visitor_manager, host, _host_manager = factories.pair()

    with pytest.raises(ValidationError):
        services.request_visit(
            offer=factories.OfferFactory(cluster=host),
            cluster=visitor,
            by=visitor_manager,
            participants=1,
            focus_indicators=focus("SRV.1"),  # green for the visitor
        )


def test_request_visit_refused_when_closed_late_too_big_duplicate_or_own():
    visitor, visitor_manager, host, host_manager = factories.pair()

    def ask(offer, cluster=visitor, by=visitor_manager, participants=1):
        return services.request_visit(
            offer=offer, cluster=cluster, by=by, participants=participants, focus_indicators=focus("FIN.2")
        )

    open_offer = factories.OfferFactory(cluster=host, places=4)
    ask(open_offer)
    for offer, participants in (
        (factories.OfferFactory(cluster=host, is_open=False), 1),
        (factories.OfferFactory(cluster=host, deadline_in=-1), 1),
        (factories.OfferFactory(cluster=host, places=4), 5),
        (open_offer, 1),
    ):
        with pytest.raises(ValidationError):
            ask(offer, participants=participants)
    own = factories.OfferFactory(cluster=visitor)
    with pytest.raises(ValidationError):
        ask(own)


@pytest.mark.parametrize("role", ["host manager", "stranger", "requested manager", "analyst"])
def test_request_visit_only_by_visitor_manager(role):
    visitor, _visitor_manager, host, host_manager = factories.pair()
    by = {
        "host manager": lambda: host_manager,
        "stranger": factories.UserFactory,
        "requested manager": lambda: factories.manager(visitor, status="requested"),
        "analyst": factories.AnalystFactory,
    }[role]()

    with pytest.raises(PermissionDenied):
        services.request_visit(
            offer=factories.OfferFactory(cluster=host),
            cluster=visitor,
            by=by,
            participants=1,
            focus_indicators=focus("FIN.2"),
        )


def test_accept_booking_sends_invitation_with_organizer_and_attendee(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair(visitor_language="cs")
    offer = factories.OfferFactory(cluster=host, starts_in=40, length=2, place_en="Košice")
    booking = factories.BookingFactory(offer=offer, cluster=visitor, requested_by=visitor_manager)

    with committed():
        services.accept_booking(booking=booking, by=host_manager)

    booking.refresh_from_db()
    [message] = mailoutbox
    [(name, content, mimetype)] = attachments(message)
    calendar, event = parse(content)
    assert booking.status == BookingStatus.ACCEPTED
    assert message.to == [visitor_manager.email]
    assert f"/cs/studijni-navstevy/rezervace/{booking.pk}/" in message.body
    assert (name, mimetype) == ("invite.ics", "text/calendar; method=REQUEST")
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == f"study-visit-{booking.pk}@visits.centramo"
    assert int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]) == f"mailto:{host_manager.email}"
    assert [str(attendee) for attendee in event.attendees] == [f"mailto:{visitor_manager.email}"]
    assert (event.start, event.end) == (offer.starts_on, offer.ends_on + datetime.timedelta(days=1))
    assert str(event["LOCATION"]) == "Košice"


def test_cancel_accepted_visit_sends_cancel_with_same_uid_and_higher_sequence(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )
    with committed():
        services.accept_booking(booking=booking, by=host_manager)

    with committed():
        services.cancel_booking(booking=booking, by=visitor_manager)

    booking.refresh_from_db()
    invitation, *cancellations = mailoutbox
    _request_calendar, request_event = parse(attachments(invitation)[0][1])
    assert booking.status == BookingStatus.CANCELLED
    # Both sides' calendars hold the visit: the host and the visitor who cancelled both get the CANCEL.
    assert [cancellation.to for cancellation in cancellations] == [[host_manager.email], [visitor_manager.email]]
    for cancellation in cancellations:
        [(name, content, mimetype)] = attachments(cancellation)
        calendar, event = parse(content)
        assert (name, mimetype, calendar["METHOD"]) == ("cancel.ics", "text/calendar; method=CANCEL", "CANCEL")
        assert str(event["UID"]) == str(request_event["UID"])
        assert int(event["SEQUENCE"]) > int(request_event["SEQUENCE"])
        assert str(event["STATUS"]) == "CANCELLED"


def test_cancel_requested_visit_by_host_mails_visitor_without_calendar(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )

    with committed():
        services.cancel_booking(booking=booking, by=host_manager)

    [message] = mailoutbox
    assert message.to == [visitor_manager.email]
    assert message.attachments == []


def test_decline_booking_mails_visitor(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )

    with committed():
        services.decline_booking(booking=booking, by=host_manager)

    booking.refresh_from_db()
    [message] = mailoutbox
    assert booking.status == BookingStatus.DECLINED
    assert message.to == [visitor_manager.email]


def test_complete_booking_only_after_last_day(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    current = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host, starts_in=-1, length=2, deadline_in=-5),
        cluster=visitor,
        status=BookingStatus.ACCEPTED,
    )
    past = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host, starts_in=-3, length=2, deadline_in=-5),
        cluster=visitor,
        status=BookingStatus.ACCEPTED,
    )

    with pytest.raises(ValidationError):
        services.complete_booking(booking=current, by=visitor_manager)
    with committed():
        services.complete_booking(booking=past, by=visitor_manager)

    past.refresh_from_db()
    [message] = mailoutbox
    assert past.status == BookingStatus.COMPLETED
    assert message.to == [host_manager.email]


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("accept", BookingStatus.DECLINED),
        ("decline", BookingStatus.ACCEPTED),
        ("cancel", BookingStatus.DECLINED),
        ("cancel", BookingStatus.COMPLETED),
        ("complete", BookingStatus.REQUESTED),
    ],
)
def test_transition_from_wrong_state_is_refused(step, status):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host, starts_in=-5, deadline_in=-9), cluster=visitor, status=status
    )
    service = {
        "accept": services.accept_booking,
        "decline": services.decline_booking,
        "cancel": services.cancel_booking,
        "complete": services.complete_booking,
    }[step]

    with pytest.raises(ValidationError):
        service(booking=booking, by=host_manager if step in ("accept", "decline") else visitor_manager)


def test_accept_never_exceeds_places():
    visitor, visitor_manager, host, host_manager = factories.pair()
    other = factories.PeerClusterFactory(ratings={"FIN.2": R})
    offer = factories.OfferFactory(cluster=host, places=5)
    first = factories.BookingFactory(offer=offer, cluster=visitor, requested_by=visitor_manager, participants=3)
    second = factories.BookingFactory(offer=offer, cluster=other, requested_by=factories.manager(other), participants=3)

    services.accept_booking(booking=first, by=host_manager)
    with pytest.raises(ValidationError) as refused:
        services.accept_booking(booking=second, by=host_manager)

    second.refresh_from_db()
    assert second.status == BookingStatus.REQUESTED
    assert refused.value.messages == ["Only 2 of the 5 places are still free; this request is for 3."]


STEP_TARGETS = {
    "accept": BookingStatus.ACCEPTED,
    "decline": BookingStatus.DECLINED,
    "cancel": BookingStatus.CANCELLED,
    "complete": BookingStatus.COMPLETED,
}


@pytest.mark.parametrize("step", list(STEP_RULES))
@pytest.mark.parametrize("role", ROLES)
def test_booking_step_service_permissions(step, role):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = booking_for_step(step, visitor, visitor_manager, host)
    by = actor(role, visitor_manager, host_manager)
    service = getattr(services, f"{step}_booking")

    if role in STEP_RULES[step]:
        service(booking=booking, by=by)
        booking.refresh_from_db()
        assert booking.status == STEP_TARGETS[step]
    else:
        with pytest.raises(PermissionDenied):
            service(booking=booking, by=by)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_acceptances_never_exceed_places():
    for _round in range(5):
        host = factories.PeerClusterFactory()
        host_manager = factories.manager(host)
        offer = factories.OfferFactory(cluster=host, places=5)
        bookings = []
        for _number in range(6):
            visitor = factories.PeerClusterFactory(ratings={"FIN.2": R})
            bookings.append(
                factories.BookingFactory(
                    offer=offer, cluster=visitor, requested_by=factories.manager(visitor), participants=2
                )
            )
        barrier = threading.Barrier(len(bookings))
        outcomes = []

        def accept(booking, barrier=barrier, by=host_manager, outcomes=outcomes):
            try:
                barrier.wait()
                services.accept_booking(booking=booking, by=by)
                outcomes.append("accepted")
            except ValidationError:
                outcomes.append("refused")
            finally:
                close_old_connections()

        threads = [threading.Thread(target=accept, args=(booking,)) for booking in bookings]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        taken = sum(
            StudyVisitBooking.objects.filter(offer=offer, status=BookingStatus.ACCEPTED).values_list(
                "participants", flat=True
            )
        )
        assert sorted(outcomes) == ["accepted", "accepted", "refused", "refused", "refused", "refused"]
        assert taken == 4


def test_file_report_with_three_actions_and_share_mails_host(mailoutbox, committed):
    booking, visitor_manager, host_manager = completed()
    fin2, gov5, srv1 = focus("FIN.2", "GOV.5", "SRV.1")

    with committed():
        report = services.file_report(
            booking=booking,
            by=visitor_manager,
            learned="Membership fees can fund half of the management.",
            actions=[(fin2, "Introduce fees."), (gov5, "Write a strategy."), (srv1, "Offer matchmaking.")],
            shared_with_host=True,
        )

    assert [(action.indicator.code, action.description) for action in report.actions.all()] == [
        ("FIN.2", "Introduce fees."),
        ("GOV.5", "Write a strategy."),
        ("SRV.1", "Offer matchmaking."),
    ]
    [message] = mailoutbox
    assert message.to == [host_manager.email]


def test_file_report_refuses_four_actions_host_and_unfinished_visit():
    booking, visitor_manager, host_manager = completed()
    fin2 = focus("FIN.2")[0]

    with pytest.raises(ValidationError):
        services.file_report(booking=booking, by=visitor_manager, learned="x", actions=[(fin2, "a")] * 4)
    with pytest.raises(PermissionDenied):
        services.file_report(booking=booking, by=host_manager, learned="x", actions=[])
    booking.status = BookingStatus.ACCEPTED
    booking.save()
    with pytest.raises(ValidationError):
        services.file_report(booking=booking, by=visitor_manager, learned="x", actions=[])
