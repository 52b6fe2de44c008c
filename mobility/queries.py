"""Reads of clusters, memberships, benchmark results, labels and visit reports' improvement actions (DESIGN.md 4.1).

Every function returns data with its relations already loaded, so a page that
uses it runs a fixed number of queries whatever the amount of data. Reads that
also need the cached network (medians, statistics, matching) are in `overviews`.
"""

import datetime
import statistics
from collections import defaultdict

from django.db.models import Avg, Count, Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone

from mobility.models import (
    BenchmarkEdition,
    BenchmarkResult,
    Cluster,
    ClusterMembership,
    Dimension,
    ImprovementAction,
    Indicator,
    Label,
    MatchingConsent,
    MembershipStatus,
    Rating,
    Score,
    indicator_order,
)
from mobility.rules import is_analyst
from portal.core.ratings import RATING_CLASSES

# Groups smaller than this are never shown in public statistics (DESIGN.md 4.1).
MIN_GROUP_SIZE = 5

RESULT_ORDER = (F("edition__date").desc(nulls_last=True), "-edition__name", "-pk")


def topic_filter(code, *, through="topics"):
    """Q for rows whose `through` indicators include the indicator `code` or any indicator of the dimension `code`.

    Topic codes follow the feeds' convention: `FIN` is a dimension, `FIN.2` an indicator.
    """
    return Q(**{f"{through}__code": code}) | Q(**{f"{through}__dimension__code": code})


def _scores_prefetch():
    return Prefetch(
        "scores",
        queryset=Score.objects.select_related("indicator__dimension").order_by(*indicator_order("indicator__")),
    )


def results_of(*, cluster):
    """The cluster's results, newest edition first, with their scores loaded."""
    return (
        BenchmarkResult.objects.filter(cluster=cluster)
        .select_related("edition", "cluster")
        .prefetch_related(_scores_prefetch())
        .order_by(*RESULT_ORDER)
    )


def latest_result(*, cluster):
    """The cluster's most recent result (scores, indicators and dimensions loaded), or None."""
    return results_of(cluster=cluster).first()


def latest_two_results(*, cluster):
    """(latest, previous) results of the cluster; either may be None."""
    results = list(results_of(cluster=cluster)[:2])
    results += [None] * (2 - len(results))
    return results[0], results[1]


def managed_clusters(*, user):
    """Clusters the user manages (approved manager membership)."""
    return Cluster.objects.managed_by(user)


def consenting_cluster_ids():
    """Ids of the clusters that agreed to be offered as hosts in peer matching (DESIGN.md 4.3)."""
    return set(MatchingConsent.objects.active().values_list("cluster_id", flat=True))


def matching_consent_of(*, cluster):
    """The cluster's consent in force (who gave it loaded), or None."""
    return MatchingConsent.objects.active().filter(cluster=cluster).select_related("given_by").first()


def matching_consents():
    """Every consent in force, by cluster code, for the analysts' overview."""
    return MatchingConsent.objects.active().select_related("cluster", "given_by").order_by("cluster__code")


def weak_points(*, result):
    """The result's red scores, then its yellow ones, each in indicator order.

    `result` as `results_of` loads it: its scores already come in indicator
    order, which the (stable) sort by rating keeps.
    """
    scores = [score for score in result.scores.all() if score.rating in (Rating.RED, Rating.YELLOW)]
    return sorted(scores, key=lambda score: score.rating)


def dimension_levels(*, result):
    """{dimension_code: mean level (0 red .. 2 green)} of one result."""
    levels = defaultdict(list)
    for score in result.scores.all():
        levels[score.indicator.dimension.code].append(score.rating)
    return {code: sum(values) / len(values) for code, values in levels.items()}


def network_median_by_dimension(*, edition):
    """{dimension_code: median over the edition's clusters of their mean level in that dimension}."""
    rows = (
        Score.objects.filter(result__edition=edition)
        .values("result_id", "indicator__dimension__code")
        .annotate(level=Avg("rating"))
        .order_by()
    )
    levels = defaultdict(list)
    for row in rows:
        levels[row["indicator__dimension__code"]].append(float(row["level"]))
    return {code: statistics.median(values) for code, values in levels.items()}


def changes_between(*, result, previous):
    """(improved, declined): lists of (indicator, previous rating, current rating)."""
    if result is None or previous is None:
        return [], []
    before = {score.indicator_id: score.rating for score in previous.scores.all()}
    improved, declined = [], []
    for score in result.scores.all():
        old = before.get(score.indicator_id)
        if old is None or old == score.rating:
            continue
        change = (score.indicator, Rating(old), Rating(score.rating))
        (improved if score.rating > old else declined).append(change)
    return improved, declined


def indicator_set():
    """Dimensions in order, each with its indicators loaded in indicator order (for the API)."""
    return Dimension.objects.prefetch_related(Prefetch("indicators", queryset=Indicator.objects.in_order())).order_by(
        "position", "code"
    )


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


def result_export_rows(*, cluster):
    """Every score of every result of the cluster, oldest result first, as spreadsheet rows under EXPORT_HEADER."""
    yield EXPORT_HEADER
    for result in reversed(list(results_of(cluster=cluster))):
        for score in result.scores.all():
            yield [
                cluster.code,
                cluster.name,
                str(cluster.country),
                result.edition.name,
                result.benchmarked_on.isoformat() if result.benchmarked_on else "",
                score.indicator.dimension.code,
                score.indicator.code,
                str(score.indicator.name),
                RATING_CLASSES[score.rating],
                score.value,
            ]


# --- Public directory ------------------------------------------------------


def _labels_prefetch():
    """Each cluster's labels as `label_list`, the one valid longest first."""
    return Prefetch("labels", queryset=Label.objects.order_by("-valid_until", "-awarded_on"), to_attr="label_list")


def public_clusters(*, search="", country="", sector="", label="", valid_only=False, today=None):
    """Public clusters matching the directory filters, by name, labels loaded (`label_list`, valid longest first)."""
    today = today or timezone.localdate()
    clusters = Cluster.objects.filter(is_public=True)
    if search:
        clusters = clusters.filter(
            Q(name__icontains=search)
            | Q(code__icontains=search)
            | Q(region__icontains=search)
            | Q(sector__icontains=search)
            | Q(description__icontains=search)
        )
    if country:
        clusters = clusters.filter(country=country)
    if sector:
        clusters = clusters.filter(sector=sector)
    if label or valid_only:
        labels = Label.objects.filter(cluster=OuterRef("pk"))
        if label:
            labels = labels.filter(level=label)
        if valid_only:
            labels = labels.filter(valid_until__gte=today)
        clusters = clusters.filter(Exists(labels))
    return clusters.select_related("logo").prefetch_related(_labels_prefetch()).order_by("name", "code")


def directory_facets():
    """Countries and sectors present among public clusters, for the filter form."""
    public = Cluster.objects.filter(is_public=True)
    countries = list(public.order_by("country").values_list("country", flat=True).distinct())
    sectors = list(public.exclude(sector="").order_by("sector").values_list("sector", flat=True).distinct())
    return countries, sectors


def public_clusters_by_country():
    """Public clusters per country: `{code: {"count": n, "regions": [names]}}` (one query)."""
    by_country = {}
    rows = Cluster.objects.filter(is_public=True).values_list("country", "region").order_by("country", "region")
    for country, region in rows:
        entry = by_country.setdefault(str(country), {"count": 0, "regions": []})
        entry["count"] += 1
        if region and region not in entry["regions"]:
            entry["regions"].append(region)
    return by_country


def public_cluster(*, code):
    """One public cluster by code with its labels (`label_list`), or None."""
    return (
        Cluster.objects.filter(is_public=True, code=code)
        .select_related("logo")
        .prefetch_related(_labels_prefetch())
        .first()
    )


# --- Statistics ------------------------------------------------------------


def editions_with_results():
    """Editions that have at least one result, newest first."""
    return (
        BenchmarkEdition.objects.filter(results__isnull=False)
        .distinct()
        .order_by(F("date").desc(nulls_last=True), "-name")
    )


def suppressed_groups(sizes, *, minimum=MIN_GROUP_SIZE):
    """The keys of the groups of one table to hide, given {key: number of clusters}.

    Primary suppression hides every group under `minimum` clusters. As the table
    also shows the total, the hidden groups' figures are the total minus the
    shown ones: so secondary suppression hides the next-smallest groups until at
    least two are hidden and together they hold at least `minimum` clusters.
    """
    hidden = {key for key, size in sizes.items() if size < minimum}
    shown = sorted((size, str(key)) for key, size in sizes.items() if key not in hidden)
    keys = {str(key): key for key in sizes}
    while hidden and shown and (len(hidden) < 2 or sum(sizes[key] for key in hidden) < minimum):
        hidden.add(keys[shown.pop(0)[1]])
    return hidden


def network_statistics(*, edition):
    """Share of red/yellow/green per dimension, overall and by country, for one edition.

    Returns {"dimensions": [...], "countries": [...], "clusters": n} where each
    dimension has `overall` and `by_country` groups: {"key", "clusters", "red",
    "yellow", "green"} with shares in percent, or only {"key", "suppressed": True}
    for a group hidden by `suppressed_groups` (no count, no share). A dimension's
    groups count the clusters with a score in that dimension.
    """
    dimensions = list(Dimension.objects.order_by("position", "code"))
    rows = (
        Score.objects.filter(result__edition=edition)
        .values("indicator__dimension_id", "result__cluster__country", "rating")
        .annotate(n=Count("id"))
        .order_by()
    )
    sizes = defaultdict(dict)
    for dimension_id, country, clusters in (
        Score.objects.filter(result__edition=edition)
        .values("indicator__dimension_id", "result__cluster__country")
        .annotate(n=Count("result__cluster_id", distinct=True))
        .order_by()
        .values_list("indicator__dimension_id", "result__cluster__country", "n")
    ):
        sizes[dimension_id][country] = clusters
    total_clusters = BenchmarkResult.objects.filter(edition=edition).values("cluster_id").distinct().count()
    counts = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        counts[(row["indicator__dimension_id"], row["result__cluster__country"])][row["rating"]] += row["n"]
        counts[(row["indicator__dimension_id"], None)][row["rating"]] += row["n"]
    countries = sorted({country for by_country in sizes.values() for country in by_country})

    def group(key, dimension_id, clusters, hidden):
        red, yellow, green = counts[(dimension_id, key)]
        total = red + yellow + green
        if hidden or not total:
            return {"key": key, "suppressed": True}
        return {
            "key": key,
            "clusters": clusters,
            "suppressed": False,
            "red": round(100 * red / total, 1),
            "yellow": round(100 * yellow / total, 1),
            "green": round(100 * green / total, 1),
        }

    tables = []
    for dimension in dimensions:
        by_country = sizes.get(dimension.pk, {})
        overall = sum(by_country.values())
        hidden = suppressed_groups(by_country)
        tables.append(
            {
                "dimension": dimension,
                "overall": group(None, dimension.pk, overall, overall < MIN_GROUP_SIZE),
                "by_country": [
                    group(country, dimension.pk, by_country[country], country in hidden)
                    for country in countries
                    if country in by_country
                ],
            }
        )
    return {"countries": countries, "clusters": total_clusters, "dimensions": tables}


# --- Analysts ---------------------------------------------------------------


def labels_expiring(*, within_days=183, today=None):
    """Labels still valid today that expire within the given number of days, soonest first."""
    today = today or timezone.localdate()
    return (
        Label.objects.filter(valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=within_days))
        .select_related("cluster")
        .order_by("valid_until", "cluster__code")
    )


def pending_requests_for(*, user):
    """Manager requests the user may decide: for analysts all of them, else those of clusters they manage."""
    requests = ClusterMembership.objects.filter(status=MembershipStatus.REQUESTED).select_related("cluster", "user")
    if not is_analyst(user):
        requests = requests.filter(cluster__in=managed_clusters(user=user))
    return requests.order_by("created_at", "pk")


def memberships_of(*, user):
    """Every membership of the user (any role or status), cluster loaded, by cluster name."""
    return ClusterMembership.objects.filter(user=user).select_related("cluster").order_by("cluster__name")


def dashboard_clusters(*, user, code=""):
    """(the clusters `user` manages, by name; the cluster whose dashboard they open, or None).

    `code` picks one of theirs (default: the first); analysts and administrators
    may open any cluster's by its code. None when there is nothing they may open.
    """
    clusters = list(managed_clusters(user=user).order_by("name", "code"))
    if not code:
        return clusters, clusters[0] if clusters else None
    mine = next((cluster for cluster in clusters if cluster.code == code), None)
    if mine is None and is_analyst(user):
        return clusters, cluster_by_code(code=code)
    return clusters, mine


def cluster_by_code(*, code):
    """The cluster with `code` (public or not, its logo joined), or None."""
    return Cluster.objects.filter(code=code).select_related("logo").first()


# --- Improvement targets ----------------------------------------------------


def improvement_actions_of(*, cluster):
    """The improvement actions of the cluster's visit reports, in the order of the visits' end, then as written.

    Each comes with its indicator and the visited offer and its host cluster loaded
    (`action.report.booking.offer.cluster`).
    """
    return (
        ImprovementAction.objects.filter(report__booking__cluster=cluster)
        .select_related("indicator", "report__booking__offer__cluster")
        .order_by("report__booking__offer__ends_on", "position", "pk")
    )


def measured_on(result):
    """The day a result was measured: its benchmarking day, else its edition's date (None when neither is known)."""
    return result.benchmarked_on or result.edition.date


def rating_history(*, results):
    """The measurements of `results` (as `results_of` loads them), oldest first: (day, edition name, ratings).

    `ratings` is {indicator id: Rating}; results without a known day are left out.
    """
    dated = sorted((result for result in results if measured_on(result) is not None), key=measured_on)
    return [
        (
            measured_on(result),
            result.edition.name,
            {score.indicator_id: Rating(score.rating) for score in result.scores.all()},
        )
        for result in dated
    ]


def rating_before_and_after(*, history, indicator_id, on):
    """((rating, edition) measured last on or before the day `on`, (rating, edition) measured latest after it).

    `history` from `rating_history`; either pair is (None, "") when no result measured the indicator then.
    """
    before = after = (None, "")
    for day, edition, ratings in history:
        rating = ratings.get(indicator_id)
        if rating is None:
            continue
        if day <= on:
            before = (rating, edition)
        else:
            after = (rating, edition)
    return before, after


def memberships_overview(*, user):
    """The user's "my clusters" page: {"memberships": theirs, "pending": the requests they may decide}."""
    return {"memberships": memberships_of(user=user), "pending": pending_requests_for(user=user)}
