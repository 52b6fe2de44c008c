"""Study-visit reads: offers, taken places, who may still ask, bookings with their next steps."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

from mobility.models import BookingStatus
from mobility.visits import queries
from tests.mobility import factories

pytestmark = pytest.mark.django_db


def test_open_offers_for_and_cluster_include():
    host = factories.PeerClusterFactory()
    first = factories.OfferFactory(cluster=host, title_en="First", starts_in=30)
    second = factories.OfferFactory(cluster=host, title_en="Second", starts_in=60)
    factories.OfferFactory(cluster=host, title_en="Closed", is_open=False)

    offers = list(queries.open_offers_for(cluster=host))
    html = render_to_string("visits/includes/cluster_offers.html", {"offers": offers})

    assert offers == [first, second]
    assert f'href="/en/study-visits/{first.pk}/"' in html
    assert "Closed" not in html


def test_taken_places_count_accepted_and_completed_participants():
    offer = factories.OfferFactory(places=20)
    for status, participants in [
        (BookingStatus.REQUESTED, 1),
        (BookingStatus.ACCEPTED, 2),
        (BookingStatus.COMPLETED, 4),
        (BookingStatus.DECLINED, 8),
        (BookingStatus.CANCELLED, 16),
    ]:
        factories.BookingFactory(offer=offer, status=status, participants=participants)

    assert (queries.taken_places(offer=offer), queries.taken_places(offer=factories.OfferFactory())) == (6, 0)


def test_clusters_that_may_ask_leave_out_the_host_and_those_that_asked():
    host = factories.PeerClusterFactory(name="Host")
    offer = factories.OfferFactory(cluster=host)
    user = factories.manager(host)
    asked, declined, fresh = (factories.PeerClusterFactory(name=name) for name in ("Asked", "Declined", "Fresh"))
    for cluster in (asked, declined, fresh):
        factories.MembershipFactory(cluster=cluster, user=user)
    factories.BookingFactory(offer=offer, cluster=asked)
    factories.BookingFactory(offer=offer, cluster=declined, status=BookingStatus.DECLINED)

    assert queries.visiting_clusters(user=user, offer=offer) == [asked, declined, fresh]
    assert queries.clusters_that_may_ask(user=user, offer=offer) == [declined, fresh]
    assert queries.active_booking_of(user=user, offer=offer) == offer.bookings.get(cluster=asked)


def test_clusters_that_may_ask_for_a_signed_out_reader_are_none():
    offer = factories.OfferFactory()

    assert (
        queries.clusters_that_may_ask(user=AnonymousUser(), offer=offer),
        queries.active_booking_of(user=AnonymousUser(), offer=offer),
    ) == ([], None)
