"""Reads that join a cluster's data with the shared network (mobility/overviews.py).

The indicators here (ZP.*) are scored by these tests' clusters only.
"""

import pytest
from django.utils import translation

from mobility import overviews
from mobility.queries import latest_result, weak_points
from tests.mobility import factories
from tests.mobility.factories import G, R, Y

pytestmark = pytest.mark.django_db


def scores_of(cluster):
    return weak_points(result=latest_result(cluster=cluster))


def test_peers_by_weak_point_only_consenting_hosts_ordered_by_their_match_number():
    visitor = factories.PeerClusterFactory(ratings={"ZP.1": R, "ZP.2": Y})
    strong = factories.PeerClusterFactory(name="Strong host", ratings={"ZP.1": G, "ZP.2": G})
    medium = factories.PeerClusterFactory(name="Medium host", ratings={"ZP.1": Y, "ZP.2": Y})
    factories.PeerClusterFactory(name="Refusing host", ratings={"ZP.1": G, "ZP.2": G}, consent=False)
    red, yellow = scores_of(visitor)

    with translation.override("en"):
        peers = overviews.peers_by_weak_point(cluster=visitor, weak_points=[red, yellow], limit=3)
        explanations = [str(line) for line in peers[red.pk][1].explanations]
        reasons = [str(line) for line in peers[red.pk][1].reasons]

    assert [peer.cluster for peer in peers[red.pk]] == [strong, medium]
    assert [peer.cluster for peer in peers[yellow.pk]] == [strong]
    ranks = [peer.match.total for peer in peers[red.pk]]
    assert ranks == sorted(ranks, reverse=True)
    assert explanations == ["Can help with: ZP.1 — yours is red"]
    assert reasons == ["You have a language in common."]


def test_peers_by_weak_point_for_a_cluster_without_result_is_empty():
    assert overviews.peers_by_weak_point(cluster=factories.PeerClusterFactory(), weak_points=[], limit=3) == {}


def test_stronger_peers_among_names_only_consenting_clusters_rated_above():
    visitor = factories.PeerClusterFactory(ratings={"ZP.3": R, "ZP.4": Y})
    stronger = factories.PeerClusterFactory(ratings={"ZP.3": Y, "ZP.4": Y})
    refusing = factories.PeerClusterFactory(ratings={"ZP.3": G, "ZP.4": G}, consent=False)
    unscored = factories.PeerClusterFactory(ratings={"FIN.2": G})
    red, yellow = scores_of(visitor)

    helping = overviews.stronger_peers_among(
        cluster_ids={stronger.pk, refusing.pk, unscored.pk}, weak_points=[red, yellow]
    )

    assert helping == {red.indicator_id: {stronger.pk}, yellow.indicator_id: set()}


def test_offers_on_are_other_public_clusters_open_offers_soonest_first():
    visitor = factories.PeerClusterFactory(ratings={"ZP.5": R})
    host = factories.PeerClusterFactory()
    hidden = factories.PeerClusterFactory(is_public=False)
    later = factories.OfferFactory(cluster=host, topics=["ZP.5"], starts_in=60)
    sooner = factories.OfferFactory(cluster=host, topics=["ZP.5", "ZP.6"], starts_in=30)
    factories.OfferFactory(cluster=host, topics=["ZP.6"])
    factories.OfferFactory(cluster=host, topics=["ZP.5"], is_open=False)
    factories.OfferFactory(cluster=hidden, topics=["ZP.5"])
    factories.OfferFactory(cluster=visitor, topics=["ZP.5"])
    [zp5] = factories.indicators("ZP.5")

    offers = list(overviews.offers_on(indicators=[zp5.pk], cluster=visitor))

    assert offers == [sooner, later]
    assert [topic.code for topic in offers[0].topics.all()] == ["ZP.5", "ZP.6"]
