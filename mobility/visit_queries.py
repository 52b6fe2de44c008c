"""Reads for peer matching, study-visit offers, bookings and reports (DESIGN.md 4.3, 4.4).

Every function loads what its page shows in a fixed number of queries,
whatever the number of clusters, offers or bookings.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mobility import matching
from mobility.models import (
    BenchmarkResult,
    BookingStatus,
    Cluster,
    ImprovementAction,
    Indicator,
    MatchingConsent,
    Rating,
    Score,
    StudyVisitBooking,
    StudyVisitOffer,
)
from mobility.queries import (
    RESULT_ORDER,
    consenting_cluster_ids,
    latest_result,
    managed_clusters,
    weak_points,
)
from mobility.rules import is_analyst

# Translators: the visitor's own traffic-light rating inside "Annual budget — yours is red".
RATING_WORDS = {
    Rating.RED: pgettext_lazy("rating", "red"),
    Rating.YELLOW: pgettext_lazy("rating", "yellow"),
    Rating.GREEN: pgettext_lazy("rating", "green"),
}
# Translators: why a peer is recommended: the visitor's weak points the peer can help with, e.g.
# "Can help with: Annual budget — yours is red; Large companies — yours is yellow".
CAN_HELP_TEXT = _("Can help with: %(weak_points)s")
# Translators: one weak point inside "Can help with: ...", with the visitor's own rating.
WEAK_POINT_TEXT = _("%(indicator)s — yours is %(yours)s")
# Translators: separates the weak points inside "Can help with: ...".
WEAK_POINT_SEPARATOR = pgettext_lazy("list separator", "; ")
REASON_TEXT = {
    matching.REASON_OFFER: _("They have an open study-visit offer on one of your weak points."),
    matching.REASON_LANGUAGE: _("You have a language in common."),
    matching.REASON_SECTOR: _("They work in the same sector."),
}


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
    ).values_list("pk", "code", "country", "sector", "languages", "is_public"):
        candidates[cluster_id] = matching.Candidate(
            code=code,
            key=cluster_id,
            levels=bytes(levels[cluster_id]),
            country=str(country),
            sector=sector,
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


def explain(contributions, indicators_by_code):
    """'Can help with: Annual budget — yours is red', in the active language; "" without contributions.

    Names only the visitor's weak points and the visitor's own ratings, never the host's.
    """
    if not contributions:
        return ""
    items = [
        WEAK_POINT_TEXT
        % {"indicator": indicators_by_code[item.indicator].name, "yours": RATING_WORDS[item.visitor_level]}
        for item in contributions
    ]
    return CAN_HELP_TEXT % {"weak_points": str(WEAK_POINT_SEPARATOR).join(str(item) for item in items)}


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
    clusters = Cluster.objects.in_bulk([match.key for match in matches])
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
            explanations=[explain(match.contributions, by_code)],
            reasons=[REASON_TEXT[reason] for reason in match.reasons],
            offers=offers.get(match.key, []),
        )
        for match in matches
    ]


def peer_facets():
    """Countries, sectors and languages of the clusters that may be matched, for the filters."""
    clusters = Cluster.objects.filter(
        is_public=True, results__isnull=False, pk__in=MatchingConsent.objects.active().values("cluster_id")
    ).distinct()
    rows = list(clusters.values_list("country", "sector", "languages"))
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


def offers_of(*, clusters):
    """Every offer of these clusters (open or closed), newest first, with their booking counts."""
    return _offer_relations(StudyVisitOffer.objects.filter(cluster__in=clusters)).order_by("-starts_on", "-pk")


def offer_detail(*, pk):
    return _offer_relations(StudyVisitOffer.objects.filter(pk=pk)).first()


def accepted_participants(*, offer):
    return sum(
        offer.bookings.filter(status__in=[BookingStatus.ACCEPTED, BookingStatus.COMPLETED]).values_list(
            "participants", flat=True
        )
    )


# --- Bookings ---------------------------------------------------------------


def _booking_relations(bookings):
    return bookings.select_related("offer__cluster", "cluster", "requested_by", "report").prefetch_related(
        Prefetch("focus_indicators", queryset=Indicator.objects.in_order())
    )


def bookings_made(*, clusters):
    """Bookings by the visiting clusters `clusters`, newest first."""
    return _booking_relations(StudyVisitBooking.objects.filter(cluster__in=clusters)).order_by("-created_at", "-pk")


def bookings_received(*, clusters):
    """Bookings on offers of the host clusters `clusters`, newest first."""
    return _booking_relations(StudyVisitBooking.objects.filter(offer__cluster__in=clusters)).order_by(
        "-created_at", "-pk"
    )


def booking_for(*, user, pk):
    """The booking if the user manages its visiting or its host cluster (or is a superuser), else None."""
    bookings = StudyVisitBooking.objects.filter(pk=pk)
    if not user.is_superuser:
        mine = managed_clusters(user=user)
        bookings = bookings.filter(Q(cluster__in=mine) | Q(offer__cluster__in=mine))
    return _booking_relations(bookings).prefetch_related(_actions_prefetch("report__actions")).first()


def _actions_prefetch(lookup):
    return Prefetch(lookup, queryset=ImprovementAction.objects.select_related("indicator").order_by("position", "pk"))


def shared_reports():
    """Reports their visitors shared with the host, newest first (for editors)."""
    from mobility.models import VisitReport

    return (
        VisitReport.objects.filter(shared_with_host=True)
        .select_related("booking__cluster", "booking__offer__cluster")
        .prefetch_related(_actions_prefetch("actions"))
        .order_by("-created_at", "-pk")
    )


# --- Next steps -------------------------------------------------------------

NEXT_STEPS = {
    ("host", BookingStatus.REQUESTED): _("Accept or decline the request."),
    ("visitor", BookingStatus.REQUESTED): _("Wait for the host's answer, or cancel the request."),
    ("host", BookingStatus.ACCEPTED): _("Prepare the programme; the visitors have your invitation."),
    ("visitor", BookingStatus.ACCEPTED): _("Add the visit to your calendar and plan your trip."),
    ("host", "past"): _("Mark the visit as completed."),
    ("visitor", "past"): _("Mark the visit as completed, then write your report."),
    ("visitor", "report"): _("Write your visit report."),
    ("host", "report"): _("Read the report the visitors shared with you."),
}


def next_step(booking, *, side, today=None):
    """What the `side` ("host" or "visitor") should do next about the booking, or "" when nothing."""
    today = today or timezone.localdate()
    status = booking.status
    if status == BookingStatus.ACCEPTED and today > booking.offer.ends_on:
        return NEXT_STEPS[(side, "past")]
    if status == BookingStatus.COMPLETED:
        report = getattr(booking, "report", None) if _has_report(booking) else None
        if side == "visitor" and report is None:
            return NEXT_STEPS[("visitor", "report")]
        if side == "host" and report is not None and report.shared_with_host:
            return NEXT_STEPS[("host", "report")]
        return ""
    return NEXT_STEPS.get((side, status), "")


def _has_report(booking):
    try:
        booking.report  # noqa: B018 - loaded by select_related; raises when there is none
    except ObjectDoesNotExist:
        return False
    return True


def with_next_steps(bookings, *, side, today=None):
    """The bookings as a list, each with `next_step` and `side` set."""
    bookings = list(bookings)
    for booking in bookings:
        booking.side = side
        booking.next_step = next_step(booking, side=side, today=today)
    return bookings
