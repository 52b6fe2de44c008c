"""Who may do what in mobility, asked in one place by services, queries, views and templates.

A cluster's results (ratings, values, scores) reach only its approved managers,
the benchmark analysts and administrators (DESIGN 4.1). Analysts are recognised
by their permission to view every result, never by a group name.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from mobility.models import ClusterMembership

# Granted to the "Benchmark analysts" group by migration 0003; superusers have every permission.
VIEW_EVERY_RESULT = "mobility.view_benchmarkresult"


def is_analyst(user):
    """A benchmark analyst or an administrator."""
    return user.is_authenticated and user.has_perm(VIEW_EVERY_RESULT)


def is_manager_of(*, user, cluster):
    """An approved manager of `cluster`."""
    return (
        user.is_authenticated
        and ClusterMembership.objects.approved_managers().filter(user=user, cluster=cluster).exists()
    )


def can_see_results(*, user, cluster):
    """Approved managers of this cluster, benchmark analysts and administrators."""
    return is_analyst(user) or is_manager_of(user=user, cluster=cluster)


def can_decide_membership(*, user, cluster):
    """An approved manager of that cluster, an analyst or an administrator."""
    return can_see_results(user=user, cluster=cluster)


def analysts():
    """Active benchmark analysts (administrators not included), in a stable order.

    They hear of membership requests that no manager of the cluster can decide.
    """
    app_label, codename = VIEW_EVERY_RESULT.split(".")
    through_group = Q(groups__permissions__content_type__app_label=app_label, groups__permissions__codename=codename)
    own = Q(user_permissions__content_type__app_label=app_label, user_permissions__codename=codename)
    return get_user_model().objects.filter(through_group | own, is_active=True).distinct().order_by("pk")
