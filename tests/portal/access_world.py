"""The world the attacker's crawl walks through: one cluster with its data, a
seminar with its attendees, and one person for every role."""

import dataclasses

from django.contrib.auth.models import AnonymousUser

from mobility.models import BookingStatus, ClusterMembership, MembershipRole, MembershipStatus
from tests.mobility import factories as mobility_factories
from tests.training import factories as training
from training.models import CalendarFeedToken
from training.services import register_for_seminar

# The participant registered for the seminar: their address is what the attendee lists show.
PARTICIPANT = "participant@example.org"

ROLES = (
    "anonymous",
    "participant",
    "manager",
    "host_manager",
    "other_manager",
    "trainer",
    "other_trainer",
    "analyst",
    "editor",
    "administrator",
)


@dataclasses.dataclass
class World:
    people: dict
    cluster: object
    host: object
    offer: object
    booking: object
    completed: object
    report: object
    membership_request: object
    seminar: object
    registration: object
    feed_token: str


def build_world():
    """`manager` manages the cluster whose data is crawled (the visitor of the
    bookings); `host_manager` manages the host of its visits; `other_manager`
    manages an unrelated cluster."""
    cluster, manager, host, host_manager = mobility_factories.pair()
    other = mobility_factories.PeerClusterFactory(country="HU", ratings={"FIN.2": 1, "GOV.5": 1, "SRV.1": 1})
    trainer = training.TrainerFactory()
    seminar = training.seminar(trainers=[trainer])
    participant = mobility_factories.UserFactory(email=PARTICIPANT)
    registration, _waiting = register_for_seminar(seminar=seminar, user=participant), None
    offer = mobility_factories.OfferFactory(cluster=host)
    booking = mobility_factories.BookingFactory(
        offer=offer, cluster=cluster, requested_by=manager, status=BookingStatus.ACCEPTED, message="Secret hello"
    )
    past = mobility_factories.OfferFactory(cluster=host, starts_in=-10, deadline_in=-20)
    completed = mobility_factories.BookingFactory(
        offer=past, cluster=cluster, requested_by=manager, status=BookingStatus.COMPLETED
    )
    report = mobility_factories.ReportFactory(booking=completed, shared_with_host=True)
    applicant = mobility_factories.UserFactory(email="applicant@example.org")
    membership_request = ClusterMembership.objects.create(
        cluster=cluster, user=applicant, role=MembershipRole.MANAGER, status=MembershipStatus.REQUESTED
    )
    people = {
        "anonymous": AnonymousUser(),
        "participant": participant,
        "manager": manager,
        "host_manager": host_manager,
        "other_manager": mobility_factories.manager(other),
        "trainer": trainer,
        "other_trainer": training.TrainerFactory(),
        "analyst": mobility_factories.AnalystFactory(),
        "editor": mobility_factories.EditorFactory(),
        "administrator": mobility_factories.UserFactory(role="admin"),
    }
    token = CalendarFeedToken.objects.create(user=participant).token
    return World(
        people=people,
        cluster=cluster,
        host=host,
        offer=offer,
        booking=booking,
        completed=completed,
        report=report,
        membership_request=membership_request,
        seminar=seminar,
        registration=registration,
        feed_token=token,
    )
