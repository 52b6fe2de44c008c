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
from tests.mobility import cluster_factories as f
from tests.mobility import visit_factories

pytestmark = pytest.mark.django_db

R, Y, G = Rating.RED, Rating.YELLOW, Rating.GREEN


def test_weak_points_reds_then_yellows_each_in_indicator_order():
    cluster = f.cluster()
    f.result(cluster, f.edition(), {"FIN.2": R, "STR.1": Y, "GOV.3": R, "COM.2": Y}, default=G)

    [result] = results_of(cluster=cluster)

    assert [(score.indicator.code, score.rating) for score in weak_points(result=result)] == [
        ("GOV.3", R),
        ("FIN.2", R),
        ("STR.1", Y),
        ("COM.2", Y),
    ]


def test_rating_history_oldest_first_and_ratings_around_a_day():
    cluster = f.cluster()
    f.result(cluster, f.edition("H-2014", datetime.date(2014, 10, 1)), {"FIN.2": Y}, default=G)
    f.result(cluster, f.edition("H-2012", datetime.date(2012, 10, 1)), {"FIN.2": R}, default=G)
    fin2 = visit_factories.indicators("FIN.2")[0]

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
    visitor, manager, host, _host_manager = visit_factories.pair()
    later = visit_factories.offer(host, title_en="Later visit", starts_in=-10, deadline_in=-20)
    earlier = visit_factories.offer(host, title_en="Earlier visit", starts_in=-40, deadline_in=-50)
    for offer, actions in (
        (later, [("GOV.5", "Write a strategy."), ("FIN.2", "Introduce fees.")]),
        (earlier, [("SRV.1", "Ask members.")]),
    ):
        booking = visit_factories.booking(offer, visitor, by=manager, status=BookingStatus.COMPLETED)
        visit_factories.report(booking, actions=actions)
    # The host's own reports are not the visitor's actions.
    guest = visit_factories.cluster(ratings={"FIN.2": R})
    visit_factories.report(visit_factories.booking(later, guest, status=BookingStatus.COMPLETED))

    actions = improvement_actions_of(cluster=visitor)

    assert [(action.indicator.code, action.report.booking.offer.title) for action in actions] == [
        ("SRV.1", "Earlier visit"),
        ("GOV.5", "Later visit"),
        ("FIN.2", "Later visit"),
    ]


def test_cluster_by_code_finds_non_public_clusters_too():
    hidden = f.cluster(is_public=False)

    assert (cluster_by_code(code=hidden.code), cluster_by_code(code="NO-SUCH")) == (hidden, None)


def test_dashboard_clusters_a_manager_opens_their_own_first_by_name():
    beta, alpha, other = f.cluster(name="Beta"), f.cluster(name="Alpha"), f.cluster(name="Other")
    manager = f.manager(beta)
    ClusterMembership.objects.create(
        cluster=alpha, user=manager, role=MembershipRole.MANAGER, status=MembershipStatus.APPROVED
    )

    assert dashboard_clusters(user=manager) == ([alpha, beta], alpha)
    assert dashboard_clusters(user=manager, code=beta.code) == ([alpha, beta], beta)
    assert dashboard_clusters(user=manager, code=other.code) == ([alpha, beta], None)


def test_dashboard_clusters_an_analyst_opens_any_cluster_by_code():
    cluster = f.cluster()
    analyst = f.user(role="analyst")

    assert dashboard_clusters(user=analyst) == ([], None)
    assert dashboard_clusters(user=analyst, code=cluster.code) == ([], cluster)
    assert dashboard_clusters(user=analyst, code="NO-SUCH") == ([], None)
