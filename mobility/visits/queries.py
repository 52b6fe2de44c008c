"""Reads for peer matching, study-visit offers, bookings and reports (DESIGN.md 4.3, 4.4).

Each list loads its relations in a fixed number of queries, whatever the number
of clusters, offers or bookings. The words that explain a peer are in
`mobility.visits.phrases`.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Q, Subquery, Sum
from django.utils import timezone

from mobility import matching
from mobility.models import (
    BenchmarkResult,
    BookingStatus,
    Cluster,
    ImprovementAction,
    Indicator,
    MatchingConsent,
    Score,
    StudyVisitBooking,
    StudyVisitOffer,
    VisitReport,
)
from mobility.queries import (
    RESULT_ORDER,
    consenting_cluster_ids,
    latest_result,
    managed_clusters,
    weak_points,
)
from mobility.rules import is_analyst
from mobility.visits import phrases, rules


def indicators_in_order():
    """Every indicator with its dimension, in the order of the methodology."""
    return list(Indicator.objects.select_related("dimension").in_order())


def latest_results():
    """The latest result of every cluster (one per cluster), as a queryset."""
    newest = BenchmarkResult.objects.filter(cluster=OuterRef("cluster")).order_by(*RESULT_ORDER).values("pk")[:1]
    return BenchmarkResult.objects.filter(pk=Subquery(newest))


def open_offers(*, today=None):
    """Offers still taking requests: open and before their request deadline."""
    today = today or timezone.localdate()
    return StudyVisitOffer.objects.filter(is_open=True, request_deadline__gte=today)


# --- Matching ---------------------------------------------------------------


@dataclass
class MatchingData:
    indicators: list
    network: matching.Network
    candidates: dict  # cluster id -> Candidate (every cluster with a result, public or not)


def matching_data(*, today=None, include_same_country=None):
    """The matching network: every public cluster with a result that agreed to be matched (five queries).

    `candidates` also holds the clusters that did not agree (or are not public),
    so they can still look for peers themselves; they are never offered as hosts.
    The one place the network is built, so it can be cached as a whole.
    """
    if include_same_country is None:
        include_same_country = getattr(settings, "MATCHING_INCLUDE_SAME_COUNTRY", True)
    indicators = indicators_in_order()
    position = {indicator.pk: index for index, indicator in enumerate(indicators)}
    levels = {}
    for cluster_id, indicator_id, rating in Score.objects.filter(result__in=latest_results()).values_list(
        "result__cluster_id", "indicator_id", "rating"
    ):
        row = levels.setdefault(cluster_id, bytearray([matching.MISSING]) * len(indicators))
        row[position[indicator_id]] = rating
    offer_topics = {}
    for cluster_id, indicator_id in StudyVisitOffer.topics.through.objects.filter(
        studyvisitoffer__in=open_offers(today=today)
    ).values_list("studyvisitoffer__cluster_id", "indicator_id"):
        offer_topics.setdefault(cluster_id, set()).add(position[indicator_id])
    consenting = consenting_cluster_ids()
    candidates = {}
    public = set()
    for cluster_id, code, country, sector, languages, is_public in Cluster.objects.filter(
        pk__in=list(levels)
    ).values_list("pk", "code", "country", "sector__code", "languages", "is_public"):
        candidates[cluster_id] = matching.Candidate(
            code=code,
            key=cluster_id,
            levels=bytes(levels[cluster_id]),
            country=str(country),
            sector=sector or "",
            languages=frozenset(languages or ()),
            offer_topics=frozenset(offer_topics.get(cluster_id, ())),
        )
        if is_public and cluster_id in consenting:
            public.add(cluster_id)
    network = matching.Network(
        [indicator.code for indicator in indicators],
        [candidate for cluster_id, candidate in candidates.items() if cluster_id in public],
        include_same_country=include_same_country,
    )
    return MatchingData(indicators=indicators, network=network, candidates=candidates)


@dataclass
class Peer:
    """A ranked host cluster with everything the page shows about it."""

    cluster: Cluster
    match: matching.Match
    explanations: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    offers: list = field(default_factory=list)


def peers_for(*, cluster, limit=10, countries=(), sectors=(), languages=(), dimension=None, data=None, today=None):
    """The best hosts for `cluster` to visit, with explanations and their open offers.

    `dimension` (a Dimension) keeps the hosts that can help on a weak point in
    that dimension; the score still counts every weak point.
    Pass `data` (from `matching_data`) to rank several times without reloading.
    """
    data = data or matching_data(today=today)
    visitor = data.candidates.get(cluster.pk)
    if visitor is None:
        return []
    indicators = None
    if dimension is not None:
        indicators = {
            index for index, indicator in enumerate(data.indicators) if indicator.dimension_id == dimension.pk
        }
    matches = data.network.rank(
        visitor,
        limit=limit,
        countries=list(countries) or None,
        sectors=list(sectors) or None,
        languages=list(languages) or None,
        indicators=indicators,
    )
    return _peers(matches, data, today=today)


def _peers(matches, data, *, today=None):
    clusters = Cluster.objects.select_related("sector").in_bulk([match.key for match in matches])
    offers = {}
    # The page lists each offer's title and dates only. (Prefetching topics ran
    # one query more whenever a listed host had an offer, so the count changed
    # with who ranked first.)
    for offer in open_offers(today=today).filter(cluster_id__in=list(clusters)).order_by("starts_on", "pk"):
        offers.setdefault(offer.cluster_id, []).append(offer)
    by_code = {indicator.code: indicator for indicator in data.indicators}
    return [
        Peer(
            cluster=clusters[match.key],
            match=match,
            explanations=[phrases.explain(match.contributions, by_code)],
            reasons=[phrases.REASON_TEXT[reason] for reason in match.reasons],
            offers=offers.get(match.key, []),
        )
        for match in matches
    ]


def peer_facets():
    """Countries, sector codes and languages of the clusters that may be matched, for the filters."""
    clusters = Cluster.objects.filter(
        is_public=True, results__isnull=False, pk__in=MatchingConsent.objects.active().values("cluster_id")
    ).distinct()
    rows = list(clusters.values_list("country", "sector__code", "languages"))
    countries = sorted({str(country) for country, _sector, _languages in rows})
    sectors = sorted({sector for _country, sector, _languages in rows if sector})
    languages = sorted({language for _c, _s, codes in rows for language in codes or ()})
    return countries, sectors, languages


def clusters_for_peers(*, user):
    """The clusters whose peers the user may look up: their own, or every cluster with a result for analysts."""
    if is_analyst(user):
        return Cluster.objects.filter(results__isnull=False).distinct().order_by("name", "code")
    return managed_clusters(user=user).order_by("name", "code")


def weak_point_scores(*, cluster):
    """The scores of the cluster's latest result that are weak points, reds first, or []."""
    result = latest_result(cluster=cluster)
    return [] if result is None else weak_points(result=result)


# --- Offers -----------------------------------------------------------------


def _offer_relations(offers):
    return offers.select_related("cluster").prefetch_related(Prefetch("topics", queryset=Indicator.objects.in_order()))


def open_offers_for(*, cluster, today=None):
    """The cluster's offers still taking requests, soonest first, topics loaded (for its profile)."""
    return _offer_relations(open_offers(today=today).filter(cluster=cluster)).order_by("starts_on", "pk")


def public_offers(*, country="", topic=None, language="", starts_after=None, starts_before=None, host="", today=None):
    """Open offers of public clusters for the public list, with the list's filters.

    `starts_after`/`starts_before` keep the offers whose visit overlaps that period.
    """
    offers = open_offers(today=today).filter(cluster__is_public=True)
    if country:
        offers = offers.filter(cluster__country=country)
    if host:
        offers = offers.filter(cluster__code=host)
    if topic is not None:
        offers = offers.filter(topics=topic)
    if language:
        # Language codes are stored as a JSON list; matching the quoted code works on every database.
        offers = offers.filter(languages__icontains=f'"{language}"')
    if starts_after:
        offers = offers.filter(ends_on__gte=starts_after)
    if starts_before:
        offers = offers.filter(starts_on__lte=starts_before)
    return _offer_relations(offers).order_by("starts_on", "cluster__code", "pk")


def offer_countries(*, today=None):
    """The country codes of the clusters with an offer taking requests, sorted (for the list's filter)."""
    return sorted({str(code) for code in open_offers(today=today).values_list("cluster__country", flat=True)})


def offers_of(*, clusters):
    """Every offer of these clusters (open or closed), newest first, with their hosts and topics."""
    return _offer_relations(StudyVisitOffer.objects.filter(cluster__in=clusters)).order_by("-starts_on", "-pk")


def public_offer(*, pk):
    """The offer of a public cluster with this pk (host and topics loaded), or None."""
    return _offer_relations(StudyVisitOffer.objects.filter(pk=pk, cluster__is_public=True)).first()


def managed_offer(*, user, pk):
    """The offer with this pk if `user` manages its host cluster (host and topics loaded), or None."""
    return _offer_relations(StudyVisitOffer.objects.filter(pk=pk, cluster__in=managed_clusters(user=user))).first()


def taken_places(*, offer):
    """The participants of the offer's bookings that take a place (accepted or completed)."""
    taking = offer.bookings.filter(status__in=BookingStatus.TAKES_PLACE)
    return taking.aggregate(total=Sum("participants"))["total"] or 0


def _visiting(*, user, offer):
    return managed_clusters(user=user).exclude(pk=offer.cluster_id).order_by("name", "code")


def visiting_clusters(*, user, offer):
    """The clusters `user` manages other than `offer`'s host, by name (the request form's choices)."""
    return list(_visiting(user=user, offer=offer))


def clusters_that_may_ask(*, user, offer):
    """The `visiting_clusters` that have no requested or accepted booking on `offer` yet."""
    asked = offer.bookings.filter(status__in=BookingStatus.ACTIVE).values("cluster_id")
    return list(_visiting(user=user, offer=offer).exclude(pk__in=asked))


def active_booking_of(*, user, offer):
    """The earliest requested or accepted booking on `offer` by a cluster `user` manages, or None."""
    if not user.is_authenticated:
        return None
    return (
        offer.bookings.filter(status__in=BookingStatus.ACTIVE, cluster__in=managed_clusters(user=user))
        .order_by("created_at", "pk")
        .first()
    )


# --- Bookings ---------------------------------------------------------------


def _booking_relations(bookings):
    return bookings.select_related("offer__cluster", "cluster", "requested_by", "report").prefetch_related(
        Prefetch("focus_indicators", queryset=Indicator.objects.in_order())
    )


def bookings_made(*, clusters):
    """Bookings by the visiting clusters `clusters`, newest first, with their offer, hosts, report and focus."""
    return _booking_relations(StudyVisitBooking.objects.filter(cluster__in=clusters)).order_by("-created_at", "-pk")


def bookings_received(*, clusters):
    """Bookings on offers of the host clusters `clusters`, newest first, with the same relations."""
    return _booking_relations(StudyVisitBooking.objects.filter(offer__cluster__in=clusters)).order_by(
        "-created_at", "-pk"
    )


def booking_for(*, user, pk):
    """The booking if the user manages its visiting or its host cluster (or is a superuser), else None.

    Its offer, both clusters, focus and report with its actions are loaded.
    """
    bookings = StudyVisitBooking.objects.filter(pk=pk)
    if not user.is_superuser:
        mine = managed_clusters(user=user)
        bookings = bookings.filter(Q(cluster__in=mine) | Q(offer__cluster__in=mine))
    return _booking_relations(bookings).prefetch_related(_actions_prefetch("report__actions")).first()


def report_of(booking):
    """The booking's visit report (its actions loaded), or None: reads what `booking_for` loaded."""
    try:
        return booking.report
    except VisitReport.DoesNotExist:
        return None


def _actions_prefetch(lookup):
    return Prefetch(lookup, queryset=ImprovementAction.objects.select_related("indicator").order_by("position", "pk"))


def shared_reports():
    """Reports their visitors shared with the host, newest first, with both clusters and the actions."""
    return (
        VisitReport.objects.filter(shared_with_host=True)
        .select_related("booking__cluster", "booking__offer__cluster")
        .prefetch_related(_actions_prefetch("actions"))
        .order_by("-created_at", "-pk")
    )


def shared_report(*, pk):
    """The report with this pk if it is shared with its host (booking, clusters, focus and actions loaded), or None."""
    return (
        VisitReport.objects.filter(pk=pk, shared_with_host=True)
        .select_related("booking__cluster", "booking__offer__cluster")
        .prefetch_related("booking__focus_indicators", _actions_prefetch("actions"))
        .first()
    )


def with_next_steps(bookings, *, side, today=None):
    """The bookings as a list, each with `side` and its `next_step` for that side (`rules.next_step`) set."""
    bookings = list(bookings)
    for booking in bookings:
        booking.side = side
        booking.next_step = rules.next_step(booking, side=side, report=report_of(booking), today=today)
    return bookings
