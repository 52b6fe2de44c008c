"""The demo managers' dashboards are full: plans, peers, visits made and received."""

import pytest

from mobility.models import BookingStatus, StudyVisitBooking, VisitReport
from portal.demo.visits import demo_offers, seed_visits
from portal.models import User

pytestmark = pytest.mark.django_db

# Demo hosts with an open offer, actions in the one demo report, indicators its visit focused on.
OPEN_HOSTS, ACTIONS, FOCUS = 18, 3, 2


def test_seed_visits_fills_the_demo_managers_dashboards_once():
    # The package's demo seed already ran seed_visits(); a second run adds nothing.
    again = seed_visits()

    offers = demo_offers()
    bookings = StudyVisitBooking.objects.filter(offer__in=offers)
    assert again == 0
    assert offers.filter(is_open=True).values("cluster").distinct().count() == OPEN_HOSTS
    assert set(bookings.values_list("status", flat=True)) == set(BookingStatus.values)
    report = VisitReport.objects.get(booking__offer__in=offers)
    assert report.shared_with_host is True
    assert report.actions.count() == ACTIONS
    assert len(bookings.get(status=BookingStatus.COMPLETED).focus_indicators.all()) == FOCUS


@pytest.mark.parametrize(
    ("email", "weak_points", "made", "received"),
    [("manager.cz@centramo.example", 22, 4, 1), ("manager.sk@centramo.example", 29, 3, 1)],
)
def test_seeded_demo_manager_dashboard_is_full(client, email, weak_points, made, received):
    client.force_login(User.objects.get(email=email))

    context = client.get("/en/dashboard/").context

    # A plan for every weak point of the cluster's latest result, each with three peers to visit.
    assert [len(plan.peers) for plan in context["plans"]] == [3] * weak_points
    assert (len(context["made"]), len(context["received"])) == (made, received)
