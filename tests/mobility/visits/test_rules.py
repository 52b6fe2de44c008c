"""The booking state machine: every step from every status for each side, the steps offered, the hints."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from mobility.models import BookingStatus, StudyVisitBooking, StudyVisitOffer, VisitReport
from mobility.visits import rules
from tests.mobility import factories

TODAY = datetime.date(2030, 6, 15)
STEPS = [rules.ACCEPT, rules.DECLINE, rules.CANCEL, rules.COMPLETE]
SIDES = [rules.HOST, rules.VISITOR]
# (step, side, status) that the rules allow once the visit is over; everything else is refused.
ALLOWED = {
    ("accept", "host", "requested"),
    ("decline", "host", "requested"),
    ("cancel", "host", "requested"),
    ("cancel", "host", "accepted"),
    ("cancel", "visitor", "requested"),
    ("cancel", "visitor", "accepted"),
    ("complete", "host", "accepted"),
    ("complete", "visitor", "accepted"),
}
HOST_ONLY = {"accept", "decline"}


@pytest.fixture(autouse=True)
def _english():
    """The rules' texts in English, whatever language an earlier request in this thread left active."""
    with translation.override("en"):
        yield


def booking(status, *, ends_on=datetime.date(2030, 6, 1), shared=None):
    """An unsaved booking in `status` on an offer ending on `ends_on` (the rules need no database)."""
    made = StudyVisitBooking(status=status, offer=StudyVisitOffer(starts_on=ends_on, ends_on=ends_on))
    if shared is not None:
        made.report = VisitReport(booking=made, shared_with_host=shared)
    return made


def outcome(step, side, status, *, ends_on=datetime.date(2030, 6, 1)):
    try:
        rules.check(booking(status, ends_on=ends_on), step, sides=frozenset({side}), today=TODAY)
    except PermissionDenied as error:
        return ("permission", str(error))
    except ValidationError as error:
        return ("state", error.messages)
    return "allowed"


@pytest.mark.parametrize("status", list(BookingStatus.values))
@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("step", STEPS)
def test_check_every_step_from_every_status_for_each_side(step, side, status):
    label = dict(BookingStatus.choices)[status]
    if (step, side, status) in ALLOWED:
        expected = "allowed"
    elif step in HOST_ONLY and side == "visitor":
        expected = ("permission", "Only the cluster's approved managers may do this.")
    else:
        expected = ("state", [f"This visit is {label}, so this step is not possible."])

    assert outcome(step, side, status) == expected


@pytest.mark.parametrize("side", SIDES)
def test_check_complete_before_the_last_day_is_over_is_refused(side):
    assert [outcome("complete", side, "accepted", ends_on=day) for day in (TODAY, TODAY + datetime.timedelta(1))] == [
        ("state", ["A visit can be marked as completed only after its last day."])
    ] * 2


@pytest.mark.parametrize("step", STEPS)
def test_check_nobody_s_step_is_refused_for_want_of_permission(step):
    with pytest.raises(PermissionDenied):
        rules.check(booking("requested"), step, sides=frozenset(), today=TODAY)


def labels(status, sides, **kwargs):
    steps = rules.allowed_steps(booking(status), sides=frozenset(sides), today=TODAY, **kwargs)
    return [(step.name, str(step.label), step.confirm) for step in steps]


@pytest.mark.parametrize(
    ("status", "sides", "expected"),
    [
        (
            "requested",
            {"host"},
            [("accept", "Accept", False), ("decline", "Decline", False), ("cancel", "Cancel the visit", True)],
        ),
        ("requested", {"visitor"}, [("cancel", "Withdraw the request", True)]),
        (
            "requested",
            {"host", "visitor"},
            [("accept", "Accept", False), ("decline", "Decline", False), ("cancel", "Withdraw the request", True)],
        ),
        ("accepted", {"host"}, [("complete", "Mark as completed", False), ("cancel", "Cancel the visit", True)]),
        ("accepted", {"visitor"}, [("complete", "Mark as completed", False), ("cancel", "Cancel the visit", True)]),
        ("completed", {"host"}, []),
        ("completed", {"visitor"}, [("report", "Write your visit report", False)]),
        ("declined", {"host"}, []),
        ("declined", {"visitor"}, []),
        ("cancelled", {"host"}, []),
        ("cancelled", {"visitor"}, []),
        ("requested", set(), []),
    ],
)
def test_allowed_steps_for_each_status_and_side(status, sides, expected):
    assert labels(status, sides) == expected


def test_allowed_steps_offer_editing_an_existing_report():
    assert labels("completed", {"visitor"}, has_report=True) == [("report", "Edit your report", False)]


def test_allowed_steps_leave_out_completing_before_the_last_day():
    steps = rules.allowed_steps(booking("accepted", ends_on=TODAY), sides=frozenset({"host"}), today=TODAY)

    assert [step.name for step in steps] == ["cancel"]


@pytest.mark.parametrize(
    ("status", "sides", "question", "button"),
    [
        (
            "requested",
            {"visitor"},
            "Withdraw your request to join this visit? The host's managers will be told.",
            "Yes, withdraw the request",
        ),
        ("requested", {"host"}, "Cancel this request? The visitors will be told.", "Yes, cancel the visit"),
        (
            "accepted",
            {"visitor"},
            "Cancel this visit? It is taken out of both sides' calendars and the other side is told.",
            "Yes, cancel the visit",
        ),
        (
            "accepted",
            {"host"},
            "Cancel this visit? It is taken out of both sides' calendars and the other side is told.",
            "Yes, cancel the visit",
        ),
    ],
)
def test_cancel_step_asks_the_side_its_own_question(status, sides, question, button):
    step = rules.step(booking(status), rules.CANCEL, sides=frozenset(sides))

    assert (str(step.question), str(step.confirm_label)) == (question, button)


@pytest.mark.parametrize(
    ("status", "side", "ends_on", "shared", "expected"),
    [
        ("requested", "host", TODAY, None, "Accept or decline the request."),
        ("requested", "visitor", TODAY, None, "Wait for the host's answer, or cancel the request."),
        ("accepted", "host", TODAY, None, "Prepare the programme; the visitors have your invitation."),
        ("accepted", "visitor", TODAY, None, "Add the visit to your calendar and plan your trip."),
        ("accepted", "host", datetime.date(2030, 6, 14), None, "Mark the visit as completed."),
        (
            "accepted",
            "visitor",
            datetime.date(2030, 6, 14),
            None,
            "Mark the visit as completed, then write your report.",
        ),
        ("completed", "visitor", TODAY, None, "Write your visit report."),
        ("completed", "visitor", TODAY, False, ""),
        ("completed", "host", TODAY, None, ""),
        ("completed", "host", TODAY, False, ""),
        ("completed", "host", TODAY, True, "Read the report the visitors shared with you."),
        ("declined", "visitor", TODAY, None, ""),
        ("cancelled", "host", TODAY, None, ""),
    ],
)
def test_next_step_for_each_state_and_side(status, side, ends_on, shared, expected):
    made = booking(status, ends_on=ends_on, shared=shared)
    report = made.report if shared is not None else None

    assert str(rules.next_step(made, side=side, report=report, today=TODAY)) == expected


@pytest.mark.parametrize(
    ("sides", "shared", "superuser", "expected"),
    [
        ({"visitor"}, False, False, True),
        ({"host"}, False, False, False),
        ({"host"}, True, False, True),
        (set(), True, False, False),
        (set(), False, True, True),
    ],
)
def test_may_read_report_visitor_always_host_once_shared(sides, shared, superuser, expected):
    report = VisitReport(shared_with_host=shared)
    user = get_user_model()(is_superuser=superuser)

    assert rules.may_read_report(report, sides=frozenset(sides), user=user) is expected


@pytest.mark.parametrize(
    ("is_open", "deadline", "expected"),
    [(True, TODAY, True), (True, TODAY - datetime.timedelta(1), False), (False, TODAY, False)],
)
def test_takes_requests_while_open_until_the_deadline(is_open, deadline, expected):
    offer = StudyVisitOffer(is_open=is_open, request_deadline=deadline)

    assert rules.takes_requests(offer, today=TODAY) is expected


@pytest.mark.django_db
def test_booking_refusal_names_each_reason():
    host = factories.PeerClusterFactory()
    offer = factories.OfferFactory(cluster=host)
    closed = factories.OfferFactory(cluster=host, is_open=False)
    host_manager = factories.manager(host)
    nobody = factories.UserFactory()
    visitor = factories.PeerClusterFactory()
    asked = factories.BookingFactory(offer=offer, cluster=visitor)

    def refusal(user, on=offer, bookable=(), active=None):
        return rules.booking_refusal(user=user, offer=on, bookable_clusters=list(bookable), active_booking=active)

    assert [
        refusal(AnonymousUser()),
        refusal(nobody),
        refusal(host_manager),
        refusal(asked.requested_by, active=asked),
        refusal(asked.requested_by, bookable=[factories.PeerClusterFactory()], active=asked),
        refusal(asked.requested_by, on=closed, bookable=[visitor]),
    ] == [rules.SIGNED_OUT, rules.NO_CLUSTER, rules.OWN_CLUSTER, rules.ALREADY_ASKED, None, rules.CLOSED]


@pytest.mark.django_db
def test_sides_of_approved_managers_only():
    visitor, visitor_manager, host, host_manager = factories.pair()
    made = factories.BookingFactory(offer=factories.OfferFactory(cluster=host), cluster=visitor)
    both = factories.manager(host)
    factories.MembershipFactory(cluster=visitor, user=both)
    pending = factories.manager(host, status="requested")

    assert [rules.sides_of(user=user, booking=made) for user in (host_manager, visitor_manager, both, pending)] == [
        frozenset({"host"}),
        frozenset({"visitor"}),
        frozenset({"host", "visitor"}),
        frozenset(),
    ]
