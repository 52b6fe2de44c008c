"""The signed-in cluster manager's dashboard: "what should we do next?" (DESIGN.md 4.7).

Composes, for one cluster, its latest benchmark against the network median,
its weak points (most severe first) and for each of them the best peers to
visit, open study-visit offers, upcoming seminars, training materials and
best-practice stories, each with the reason it is shown; with two editions,
what changed and whether the indicators its visits and seminars targeted
improved; and the study visits it has asked for and received.

Confidentiality (DESIGN.md 4.3): peers and storytellers are named only when
they agreed to be matched, and only with the visitor's weak points they can
help with, never with their own ratings. Languages (DESIGN.md 2): every
seminar, material and story is listed whatever the reader's language, in the
reader's translation when there is one, else in its original language, marked.

The number of queries does not depend on the number of weak points, peers,
offers, pages or bookings.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from content.models import BestPracticePage
from mobility import charts, matching, network_cache
from mobility.models import ImprovementAction, Indicator, Rating
from mobility.queries import (
    changes_between,
    dimension_levels,
    latest_two_results,
    results_of,
)
from mobility.queries import weak_points as weak_points_of
from mobility.visits import phrases
from mobility.visits import queries as visit_queries
from training.models import Registration, RegistrationStatus, SeminarPage, TrainingMaterialPage

PER_KIND = 3

RATING_WORDS = phrases.RATING_WORDS
# Translators: why a study-visit offer is recommended on the dashboard.
WHY_OFFER = _("%(host)s invites visitors to learn about %(indicator)s, where your cluster is %(rating)s.")
# Translators: why a seminar or a training material is recommended on the dashboard.
WHY_TRAINING = _("It covers %(indicator)s, where your cluster is %(rating)s.")
WHY_STORY_TOPIC = _("The story shows how to improve %(indicator)s, where your cluster is %(rating)s.")
# Translators: why a best-practice story is recommended: its cluster can help with one of the reader's weak points.
WHY_STORY_PEER = _("Told by %(cluster)s, a peer that can help with %(indicator)s, where your cluster is %(rating)s.")

# Translators: marks a recommended page shown in its original language, e.g. "in Czech".
IN_LANGUAGE = {
    "en": pgettext_lazy("page language", "in English"),
    "cs": pgettext_lazy("page language", "in Czech"),
    "sk": pgettext_lazy("page language", "in Slovak"),
    "pl": pgettext_lazy("page language", "in Polish"),
    "hu": pgettext_lazy("page language", "in Hungarian"),
    "hr": pgettext_lazy("page language", "in Croatian"),
    "tr": pgettext_lazy("page language", "in Turkish"),
}


@dataclass
class Recommendation:
    item: object
    why: str
    language: str = ""  # the page's language code when it is not the reader's
    language_mark: str = ""  # "in Czech", in the reader's language


def _recommend(page, why, reader):
    """A recommended page, marked with its language when it is not the reader's (`reader`, a Locale)."""
    code = page.locale.language_code
    if page.locale_id == reader.pk:
        return Recommendation(item=page, why=why)
    return Recommendation(item=page, why=why, language=code, language_mark=IN_LANGUAGE.get(code, code))


def in_reader_language(pages, reader):
    """One page per translation: the reader's (`reader`, a Locale) where it exists, else the original.

    Keeps the given order. The original is the first page created among its translations.
    """
    active = reader.pk
    pages = list(pages)
    chosen = {}
    for page in sorted(pages, key=lambda page: page.pk):
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == active and current.locale_id != active):
            chosen[page.translation_key] = page
    wanted = {page.pk for page in chosen.values()}
    return [page for page in pages if page.pk in wanted]


@dataclass
class WeakPointPlan:
    score: object  # mobility Score, indicator loaded
    peers: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    seminars: list = field(default_factory=list)
    materials: list = field(default_factory=list)
    stories: list = field(default_factory=list)


@dataclass
class Target:
    """An indicator the cluster set out to improve, through a visit report's action or a seminar.

    `before` is the rating measured last on or before the visit or seminar (`on`),
    `after` the latest rating, counted only when benchmarked after it.
    """

    indicator: object
    source: str  # "visit" or "seminar"
    title: str
    on: object = None  # the day of the visit's or seminar's end
    before: object = None
    before_edition: str = ""
    after: object = None
    after_edition: str = ""

    @property
    def measured(self):
        return self.after is not None

    @property
    def improved(self):
        return self.before is not None and self.after is not None and self.after > self.before

    @property
    def declined(self):
        return self.before is not None and self.after is not None and self.after < self.before


def _why(template, score, **values):
    return template % {"indicator": score.indicator.name, "rating": RATING_WORDS[score.rating], **values}


def dashboard_for(*, cluster, managers=None, today=None):
    """Everything the dashboard shows for `cluster`. `managers`: its managers' users, for seminar targets."""
    today = today or timezone.localdate()
    latest, previous = latest_two_results(cluster=cluster)
    clusters = [cluster]
    context = {
        "cluster": cluster,
        "result": latest,
        "previous": previous,
        "made": visit_queries.with_next_steps(visit_queries.bookings_made(clusters=clusters), side="visitor"),
        "received": visit_queries.with_next_steps(visit_queries.bookings_received(clusters=clusters), side="host"),
    }
    if latest is None:
        return context
    weak = weak_points_of(result=latest)
    plans = [WeakPointPlan(score=score) for score in weak]
    data = network_cache.matching_data(today=today)
    _add_peers(plans, cluster, data)
    _add_offers(plans, cluster, today)
    _add_training(plans)
    _add_stories(plans, data)
    levels = dimension_levels(result=latest)
    medians = network_cache.network_median_by_dimension(edition=latest.edition)
    rows = []
    for dimension_code, dimension in _dimensions(latest):
        rows.append((str(dimension.name), levels.get(dimension_code), medians.get(dimension_code)))
    improved, declined = changes_between(result=latest, previous=previous)
    context.update(
        plans=plans,
        chart=charts.dimension_chart(rows),
        groups=[
            {
                "dimension": dimension,
                "level": charts.percent_of_maximum(levels.get(code)),
                "median": charts.percent_of_maximum(medians.get(code)),
            }
            for code, dimension in _dimensions(latest)
        ],
        improved=improved,
        declined=declined,
        targets=_targets(cluster, managers or []),
    )
    return context


def _dimensions(result):
    seen = {}
    for score in result.scores.all():
        seen.setdefault(score.indicator.dimension.code, score.indicator.dimension)
    return list(seen.items())


def _add_peers(plans, cluster, data):
    """For each weak point, the best peers that can help with it (ranked by their whole match)."""
    visitor = data.candidates.get(cluster.pk)
    if visitor is None:
        return
    positions = {code: index for index, code in enumerate(data.network.indicators)}
    best = network_cache.best_hosts_by_indicator(
        data=data, visitor=visitor, indexes={positions[plan.score.indicator.code] for plan in plans}, limit=PER_KIND
    )
    ranked = {plan.score.pk: best[positions[plan.score.indicator.code]] for plan in plans}
    keys = {match.key for matches in ranked.values() for match in matches}
    hosts = visit_queries.Cluster.objects.in_bulk(list(keys))
    by_code = {indicator.code: indicator for indicator in data.indicators}
    for plan in plans:
        for match in ranked[plan.score.pk]:
            why = [phrases.explain(match.contributions, by_code)]
            why += [phrases.REASON_TEXT[reason] for reason in match.reasons]
            plan.peers.append(Recommendation(item=hosts[match.key], why=why))


def _add_offers(plans, cluster, today):
    wanted = {plan.score.indicator_id: plan for plan in plans}
    offers = (
        visit_queries.open_offers(today=today)
        .filter(cluster__is_public=True, topics__in=list(wanted))
        .exclude(cluster=cluster)
        .select_related("cluster")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.order_by("code")))
        .distinct()
        .order_by("starts_on", "pk")
    )
    for offer in offers:
        for topic in offer.topics.all():
            plan = wanted.get(topic.pk)
            if plan is not None and len(plan.offers) < PER_KIND:
                plan.offers.append(Recommendation(item=offer, why=_why(WHY_OFFER, plan.score, host=offer.cluster.name)))


def _add_training(plans):
    """Upcoming seminars and training materials on each weak point, in every language."""
    wanted = {plan.score.indicator_id: plan for plan in plans}
    topics = Prefetch("topics", queryset=Indicator.objects.order_by("code"))
    seminars = (
        SeminarPage.objects.live()
        .public()
        .filter(topics__in=list(wanted), ends_at__gte=timezone.now(), is_cancelled=False)
        .select_related("locale")
        .prefetch_related(topics)
        .distinct()
        .order_by("starts_at", "pk")
    )
    materials = (
        TrainingMaterialPage.objects.live()
        .public()
        .filter(topics__in=list(wanted))
        .select_related("locale")
        .prefetch_related(topics)
        .distinct()
        .order_by("title", "pk")
    )
    reader = Locale.get_active()
    for pages, attribute in ((seminars, "seminars"), (materials, "materials")):
        for page in in_reader_language(pages, reader):
            for topic in page.topics.all():
                plan = wanted.get(topic.pk)
                if plan is not None and len(getattr(plan, attribute)) < PER_KIND:
                    getattr(plan, attribute).append(_recommend(page, _why(WHY_TRAINING, plan.score), reader))


def _add_stories(plans, data):
    """Stories on a weak point's indicator, and stories of peers that can help with it, in every language.

    A story's cluster is named as able to help only when it agreed to be matched
    (it is in the matching network) and is rated above the reader there; the
    reason names the reader's rating only.
    """
    wanted = {plan.score.indicator_id: plan for plan in plans}
    positions = {indicator.pk: index for index, indicator in enumerate(data.indicators)}
    live = BestPracticePage.objects.live().public()
    tellers = set(live.exclude(cluster=None).values_list("cluster_id", flat=True))
    peers = {candidate.key: candidate for candidate in data.network.candidates if candidate.key in tellers}
    helping = {
        indicator_id: {
            key
            for key, candidate in peers.items()
            if candidate.levels[positions[indicator_id]] != matching.MISSING
            and candidate.levels[positions[indicator_id]] > plan.score.rating
        }
        for indicator_id, plan in wanted.items()
    }
    helping_clusters = set().union(*helping.values()) if helping else set()
    stories = (
        live.filter(Q(topics__in=list(wanted)) | Q(cluster_id__in=list(helping_clusters)))
        .select_related("cluster", "image", "locale")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.order_by("code")))
        .distinct()
        .order_by("-date", "-pk")
    )
    reader = Locale.get_active()
    for story in in_reader_language(stories, reader):
        topic_ids = {topic.pk for topic in story.topics.all()}
        for indicator_id, plan in wanted.items():
            if len(plan.stories) >= PER_KIND:
                continue
            if story.cluster_id is not None and story.cluster_id in helping[indicator_id]:
                why = _why(WHY_STORY_PEER, plan.score, cluster=story.cluster.name)
            elif indicator_id in topic_ids:
                why = _why(WHY_STORY_TOPIC, plan.score)
            else:
                continue
            plan.stories.append(_recommend(story, why, reader))


def _measured_on(result):
    return result.benchmarked_on or result.edition.date


def _targets(cluster, managers):
    """Indicators targeted by improvement actions and attended seminars, measured before and after them.

    An improvement counts only when the indicator was measured in a result
    benchmarked after the visit or seminar; otherwise the target is not yet measured.
    """
    results = [result for result in results_of(cluster=cluster) if _measured_on(result) is not None]
    results.sort(key=_measured_on)
    ratings = [
        (result, {score.indicator_id: Rating(score.rating) for score in result.scores.all()}) for result in results
    ]
    targets = []
    for action in (
        ImprovementAction.objects.filter(report__booking__cluster=cluster)
        .select_related("indicator", "report__booking__offer__cluster")
        .order_by("report__booking__offer__ends_on", "position", "pk")
    ):
        offer = action.report.booking.offer
        targets.append(
            Target(
                indicator=action.indicator,
                source="visit",
                title=f"{offer.cluster.name}: {offer.title}",
                on=offer.ends_on,
            )
        )
    if managers:
        keys = Registration.objects.filter(user__in=managers, status=RegistrationStatus.CONFIRMED).values("seminar_key")
        seminars = (
            SeminarPage.objects.filter(translation_key__in=keys, starts_at__lte=timezone.now())
            .select_related("locale")
            .prefetch_related(Prefetch("topics", queryset=Indicator.objects.order_by("code")))
            .order_by("starts_at", "pk")
        )
        for seminar in in_reader_language(seminars, Locale.get_active()):
            for topic in seminar.topics.all():
                targets.append(
                    Target(
                        indicator=topic,
                        source="seminar",
                        title=seminar.title,
                        on=timezone.localdate(seminar.ends_at),
                    )
                )
    for target in targets:
        for result, by_indicator in ratings:
            rating = by_indicator.get(target.indicator.pk)
            if rating is None:
                continue
            if _measured_on(result) <= target.on:
                target.before, target.before_edition = rating, result.edition.name
            else:
                target.after, target.after_edition = rating, result.edition.name
    return targets
