"""The matching network and the network-wide aggregates, built once and shared (DESIGN.md 6, 7).

Building the matching network reads every latest score of every cluster, so
it is built once per change, not once per request: the built
`mobility.visits.queries.MatchingData` is kept in the shared cache (Redis in
production) under the current "network" version, and every process on every
machine uses it. `invalidate_network()` gives the network a new version; it
runs on every change of results, scores, labels, clusters, indicators and
study-visit offers and peer-matching consents (signals below, and the
importer's bulk writes), and must be called by anything else the network
depends on.

Each process also keeps the last network it used, checked against the shared
version on every request, so a repeat request skips unpickling it. That copy
is never the only one: a process that restarts, or a request that lands on
another machine, reads the shared cache instead.

The network-wide statistics and medians of one edition are cached under the
same version.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from mobility import models, queries
from mobility.visits import queries as visit_queries
from portal.core import versions

# Every model the matching network and the statistics are built from: a change of any drops them.
WATCHED = (
    models.BenchmarkEdition,
    models.BenchmarkResult,
    models.Cluster,
    models.Dimension,
    models.Indicator,
    models.Label,
    models.MatchingConsent,
    models.Region,
    models.Score,
    models.Sector,
    models.StudyVisitOffer,
)

NETWORK = "network"
SECONDS = 24 * 3600
_last_used = {}


def _cache():
    # The page cache's store: Redis in production, otherwise files that every
    # process on the machine shares. (The default cache may be the database,
    # where every read of the version would cost a query.)
    return versions.shared_cache()


def invalidate_network():
    """Rebuild the matching network and the network aggregates on next use; purge public pages too.

    Side effects: new "network" and "content" versions in the shared caches,
    now and again when the surrounding transaction commits.
    """
    versions.bump(NETWORK, cache=_cache())
    versions.purge_public_pages()


def _cached(name, build, *parts):
    cache = _cache()
    key = ":".join([NETWORK, versions.current(NETWORK, cache=cache), name, *map(str, parts)])
    local = _last_used.get(name)
    if local is not None and local[0] == key:
        return local[1]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, SECONDS)
    _last_used[name] = (key, value)
    return value


def matching_data(*, today=None):
    """The shared `MatchingData` (network, indicators, candidates) for `today`."""
    today = today or timezone.localdate()
    return _cached("matching", lambda: visit_queries.matching_data(today=today), today.isoformat())


def best_hosts_by_indicator(*, data, visitor, indexes, limit, today=None):
    """{indicator index: the `limit` best hosts for `visitor` on that weak point alone}, kept per network version.

    A dashboard ranks the whole network once per weak point; this keeps the
    outcome, so a repeat view costs one cache read however large the network.
    """
    today = today or timezone.localdate()
    cache = _cache()
    indexes = sorted(indexes)
    parts = [NETWORK, versions.current(NETWORK, cache=cache), "by-indicator", today.isoformat(), visitor.code, limit]
    key = ":".join(map(str, [*parts, ",".join(map(str, indexes))]))
    ranked = cache.get(key)
    if ranked is None:
        ranked = {index: data.network.rank(visitor, limit=limit, indicators={index}) for index in indexes}
        cache.set(key, ranked, SECONDS)
    return ranked


def peer_facets():
    """Countries, sectors and languages for the peer filters (see `mobility.visits.queries.peer_facets`)."""
    return _cached("facets", visit_queries.peer_facets)


def network_statistics(*, edition):
    """`queries.network_statistics` of one edition, built once per network version."""
    return _cached("statistics", lambda: queries.network_statistics(edition=edition), edition.pk)


def network_median_by_dimension(*, edition):
    """`queries.network_median_by_dimension` of one edition, built once per network version."""
    return _cached("medians", lambda: queries.network_median_by_dimension(edition=edition), edition.pk)


def _changed(sender, raw=False, **kwargs):
    if not raw:
        invalidate_network()


def connect_signals():
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"network-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"network-delete-{model.__name__}")
    m2m_changed.connect(_changed, sender=models.StudyVisitOffer.topics.through, dispatch_uid="network-offer-topics")
