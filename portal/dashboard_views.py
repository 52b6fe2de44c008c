from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from mobility.models import Cluster
from mobility.queries import managed_clusters
from mobility.rules import is_analyst
from mobility.visits.notifications import managers_of
from portal.dashboard import dashboard_for


@never_cache
@login_required
def dashboard(request):
    """The dashboard of a cluster the user manages (`?cluster=CODE` picks one); analysts may open any cluster's."""
    clusters = list(managed_clusters(user=request.user).order_by("name", "code"))
    wanted = request.GET.get("cluster", "")
    by_code = {cluster.code: cluster for cluster in clusters}
    if wanted and wanted not in by_code and is_analyst(request.user):
        by_code[wanted] = Cluster.objects.filter(code=wanted).first()
    cluster = by_code.get(wanted) if wanted else (clusters[0] if clusters else None)
    if cluster is None:
        raise Http404
    context = dashboard_for(cluster=cluster, managers=managers_of(cluster))
    context["clusters"] = clusters
    return render(request, "portal/dashboard.html", context)
