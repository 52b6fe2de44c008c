"""The user's data is the user's (GDPR articles 15, 17 and 20; DESIGN 8).

`export_data` gathers what the portal holds about one person as JSON-ready
data. `release_account` undoes a person's part in the network before their
account goes; `delete_account` runs it and deletes the account. Every path
that deletes a user (the profile page, the Wagtail admin, the Django admin)
ends in `release_account` through the `pre_delete` signal in `portal.signals`.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mobility.models import (
    BookingStatus,
    ClusterMembership,
    MatchingConsent,
    MembershipRole,
    MembershipStatus,
    StudyVisitBooking,
    VisitReport,
)
from mobility.visits.notifications import managers_of
from mobility.visits.services import cancel_booking
from portal.core.emails import send_templated_email
from portal.core.models import OutboxMessage
from portal.core.outbox import drop_pending_mail
from portal.models import User
from portal.roles import ANALYSTS
from training.models import CalendarFeedToken, Registration, RegistrationStatus
from training.queries import seminar_in_language
from training.services import cancel_registration, revoke_feed_token

EXPORT_FORMAT = 1


def _when(value):
    return value.isoformat() if value else None


def export_data(*, user):
    """Everything the portal stores about `user`, as a JSON-ready dict."""
    language = user.preferred_language
    registrations = []
    for registration in Registration.objects.filter(user=user).order_by("queued_at", "pk"):
        seminar = seminar_in_language(translation_key=registration.seminar_key, language=language)
        registrations.append(
            {
                "seminar": seminar.title if seminar else None,
                "seminar_id": str(registration.seminar_key),
                "status": registration.status,
                "registered_at": _when(registration.queued_at),
                "cancelled_at": _when(registration.cancelled_at),
            }
        )
    bookings = (
        StudyVisitBooking.objects.filter(requested_by=user)
        .select_related("offer__cluster", "cluster")
        .order_by("created_at", "pk")
    )
    reports = VisitReport.objects.filter(created_by=user).prefetch_related("actions__indicator").order_by("pk")
    feed = CalendarFeedToken.objects.filter(user=user).first()
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _when(timezone.now()),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation": user.organisation,
            "country": str(user.country),
            "preferred_language": user.preferred_language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "memberships": [
            {
                "cluster": membership.cluster.code,
                "cluster_name": membership.cluster.name,
                "role": membership.role,
                "status": membership.status,
                "requested_at": _when(membership.created_at),
                "decided_at": _when(membership.decided_at),
            }
            for membership in ClusterMembership.objects.filter(user=user).select_related("cluster").order_by("pk")
        ],
        "seminar_registrations": registrations,
        "study_visit_bookings": [
            {
                "offer": booking.offer.title,
                "host": booking.offer.cluster.code,
                "visiting_cluster": booking.cluster.code,
                "participants": booking.participants,
                "status": booking.status,
                "message": booking.message,
                "requested_at": _when(booking.created_at),
            }
            for booking in bookings
        ],
        "visit_reports": [
            {
                "booking": report.booking_id,
                "learned": report.learned,
                "shared_with_host": report.shared_with_host,
                "actions": [
                    {"indicator": action.indicator.code, "action": action.description}
                    for action in report.actions.all()
                ],
                "written_at": _when(report.created_at),
            }
            for report in reports
        ],
        "matching_consents": [
            {
                "cluster": consent.cluster.code,
                "given_by_you": consent.given_by_id == user.pk,
                "given_at": _when(consent.given_at),
                "written": consent.written,
                "withdrawn_by_you": consent.withdrawn_by_id == user.pk,
                "withdrawn_at": _when(consent.withdrawn_at),
            }
            for consent in MatchingConsent.objects.filter(Q(given_by=user) | Q(withdrawn_by=user))
            .select_related("cluster")
            .order_by("given_at", "pk")
        ],
        "calendar_feed": {"active": feed is not None, "created_at": _when(feed.created_at) if feed else None},
        "emails": [
            {"subject": message.subject, "status": message.status, "queued_at": _when(message.queued_at)}
            for message in OutboxMessage.objects.filter(recipient__iexact=user.email).order_by("queued_at", "pk")
        ],
    }


def _cancel_registrations(user):
    for registration in Registration.objects.filter(
        user=user, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    ):
        try:
            cancel_registration(registration=registration, by=user)
        except ValidationError:
            # The seminar already started: its attendance is history, no place to free.
            continue


def _withdraw_requests(user):
    for booking in StudyVisitBooking.objects.filter(requested_by=user, status=BookingStatus.REQUESTED):
        try:
            cancel_booking(booking=booking, by=user)
        except PermissionDenied:
            # No longer a manager of either side: the request stays the cluster's to withdraw.
            continue


def _end_memberships(user):
    """Delete the user's memberships; tell the remaining managers, or the analysts when none is left."""
    memberships = ClusterMembership.objects.filter(user=user).select_related("cluster").order_by("pk")
    for membership in memberships:
        was_manager = membership.role == MembershipRole.MANAGER and membership.status == MembershipStatus.APPROVED
        cluster = membership.cluster
        membership.delete()
        if not was_manager:
            continue
        remaining = [manager for manager in managers_of(cluster) if manager.pk != user.pk]
        if remaining:
            recipients, template = remaining, "portal/email/manager_left"
        else:
            recipients = list(User.objects.filter(groups__name=ANALYSTS, is_active=True).exclude(pk=user.pk))
            template = "portal/email/cluster_without_manager"
        for recipient in recipients:
            send_templated_email(
                to_user=recipient,
                template=template,
                context={"cluster": cluster, "leaver": user.get_full_name() or user.email},
            )


@transaction.atomic
def release_account(*, user):
    """Undo `user`'s part in the network before the account is deleted.

    Side effects, in this order: cancels their seminar registrations through
    `training.services.cancel_registration` (the first waiting person is
    promoted and told); withdraws their open study-visit requests through
    `mobility.visits.services.cancel_booking` (the host is told); deletes their cluster
    memberships, e-mailing the remaining managers of each cluster they
    managed, or the analysts when they were its last manager; keeps their
    visit reports with the author removed; revokes their calendar feed;
    deletes e-mails to them that are not sent yet.
    """
    _cancel_registrations(user)
    _withdraw_requests(user)
    _end_memberships(user)
    VisitReport.objects.filter(created_by=user).update(created_by=None)
    revoke_feed_token(user=user)
    drop_pending_mail(address=user.email)
    user._account_released = True


@transaction.atomic
def delete_account(*, user):
    """Delete `user`'s account and release everything it held (see `release_account`)."""
    release_account(user=user)
    user.delete()
