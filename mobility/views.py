import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import page_not_found

from mobility import overviews, queries, rules
from mobility.forms import (
    ClusterLogoForm,
    DirectoryFilterForm,
    MatchingConsentForm,
    MembershipDecisionForm,
    MembershipRequestForm,
)
from mobility.logos import remove_cluster_logo, set_cluster_logo
from mobility.services import decide_membership, request_membership, set_matching_consent
from portal.core.pictures import LOGO_SPEC, paginate_pictures
from portal.core.spreadsheet import csv_response, xlsx_response

PAGE_SIZE = 20


# --- Public pages ----------------------------------------------------------------


def directory(request):
    country_codes, sectors = queries.directory_facets()
    form = DirectoryFilterForm(request.GET or None, country_codes=country_codes, sectors=sectors)
    page = paginate_pictures(
        queries.public_clusters(**form.filters()),
        page=request.GET.get("page"),
        per_page=PAGE_SIZE,
        field="logo",
        specs=(LOGO_SPEC,),
    )
    today = timezone.localdate()
    for cluster in page:
        cluster.current_label = cluster.label_list[0] if cluster.label_list else None
    return render(request, "mobility/directory.html", {"form": form, "clusters": page, "today": today})


def cluster_profile(request, code):
    profile = overviews.public_profile(code=code)
    if profile is None:
        raise Http404
    return render(request, "mobility/cluster_profile.html", profile)


def statistics(request, edition=None):
    context = overviews.statistics_overview(edition=edition)
    if context is None:
        raise Http404
    return render(request, "mobility/statistics.html", context)


# --- Confidential results ----------------------------------------------------------


def confidential(view):
    """Only the cluster's approved managers, analysts and superusers; anonymous visitors log in,
    everyone else gets 404 whatever the code. Nothing here may be cached by shared caches."""

    @functools.wraps(view)
    def wrapper(request, code, *args, **kwargs):
        if not request.user.is_authenticated:
            response = redirect_to_login(request.get_full_path())
        else:
            try:
                cluster = queries.cluster_by_code(code=code)
                if cluster is None or not rules.can_see_results(user=request.user, cluster=cluster):
                    raise Http404
                response = view(request, cluster, *args, **kwargs)
            except Http404 as error:
                response = page_not_found(request, error)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapper


@confidential
def results(request, cluster):
    context = overviews.results_overview(cluster=cluster)
    context["may_consent"] = rules.is_manager_of(user=request.user, cluster=cluster)
    return render(request, "mobility/results.html", context)


@require_POST
@confidential
def matching_consent(request, cluster):
    """A manager of the cluster agrees to be matched as a host, or withdraws (analysts: the admin)."""
    form = MatchingConsentForm(request.POST)
    if not rules.is_manager_of(user=request.user, cluster=cluster):
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Choose whether to agree to be matched or to withdraw."))
    else:
        consent = form.cleaned_data["consent"]
        set_matching_consent(cluster=cluster, by=request.user, consent=consent)
        if consent:
            messages.success(
                request, _("%(cluster)s is now offered as a peer to other clusters.") % {"cluster": cluster.name}
            )
        else:
            messages.success(
                request, _("%(cluster)s is no longer offered as a peer to other clusters.") % {"cluster": cluster.name}
            )
    return redirect(reverse("mobility:results", args=[cluster.code]) + "#matching-consent")


@confidential
def results_print(request, cluster):
    return render(request, "mobility/results.html", {**overviews.results_overview(cluster=cluster), "printable": True})


@confidential
def results_chart(request, cluster):
    context = overviews.results_overview(cluster=cluster)
    if context["result"] is None:
        raise Http404
    return render(request, "mobility/results_chart.svg", context, content_type="image/svg+xml")


@confidential
def results_csv(request, cluster):
    return csv_response(queries.result_export_rows(cluster=cluster), filename=f"results-{cluster.pk}")


@confidential
def results_xlsx(request, cluster):
    return xlsx_response(
        queries.result_export_rows(cluster=cluster), filename=f"results-{cluster.pk}", sheet_title=_("Results")
    )


# --- Memberships -----------------------------------------------------------------------


@login_required
def my_clusters(request):
    response = render(request, "mobility/my_clusters.html", queries.memberships_overview(user=request.user))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def request_membership_view(request):
    form = MembershipRequestForm(request.POST or None, initial={"cluster": request.GET.get("cluster")})
    if request.method == "POST" and form.is_valid():
        try:
            request_membership(
                cluster=form.cleaned_data["cluster"], user=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your request has been sent. You will receive an e-mail when it has been decided.")
            )
            return redirect("mobility:my_clusters")
    return render(request, "mobility/request_membership.html", {"form": form})


@login_required
def membership_requests(request):
    response = render(
        request,
        "mobility/membership_requests.html",
        {"pending": queries.pending_requests_for(user=request.user), "form": MembershipDecisionForm()},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def decide_membership_view(request, pk):
    membership = get_object_or_404(queries.pending_requests_for(user=request.user), pk=pk)
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to approve or decline the request."))
        return redirect("mobility:membership_requests")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        decide_membership(membership=membership, by=request.user, approve=approve)
    except (PermissionDenied, ValidationError):
        raise Http404 from None
    if approve:
        messages.success(request, _("%(user)s is now a manager of %(cluster)s.") % _names(membership))
    else:
        messages.success(request, _("The request of %(user)s for %(cluster)s was declined.") % _names(membership))
    return redirect("mobility:membership_requests")


def _names(membership):
    return {"user": membership.user.get_full_name() or membership.user.email, "cluster": membership.cluster.name}


# --- Logo ------------------------------------------------------------------------------


@login_required
def cluster_logo(request, code):
    """An approved manager of the cluster uploads its logo or goes back to the monogram; others get 404."""
    cluster = queries.cluster_by_code(code=code)
    if cluster is None or not rules.is_manager_of(user=request.user, cluster=cluster):
        raise Http404
    form = ClusterLogoForm()
    if request.method == "POST" and "remove" in request.POST:
        remove_cluster_logo(cluster=cluster)
        messages.success(request, _("The logo was removed; the profile shows the cluster's initials."))
        return redirect("mobility:cluster_logo", code=cluster.code)
    if request.method == "POST":
        form = ClusterLogoForm(request.POST, request.FILES)
        if form.is_valid():
            set_cluster_logo(cluster=cluster, file=form.cleaned_data["logo"], by=request.user)
            messages.success(request, _("The new logo is shown on the cluster's profile."))
            return redirect("mobility:cluster", code=cluster.code)
    response = render(request, "mobility/cluster_logo.html", {"cluster": cluster, "form": form})
    response["Cache-Control"] = "private, no-store"
    return response
