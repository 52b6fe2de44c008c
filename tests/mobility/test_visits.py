"""Study-visit offers, bookings, invitations and reports (DESIGN.md 4.4)."""

import datetime
import threading

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import urlencode

from content.models import BestPracticePage
from mobility import visit_calendars, visit_queries, visits
from mobility.models import BookingStatus, Indicator, StudyVisitBooking, StudyVisitOffer, VisitReport
from tests.mobility import visit_factories as factories
from tests.mobility.visit_factories import R

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context manager that delivers the e-mails queued inside it, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def attachments(message):
    return [(name, content, mimetype) for name, content, mimetype in message.attachments]


def parse(content):
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    return calendar, event


# --- Offers -----------------------------------------------------------------


def test_offer_create_by_manager_stores_each_language_written(client):
    host = factories.cluster(country="SK")
    client.force_login(factories.manager(host))

    response = client.post(
        "/sk/studijne-navstevy/nova/",
        offer_post(title_sk="Financovanie bez dotácií", place_sk="Bratislava, Staré Mesto"),
    )

    offer = StudyVisitOffer.objects.get(cluster=host)
    assert response.status_code == 302
    assert response["Location"] == f"/sk/studijne-navstevy/{offer.pk}/"
    assert (offer.title_sk, offer.title_en, offer.programme_en, offer.programme_sk, offer.place_sk, offer.title_pl) == (
        "Financovanie bez dotácií",
        "Financing without subsidies",
        "Two days with our finance team.",
        None,
        "Bratislava, Staré Mesto",
        None,
    )
    assert offer.languages == ["sk", "en"]
    assert [topic.code for topic in offer.topics.all()] == ["FIN.2"]
    assert offer.is_open is True


def test_offer_edit_in_other_language_keeps_english(client):
    host = factories.cluster()
    offer = factories.offer(host, title_en="Financing visit")
    client.force_login(factories.manager(host))

    form = client.get(f"/pl/wizyty-studyjne/{offer.pk}/edytuj/").context["form"]
    response = client.post(
        f"/pl/wizyty-studyjne/{offer.pk}/edytuj/", offer_post(title_en="Financing visit", title_pl="Wizyta finansowa")
    )

    offer.refresh_from_db()
    assert (form.initial["title_en"], form.initial["title_pl"]) == ("Financing visit", "")
    assert response.status_code == 302
    assert (offer.title_pl, offer.title_en) == ("Wizyta finansowa", "Financing visit")


def test_offer_form_bad_dates_shows_errors(client):
    host = factories.cluster()
    client.force_login(factories.manager(host))

    response = client.post(
        "/en/study-visits/new/",
        offer_post(ends_on=factories.days(29).isoformat(), request_deadline=factories.days(35).isoformat()),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"ends_on", "request_deadline"}
    assert not StudyVisitOffer.objects.filter(cluster=host).exists()


def test_offer_create_user_without_cluster_gets_404(client):
    client.force_login(factories.user())

    assert client.get("/en/study-visits/new/").status_code == 404


def test_offer_create_anonymous_is_sent_to_login(client):
    assert client.get("/en/study-visits/new/")["Location"].startswith(reverse("account_login"))


def test_offer_edit_and_close_by_other_clusters_manager_get_404(client):
    offer = factories.offer(factories.cluster())
    client.force_login(factories.manager(factories.cluster()))

    assert client.get(f"/en/study-visits/{offer.pk}/edit/").status_code == 404
    assert client.post(f"/en/study-visits/{offer.pk}/open/", {"open": "0"}).status_code == 404
    assert client.get("/en/study-visits/999999/edit/").status_code == 404
    offer.refresh_from_db()
    assert offer.is_open is True


def test_offer_close_and_reopen_by_host_manager(client):
    offer = factories.offer(factories.cluster())
    client.force_login(factories.manager(offer.cluster))

    client.post(f"/en/study-visits/{offer.pk}/open/", {"open": "0"})
    offer.refresh_from_db()
    closed = offer.is_open
    client.post(f"/en/study-visits/{offer.pk}/open/", {"open": "1"})
    offer.refresh_from_db()

    assert (closed, offer.is_open) == (False, True)


def test_update_offer_cannot_drop_places_below_accepted():
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.offer(host, places=5)
    factories.booking(offer, visitor, by=visitor_manager, participants=4, status=BookingStatus.ACCEPTED)
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
        visits.update_offer(offer=offer, by=host_manager, **fields)


def test_update_offer_moving_dates_sends_updated_invitation(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.offer(host)
    booking = factories.booking(offer, visitor, by=visitor_manager, status=BookingStatus.ACCEPTED)

    with committed():
        visits.update_offer(
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


def test_offer_list_shows_open_offers_of_public_clusters_only(client):
    host = factories.cluster(country="AT")
    shown = factories.offer(host, title_en="Shown offer")
    factories.offer(host, title_en="Closed offer", is_open=False)
    factories.offer(host, title_en="Late offer", deadline_in=-1)
    factories.offer(factories.cluster(country="AT", is_public=False), title_en="Private offer")

    response = client.get("/en/study-visits/?" + urlencode({"country": "AT"}))

    assert list(response.context["offers"]) == [shown]


def test_offer_list_filters(client):
    host = factories.cluster(country="AT")
    other = factories.cluster(country="SI")
    finance = factories.offer(host, topics=["FIN.2"], languages=["de", "en"], starts_in=30)
    later = factories.offer(host, topics=["GOV.5"], languages=["sk"], starts_in=90)
    slovene = factories.offer(other, topics=["FIN.2"], languages=["en"], starts_in=30)

    def listed(**query):
        return list(client.get("/en/study-visits/?" + urlencode(query)).context["offers"])

    assert listed(country="AT") == [finance, later]
    assert listed(country="AT", topic="FIN.2") == [finance]
    assert listed(country="AT", language="sk") == [later]
    assert listed(topic="FIN.2", language="en", host=other.code) == [slovene]
    assert listed(country="AT", date_from=factories.days(60).isoformat()) == [later]
    assert listed(country="AT", date_to=factories.days(60).isoformat()) == [finance]


def test_offer_list_bad_filter_shows_error_not_500(client):
    response = client.get(
        "/en/study-visits/?"
        + urlencode({"date_from": factories.days(9).isoformat(), "date_to": factories.days(1).isoformat()})
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["The end of the period must not be before its start."]


def _offer_list_queries(client, count):
    host = factories.cluster(country="AT")
    for _number in range(count):
        factories.offer(host, topics=["FIN.2", "GOV.5"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/study-visits/?" + urlencode({"country": "AT"}))
    assert len(response.context["offers"]) == min(count, 20)
    return len(queries)


def test_offer_list_query_count_does_not_grow(client):
    assert _offer_list_queries(client, 1) == _offer_list_queries(client, 30)


def test_offer_detail_public_but_private_host_404(client):
    offer = factories.offer(factories.cluster(), title_en="Public visit")
    hidden = factories.offer(factories.cluster(is_public=False))

    response = client.get(f"/en/study-visits/{offer.pk}/")

    assert response.status_code == 200
    assert "Public visit" in response.content.decode()
    assert client.get(f"/en/study-visits/{hidden.pk}/").status_code == 404
    assert client.get("/en/study-visits/999999/").status_code == 404


def test_open_offers_for_and_cluster_include():
    host = factories.cluster()
    first = factories.offer(host, title_en="First", starts_in=30)
    second = factories.offer(host, title_en="Second", starts_in=60)
    factories.offer(host, title_en="Closed", is_open=False)

    offers = list(visit_queries.open_offers_for(cluster=host))
    html = render_to_string("visits/includes/cluster_offers.html", {"offers": offers})

    assert offers == [first, second]
    assert f'href="/en/study-visits/{first.pk}/"' in html
    assert "Closed" not in html


# --- Requesting a visit ------------------------------------------------------


def test_request_visit_by_visitor_manager_notifies_host_in_their_language(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair(host_language="sk")
    offer = factories.offer(host)

    with committed():
        booking = visits.request_visit(
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
        visits.request_visit(
            offer=factories.offer(host),
            cluster=visitor,
            by=visitor_manager,
            participants=1,
            focus_indicators=focus("SRV.1"),  # green for the visitor
        )


def test_request_visit_refused_when_closed_late_too_big_duplicate_or_own():
    visitor, visitor_manager, host, host_manager = factories.pair()

    def ask(offer, cluster=visitor, by=visitor_manager, participants=1):
        return visits.request_visit(
            offer=offer, cluster=cluster, by=by, participants=participants, focus_indicators=focus("FIN.2")
        )

    open_offer = factories.offer(host, places=4)
    ask(open_offer)
    for offer, participants in (
        (factories.offer(host, is_open=False), 1),
        (factories.offer(host, deadline_in=-1), 1),
        (factories.offer(host, places=4), 5),
        (open_offer, 1),
    ):
        with pytest.raises(ValidationError):
            ask(offer, participants=participants)
    own = factories.offer(visitor)
    with pytest.raises(ValidationError):
        ask(own)


@pytest.mark.parametrize("role", ["host manager", "stranger", "requested manager", "analyst"])
def test_request_visit_only_by_visitor_manager(role):
    visitor, _visitor_manager, host, host_manager = factories.pair()
    by = {
        "host manager": lambda: host_manager,
        "stranger": factories.user,
        "requested manager": lambda: factories.manager(visitor, status="requested"),
        "analyst": factories.analyst,
    }[role]()

    with pytest.raises(PermissionDenied):
        visits.request_visit(
            offer=factories.offer(host), cluster=visitor, by=by, participants=1, focus_indicators=focus("FIN.2")
        )


def test_booking_request_page_offers_only_weak_points_and_creates_booking(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.offer(host)
    client.force_login(visitor_manager)

    form = client.get(f"/en/study-visits/{offer.pk}/request/").context["form"]
    response = client.post(
        f"/en/study-visits/{offer.pk}/request/",
        {
            "visitor": visitor.code,
            "participants": "2",
            "focus_indicators": [str(indicator.pk) for indicator in focus("FIN.2", "GOV.5")],
            "message": "Hello",
        },
    )

    booking = StudyVisitBooking.objects.get(offer=offer)
    assert sorted(indicator.code for indicator in form.fields["focus_indicators"].queryset) == ["FIN.2", "GOV.5"]
    assert response["Location"] == f"/en/study-visits/bookings/{booking.pk}/"


def test_booking_request_page_rejects_a_strong_indicator(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.offer(host)
    client.force_login(visitor_manager)

    response = client.post(
        f"/en/study-visits/{offer.pk}/request/",
        {"visitor": visitor.code, "participants": "2", "focus_indicators": [str(focus("SRV.1")[0].pk)]},
    )

    assert response.status_code == 200
    assert "focus_indicators" in response.context["form"].errors
    assert not StudyVisitBooking.objects.filter(offer=offer).exists()


def test_booking_request_page_user_without_cluster_gets_404(client):
    offer = factories.offer(factories.cluster())
    client.force_login(factories.user())

    assert client.get(f"/en/study-visits/{offer.pk}/request/").status_code == 404
    assert client.get("/en/study-visits/999999/request/").status_code == 404


def test_host_sees_focus_but_never_the_visitors_results(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager, focus=("FIN.2",))
    client.force_login(host_manager)

    html = client.get(f"/en/study-visits/bookings/{booking.pk}/").content.decode()

    assert Indicator.objects.get(code="FIN.2").name_en in html
    for label in ("red (needs improvement)", "yellow (good, room to improve)", "GOV.5"):
        assert label not in html


# --- Accepting, declining, cancelling, completing -----------------------------


def test_accept_booking_sends_invitation_with_organizer_and_attendee(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair(visitor_language="cs")
    offer = factories.offer(host, starts_in=40, length=2, place_en="Košice")
    booking = factories.booking(offer, visitor, by=visitor_manager)

    with committed():
        visits.accept_booking(booking=booking, by=host_manager)

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
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager)
    with committed():
        visits.accept_booking(booking=booking, by=host_manager)

    with committed():
        visits.cancel_booking(booking=booking, by=visitor_manager)

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
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager)

    with committed():
        visits.cancel_booking(booking=booking, by=host_manager)

    [message] = mailoutbox
    assert message.to == [visitor_manager.email]
    assert message.attachments == []


def test_decline_booking_mails_visitor(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager)

    with committed():
        visits.decline_booking(booking=booking, by=host_manager)

    booking.refresh_from_db()
    [message] = mailoutbox
    assert booking.status == BookingStatus.DECLINED
    assert message.to == [visitor_manager.email]


def test_complete_booking_only_after_last_day(mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    current = factories.booking(
        factories.offer(host, starts_in=-1, length=2, deadline_in=-5), visitor, status=BookingStatus.ACCEPTED
    )
    past = factories.booking(
        factories.offer(host, starts_in=-3, length=2, deadline_in=-5), visitor, status=BookingStatus.ACCEPTED
    )

    with pytest.raises(ValidationError):
        visits.complete_booking(booking=current, by=visitor_manager)
    with committed():
        visits.complete_booking(booking=past, by=visitor_manager)

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
    booking = factories.booking(factories.offer(host, starts_in=-5, deadline_in=-9), visitor, status=status)
    service = {
        "accept": visits.accept_booking,
        "decline": visits.decline_booking,
        "cancel": visits.cancel_booking,
        "complete": visits.complete_booking,
    }[step]

    with pytest.raises(ValidationError):
        service(booking=booking, by=host_manager if step in ("accept", "decline") else visitor_manager)


def test_accept_never_exceeds_places():
    visitor, visitor_manager, host, host_manager = factories.pair()
    other = factories.cluster(ratings={"FIN.2": R})
    offer = factories.offer(host, places=5)
    first = factories.booking(offer, visitor, by=visitor_manager, participants=3)
    second = factories.booking(offer, other, by=factories.manager(other), participants=3)

    visits.accept_booking(booking=first, by=host_manager)
    with pytest.raises(ValidationError) as refused:
        visits.accept_booking(booking=second, by=host_manager)

    second.refresh_from_db()
    assert second.status == BookingStatus.REQUESTED
    assert refused.value.messages == ["Only 2 of the 5 places are still free; this request is for 3."]


# Who may take each step: (step, role) -> allowed. Roles: the host's and the visitor's approved managers,
# a manager of an unrelated cluster, an analyst, a superuser.
STEP_RULES = {
    "accept": {"host"},
    "decline": {"host"},
    "cancel": {"host", "visitor"},
    "complete": {"host", "visitor"},
}
ROLES = ["host", "visitor", "other manager", "analyst", "superuser"]


def _actor(role, visitor_manager, host_manager):
    return {
        "host": lambda: host_manager,
        "visitor": lambda: visitor_manager,
        "other manager": lambda: factories.manager(factories.cluster()),
        "analyst": factories.analyst,
        "superuser": lambda: factories.user(superuser=True),
    }[role]()


def _booking_for_step(step, visitor, visitor_manager, host):
    if step == "complete":
        offer = factories.offer(host, starts_in=-4, length=2, deadline_in=-9)
        return factories.booking(offer, visitor, by=visitor_manager, status=BookingStatus.ACCEPTED)
    return factories.booking(factories.offer(host), visitor, by=visitor_manager)


@pytest.mark.parametrize("step", list(STEP_RULES))
@pytest.mark.parametrize("role", ROLES)
def test_booking_step_service_permissions(step, role):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = _booking_for_step(step, visitor, visitor_manager, host)
    actor = _actor(role, visitor_manager, host_manager)
    service = getattr(visits, f"{step}_booking")

    if role in STEP_RULES[step]:
        service(booking=booking, by=actor)
        booking.refresh_from_db()
        assert booking.status != BookingStatus.REQUESTED or step == "complete"
    else:
        with pytest.raises(PermissionDenied):
            service(booking=booking, by=actor)


@pytest.mark.parametrize("step", list(STEP_RULES))
@pytest.mark.parametrize("role", ROLES)
def test_booking_step_view_permissions(client, step, role):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = _booking_for_step(step, visitor, visitor_manager, host)
    before = booking.status
    client.force_login(_actor(role, visitor_manager, host_manager))

    response = client.post(f"/en/study-visits/bookings/{booking.pk}/{step}/")

    booking.refresh_from_db()
    if role in STEP_RULES[step]:
        assert response.status_code == 302
        assert booking.status != before
    else:
        assert response.status_code == 404
        assert booking.status == before


@pytest.mark.parametrize("step", list(STEP_RULES))
def test_booking_step_guessed_id_is_404_and_anonymous_goes_to_login(client, step):
    client.force_login(factories.manager(factories.cluster()))
    missing = client.post(f"/en/study-visits/bookings/999999/{step}/")
    client.logout()
    booking = factories.booking(factories.offer(factories.cluster()), factories.cluster(ratings={"FIN.2": R}))
    anonymous = client.post(f"/en/study-visits/bookings/{booking.pk}/{step}/")

    assert missing.status_code == 404
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))


def test_booking_step_get_is_not_allowed(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager)
    client.force_login(host_manager)

    assert client.get(f"/en/study-visits/bookings/{booking.pk}/accept/").status_code == 405


def test_booking_view_refused_step_shows_message(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager)
    client.force_login(visitor_manager)

    response = client.post(f"/en/study-visits/bookings/{booking.pk}/complete/", follow=True)

    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == [
        "This visit is requested, so this step is not possible."
    ]


@pytest.mark.parametrize(
    ("role", "status"), [("host", 200), ("visitor", 200), ("superuser", 200), ("other manager", 404), ("analyst", 404)]
)
def test_booking_detail_only_for_the_two_sides(client, role, status):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager)
    client.force_login(_actor(role, visitor_manager, host_manager))

    response = client.get(f"/en/study-visits/bookings/{booking.pk}/")

    assert response.status_code == status
    if status == 200:
        assert "no-store" in response["Cache-Control"]


def test_booking_calendar_download_for_accepted_visit(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.booking(factories.offer(host), visitor, by=visitor_manager, status=BookingStatus.ACCEPTED)
    requested = factories.booking(factories.offer(host), visitor, by=visitor_manager)
    client.force_login(visitor_manager)

    response = client.get(f"/en/study-visits/bookings/{booking.pk}/calendar.ics")

    _calendar, event = parse(response.content)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert str(event["UID"]) == f"study-visit-{booking.pk}@visits.centramo"
    assert client.get(f"/en/study-visits/bookings/{requested.pk}/calendar.ics").status_code == 404


def _bookings_page_queries(client, count):
    visitor, visitor_manager, host, host_manager = factories.pair()
    mine = factories.offer(visitor)
    for _number in range(count):
        factories.booking(factories.offer(host), visitor, by=visitor_manager, focus=("FIN.2", "GOV.5"))
        other = factories.cluster(ratings={"FIN.2": R})
        factories.booking(mine, other, by=factories.manager(other), focus=("FIN.2",))
    client.force_login(visitor_manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/study-visits/bookings/")
    assert (len(response.context["made"]), len(response.context["received"])) == (count, count)
    return len(queries)


def test_bookings_page_query_count_does_not_grow(client):
    assert _bookings_page_queries(client, 1) == _bookings_page_queries(client, 30)


def test_bookings_page_lists_next_steps(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    factories.booking(factories.offer(host), visitor, by=visitor_manager)
    client.force_login(host_manager)

    [received] = client.get("/en/study-visits/bookings/").context["received"]

    assert str(received.next_step) == "Accept or decline the request."


# --- Concurrency (PostgreSQL row locks) ---------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_acceptances_never_exceed_places():
    for _round in range(5):
        host = factories.cluster()
        host_manager = factories.manager(host)
        offer = factories.offer(host, places=5)
        bookings = []
        for _number in range(6):
            visitor = factories.cluster(ratings={"FIN.2": R})
            bookings.append(factories.booking(offer, visitor, by=factories.manager(visitor), participants=2))
        barrier = threading.Barrier(len(bookings))
        outcomes = []

        def accept(booking, barrier=barrier, by=host_manager, outcomes=outcomes):
            try:
                barrier.wait()
                visits.accept_booking(booking=booking, by=by)
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


# --- Calendars ------------------------------------------------------------------


def test_visit_events_for_user_both_sides_see_accepted_visits():
    visitor, visitor_manager, host, host_manager = factories.pair()
    accepted = factories.booking(factories.offer(host), visitor, by=visitor_manager, status=BookingStatus.ACCEPTED)
    factories.booking(factories.offer(host), visitor, by=visitor_manager)
    factories.booking(factories.offer(host), visitor, by=visitor_manager, status=BookingStatus.CANCELLED)

    def uids(user):
        return [str(event["UID"]) for event in visit_calendars.visit_events_for_user(user=user)]

    assert uids(visitor_manager) == [visit_calendars.booking_uid(accepted)]
    assert uids(host_manager) == [visit_calendars.booking_uid(accepted)]
    assert uids(factories.user()) == []


# --- Reports ------------------------------------------------------------------


def _completed(shared=None):
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.offer(host, starts_in=-10, length=2, deadline_in=-20)
    booking = factories.booking(offer, visitor, by=visitor_manager, status=BookingStatus.COMPLETED)
    if shared is not None:
        factories.report(booking, shared=shared)
    return booking, visitor_manager, host_manager


def test_file_report_with_three_actions_and_share_mails_host(mailoutbox, committed):
    booking, visitor_manager, host_manager = _completed()
    fin2, gov5, srv1 = focus("FIN.2", "GOV.5", "SRV.1")

    with committed():
        report = visits.file_report(
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
    booking, visitor_manager, host_manager = _completed()
    fin2 = focus("FIN.2")[0]

    with pytest.raises(ValidationError):
        visits.file_report(booking=booking, by=visitor_manager, learned="x", actions=[(fin2, "a")] * 4)
    with pytest.raises(PermissionDenied):
        visits.file_report(booking=booking, by=host_manager, learned="x", actions=[])
    booking.status = BookingStatus.ACCEPTED
    booking.save()
    with pytest.raises(ValidationError):
        visits.file_report(booking=booking, by=visitor_manager, learned="x", actions=[])


def test_report_page_saves_report(client):
    booking, visitor_manager, _host_manager = _completed()
    client.force_login(visitor_manager)
    fin2 = focus("FIN.2")[0]

    response = client.post(
        f"/en/study-visits/bookings/{booking.pk}/report/",
        {"learned": "A lot.", "action_1_indicator": str(fin2.pk), "action_1_description": "Fees."},
    )

    report = VisitReport.objects.get(booking=booking)
    assert response.status_code == 302
    assert (report.learned, report.shared_with_host) == ("A lot.", False)
    assert [(action.indicator, action.description) for action in report.actions.all()] == [(fin2, "Fees.")]


def test_report_page_action_without_indicator_shows_error(client):
    booking, visitor_manager, _host_manager = _completed()
    client.force_login(visitor_manager)

    response = client.post(
        f"/en/study-visits/bookings/{booking.pk}/report/", {"learned": "A lot.", "action_2_description": "Fees."}
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["action_2_indicator"]


@pytest.mark.parametrize("role", ["host", "other manager"])
def test_report_page_only_for_the_visitor(client, role):
    booking, visitor_manager, host_manager = _completed()
    client.force_login(_actor(role, visitor_manager, host_manager))

    assert client.get(f"/en/study-visits/bookings/{booking.pk}/report/").status_code == 404


@pytest.mark.parametrize(("shared", "visible"), [(True, True), (False, False)])
def test_host_sees_report_only_when_shared(client, shared, visible):
    booking, _visitor_manager, host_manager = _completed(shared=shared)
    client.force_login(host_manager)

    html = client.get(f"/en/study-visits/bookings/{booking.pk}/").content.decode()

    assert ("How they fund their cluster management." in html) is visible


def test_editor_starts_story_draft_from_shared_report(client):
    booking, _visitor_manager, _host_manager = _completed(shared=True)
    report = booking.report
    editor = factories.editor()
    client.force_login(editor)

    listed = client.get("/en/study-visits/reports/").context["reports"]
    response = client.post(f"/en/study-visits/reports/{report.pk}/story/")
    again = client.post(f"/en/study-visits/reports/{report.pk}/story/")

    page = BestPracticePage.objects.get(slug=visits.story_slug(report))
    assert report in list(listed)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert again["Location"] == response["Location"]
    assert page.live is False
    assert page.locale.language_code == "en"
    assert (page.cluster, page.cluster_name, page.country) == (
        booking.offer.cluster,
        booking.offer.cluster.name,
        booking.offer.cluster.country,
    )
    assert page.summary == report.learned
    assert [topic.code for topic in page.topics.all()] == ["FIN.2"]
    assert page.get_latest_revision() is not None


@pytest.mark.parametrize("role", ["visitor", "host", "participant"])
def test_story_and_report_list_only_for_editors(client, role):
    booking, visitor_manager, host_manager = _completed(shared=True)
    actor = {"visitor": visitor_manager, "host": host_manager, "participant": factories.user()}[role]
    client.force_login(actor)

    assert client.get("/en/study-visits/reports/").status_code == 404
    assert client.post(f"/en/study-visits/reports/{booking.report.pk}/story/").status_code == 404
    assert not BestPracticePage.objects.filter(slug=visits.story_slug(booking.report)).exists()


def test_story_from_unshared_report_is_404(client):
    booking, _visitor_manager, _host_manager = _completed(shared=False)
    client.force_login(factories.editor())

    assert client.post(f"/en/study-visits/reports/{booking.report.pk}/story/").status_code == 404


def _reports_queries(client, count):
    for _number in range(count):
        _completed(shared=True)
    client.force_login(factories.editor())
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/study-visits/reports/")
    assert len(response.context["reports"]) >= min(count, 20)
    return len(queries)


def test_reports_page_query_count_does_not_grow(client):
    assert _reports_queries(client, 1) == _reports_queries(client, 30)
