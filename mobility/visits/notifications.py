"""The e-mails (and calendar invitations) the study-visit services send.

Each goes to the approved, active managers of a cluster, in each recipient's
own language, queued through `portal.core.emails` in the caller's transaction.
"""

from django.urls import reverse
from django.utils import translation

from mobility.models import ClusterMembership
from mobility.visits import calendars
from portal.core.emails import send_templated_email
from portal.core.urls import absolute_url, base_url


def managers_of(cluster):
    """Approved, active managers of the cluster, by e-mail address."""
    return [
        membership.user
        for membership in ClusterMembership.objects.approved_managers()
        .filter(cluster=cluster)
        .select_related("user")
        .order_by("user__email")
        if membership.user.is_active
    ]


def notify(*, cluster, template, booking, by, attachments_for=None, also=(), include_by=False):
    """E-mail every manager of `cluster` and of the clusters in `also` once, each in their own language.

    `by` is left out unless `include_by`. `attachments_for(recipient)` builds an
    attachment in the recipient's language (see `invitation`).
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
                "base_url": base_url(),
                "focus": list(booking.focus_indicators.all()),
            },
            attachments=attachments,
        )


def invitation(booking, *, method):
    """An `attachments_for` that builds the visit's invitation (RFC 5546 roles).

    The host's manager who accepted organises, the visiting cluster's managers attend.
    """
    organizer = calendars.organizer_of(booking, host_managers=managers_of(booking.offer.cluster))
    attendees = managers_of(booking.cluster)

    def build(_recipient):
        # Called in the recipient's language, so the link opens the booking page in it.
        url = absolute_url(reverse("visits:booking", args=[booking.pk]))
        return calendars.invitation(booking=booking, organizer=organizer, attendees=attendees, method=method, url=url)

    return build


def send_invitation(booking, *, template, by):
    """E-mail the visiting cluster's managers the visit's invitation (RFC 5546 REQUEST): sent when
    the host accepts and again, with a higher sequence, whenever an accepted visit moves."""
    notify(
        cluster=booking.cluster,
        template=template,
        booking=booking,
        by=by,
        attachments_for=invitation(booking, method=calendars.REQUEST),
    )
