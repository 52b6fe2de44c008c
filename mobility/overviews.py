"""Reads that join a cluster's own data with the shared network (medians, statistics, the matching network).

`queries` reads the database only; `network_cache` holds what is built once
for the whole network. The pages that need both (a cluster's results, the
statistics, the dashboard's peers and offers) read them here, each in a fixed
number of queries whatever the size of the network.

Confidentiality (DESIGN.md 4.3): hosts and storytellers are named only from
the matching network (clusters that agreed to be matched), and only with the
visitor's own weak points and ratings, never with their own.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mobility import charts, matching, network_cache, queries
from mobility.models import Cluster, Indicator
from mobility.visits import phrases
from mobility.visits import queries as visit_queries
from portal.core.ratings import RATING_CLASSES


def _dimension_groups(result, medians):
    """The result's scores per dimension (in indicator order), each group with its level and the network median."""
    levels = queries.dimension_levels(result=result)
    groups = []
    for score in result.scores.all():
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
    return groups, charts.dimension_chart(rows)


def results_overview(*, cluster):
    """A cluster's confidential results, as its results page and its dashboard show them.

    Returns {"cluster", "results" (all, newest first, scores loaded), "result"
    (latest or None), "previous" (or None), "consent"} and, with a result,
    "groups" (per dimension: scores, level, network median), "chart",
    "weak_points" (reds then yellows), "improved" and "declined" (since
    `previous`).
    """
    results = list(queries.results_of(cluster=cluster))
    latest, previous = (results + [None, None])[:2]
    overview = {
        "cluster": cluster,
        "results": results,
        "result": latest,
        "previous": previous,
        "consent": queries.matching_consent_of(cluster=cluster),
    }
    if latest is None:
        return overview
    groups, chart = _dimension_groups(latest, network_cache.network_median_by_dimension(edition=latest.edition))
    improved, declined = queries.changes_between(result=latest, previous=previous)
    overview.update(
        groups=groups,
        chart=chart,
        weak_points=queries.weak_points(result=latest),
        improved=improved,
        declined=declined,
    )
    return overview


def statistics_overview(*, edition=None):
    """The public statistics of the edition named `edition` (default: the newest with results).

    Returns None for an unknown edition name, else {"editions", "edition" (None
    without any result), "min_group"} and, with an edition, "stats" and
    "dimensions" (each with its groups, all countries first, and their chart).
    """
    editions = list(queries.editions_with_results())
    if edition is None:
        current = editions[0] if editions else None
    else:
        current = next((item for item in editions if item.name == edition), None)
        if current is None:
            return None
    overview = {"editions": editions, "edition": current, "min_group": queries.MIN_GROUP_SIZE}
    if current is None:
        return overview
    stats = network_cache.network_statistics(edition=current)
    dimensions = []
    for item in stats["dimensions"]:
        groups = [{**item["overall"], "label": _("All countries")}] + [
            {**group, "label": countries.name(group["key"])} for group in item["by_country"]
        ]
        dimensions.append({"dimension": item["dimension"], "groups": groups, "chart": charts.share_chart(groups)})
    overview.update(stats=stats, dimensions=dimensions)
    return overview


# --- Per weak point (the dashboard) ----------------------------------------


def peers_by_weak_point(*, cluster, weak_points, limit, data=None, today=None):
    """{score pk: the `limit` best hosts that can help on that weak point}, as `Peer`s (offers empty).

    Hosts are ranked by their whole match (`match.total`, the number the peers
    page shows) and explained as on the peers page. One query (the hosts): the
    network and the rankings come from the shared cache.
    """
    data = data or network_cache.matching_data(today=today)
    visitor = data.candidates.get(cluster.pk)
    if visitor is None or not weak_points:
        return {score.pk: [] for score in weak_points}
    positions = {code: index for index, code in enumerate(data.network.indicators)}
    best = network_cache.best_hosts_by_indicator(
        data=data,
        visitor=visitor,
        indexes={positions[score.indicator.code] for score in weak_points},
        limit=limit,
        today=today,
    )
    ranked = {score.pk: best[positions[score.indicator.code]] for score in weak_points}
    hosts = Cluster.objects.in_bulk([match.key for matches in ranked.values() for match in matches])
    by_code = {indicator.code: indicator for indicator in data.indicators}
    return {
        pk: [
            visit_queries.Peer(
                cluster=hosts[match.key],
                match=match,
                explanations=[phrases.explain(match.contributions, by_code)],
                reasons=[phrases.REASON_TEXT[reason] for reason in match.reasons],
            )
            for match in matches
        ]
        for pk, matches in ranked.items()
    }


def offers_on(*, indicators, cluster, today=None):
    """Open offers of other public clusters on any of `indicators`, soonest first, host and topics loaded."""
    return (
        visit_queries.open_offers(today=today)
        .filter(cluster__is_public=True, topics__in=list(indicators))
        .exclude(cluster=cluster)
        .select_related("cluster")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.in_order()))
        .distinct()
        .order_by("starts_on", "pk")
    )


def stronger_peers_among(*, cluster_ids, weak_points, data=None, today=None):
    """{indicator id: the ids among `cluster_ids` that agreed to be matched and are rated above the weak point}.

    For naming a story's cluster as able to help (DESIGN.md 4.7); the caller
    only ever says which of its own weak points that is.
    """
    data = data or network_cache.matching_data(today=today)
    positions = {indicator.pk: index for index, indicator in enumerate(data.indicators)}
    matched = [
        data.candidates[key]
        for key in cluster_ids
        if key in data.candidates and data.candidates[key].code in data.network.index_of
    ]
    helping = {}
    for score in weak_points:
        index = positions[score.indicator_id]
        helping[score.indicator_id] = {
            candidate.key
            for candidate in matched
            if candidate.levels[index] != matching.MISSING and candidate.levels[index] > score.rating
        }
    return helping


def public_profile(*, code):
    """The public profile of the cluster `code`: {"cluster", "labels" (newest first), "today", "offers"}, or None."""
    cluster = queries.public_cluster(code=code)
    if cluster is None:
        return None
    return {
        "cluster": cluster,
        "labels": cluster.label_list,
        "today": timezone.localdate(),
        "offers": visit_queries.open_offers_for(cluster=cluster),
    }
