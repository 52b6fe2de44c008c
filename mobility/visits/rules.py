"""The study-visit booking state machine, the one place that decides on a booking's status.

    requested --accept (host)--> accepted --complete (either side, after the last day)--> completed
    requested --decline (host)--> declined
    requested or accepted --cancel (either side)--> cancelled
    completed: the visitor files a report (and may share it with the host)

A side is "host" (an approved manager of the offer's cluster) or "visitor" (of
the booking's cluster); one person may hold both. The services `check` a step
before taking it, the booking page shows the `allowed_steps`, the lists show
the `next_step`; and the offer page asks `booking_refusal` why someone may not
ask to join a visit.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mobility.models import BookingStatus
from mobility.rules import is_manager_of

HOST = "host"
VISITOR = "visitor"
ACCEPT = "accept"
DECLINE = "decline"
CANCEL = "cancel"
COMPLETE = "complete"
REPORT = "report"

MANAGERS_ONLY = _("Only the cluster's approved managers may do this.")

# Why someone may not ask to join a visit (the offer page explains each).
SIGNED_OUT = "signed-out"
NO_CLUSTER = "no-cluster"
OWN_CLUSTER = "own-cluster"
ALREADY_ASKED = "already-asked"
CLOSED = "closed"


@dataclass(frozen=True)
class Transition:
    sources: tuple
    target: str
    sides: frozenset
    # Only once the visit's last day is over.
    after_visit: bool = False
    # Asked on a page of its own first (works without JavaScript).
    confirm: bool = False


TRANSITIONS = {
    ACCEPT: Transition(sources=(BookingStatus.REQUESTED,), target=BookingStatus.ACCEPTED, sides=frozenset({HOST})),
    DECLINE: Transition(sources=(BookingStatus.REQUESTED,), target=BookingStatus.DECLINED, sides=frozenset({HOST})),
    CANCEL: Transition(
        sources=BookingStatus.ACTIVE, target=BookingStatus.CANCELLED, sides=frozenset({HOST, VISITOR}), confirm=True
    ),
    COMPLETE: Transition(
        sources=(BookingStatus.ACCEPTED,),
        target=BookingStatus.COMPLETED,
        sides=frozenset({HOST, VISITOR}),
        after_visit=True,
    ),
}
# A calendar file exists once the visit was accepted; a cancelled one is served so calendars drop it.
CALENDAR_STATUSES = (*BookingStatus.TAKES_PLACE, BookingStatus.CANCELLED)

NEXT_STEPS = {
    (HOST, BookingStatus.REQUESTED): _("Accept or decline the request."),
    (VISITOR, BookingStatus.REQUESTED): _("Wait for the host's answer, or cancel the request."),
    (HOST, BookingStatus.ACCEPTED): _("Prepare the programme; the visitors have your invitation."),
    (VISITOR, BookingStatus.ACCEPTED): _("Add the visit to your calendar and plan your trip."),
    (HOST, "past"): _("Mark the visit as completed."),
    (VISITOR, "past"): _("Mark the visit as completed, then write your report."),
    (VISITOR, REPORT): _("Write your visit report."),
    (HOST, REPORT): _("Read the report the visitors shared with you."),
}


@dataclass(frozen=True)
class Step:
    """A step the booking page offers: `name` is the transition (or REPORT), `confirm` asks first."""

    name: str
    label: str
    style: str = ""
    confirm: bool = False
    # The confirmation page's question and button.
    question: str = ""
    confirm_label: str = ""


def sides_of(*, user, booking):
    """The sides `user` takes in `booking` as an approved manager: a frozenset of HOST and/or VISITOR."""
    sides = set()
    if is_manager_of(user=user, cluster=booking.offer.cluster):
        sides.add(HOST)
    if is_manager_of(user=user, cluster=booking.cluster):
        sides.add(VISITOR)
    return frozenset(sides)


def visit_is_over(booking, *, today=None):
    return (today or timezone.localdate()) > booking.offer.ends_on


def check(booking, name, *, sides, today=None):
    """PermissionDenied when none of `sides` may take the step `name`; ValidationError when the state forbids it."""
    transition = TRANSITIONS[name]
    if not transition.sides & sides:
        raise PermissionDenied(MANAGERS_ONLY)
    if booking.status not in transition.sources:
        raise ValidationError(
            _("This visit is %(status)s, so this step is not possible.") % {"status": booking.get_status_display()}
        )
    if transition.after_visit and not visit_is_over(booking, today=today):
        raise ValidationError(_("A visit can be marked as completed only after its last day."))


def may(booking, name, *, sides, today=None):
    """Whether `sides` may take the step `name` on the booking now (see `check`)."""
    try:
        check(booking, name, sides=sides, today=today)
    except (PermissionDenied, ValidationError):
        return False
    return True


def may_report(booking, *, sides):
    """Whether `sides` may write (or rewrite) the booking's visit report."""
    return VISITOR in sides and booking.status == BookingStatus.COMPLETED


def may_read_report(report, *, sides, user):
    """The visitor reads their own report; the host only once it is shared with them; superusers always."""
    return VISITOR in sides or (HOST in sides and report.shared_with_host) or user.is_superuser


def shows_calendar(booking):
    """Whether the booking page links the visit's calendar file: once accepted, until cancelled."""
    return booking.status in BookingStatus.TAKES_PLACE


def _cancel_step(booking, sides):
    if booking.status == BookingStatus.REQUESTED and VISITOR in sides:
        return Step(
            CANCEL,
            _("Withdraw the request"),
            style="button--danger",
            confirm=True,
            question=_("Withdraw your request to join this visit? The host's managers will be told."),
            confirm_label=_("Yes, withdraw the request"),
        )
    if booking.status == BookingStatus.ACCEPTED:
        question = _("Cancel this visit? It is taken out of both sides' calendars and the other side is told.")
    else:
        question = _("Cancel this request? The visitors will be told.")
    return Step(
        CANCEL,
        _("Cancel the visit"),
        style="button--danger",
        confirm=True,
        question=question,
        confirm_label=_("Yes, cancel the visit"),
    )


def step(booking, name, *, sides, has_report=False):
    """How the booking page offers the step `name` to `sides` (label, style, confirmation)."""
    if name == CANCEL:
        return _cancel_step(booking, sides)
    return {
        ACCEPT: Step(ACCEPT, _("Accept")),
        DECLINE: Step(DECLINE, _("Decline"), style="button--ghost"),
        COMPLETE: Step(COMPLETE, _("Mark as completed"), style="button--ghost"),
        REPORT: Step(REPORT, _("Edit your report") if has_report else _("Write your visit report")),
    }[name]


def allowed_steps(booking, *, sides, has_report=False, today=None):
    """The steps `sides` can take on the booking now, in the order the booking page shows them."""
    names = [name for name in (ACCEPT, DECLINE, COMPLETE, CANCEL) if may(booking, name, sides=sides, today=today)]
    if may_report(booking, sides=sides):
        names.append(REPORT)
    return [step(booking, name, sides=sides, has_report=has_report) for name in names]


def next_step(booking, *, side, report=None, today=None):
    """What `side` should do next about the booking, or "" when nothing.

    `report`: the booking's visit report, or None when there is none.
    """
    status = booking.status
    if status == BookingStatus.ACCEPTED and visit_is_over(booking, today=today):
        return NEXT_STEPS[(side, "past")]
    if status == BookingStatus.COMPLETED:
        if side == VISITOR and report is None:
            return NEXT_STEPS[(VISITOR, REPORT)]
        if side == HOST and report is not None and report.shared_with_host:
            return NEXT_STEPS[(HOST, REPORT)]
        return ""
    return NEXT_STEPS.get((side, status), "")


def takes_requests(offer, *, today=None):
    """Whether the offer still takes requests: open and its request deadline not passed."""
    return offer.is_open and offer.request_deadline >= (today or timezone.localdate())


def booking_refusal(*, user, offer, bookable_clusters, active_booking, today=None):
    """Why `user` may not ask to join `offer` now, or None when they may.

    `bookable_clusters`: the clusters the user manages other than the host that
    have not asked yet; `active_booking`: a requested or accepted booking of one
    of the user's clusters on this offer, or None.
    """
    if not takes_requests(offer, today=today):
        return CLOSED
    if bookable_clusters:
        return None
    if active_booking is not None:
        return ALREADY_ASKED
    if not user.is_authenticated:
        return SIGNED_OUT
    if is_manager_of(user=user, cluster=offer.cluster):
        return OWN_CLUSTER
    return NO_CLUSTER
