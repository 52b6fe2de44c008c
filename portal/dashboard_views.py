from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from mobility.queries import dashboard_clusters
from portal.dashboard import dashboard_for


@never_cache
@login_required
def dashboard(request):
    """The dashboard of a cluster the user manages (`?cluster=CODE` picks one); analysts may open any cluster's."""
    clusters, cluster = dashboard_clusters(user=request.user, code=request.GET.get("cluster", ""))
    if cluster is None:
        raise Http404
    return render(request, "portal/dashboard.html", {**dashboard_for(cluster=cluster), "clusters": clusters})
