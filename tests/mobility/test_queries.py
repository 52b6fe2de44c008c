"""Mobility reads the dashboard and the results pages compose (mobility/queries.py)."""

import datetime

import pytest

from mobility.models import BookingStatus, ClusterMembership, MembershipRole, MembershipStatus, Rating
from mobility.queries import (
    cluster_by_code,
    dashboard_clusters,
    improvement_actions_of,
    rating_before_and_after,
    rating_history,
    results_of,
    weak_points,
)
from tests.mobility import factories

pytestmark = pytest.mark.django_db

R, Y, G = Rating.RED, Rating.YELLOW, Rating.GREEN


def test_weak_points_reds_then_yellows_each_in_indicator_order():
    cluster = factories.ClusterFactory()
    factories.ResultFactory(
        cluster=cluster,
        edition=factories.EditionFactory(),
        ratings={"FIN.2": R, "STR.1": Y, "GOV.3": R, "COM.2": Y},
        default=G,
    )

    [result] = results_of(cluster=cluster)

    assert [(score.indicator.code, score.rating) for score in weak_points(result=result)] == [
        ("GOV.3", R),
        ("FIN.2", R),
        ("STR.1", Y),
        ("COM.2", Y),
    ]


def test_rating_history_oldest_first_and_ratings_around_a_day():
    cluster = factories.ClusterFactory()
    factories.ResultFactory(
        cluster=cluster,
        edition=factories.EditionFactory(name="H-2014", date=datetime.date(2014, 10, 1)),
        ratings={"FIN.2": Y},
        default=G,
    )
    factories.ResultFactory(
        cluster=cluster,
        edition=factories.EditionFactory(name="H-2012", date=datetime.date(2012, 10, 1)),
        ratings={"FIN.2": R},
        default=G,
    )
    fin2 = factories.indicators("FIN.2")[0]

    history = rating_history(results=list(results_of(cluster=cluster)))

    assert [(day, edition, ratings[fin2.pk]) for day, edition, ratings in history] == [
        (datetime.date(2012, 10, 1), "H-2012", R),
        (datetime.date(2014, 10, 1), "H-2014", Y),
    ]
    assert rating_before_and_after(history=history, indicator_id=fin2.pk, on=datetime.date(2013, 5, 6)) == (
        (R, "H-2012"),
        (Y, "H-2014"),
    )
    assert rating_before_and_after(history=history, indicator_id=fin2.pk, on=datetime.date(2014, 10, 1)) == (
        (Y, "H-2014"),
        (None, ""),
    )
    assert rating_before_and_after(history=history, indicator_id=fin2.pk, on=datetime.date(2011, 1, 1)) == (
        (None, ""),
        (Y, "H-2014"),
    )


def test_improvement_actions_of_the_visiting_cluster_by_visit_end_then_position():
    visitor, manager, host, _host_manager = factories.pair()
    later = factories.OfferFactory(cluster=host, title_en="Later visit", starts_in=-10, deadline_in=-20)
    earlier = factories.OfferFactory(cluster=host, title_en="Earlier visit", starts_in=-40, deadline_in=-50)
    for offer, actions in (
        (later, [("GOV.5", "Write a strategy."), ("FIN.2", "Introduce fees.")]),
        (earlier, [("SRV.1", "Ask members.")]),
    ):
        booking = factories.BookingFactory(
            offer=offer, cluster=visitor, requested_by=manager, status=BookingStatus.COMPLETED
        )
        factories.ReportFactory(booking=booking, actions=actions)
    # The host's own reports are not the visitor's actions.
    guest = factories.PeerClusterFactory(ratings={"FIN.2": R})
    factories.ReportFactory(
        booking=factories.BookingFactory(offer=later, cluster=guest, status=BookingStatus.COMPLETED)
    )

    actions = improvement_actions_of(cluster=visitor)

    assert [(action.indicator.code, action.report.booking.offer.title) for action in actions] == [
        ("SRV.1", "Earlier visit"),
        ("GOV.5", "Later visit"),
        ("FIN.2", "Later visit"),
    ]


def test_cluster_by_code_finds_non_public_clusters_too():
    hidden = factories.ClusterFactory(is_public=False)

    assert (cluster_by_code(code=hidden.code), cluster_by_code(code="NO-SUCH")) == (hidden, None)


def test_dashboard_clusters_a_manager_opens_their_own_first_by_name():
    beta, alpha, other = (
        factories.ClusterFactory(name="Beta"),
        factories.ClusterFactory(name="Alpha"),
        factories.ClusterFactory(name="Other"),
    )
    manager = factories.manager(beta)
    ClusterMembership.objects.create(
        cluster=alpha, user=manager, role=MembershipRole.MANAGER, status=MembershipStatus.APPROVED
    )

    assert dashboard_clusters(user=manager) == ([alpha, beta], alpha)
    assert dashboard_clusters(user=manager, code=beta.code) == ([alpha, beta], beta)
    assert dashboard_clusters(user=manager, code=other.code) == ([alpha, beta], None)


def test_dashboard_clusters_an_analyst_opens_any_cluster_by_code():
    cluster = factories.ClusterFactory()
    analyst = factories.UserFactory(role="analyst")

    assert dashboard_clusters(user=analyst) == ([], None)
    assert dashboard_clusters(user=analyst, code=cluster.code) == ([], cluster)
    assert dashboard_clusters(user=analyst, code="NO-SUCH") == ([], None)
