"""Study-visit invitations follow RFC 5546 roles; both sides' calendars drop a cancelled visit."""

import datetime

import icalendar
import pytest

from mobility.models import BookingStatus
from mobility.visits import calendars, services
from tests.calendar_readers import read_all
from tests.mobility import factories
from training.models import CalendarFeedToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context manager that delivers the e-mails queued inside it, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def visit():
    """An offer of a host with two managers and a request of a visitor with two managers.

    The host's second manager (by e-mail) is the one who will accept, so the
    ORGANIZER can't be "the first manager" by chance.
    """
    visitor, host = (
        factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": factories.R}),
        factories.PeerClusterFactory(country="SK"),
    )
    people = {
        "host_first": factories.manager(host, email="a-host@example.org"),
        "host_accepting": factories.manager(host, email="b-host@example.org", language="sk"),
        "visitor_first": factories.manager(visitor, email="c-visitor@example.org", language="cs"),
        "visitor_second": factories.manager(visitor, email="d-visitor@example.org"),
    }
    offer = factories.OfferFactory(cluster=host, starts_in=40, length=2)
    booking = factories.BookingFactory(offer=offer, cluster=visitor, requested_by=people["visitor_first"])
    return booking, people


def calendar_parts(message):
    """(MIME method parameter, calendar text) of every text/calendar part of the message as sent."""
    return [
        (part.get_param("method"), part.get_payload(decode=True).decode())
        for part in message.message().walk()
        if part.get_content_type() == "text/calendar"
    ]


def event_of(text):
    calendar = icalendar.Calendar.from_ical(text)
    [event] = calendar.events
    return calendar, event


def roles(event):
    return str(event["ORGANIZER"]), [str(attendee) for attendee in event.attendees]


def accept(booking, people, committed, mailoutbox):
    with committed():
        services.accept_booking(booking=booking, by=people["host_accepting"])
    invitations = list(mailoutbox)
    mailoutbox.clear()
    return invitations


def test_invitation_has_the_accepting_host_manager_as_organizer_and_the_visitors_as_attendees(
    visit, committed, mailoutbox
):
    booking, people = visit

    invitations = accept(booking, people, committed, mailoutbox)

    assert [message.to for message in invitations] == [["c-visitor@example.org"], ["d-visitor@example.org"]]
    for message in invitations:
        [(mime_method, text)] = calendar_parts(message)
        calendar, event = event_of(text)
        assert (mime_method, calendar["METHOD"]) == ("REQUEST", "REQUEST")
        assert roles(event) == (
            "mailto:b-host@example.org",
            ["mailto:c-visitor@example.org", "mailto:d-visitor@example.org"],
        )
        assert [attendee.params["ROLE"] for attendee in event.attendees] == ["REQ-PARTICIPANT"] * 2
        assert (int(event["SEQUENCE"]), str(event["STATUS"])) == (0, "CONFIRMED")
    booking.refresh_from_db()
    assert booking.accepted_by == people["host_accepting"]


@pytest.mark.parametrize("canceller", ["visitor_second", "host_first"])
def test_whoever_cancels_both_sides_get_a_cancel_with_the_same_uid_and_a_higher_sequence(
    visit, committed, mailoutbox, canceller
):
    booking, people = visit
    [invitation, _second] = accept(booking, people, committed, mailoutbox)
    [(_method, request_text)] = calendar_parts(invitation)
    _request, request_event = event_of(request_text)

    with committed():
        services.cancel_booking(booking=booking, by=people[canceller])

    assert sorted(message.to[0] for message in mailoutbox) == [
        "a-host@example.org",
        "b-host@example.org",
        "c-visitor@example.org",
        "d-visitor@example.org",
    ]
    for message in mailoutbox:
        [(mime_method, text)] = calendar_parts(message)
        calendar, event = event_of(text)
        assert (mime_method, calendar["METHOD"], str(event["STATUS"])) == ("CANCEL", "CANCEL", "CANCELLED")
        assert str(event["UID"]) == str(request_event["UID"]) == calendars.booking_uid(booking)
        assert (int(request_event["SEQUENCE"]), int(event["SEQUENCE"])) == (0, 1)
        assert roles(event) == roles(request_event)
        assert [attachment[0] for attachment in message.attachments] == ["cancel.ics"]
    own = next(message for message in mailoutbox if message.to == [people[canceller].email])
    others = [message for message in mailoutbox if message is not own]
    name = people[canceller].get_full_name()
    assert f"{name} has cancelled" not in own.body
    assert "You have cancelled the visit of" in own.body
    # The others read who cancelled ("... zrušil(a) Test d-visitor." in Czech).
    assert [name in message.body for message in others] == [True] * 3


def test_cancellation_message_to_the_canceller_in_their_language(visit, committed, mailoutbox):
    booking, people = visit
    accept(booking, people, committed, mailoutbox)

    with committed():
        services.cancel_booking(booking=booking, by=people["visitor_first"])

    [own] = [message for message in mailoutbox if message.to == ["c-visitor@example.org"]]
    assert "Zrušili jste návštěvu" in own.body


def test_an_unaccepted_request_cancelled_mails_the_other_side_without_calendar(visit, committed, mailoutbox):
    booking, people = visit

    with committed():
        services.cancel_booking(booking=booking, by=people["visitor_first"])

    assert [(message.to, message.attachments) for message in mailoutbox] == [
        (["a-host@example.org"], []),
        (["b-host@example.org"], []),
    ]


def test_moved_visit_keeps_the_organizer_when_another_host_manager_edits(visit, committed, mailoutbox):
    booking, people = visit
    accept(booking, people, committed, mailoutbox)
    offer = booking.offer

    with committed():
        services.update_offer(
            offer=offer,
            by=people["host_first"],
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

    for message in mailoutbox:
        [(mime_method, text)] = calendar_parts(message)
        calendar, event = event_of(text)
        assert (mime_method, calendar["METHOD"], int(event["SEQUENCE"])) == ("REQUEST", "REQUEST", 1)
        assert str(event["ORGANIZER"]) == "mailto:b-host@example.org"
    assert len(mailoutbox) == 2


def test_visits_accepted_before_organizers_were_kept_use_the_hosts_first_manager(visit, committed, mailoutbox):
    booking, people = visit
    booking.status = BookingStatus.ACCEPTED
    booking.save()

    with committed():
        services.cancel_booking(booking=booking, by=people["visitor_first"])

    organizers = {str(event_of(calendar_parts(message)[0][1])[1]["ORGANIZER"]) for message in mailoutbox}
    assert organizers == {"mailto:a-host@example.org"}


def test_invitation_and_cancellation_read_the_same_in_icaljs_vobject_and_icalendar(visit, committed, mailoutbox):
    booking, people = visit
    [invitation, _second] = accept(booking, people, committed, mailoutbox)
    with committed():
        services.cancel_booking(booking=booking, by=people["host_accepting"])
    texts = [calendar_parts(invitation)[0][1], calendar_parts(mailoutbox[0])[0][1]]

    read = read_all(*texts)

    offer = booking.offer
    first, after_last = offer.starts_on, offer.ends_on + datetime.timedelta(days=1)
    assert read == [[(calendars.booking_uid(booking), first.isoformat(), after_last.isoformat())]] * 2


def test_personal_feeds_of_both_sides_keep_a_cancelled_visit_as_cancelled(client, visit, committed, mailoutbox):
    booking, people = visit
    accept(booking, people, committed, mailoutbox)
    with committed():
        services.cancel_booking(booking=booking, by=people["visitor_second"])
    feeds = [CalendarFeedToken.objects.create(user=people[name]) for name in ("host_first", "visitor_first")]

    events = []
    for feed in feeds:
        calendar = icalendar.Calendar.from_ical(client.get(f"/calendar/personal/{feed.token}.ics").content)
        events += [(str(event["UID"]), str(event["STATUS"]), int(event["SEQUENCE"])) for event in calendar.events]

    assert events == [(calendars.booking_uid(booking), "CANCELLED", 1)] * 2


def test_head_on_the_booking_calendar_answers_200(client, visit, committed, mailoutbox):
    booking, people = visit
    accept(booking, people, committed, mailoutbox)
    client.force_login(people["host_first"])
    url = f"/en/study-visits/bookings/{booking.pk}/calendar.ics"

    answer = client.head(url)

    assert (answer.status_code, answer["Content-Type"], answer.content) == (200, "text/calendar; charset=utf-8", b"")
    assert client.post(url).status_code == 405


def test_visit_events_for_user_both_sides_see_accepted_visits():
    visitor, visitor_manager, host, host_manager = factories.pair()
    accepted = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host),
        cluster=visitor,
        requested_by=visitor_manager,
        status=BookingStatus.ACCEPTED,
    )
    factories.BookingFactory(offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager)
    factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host),
        cluster=visitor,
        requested_by=visitor_manager,
        status=BookingStatus.CANCELLED,
    )

    def uids(user):
        return [str(event["UID"]) for event in calendars.visit_events_for_user(user=user)]

    assert uids(visitor_manager) == [calendars.booking_uid(accepted)]
    assert uids(host_manager) == [calendars.booking_uid(accepted)]
    assert uids(factories.UserFactory()) == []
