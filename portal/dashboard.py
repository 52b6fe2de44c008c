"""The signed-in cluster manager's dashboard: "what should we do next?" (DESIGN.md 4.7).

Composes, for one cluster, its latest benchmark against the network median,
its weak points (most severe first) and for each of them the best peers to
visit, open study-visit offers, upcoming seminars, training materials and
best-practice stories, each with the reason it is shown; with two editions,
what changed and whether the indicators its visits and seminars targeted
improved; and the study visits it has asked for and received.

The number of queries does not depend on the number of weak points, peers,
offers, pages or bookings.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from content.models import BestPracticePage
from mobility import charts, matching, network_cache, visit_queries
from mobility.models import ImprovementAction, Indicator, Rating
from mobility.queries import changes_between, dimension_levels, latest_two_results
from mobility.queries import weak_points as weak_points_of
from training.models import Registration, RegistrationStatus, SeminarPage, TrainingMaterialPage

PER_KIND = 3

RATING_WORDS = visit_queries.RATING_WORDS
# Translators: why a study-visit offer is recommended on the dashboard.
WHY_OFFER = _("%(host)s invites visitors to learn about %(indicator)s, where your cluster is %(rating)s.")
# Translators: why a seminar or a training material is recommended on the dashboard.
WHY_TRAINING = _("It covers %(indicator)s, where your cluster is %(rating)s.")
WHY_STORY_TOPIC = _("The story shows how to improve %(indicator)s, where your cluster is %(rating)s.")
WHY_STORY_GREEN = _("%(cluster)s is green on %(indicator)s, where your cluster is %(rating)s.")


@dataclass
class Recommendation:
    item: object
    why: str


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
    """An indicator the cluster set out to improve, through a visit report's action or a seminar."""

    indicator: object
    source: str  # "visit" or "seminar"
    title: str
    before: object = None
    after: object = None

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
        targets=_targets(cluster, latest, previous, managers or []),
    )
    return context


def _dimensions(result):
    seen = {}
    for score in result.scores.all():
        seen.setdefault(score.indicator.dimension.code, score.indicator.dimension)
    return list(seen.items())


def _add_peers(plans, cluster, data):
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
            why = [visit_queries.explain(item, by_code) for item in match.contributions]
            why += [visit_queries.REASON_TEXT[reason] for reason in match.reasons]
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
    wanted = {plan.score.indicator_id: plan for plan in plans}
    locale = Locale.get_active()
    topics = Prefetch("topics", queryset=Indicator.objects.order_by("code"))
    seminars = (
        SeminarPage.objects.live()
        .public()
        .filter(locale=locale, topics__in=list(wanted), ends_at__gte=timezone.now(), is_cancelled=False)
        .prefetch_related(topics)
        .distinct()
        .order_by("starts_at", "pk")
    )
    materials = (
        TrainingMaterialPage.objects.live()
        .public()
        .filter(locale=locale, topics__in=list(wanted))
        .prefetch_related(topics)
        .distinct()
        .order_by("title", "pk")
    )
    for pages, attribute in ((seminars, "seminars"), (materials, "materials")):
        for page in pages:
            for topic in page.topics.all():
                plan = wanted.get(topic.pk)
                if plan is not None and len(getattr(plan, attribute)) < PER_KIND:
                    getattr(plan, attribute).append(Recommendation(item=page, why=_why(WHY_TRAINING, plan.score)))


def _add_stories(plans, data):
    """Stories on a weak point's indicator, and stories of clusters that are green on it."""
    wanted = {plan.score.indicator_id: plan for plan in plans}
    positions = {indicator.pk: index for index, indicator in enumerate(data.indicators)}

    def is_green(cluster_id, indicator_id):
        candidate = data.candidates.get(cluster_id)
        return candidate is not None and candidate.levels[positions[indicator_id]] == matching.GREEN

    # Stories are few, clusters many: stories that name a cluster are checked here, not in SQL.
    stories = (
        BestPracticePage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .filter(Q(topics__in=list(wanted)) | Q(cluster__isnull=False))
        .select_related("cluster", "image")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.order_by("code")))
        .distinct()
        .order_by("-date", "-pk")
    )
    for story in stories:
        topic_ids = {topic.pk for topic in story.topics.all()}
        for indicator_id, plan in wanted.items():
            if len(plan.stories) >= PER_KIND:
                continue
            if story.cluster_id is not None and is_green(story.cluster_id, indicator_id):
                why = _why(WHY_STORY_GREEN, plan.score, cluster=story.cluster.name)
            elif indicator_id in topic_ids:
                why = _why(WHY_STORY_TOPIC, plan.score)
            else:
                continue
            plan.stories.append(Recommendation(item=story, why=why))


def _targets(cluster, latest, previous, managers):
    """Indicators targeted by improvement actions and attended seminars, with their ratings in both editions."""
    before = {score.indicator_id: Rating(score.rating) for score in previous.scores.all()} if previous else {}
    after = {score.indicator_id: Rating(score.rating) for score in latest.scores.all()}
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
                before=before.get(action.indicator_id),
                after=after.get(action.indicator_id),
            )
        )
    if managers:
        keys = Registration.objects.filter(user__in=managers, status=RegistrationStatus.CONFIRMED).values("seminar_key")
        seminars = (
            SeminarPage.objects.filter(
                translation_key__in=keys, locale=Locale.get_active(), starts_at__lte=timezone.now()
            )
            .prefetch_related(Prefetch("topics", queryset=Indicator.objects.order_by("code")))
            .order_by("starts_at", "pk")
        )
        for seminar in seminars:
            for topic in seminar.topics.all():
                targets.append(
                    Target(
                        indicator=topic,
                        source="seminar",
                        title=seminar.title,
                        before=before.get(topic.pk),
                        after=after.get(topic.pk),
                    )
                )
    return targets
