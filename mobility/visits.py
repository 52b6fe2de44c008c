"""Writes for study visits (DESIGN.md 4.4): offers, bookings and their states, visit reports.

Booking states: requested -> accepted | declined; requested or accepted ->
cancelled; accepted -> completed (after the offer's last day). Only approved
managers of the right cluster take each step (`PermissionDenied` otherwise):
the host's managers accept and decline, either side cancels and completes, the
visitor's managers request and report.

Every change that concerns a booking and its offer locks the offer row first
(`select_for_update`), then the booking, so acceptances are counted by one
writer at a time per offer and accepted participants never exceed its places.
Every transition e-mails the other side's managers in their own language,
queued in the same transaction (`portal.core.emails`).
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext_lazy as _

from mobility import visit_calendars
from mobility.models import (
    BookingStatus,
    ClusterMembership,
    ImprovementAction,
    StudyVisitBooking,
    StudyVisitOffer,
    VisitReport,
)
from mobility.queries import latest_result, weak_points
from mobility.rules import is_manager_of
from portal.core.emails import send_templated_email
from portal.core.urls import base_url

MAX_ACTIONS = 3
TAKEN = (BookingStatus.ACCEPTED, BookingStatus.COMPLETED)
ACTIVE = (BookingStatus.REQUESTED, BookingStatus.ACCEPTED)


# --- Permissions and notifications ------------------------------------------


def managers_of(cluster):
    """Approved managers of the cluster, in a stable order."""
    return [
        membership.user
        for membership in ClusterMembership.objects.approved_managers()
        .filter(cluster=cluster)
        .select_related("user")
        .order_by("user__email")
        if membership.user.is_active
    ]


def _require_manager(user, *clusters):
    if not any(is_manager_of(user=user, cluster=cluster) for cluster in clusters):
        raise PermissionDenied(_("Only the cluster's approved managers may do this."))


def _base_url():
    return base_url()


def _notify(*, cluster, template, booking, by, attachments_for=None, also=(), include_by=False):
    """E-mail every manager of `cluster` and of the clusters in `also` once, each in their own language.

    `by` is left out unless `include_by`.
    """
    recipients = []
    for each in (cluster, *also):
        recipients += [user for user in managers_of(each) if user not in recipients and (include_by or user != by)]
    for recipient in recipients:
        attachments = ()
        with translation.override(recipient.preferred_language):
            if attachments_for is not None:
                attachments = [attachments_for(recipient)]
        send_templated_email(
            to_user=recipient,
            template=f"visits/email/{template}",
            context={
                "booking": booking,
                "offer": booking.offer,
                "host": booking.offer.cluster,
                "visitor": booking.cluster,
                "by": by,
                "base_url": _base_url(),
                "focus": list(booking.focus_indicators.all()),
            },
            attachments=attachments,
        )


def _booking_url(booking):
    from django.urls import reverse

    return _base_url() + reverse("visits:booking", args=[booking.pk])


def _invitation(booking, *, method):
    """RFC 5546 roles: the host's manager who accepted organises, the visiting cluster's managers attend."""
    organizer = visit_calendars.organizer_of(booking, host_managers=managers_of(booking.offer.cluster))
    attendees = managers_of(booking.cluster)

    def build(_recipient):
        return visit_calendars.invitation(
            booking=booking, organizer=organizer, attendees=attendees, method=method, url=_booking_url(booking)
        )

    return build


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
        offer = StudyVisitOffer.objects.select_for_update().select_related("cluster").get(pk=offer.pk)
        taken = _taken(offer)
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
                _notify(
                    cluster=booking.cluster,
                    template="booking_changed",
                    booking=booking,
                    by=by,
                    attachments_for=_invitation(booking, method=visit_calendars.REQUEST),
                )
    return offer


def set_offer_open(*, offer, by, is_open):
    """Open or close an offer for new requests. Existing bookings are not touched."""
    _require_manager(by, offer.cluster)
    with transaction.atomic():
        offer = StudyVisitOffer.objects.select_for_update().get(pk=offer.pk)
        offer.is_open = is_open
        _full_clean_save(offer, exclude=["created_by"])
    return offer


def _taken(offer):
    return offer.bookings.filter(status__in=TAKEN).aggregate(total=Sum("participants"))["total"] or 0


# --- Bookings ---------------------------------------------------------------


def visitor_weak_points(*, cluster):
    """The indicators the cluster may focus a visit on: its latest result's reds and yellows."""
    result = latest_result(cluster=cluster)
    return [] if result is None else [score.indicator for score in weak_points(result=result)]


def request_visit(*, offer, cluster, by, participants, focus_indicators, message=""):
    """`cluster` (managed by `by`) asks to visit `offer`'s host.

    Focus indicators must be among the cluster's weak points; the host sees
    them, never the results. Side effects: e-mails the host's managers.
    """
    _require_manager(by, cluster)
    focus_indicators = list(focus_indicators)
    with transaction.atomic():
        offer = StudyVisitOffer.objects.select_for_update().select_related("cluster").get(pk=offer.pk)
        today = timezone.localdate()
        if offer.cluster_id == cluster.pk:
            raise ValidationError(_("A cluster cannot visit itself."))
        if not offer.is_open or offer.request_deadline < today:
            raise ValidationError(_("This offer no longer takes requests."))
        if participants > offer.places:
            raise ValidationError(_("The host can receive at most %(places)s visitors.") % {"places": offer.places})
        if not focus_indicators:
            raise ValidationError(_("Choose at least one weak point to focus the visit on."))
        allowed = {indicator.pk for indicator in visitor_weak_points(cluster=cluster)}
        if any(indicator.pk not in allowed for indicator in focus_indicators):
            raise ValidationError(_("Choose only weak points of the visiting cluster."))
        if offer.bookings.filter(cluster=cluster, status__in=ACTIVE).exists():
            raise ValidationError(_("Your cluster has already asked to join this visit."))
        booking = _full_clean_save(
            StudyVisitBooking(offer=offer, cluster=cluster, requested_by=by, participants=participants, message=message)
        )
        booking.focus_indicators.set(focus_indicators)
        _notify(cluster=offer.cluster, template="booking_requested", booking=booking, by=by)
    return booking


def _lock(booking):
    """Lock the booking's offer, then the booking; return the fresh booking with both clusters."""
    StudyVisitOffer.objects.select_for_update().get(pk=booking.offer_id)
    return StudyVisitBooking.objects.select_for_update().select_related("offer__cluster", "cluster").get(pk=booking.pk)


def _require_status(booking, *allowed):
    if booking.status not in allowed:
        raise ValidationError(
            _("This visit is %(status)s, so this step is not possible.") % {"status": booking.get_status_display()}
        )


def accept_booking(*, booking, by):
    """The host accepts: never beyond the offer's places, even under concurrent acceptances.

    Side effects: e-mails the visitor's managers an invitation (METHOD:REQUEST).
    """
    with transaction.atomic():
        booking = _lock(booking)
        _require_manager(by, booking.offer.cluster)
        _require_status(booking, BookingStatus.REQUESTED)
        free = booking.offer.places - _taken(booking.offer)
        if booking.participants > free:
            raise ValidationError(
                _("Only %(free)s of the %(places)s places are still free; this request is for %(wanted)s.")
                % {"free": max(free, 0), "places": booking.offer.places, "wanted": booking.participants}
            )
        booking.status = BookingStatus.ACCEPTED
        booking.accepted_by = by
        _full_clean_save(booking)
        _notify(
            cluster=booking.cluster,
            template="booking_accepted",
            booking=booking,
            by=by,
            attachments_for=_invitation(booking, method=visit_calendars.REQUEST),
        )
    return booking


def decline_booking(*, booking, by):
    """The host declines a request. Side effects: e-mails the visitor's managers."""
    with transaction.atomic():
        booking = _lock(booking)
        _require_manager(by, booking.offer.cluster)
        _require_status(booking, BookingStatus.REQUESTED)
        booking.status = BookingStatus.DECLINED
        _full_clean_save(booking)
        _notify(cluster=booking.cluster, template="booking_declined", booking=booking, by=by)
    return booking


def cancel_booking(*, booking, by):
    """Either side cancels a requested or accepted visit.

    Side effects: a request's cancellation e-mails the other side's managers.
    An accepted visit is in both sides' calendars: its SEQUENCE is raised and
    every manager of both clusters, whoever cancelled included, gets a
    METHOD:CANCEL from the organizer with the same UID.
    """
    with transaction.atomic():
        booking = _lock(booking)
        host, visitor = booking.offer.cluster, booking.cluster
        _require_manager(by, host, visitor)
        _require_status(booking, *ACTIVE)
        was_accepted = booking.status == BookingStatus.ACCEPTED
        booking.status = BookingStatus.CANCELLED
        if was_accepted:
            booking.sequence += 1
        _full_clean_save(booking)
        if was_accepted:
            _notify(
                cluster=host,
                also=[visitor],
                include_by=True,
                template="booking_cancelled",
                booking=booking,
                by=by,
                attachments_for=_invitation(booking, method=visit_calendars.CANCEL),
            )
        else:
            other = visitor if is_manager_of(user=by, cluster=host) else host
            _notify(cluster=other, template="booking_cancelled", booking=booking, by=by)
    return booking


def complete_booking(*, booking, by, today=None):
    """Either side marks an accepted visit as done, after its last day. Side effects: e-mails the other side."""
    today = today or timezone.localdate()
    with transaction.atomic():
        booking = _lock(booking)
        host, visitor = booking.offer.cluster, booking.cluster
        _require_manager(by, host, visitor)
        _require_status(booking, BookingStatus.ACCEPTED)
        if today <= booking.offer.ends_on:
            raise ValidationError(_("A visit can be marked as completed only after its last day."))
        booking.status = BookingStatus.COMPLETED
        _full_clean_save(booking)
        other = visitor if is_manager_of(user=by, cluster=host) else host
        _notify(cluster=other, template="booking_completed", booking=booking, by=by)
    return booking


# --- Reports ----------------------------------------------------------------


def file_report(*, booking, by, learned, actions, shared_with_host=False):
    """Create or replace the visitor's report of a completed visit.

    `actions`: up to three (indicator, description) pairs. Side effects: when
    the report becomes shared, e-mails the host's managers.
    """
    _require_manager(by, booking.cluster)
    actions = list(actions)
    if booking.status != BookingStatus.COMPLETED:
        raise ValidationError(_("A report can be written once the visit is completed."))
    if len(actions) > MAX_ACTIONS:
        raise ValidationError(_("A report has at most three improvement actions."))
    with transaction.atomic():
        report = VisitReport.objects.select_for_update().filter(booking=booking).first()
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
            _notify(cluster=booking.offer.cluster, template="report_shared", booking=booking, by=by)
    return report


def story_slug(report):
    return f"study-visit-report-{report.pk}"


def start_story(*, report, by):
    """An editor starts a best-practice story (an unpublished draft) from a shared visit report.

    The draft goes under the English best-practice index and tells the host's
    practice, prefilled from the report. Starting twice returns the first draft.
    Side effects: a page and its first revision.
    """
    from content.models import BestPracticeIndexPage, BestPracticePage
    from portal.roles import is_editor

    if not is_editor(by):
        raise PermissionDenied(_("Only editors may start best-practice stories."))
    if not report.shared_with_host:
        raise ValidationError(_("Only reports shared with the host can become stories."))
    existing = BestPracticePage.objects.filter(slug=story_slug(report)).first()
    if existing is not None:
        return existing
    index = BestPracticeIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path").first()
    if index is None:
        raise ValidationError(_("There is no English best-practice section to add the story to."))
    booking = report.booking
    host, offer = booking.offer.cluster, booking.offer
    actions = list(report.actions.select_related("indicator"))
    topics = list({action.indicator_id: action.indicator for action in actions}.values())
    topics += [indicator for indicator in booking.focus_indicators.all() if indicator not in topics]
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        focus = ", ".join(str(indicator.name) for indicator in booking.focus_indicators.all())
        page = BestPracticePage(
            title=str(
                _("What %(visitor)s learned from %(host)s") % {"visitor": booking.cluster.name, "host": host.name}
            ),
            slug=story_slug(report),
            live=False,
            cluster_name=host.name,
            cluster=host,
            country=host.country,
            sector=str(host.sector or ""),
            date=offer.ends_on or datetime.date.today(),
            summary=report.learned[:500],
            challenge=linebreaks(
                escape(
                    _("%(visitor)s came to learn about: %(focus)s.") % {"visitor": booking.cluster.name, "focus": focus}
                )
            ),
            approach=linebreaks(escape(report.learned)),
            results="<ul>"
            + "".join(f"<li>{escape(action.indicator.name)}: {escape(action.description)}</li>" for action in actions)
            + "</ul>",
            topics=topics,
        )
        index.add_child(instance=page)
        page.save_revision(user=by, log_action=True)
    return page
