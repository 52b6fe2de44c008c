"""Writes for study visits (DESIGN.md 4.4): offers, bookings and their states, visit reports.

Which step each side may take from which status is decided by
`mobility.visits.rules`; each service asks it (`PermissionDenied` for the
wrong person, `ValidationError` for the wrong state) inside its transaction,
after taking its locks.

Locking order (`portal.core.locking`): every change that concerns an offer or
one of its bookings locks the offer row first, then the booking, so
acceptances are counted by one writer at a time per offer and accepted
participants never exceed its places; no service locks them the other way
round. Every transition e-mails the other side's managers in their own
language, queued in the same transaction (`mobility.visits.notifications`).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mobility.models import (
    BookingStatus,
    ImprovementAction,
    StudyVisitBooking,
    StudyVisitOffer,
    VisitReport,
)
from mobility.rules import is_manager_of
from mobility.visits import calendars, queries, rules
from mobility.visits.notifications import invitation, notify, send_invitation
from portal.core.locking import lock_first, lock_one

MAX_ACTIONS = 3


def _require_manager(user, cluster):
    if not is_manager_of(user=user, cluster=cluster):
        raise PermissionDenied(rules.MANAGERS_ONLY)


def _full_clean_save(instance, *, exclude=None):
    instance.full_clean(exclude=exclude)
    instance.save()
    return instance


# --- Offers -----------------------------------------------------------------


OFFER_TEXTS = ("title", "programme", "place")


def offer_texts(offer):
    """{field: {language: text}} of an offer's translatable texts, every language present."""
    return {
        field: {code: getattr(offer, f"{field}_{code}") or "" for code, _name in settings.LANGUAGES}
        for field in OFFER_TEXTS
    }


def _set_texts(offer, **texts):
    """Store each field's texts by language ({"title": {"cs": ...}}); a language left out or blank is cleared.

    Each field needs a text in at least one language: readers of the others see that one.
    """
    errors = {}
    for field in OFFER_TEXTS:
        values = {code: (texts[field].get(code) or "").strip() for code, _name in settings.LANGUAGES}
        if not any(values.values()):
            errors[field] = _("Write this in at least one language.")
        for code, value in values.items():
            setattr(offer, f"{field}_{code}", value or None)
    if errors:
        raise ValidationError(errors)


def create_offer(
    *, cluster, by, title, programme, starts_on, ends_on, place, places, languages, topics, request_deadline
):
    """Publish a study-visit offer of `cluster`, open for requests.

    `title`, `programme` and `place` are {language: text}; each needs at least
    one language, the others fall back to it. Side effects: none besides the rows.
    """
    _require_manager(by, cluster)
    with transaction.atomic():
        offer = StudyVisitOffer(
            cluster=cluster,
            starts_on=starts_on,
            ends_on=ends_on,
            places=places,
            languages=list(languages),
            request_deadline=request_deadline,
            created_by=by,
        )
        _set_texts(offer, title=title, programme=programme, place=place)
        _full_clean_save(offer, exclude=["created_by"])
        offer.topics.set(topics)
    return offer


def update_offer(
    *, offer, by, title, programme, starts_on, ends_on, place, places, languages, topics, request_deadline
):
    """Change an offer. Places may not drop below the participants already accepted.

    Side effects: when the dates or the place of an offer with accepted visits
    change, each such booking's SEQUENCE is raised and its visitors get an
    updated invitation (METHOD:REQUEST).
    """
    _require_manager(by, offer.cluster)
    with transaction.atomic():
        offer = lock_one(StudyVisitOffer.objects.select_related("cluster"), pk=offer.pk)
        taken = queries.taken_places(offer=offer)
        if places < taken:
            raise ValidationError(
                _("%(taken)s participants are already accepted; the offer needs at least as many places.")
                % {"taken": taken}
            )
        before = (offer.starts_on, offer.ends_on, offer_texts(offer)["place"])
        offer.starts_on, offer.ends_on, offer.places = starts_on, ends_on, places
        offer.languages = list(languages)
        offer.request_deadline = request_deadline
        _set_texts(offer, title=title, programme=programme, place=place)
        moved = before != (offer.starts_on, offer.ends_on, offer_texts(offer)["place"])
        _full_clean_save(offer, exclude=["created_by"])
        offer.topics.set(topics)
        if moved:
            for booking in offer.bookings.filter(status=BookingStatus.ACCEPTED).select_related("cluster"):
                booking.offer = offer
                booking.sequence += 1
                _full_clean_save(booking)
                send_invitation(booking, template="booking_changed", by=by)
    return offer


def set_offer_open(*, offer, by, is_open):
    """Open or close an offer for new requests. Existing bookings are not touched."""
    _require_manager(by, offer.cluster)
    with transaction.atomic():
        offer = lock_one(StudyVisitOffer.objects, pk=offer.pk)
        offer.is_open = is_open
        _full_clean_save(offer, exclude=["created_by"])
    return offer


# --- Bookings ---------------------------------------------------------------


def visitor_weak_points(*, cluster):
    """The indicators the cluster may focus a visit on: its latest result's reds and yellows."""
    return [score.indicator for score in queries.weak_point_scores(cluster=cluster)]


def request_visit(*, offer, cluster, by, participants, focus_indicators, message=""):
    """`cluster` (managed by `by`) asks to visit `offer`'s host.

    Focus indicators must be among the cluster's weak points; the host sees
    them, never the results. Side effects: e-mails the host's managers.
    """
    _require_manager(by, cluster)
    focus_indicators = list(focus_indicators)
    with transaction.atomic():
        offer = lock_one(StudyVisitOffer.objects.select_related("cluster"), pk=offer.pk)
        if offer.cluster_id == cluster.pk:
            raise ValidationError(_("A cluster cannot visit itself."))
        if not rules.takes_requests(offer):
            raise ValidationError(_("This offer no longer takes requests."))
        if participants > offer.places:
            raise ValidationError(_("The host can receive at most %(places)s visitors.") % {"places": offer.places})
        if not focus_indicators:
            raise ValidationError(_("Choose at least one weak point to focus the visit on."))
        allowed = {indicator.pk for indicator in visitor_weak_points(cluster=cluster)}
        if any(indicator.pk not in allowed for indicator in focus_indicators):
            raise ValidationError(_("Choose only weak points of the visiting cluster."))
        if offer.bookings.filter(cluster=cluster, status__in=BookingStatus.ACTIVE).exists():
            raise ValidationError(_("Your cluster has already asked to join this visit."))
        booking = _full_clean_save(
            StudyVisitBooking(offer=offer, cluster=cluster, requested_by=by, participants=participants, message=message)
        )
        booking.focus_indicators.set(focus_indicators)
        notify(cluster=offer.cluster, template="booking_requested", booking=booking, by=by)
    return booking


def _lock(booking):
    """Lock the booking's offer, then the booking; return the fresh booking with both clusters."""
    lock_one(StudyVisitOffer.objects, pk=booking.offer_id)
    return lock_one(StudyVisitBooking.objects.select_related("offer__cluster", "cluster"), pk=booking.pk)


def _checked(booking, step, *, by):
    """The booking, locked (see `_lock`), once the rules allow `by` to take `step` on it now."""
    booking = _lock(booking)
    rules.check(booking, step, sides=rules.sides_of(user=by, booking=booking))
    return booking


def accept_booking(*, booking, by):
    """The host accepts: never beyond the offer's places, even under concurrent acceptances.

    Side effects: e-mails the visitor's managers an invitation (METHOD:REQUEST).
    """
    with transaction.atomic():
        booking = _checked(booking, rules.ACCEPT, by=by)
        free = booking.offer.places - queries.taken_places(offer=booking.offer)
        if booking.participants > free:
            raise ValidationError(
                _("Only %(free)s of the %(places)s places are still free; this request is for %(wanted)s.")
                % {"free": max(free, 0), "places": booking.offer.places, "wanted": booking.participants}
            )
        booking.status = rules.TRANSITIONS[rules.ACCEPT].target
        booking.accepted_by = by
        _full_clean_save(booking)
        send_invitation(booking, template="booking_accepted", by=by)
    return booking


def decline_booking(*, booking, by):
    """The host declines a request. Side effects: e-mails the visitor's managers."""
    with transaction.atomic():
        booking = _checked(booking, rules.DECLINE, by=by)
        booking.status = rules.TRANSITIONS[rules.DECLINE].target
        _full_clean_save(booking)
        notify(cluster=booking.cluster, template="booking_declined", booking=booking, by=by)
    return booking


def _other_side(booking, *, by):
    """The cluster on the other side from `by` (the visitor when `by` manages the host)."""
    return booking.cluster if is_manager_of(user=by, cluster=booking.offer.cluster) else booking.offer.cluster


def cancel_booking(*, booking, by):
    """Either side cancels a requested or accepted visit.

    Side effects: a request's cancellation e-mails the other side's managers.
    An accepted visit is in both sides' calendars: its SEQUENCE is raised and
    every manager of both clusters, whoever cancelled included, gets a
    METHOD:CANCEL from the organizer with the same UID.
    """
    with transaction.atomic():
        booking = _checked(booking, rules.CANCEL, by=by)
        was_accepted = booking.status == BookingStatus.ACCEPTED
        booking.status = rules.TRANSITIONS[rules.CANCEL].target
        if was_accepted:
            booking.sequence += 1
        _full_clean_save(booking)
        if was_accepted:
            notify(
                cluster=booking.offer.cluster,
                also=[booking.cluster],
                include_by=True,
                template="booking_cancelled",
                booking=booking,
                by=by,
                attachments_for=invitation(booking, method=calendars.CANCEL),
            )
        else:
            notify(cluster=_other_side(booking, by=by), template="booking_cancelled", booking=booking, by=by)
    return booking


def complete_booking(*, booking, by):
    """Either side marks an accepted visit as done, after its last day. Side effects: e-mails the other side."""
    with transaction.atomic():
        booking = _checked(booking, rules.COMPLETE, by=by)
        booking.status = rules.TRANSITIONS[rules.COMPLETE].target
        _full_clean_save(booking)
        notify(cluster=_other_side(booking, by=by), template="booking_completed", booking=booking, by=by)
    return booking


# --- Reports ----------------------------------------------------------------


def file_report(*, booking, by, learned, actions, shared_with_host=False):
    """Create or replace the visitor's report of a completed visit.

    `actions`: up to three (indicator, description) pairs. Side effects: when
    the report becomes shared, e-mails the host's managers.
    """
    sides = rules.sides_of(user=by, booking=booking)
    if rules.VISITOR not in sides:
        raise PermissionDenied(rules.MANAGERS_ONLY)
    actions = list(actions)
    if not rules.may_report(booking, sides=sides):
        raise ValidationError(_("A report can be written once the visit is completed."))
    if len(actions) > MAX_ACTIONS:
        raise ValidationError(_("A report has at most three improvement actions."))
    with transaction.atomic():
        report = lock_first(VisitReport.objects, booking=booking)
        newly_shared = shared_with_host and not (report and report.shared_with_host)
        if report is None:
            report = VisitReport(booking=booking, created_by=by)
        report.learned = learned
        report.shared_with_host = shared_with_host
        _full_clean_save(report, exclude=["created_by"])
        report.actions.all().delete()
        for position, (indicator, description) in enumerate(actions):
            _full_clean_save(
                ImprovementAction(report=report, indicator=indicator, description=description, position=position)
            )
        if newly_shared:
            notify(cluster=booking.offer.cluster, template="report_shared", booking=booking, by=by)
    return report
