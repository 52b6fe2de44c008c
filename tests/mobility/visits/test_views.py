"""Study-visit pages: offers, requests, bookings, steps and their confirmation, reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import urlencode

from mobility.models import BookingStatus, Indicator, StudyVisitBooking, StudyVisitOffer, VisitReport
from tests.mobility import factories
from tests.mobility.factories import R
from tests.mobility.visits.support import (
    ROLES,
    STEP_RULES,
    actor,
    booking_for_step,
    completed,
    focus,
    offer_post,
    parse,
)

pytestmark = pytest.mark.django_db


def test_offer_create_by_manager_stores_each_language_written(client):
    host = factories.PeerClusterFactory(country="SK")
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
    host = factories.PeerClusterFactory()
    offer = factories.OfferFactory(cluster=host, title_en="Financing visit")
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
    host = factories.PeerClusterFactory()
    client.force_login(factories.manager(host))

    response = client.post(
        "/en/study-visits/new/",
        offer_post(ends_on=factories.days(29).isoformat(), request_deadline=factories.days(35).isoformat()),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"ends_on", "request_deadline"}
    assert not StudyVisitOffer.objects.filter(cluster=host).exists()


def test_offer_create_user_without_cluster_gets_404(client):
    client.force_login(factories.UserFactory())

    assert client.get("/en/study-visits/new/").status_code == 404


def test_offer_create_anonymous_is_sent_to_login(client):
    assert client.get("/en/study-visits/new/")["Location"].startswith(reverse("account_login"))


def test_offer_edit_and_close_by_other_clusters_manager_get_404(client):
    offer = factories.OfferFactory(cluster=factories.PeerClusterFactory())
    client.force_login(factories.manager(factories.PeerClusterFactory()))

    assert client.get(f"/en/study-visits/{offer.pk}/edit/").status_code == 404
    assert client.post(f"/en/study-visits/{offer.pk}/open/", {"open": "0"}).status_code == 404
    assert client.get("/en/study-visits/999999/edit/").status_code == 404
    offer.refresh_from_db()
    assert offer.is_open is True


def test_offer_close_and_reopen_by_host_manager(client):
    offer = factories.OfferFactory(cluster=factories.PeerClusterFactory())
    client.force_login(factories.manager(offer.cluster))

    client.post(f"/en/study-visits/{offer.pk}/open/", {"open": "0"})
    offer.refresh_from_db()
    closed = offer.is_open
    client.post(f"/en/study-visits/{offer.pk}/open/", {"open": "1"})
    offer.refresh_from_db()

    assert (closed, offer.is_open) == (False, True)


def test_offer_list_shows_open_offers_of_public_clusters_only(client):
    host = factories.PeerClusterFactory(country="AT")
    shown = factories.OfferFactory(cluster=host, title_en="Shown offer")
    factories.OfferFactory(cluster=host, title_en="Closed offer", is_open=False)
    factories.OfferFactory(cluster=host, title_en="Late offer", deadline_in=-1)
    factories.OfferFactory(
        cluster=factories.PeerClusterFactory(country="AT", is_public=False), title_en="Private offer"
    )

    response = client.get("/en/study-visits/?" + urlencode({"country": "AT"}))

    assert list(response.context["offers"]) == [shown]


def test_offer_list_filters(client):
    host = factories.PeerClusterFactory(country="AT")
    other = factories.PeerClusterFactory(country="SI")
    finance = factories.OfferFactory(cluster=host, topics=["FIN.2"], languages=["de", "en"], starts_in=30)
    later = factories.OfferFactory(cluster=host, topics=["GOV.5"], languages=["sk"], starts_in=90)
    slovene = factories.OfferFactory(cluster=other, topics=["FIN.2"], languages=["en"], starts_in=30)

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
    host = factories.PeerClusterFactory(country="AT")
    for _number in range(count):
        factories.OfferFactory(cluster=host, topics=["FIN.2", "GOV.5"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/study-visits/?" + urlencode({"country": "AT"}))
    assert len(response.context["offers"]) == min(count, 20)
    return len(queries)


def test_offer_list_query_count_does_not_grow(client):
    assert _offer_list_queries(client, 1) == _offer_list_queries(client, 30)


def test_offer_detail_public_but_private_host_404(client):
    offer = factories.OfferFactory(cluster=factories.PeerClusterFactory(), title_en="Public visit")
    hidden = factories.OfferFactory(cluster=factories.PeerClusterFactory(is_public=False))

    response = client.get(f"/en/study-visits/{offer.pk}/")

    assert response.status_code == 200
    assert "Public visit" in response.content.decode()
    assert client.get(f"/en/study-visits/{hidden.pk}/").status_code == 404
    assert client.get("/en/study-visits/999999/").status_code == 404


def test_booking_request_page_offers_only_weak_points_and_creates_booking(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host)
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
    offer = factories.OfferFactory(cluster=host)
    client.force_login(visitor_manager)

    response = client.post(
        f"/en/study-visits/{offer.pk}/request/",
        {"visitor": visitor.code, "participants": "2", "focus_indicators": [str(focus("SRV.1")[0].pk)]},
    )

    assert response.status_code == 200
    assert "focus_indicators" in response.context["form"].errors
    assert not StudyVisitBooking.objects.filter(offer=offer).exists()


def test_booking_request_page_user_without_cluster_gets_404(client):
    offer = factories.OfferFactory(cluster=factories.PeerClusterFactory())
    client.force_login(factories.UserFactory())

    assert client.get(f"/en/study-visits/{offer.pk}/request/").status_code == 404
    assert client.get("/en/study-visits/999999/request/").status_code == 404


def test_host_sees_focus_but_never_the_visitors_results(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager, focus=("FIN.2",)
    )
    client.force_login(host_manager)

    html = client.get(f"/en/study-visits/bookings/{booking.pk}/").content.decode()

    assert Indicator.objects.get(code="FIN.2").name_en in html
    for label in ("red (needs improvement)", "yellow (good, room to improve)", "GOV.5"):
        assert label not in html


@pytest.mark.parametrize("step", list(STEP_RULES))
@pytest.mark.parametrize("role", ROLES)
def test_booking_step_view_permissions(client, step, role):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = booking_for_step(step, visitor, visitor_manager, host)
    before = booking.status
    client.force_login(actor(role, visitor_manager, host_manager))

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
    client.force_login(factories.manager(factories.PeerClusterFactory()))
    missing = client.post(f"/en/study-visits/bookings/999999/{step}/")
    client.logout()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=factories.PeerClusterFactory()),
        cluster=factories.PeerClusterFactory(ratings={"FIN.2": R}),
    )
    anonymous = client.post(f"/en/study-visits/bookings/{booking.pk}/{step}/")

    assert missing.status_code == 404
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))


def test_booking_step_get_is_not_allowed(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )
    client.force_login(host_manager)

    assert client.get(f"/en/study-visits/bookings/{booking.pk}/accept/").status_code == 405


def test_booking_view_refused_step_shows_message(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )
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
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )
    client.force_login(actor(role, visitor_manager, host_manager))

    response = client.get(f"/en/study-visits/bookings/{booking.pk}/")

    assert response.status_code == status
    if status == 200:
        assert "no-store" in response["Cache-Control"]


def test_booking_calendar_download_for_accepted_visit(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host),
        cluster=visitor,
        requested_by=visitor_manager,
        status=BookingStatus.ACCEPTED,
    )
    requested = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager
    )
    client.force_login(visitor_manager)

    response = client.get(f"/en/study-visits/bookings/{booking.pk}/calendar.ics")

    _calendar, event = parse(response.content)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert str(event["UID"]) == f"study-visit-{booking.pk}@visits.centramo"
    assert client.get(f"/en/study-visits/bookings/{requested.pk}/calendar.ics").status_code == 404


def _bookings_page_queries(client, count):
    visitor, visitor_manager, host, host_manager = factories.pair()
    mine = factories.OfferFactory(cluster=visitor)
    for _number in range(count):
        factories.BookingFactory(
            offer=factories.OfferFactory(cluster=host),
            cluster=visitor,
            requested_by=visitor_manager,
            focus=("FIN.2", "GOV.5"),
        )
        other = factories.PeerClusterFactory(ratings={"FIN.2": R})
        factories.BookingFactory(offer=mine, cluster=other, requested_by=factories.manager(other), focus=("FIN.2",))
    client.force_login(visitor_manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/study-visits/bookings/")
    assert (len(response.context["made"]), len(response.context["received"])) == (count, count)
    return len(queries)


def test_bookings_page_query_count_does_not_grow(client):
    assert _bookings_page_queries(client, 1) == _bookings_page_queries(client, 30)


def test_bookings_page_lists_next_steps(client):
    visitor, visitor_manager, host, host_manager = factories.pair()
    factories.BookingFactory(offer=factories.OfferFactory(cluster=host), cluster=visitor, requested_by=visitor_manager)
    client.force_login(host_manager)

    [received] = client.get("/en/study-visits/bookings/").context["received"]

    assert str(received.next_step) == "Accept or decline the request."


def test_report_page_saves_report(client):
    booking, visitor_manager, _host_manager = completed()
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
    booking, visitor_manager, _host_manager = completed()
    client.force_login(visitor_manager)

    response = client.post(
        f"/en/study-visits/bookings/{booking.pk}/report/", {"learned": "A lot.", "action_2_description": "Fees."}
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["action_2_indicator"]


@pytest.mark.parametrize("role", ["host", "other manager"])
def test_report_page_only_for_the_visitor(client, role):
    booking, visitor_manager, host_manager = completed()
    client.force_login(actor(role, visitor_manager, host_manager))

    assert client.get(f"/en/study-visits/bookings/{booking.pk}/report/").status_code == 404


@pytest.mark.parametrize(("shared", "visible"), [(True, True), (False, False)])
def test_host_sees_report_only_when_shared(client, shared, visible):
    booking, _visitor_manager, host_manager = completed(shared=shared)
    client.force_login(host_manager)

    html = client.get(f"/en/study-visits/bookings/{booking.pk}/").content.decode()

    assert ("How they fund their cluster management." in html) is visible


# --- Confirming a cancellation -------------------------------------------------


def test_booking_page_links_withdrawing_to_a_confirmation_page(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    booking = factories.BookingFactory(offer=factories.OfferFactory(cluster=host), cluster=visitor)
    client.force_login(visitor_manager)
    cancel_url = f"/en/study-visits/bookings/{booking.pk}/cancel/"

    html = client.get(f"/en/study-visits/bookings/{booking.pk}/").content.decode()
    response = client.get(cancel_url)

    booking.refresh_from_db()
    assert f'<a class="button button--danger" href="{cancel_url}">Withdraw the request</a>' in html
    assert f'action="{cancel_url}"' not in html
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert [
        str(response.context["step"].question),
        str(response.context["step"].confirm_label),
    ] == ["Withdraw your request to join this visit? The host's managers will be told.", "Yes, withdraw the request"]
    assert f'<form method="post" action="{cancel_url}" class="actions">' in response.content.decode()
    assert "<script" not in response.content.decode()
    assert booking.status == BookingStatus.REQUESTED


def test_confirmation_page_posting_cancels_the_accepted_visit(client, mailoutbox, committed):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, status=BookingStatus.ACCEPTED
    )
    client.force_login(host_manager)

    page = client.get(f"/en/study-visits/bookings/{booking.pk}/cancel/")
    with committed():
        response = client.post(f"/en/study-visits/bookings/{booking.pk}/cancel/", follow=True)

    booking.refresh_from_db()
    assert str(page.context["step"].question) == (
        "Cancel this visit? It is taken out of both sides' calendars and the other side is told."
    )
    assert booking.status == BookingStatus.CANCELLED
    assert [str(message) for message in response.context["messages"]] == [
        "The visit is cancelled; the other side has been told."
    ]


def test_confirmation_page_for_a_finished_booking_goes_back_with_the_reason(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    booking = factories.BookingFactory(
        offer=factories.OfferFactory(cluster=host), cluster=visitor, status=BookingStatus.DECLINED
    )
    client.force_login(visitor_manager)

    response = client.get(f"/en/study-visits/bookings/{booking.pk}/cancel/", follow=True)

    assert response.redirect_chain == [(f"/en/study-visits/bookings/{booking.pk}/", 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "This visit is declined, so this step is not possible."
    ]


@pytest.mark.parametrize(("role", "status"), [("other manager", 404), ("analyst", 404), ("superuser", 404)])
def test_confirmation_page_only_for_the_two_sides(client, role, status):
    visitor, visitor_manager, host, host_manager = factories.pair()
    booking = factories.BookingFactory(offer=factories.OfferFactory(cluster=host), cluster=visitor)
    client.force_login(actor(role, visitor_manager, host_manager))

    assert client.get(f"/en/study-visits/bookings/{booking.pk}/cancel/").status_code == status


# --- Who may ask to join, on the offer page ------------------------------------


def offer_page(client, offer):
    response = client.get(f"/en/study-visits/{offer.pk}/")
    assert response.status_code == 200
    return response


def test_offer_page_after_asking_links_the_request_instead_of_the_button(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host)
    booking = factories.BookingFactory(offer=offer, cluster=visitor, requested_by=visitor_manager)
    client.force_login(visitor_manager)

    response = offer_page(client, offer)

    html = response.content.decode()
    assert (response.context["refusal"], response.context["active_booking"]) == ("already-asked", booking)
    assert (
        "You have already asked for this visit. "
        f'<a href="/en/study-visits/bookings/{booking.pk}/">See your request</a>' in html
    )
    assert f"/en/study-visits/{offer.pk}/request/" not in html


def test_offer_page_after_a_declined_request_offers_the_button_again(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host)
    factories.BookingFactory(offer=offer, cluster=visitor, status=BookingStatus.DECLINED)
    client.force_login(visitor_manager)

    response = offer_page(client, offer)

    assert (response.context["refusal"], response.context["active_booking"]) == (None, None)
    assert f'href="/en/study-visits/{offer.pk}/request/">Ask to join this visit</a>' in response.content.decode()


def test_offer_page_signed_out_explains_and_links_sign_in(client):
    offer = factories.OfferFactory()

    response = offer_page(client, offer)

    html = response.content.decode()
    assert response.context["refusal"] == "signed-out"
    assert (
        "Managers of a cluster in the network can ask to join this visit. "
        f'<a href="/en/accounts/login/?next=/en/study-visits/{offer.pk}/">Sign in to ask</a>' in html
    )
    assert f"/en/study-visits/{offer.pk}/request/" not in html


def test_offer_page_user_without_cluster_explains_how_to_become_a_manager(client):
    offer = factories.OfferFactory()
    client.force_login(factories.UserFactory())

    response = offer_page(client, offer)

    assert response.context["refusal"] == "no-cluster"
    assert (
        "Only approved managers of a cluster in the network can ask to join a visit, and your account manages none "
        'yet. <a href="/en/my-clusters/request/">Ask to join your cluster as a manager</a>'
    ) in response.content.decode()


def test_offer_page_own_cluster_explains_instead_of_the_button(client):
    offer = factories.OfferFactory()
    client.force_login(factories.manager(offer.cluster))

    response = offer_page(client, offer)

    html = response.content.decode()
    assert response.context["refusal"] == "own-cluster"
    assert "This is your own cluster's offer, so you cannot ask to join it. Other clusters' managers can." in html
    assert f'/en/study-visits/{offer.pk}/request/"' not in html
    assert f'href="/en/study-visits/{offer.pk}/edit/"' in html


def test_offer_page_translates_the_explanation(client):
    offer = factories.OfferFactory()

    html = client.get(f"/cs/studijni-navstevy/{offer.pk}/").content.decode()

    assert "O účast na této návštěvě mohou požádat manažeři klastrů v síti." in html
    assert "Přihlaste se a požádejte</a>" in html
