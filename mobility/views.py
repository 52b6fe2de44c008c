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
from django_countries import countries

from mobility import charts, network_cache, queries, rules
from mobility.forms import DirectoryFilterForm, MatchingConsentForm, MembershipDecisionForm, MembershipRequestForm
from mobility.models import Cluster
from mobility.services import decide_membership, request_membership, set_matching_consent
from mobility.visits.queries import open_offers_for
from portal.core.pagination import paginate
from portal.core.ratings import RATING_CLASSES
from portal.core.spreadsheet import csv_response, xlsx_response

PAGE_SIZE = 20


# --- Public pages ----------------------------------------------------------------


def directory(request):
    country_codes, sectors = queries.directory_facets()
    form = DirectoryFilterForm(request.GET or None, country_codes=country_codes, sectors=sectors)
    page = paginate(queries.public_clusters(**form.filters()), page=request.GET.get("page"), per_page=PAGE_SIZE)
    today = timezone.localdate()
    for cluster in page:
        cluster.current_label = cluster.label_list[0] if cluster.label_list else None
    return render(request, "mobility/directory.html", {"form": form, "clusters": page, "today": today})


def cluster_profile(request, code):
    cluster = queries.public_cluster(code=code)
    if cluster is None:
        raise Http404
    return render(
        request,
        "mobility/cluster_profile.html",
        {
            "cluster": cluster,
            "labels": cluster.label_list,
            "today": timezone.localdate(),
            "offers": open_offers_for(cluster=cluster),
        },
    )


def statistics(request, edition=None):
    editions = list(queries.editions_with_results())
    if edition is None:
        current = editions[0] if editions else None
    else:
        current = next((item for item in editions if item.name == edition), None)
        if current is None:
            raise Http404
    context = {"editions": editions, "edition": current, "min_group": queries.MIN_GROUP_SIZE}
    if current is not None:
        stats = network_cache.network_statistics(edition=current)
        dimensions = []
        for item in stats["dimensions"]:
            groups = [{**item["overall"], "label": _("All countries")}] + [
                {**group, "label": countries.name(group["key"])} for group in item["by_country"]
            ]
            dimensions.append({"dimension": item["dimension"], "groups": groups, "chart": charts.share_chart(groups)})
        context.update(stats=stats, dimensions=dimensions)
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
                cluster = Cluster.objects.filter(code=code).first()
                if cluster is None or not rules.can_see_results(user=request.user, cluster=cluster):
                    raise Http404
                response = view(request, cluster, *args, **kwargs)
            except Http404 as error:
                response = page_not_found(request, error)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapper


def _results_context(cluster):
    latest, previous = queries.latest_two_results(cluster=cluster)
    context = {
        "cluster": cluster,
        "result": latest,
        "previous": previous,
        "consent": queries.matching_consent_of(cluster=cluster),
    }
    if latest is None:
        return context
    medians = network_cache.network_median_by_dimension(edition=latest.edition)
    levels = queries.dimension_levels(result=latest)
    groups = []
    for score in latest.scores.all():
        dimension = score.indicator.dimension
        if not groups or groups[-1]["dimension"].pk != dimension.pk:
            groups.append({"dimension": dimension, "scores": []})
        score.css = RATING_CLASSES[score.rating]
        groups[-1]["scores"].append(score)
    rows = []
    for group in groups:
        code = group["dimension"].code
        group["level"] = charts.percent_of_maximum(levels.get(code))
        group["median"] = charts.percent_of_maximum(medians.get(code))
        rows.append((str(group["dimension"].name), levels.get(code), medians.get(code)))
    improved, declined = queries.changes_between(result=latest, previous=previous)
    context.update(
        groups=groups,
        chart=charts.dimension_chart(rows),
        weak_points=queries.weak_points(result=latest),
        improved=improved,
        declined=declined,
    )
    return context


@confidential
def results(request, cluster):
    context = _results_context(cluster)
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
    return render(request, "mobility/results.html", {**_results_context(cluster), "printable": True})


@confidential
def results_chart(request, cluster):
    context = _results_context(cluster)
    if context["result"] is None:
        raise Http404
    return render(request, "mobility/results_chart.svg", context, content_type="image/svg+xml")


EXPORT_HEADER = [
    "cluster_code",
    "cluster_name",
    "country",
    "edition",
    "benchmarked_on",
    "dimension",
    "indicator",
    "indicator_name",
    "rating",
    "value",
]


def _export_rows(cluster):
    yield EXPORT_HEADER
    for result in reversed(list(queries.results_of(cluster=cluster))):
        for score in result.scores.all():
            yield [
                (cluster.code),
                (cluster.name),
                str(cluster.country),
                (result.edition.name),
                result.benchmarked_on.isoformat() if result.benchmarked_on else "",
                score.indicator.dimension.code,
                score.indicator.code,
                (str(score.indicator.name)),
                RATING_CLASSES[score.rating],
                score.value,
            ]


@confidential
def results_csv(request, cluster):
    return csv_response(_export_rows(cluster), filename=f"results-{cluster.pk}")


@confidential
def results_xlsx(request, cluster):
    return xlsx_response(_export_rows(cluster), filename=f"results-{cluster.pk}", sheet_title=_("Results"))


# --- Memberships -----------------------------------------------------------------------


@login_required
def my_clusters(request):
    user = request.user
    context = {
        "memberships": queries.memberships_of(user=user),
        "pending": queries.pending_requests_for(user=user),
        "is_analyst": rules.is_analyst(user),
    }
    response = render(request, "mobility/my_clusters.html", context)
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
