"""Writes for clusters and memberships (DESIGN.md 4.1, 5).

Every service runs in one transaction, locks the rows it decides on
(portal.core.locking), validates before saving and queues its e-mails in that
transaction (portal.core.emails), so a rolled-back change sends nothing.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mobility.models import Cluster, ClusterMembership, MatchingConsent, MembershipRole, MembershipStatus
from mobility.rules import analysts, can_decide_membership, is_analyst, is_manager_of
from portal.core.emails import send_templated_email
from portal.core.locking import lock, lock_first, lock_one
from portal.core.urls import base_url


def _mail(*, to_user, template, context):
    """Queue one of our e-mails; links in it are absolute (the portal's base URL)."""
    send_templated_email(
        to_user=to_user,
        template=f"mobility/email/{template}",
        context={"site_url": base_url(), **context},
    )


def _deciders(cluster):
    """Who is told about a request: the cluster's approved managers, else the analysts."""
    managers = list(
        get_user_model().objects.filter(
            cluster_memberships__in=ClusterMembership.objects.approved_managers().filter(cluster=cluster),
            is_active=True,
        )
    )
    if managers:
        return managers
    return list(analysts())


@transaction.atomic
def request_membership(*, cluster, user, message=""):
    """Ask to become a manager of a cluster.

    Side effects: creates (or renews a declined) membership request, e-mails the
    requester a receipt and the cluster's approved managers (or, when it has
    none, the analysts) the request.
    """
    membership = lock_first(ClusterMembership.objects, cluster=cluster, user=user)
    if membership is not None and membership.status == MembershipStatus.APPROVED:
        raise ValidationError(_("You are already a manager of this cluster."))
    if membership is not None and membership.status == MembershipStatus.REQUESTED:
        raise ValidationError(_("Your request for this cluster is already waiting for a decision."))
    if membership is None:
        membership = ClusterMembership(cluster=cluster, user=user)
    membership.role = MembershipRole.MANAGER
    membership.status = MembershipStatus.REQUESTED
    membership.decided_by = None
    membership.decided_at = None
    membership.full_clean()
    membership.save()
    _mail(
        to_user=user,
        template="membership_request_received",
        context={"membership": membership, "cluster": cluster},
    )
    for decider in _deciders(cluster):
        _mail(
            to_user=decider,
            template="membership_requested",
            context={"membership": membership, "cluster": cluster, "requester": user, "message": message},
        )
    return membership


@transaction.atomic
def decide_membership(*, membership, by, approve):
    """Approve or decline a pending request.

    Side effects: sets the status, who decided and when; e-mails the requester
    and the person who decided.
    """
    membership = lock_one(ClusterMembership.objects.select_related("cluster", "user"), pk=membership.pk)
    if not can_decide_membership(user=by, cluster=membership.cluster) or membership.user_id == by.pk:
        raise PermissionDenied
    if membership.status != MembershipStatus.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.DECLINED
    membership.decided_by = by
    membership.decided_at = timezone.now()
    membership.full_clean()
    membership.save()
    context = {"membership": membership, "cluster": membership.cluster, "decider": by, "approved": approve}
    _mail(to_user=membership.user, template="membership_decided", context=context)
    _mail(to_user=by, template="membership_decision_made", context=context)
    return membership


@transaction.atomic
def assign_manager(*, cluster, user, by):
    """An analyst makes a user an approved manager of a cluster directly.

    Side effects: creates or approves the membership and e-mails the new manager.
    """
    if not is_analyst(by):
        raise PermissionDenied
    membership, _created = lock(ClusterMembership.objects.all()).get_or_create(
        cluster=cluster, user=user, defaults={"role": MembershipRole.MANAGER}
    )
    membership.role = MembershipRole.MANAGER
    membership.status = MembershipStatus.APPROVED
    membership.decided_by = by
    membership.decided_at = timezone.now()
    membership.full_clean()
    membership.save()
    _mail(
        to_user=user,
        template="membership_decided",
        context={"membership": membership, "cluster": cluster, "decider": by, "approved": True},
    )
    return membership


@transaction.atomic
def set_matching_consent(*, cluster, by, consent, written=False, note=""):
    """Give (`consent=True`) or withdraw (`consent=False`) the cluster's consent to be matched as a host.

    A manager of the cluster decides for it; an analyst records the cluster's
    written consent (`written=True`) or its withdrawal. The one place where
    consent changes, so whatever depends on it (the matching network) can be
    refreshed here.

    Side effects: giving creates a consent (who, when) unless one is in force;
    withdrawing stamps the consent in force with who and when, which removes the
    cluster from every peer list at once. Returns the consent in force, or None.
    """
    manager = is_manager_of(user=by, cluster=cluster)
    if not manager and not is_analyst(by):
        raise PermissionDenied
    if written and not is_analyst(by):
        raise PermissionDenied
    if not manager and consent and not written:
        raise ValidationError(_("Record the consent as the cluster's written consent, or let its managers give it."))
    # Concurrent changes of one cluster's consent wait for each other, so only one consent is ever in force.
    lock_first(Cluster.objects, pk=cluster.pk)
    current = MatchingConsent.objects.active().filter(cluster=cluster).first()
    now = timezone.now()
    if not consent:
        if current is not None:
            current.withdrawn_by = by
            current.withdrawn_at = now
            current.save(update_fields=["withdrawn_by", "withdrawn_at"])
        return None
    if current is not None:
        return current
    current = MatchingConsent(cluster=cluster, given_by=by, given_at=now, written=written, note=note.strip())
    current.full_clean()
    current.save()
    return current
