"""The signed-in cluster manager's dashboard: "what should we do next?" (DESIGN.md 4.7).

Composes the apps' reads for one cluster: its latest benchmark against the
network median (mobility), its weak points, most severe first, and for each of
them the best peers to visit and open study-visit offers (mobility), upcoming
seminars and training materials (training) and best-practice stories
(content), each with the reason it is shown; with two editions, what changed
and whether the indicators its visits and seminars targeted improved; and the
study visits it has asked for and received.

Focus (issue 13): the three most severe weak points with something to
recommend come first (`focus`), the others with recommendations follow
(`more`), and the weak points nothing addresses yet are named once
(`nothing_yet`) instead of each in a card of its own.

Confidentiality (DESIGN.md 4.3): peers and storytellers are named only when
they agreed to be matched, and only with the visitor's weak points they can
help with, never with their own ratings. Languages (DESIGN.md 2): every
seminar, material and story is listed whatever the reader's language, in the
reader's translation when there is one, else in its original language, marked.

The number of queries does not depend on the number of weak points, peers,
offers, pages or bookings.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from content import queries as content_queries
from content.models import BestPracticePage
from mobility import network_cache, overviews
from mobility.queries import improvement_actions_of, rating_before_and_after, rating_history
from mobility.visits import phrases
from mobility.visits import queries as visit_queries
from mobility.visits.notifications import managers_of
from portal.core.languages import in_language
from training import queries as training_queries

PER_KIND = 3
# How many weak points the dashboard shows open before the others.
FOCUS = 3

RATING_WORDS = phrases.RATING_WORDS
# Translators: why a study-visit offer is recommended on the dashboard.
WHY_OFFER = _("%(host)s invites visitors to learn about %(indicator)s, where your cluster is %(rating)s.")
# Translators: why a seminar or a training material is recommended on the dashboard.
WHY_TRAINING = _("It covers %(indicator)s, where your cluster is %(rating)s.")
WHY_STORY_TOPIC = _("The story shows how to improve %(indicator)s, where your cluster is %(rating)s.")
# Translators: why a best-practice story is recommended: its cluster can help with one of the reader's weak points.
WHY_STORY_PEER = _("Told by %(cluster)s, a peer that can help with %(indicator)s, where your cluster is %(rating)s.")


@dataclass
class Recommendation:
    item: object
    why: object  # one reason, or a list of them (peers)
    language: str = ""  # the page's language code when it is not the reader's
    language_mark: str = ""  # "in Czech", in the reader's language
    rank: object = None  # peers: the match number they are ordered by


def _recommend_page(page, why):
    """A recommended page, marked with its language when it is not the reader's (`shown_in`, set by the query)."""
    if page.shown_in is None:
        return Recommendation(item=page, why=why)
    return Recommendation(item=page, why=why, language=page.shown_in, language_mark=in_language(page.shown_in))


@dataclass
class WeakPointPlan:
    score: object  # mobility Score, indicator loaded
    peers: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    seminars: list = field(default_factory=list)
    materials: list = field(default_factory=list)
    stories: list = field(default_factory=list)

    @property
    def has_recommendations(self):
        return bool(self.peers or self.offers or self.seminars or self.materials or self.stories)


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


def dashboard_for(*, cluster, today=None):
    """Everything the dashboard shows for `cluster`; the seminars its managers attended count as targets."""
    today = today or timezone.localdate()
    context = overviews.results_overview(cluster=cluster)
    context.update(
        made=visit_queries.with_next_steps(visit_queries.bookings_made(clusters=[cluster]), side="visitor"),
        received=visit_queries.with_next_steps(visit_queries.bookings_received(clusters=[cluster]), side="host"),
    )
    if context["result"] is None:
        return context
    plans = [WeakPointPlan(score=score) for score in context["weak_points"]]
    data = network_cache.matching_data(today=today)
    reader = Locale.get_active().pk
    _add_peers(plans, cluster, data, today)
    _add_offers(plans, cluster, today)
    _add_training(plans, reader)
    _add_stories(plans, data, reader)
    actionable = [plan for plan in plans if plan.has_recommendations]
    context.update(
        plans=plans,
        focus=actionable[:FOCUS],
        more=actionable[FOCUS:],
        nothing_yet=[plan for plan in plans if not plan.has_recommendations],
        targets=_targets(cluster, managers_of(cluster), context["results"]),
    )
    return context


def _add_peers(plans, cluster, data, today):
    """For each weak point, the best peers that can help with it, ranked by their whole match."""
    peers = overviews.peers_by_weak_point(
        cluster=cluster, weak_points=[plan.score for plan in plans], limit=PER_KIND, data=data, today=today
    )
    for plan in plans:
        plan.peers = [
            Recommendation(item=peer.cluster, why=peer.explanations + peer.reasons, rank=peer.match.total)
            for peer in peers[plan.score.pk]
        ]


def _add_offers(plans, cluster, today):
    wanted = {plan.score.indicator_id: plan for plan in plans}
    for offer in overviews.offers_on(indicators=list(wanted), cluster=cluster, today=today):
        for topic in offer.topics.all():
            plan = wanted.get(topic.pk)
            if plan is not None and len(plan.offers) < PER_KIND:
                plan.offers.append(Recommendation(item=offer, why=_why(WHY_OFFER, plan.score, host=offer.cluster.name)))


def _add_training(plans, reader):
    """Upcoming seminars and training materials on each weak point, in every language."""
    wanted = {plan.score.indicator_id: plan for plan in plans}
    for pages, attribute in (
        (training_queries.upcoming_seminars_on(indicator_ids=list(wanted), locale_id=reader), "seminars"),
        (training_queries.materials_on(indicator_ids=list(wanted), locale_id=reader), "materials"),
    ):
        for page in pages:
            for topic in page.topics.all():
                plan = wanted.get(topic.pk)
                if plan is not None and len(getattr(plan, attribute)) < PER_KIND:
                    getattr(plan, attribute).append(_recommend_page(page, _why(WHY_TRAINING, plan.score)))


def _add_stories(plans, data, reader):
    """Stories on a weak point's indicator, and stories of peers that can help with it, in every language.

    A story's cluster is named as able to help only when it agreed to be matched
    and is rated above the reader there; the reason names the reader's rating only.
    """
    wanted = {plan.score.indicator_id: plan for plan in plans}
    helping = overviews.stronger_peers_among(
        cluster_ids=content_queries.storyteller_ids(BestPracticePage),
        weak_points=[plan.score for plan in plans],
        data=data,
    )
    stories = content_queries.stories_on(
        BestPracticePage,
        indicator_ids=list(wanted),
        cluster_ids=set().union(*helping.values()),
        locale_id=reader,
    )
    for story in training_queries.mark_other_language(list(stories), locale_id=reader):
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
            plan.stories.append(_recommend_page(story, why))


def _targets(cluster, managers, results):
    """Indicators targeted by improvement actions and attended seminars, measured before and after them.

    An improvement counts only when the indicator was measured in a result
    benchmarked after the visit or seminar; otherwise the target is not yet measured.
    `results`: the cluster's results, as `results_overview` loads them.
    """
    targets = []
    for action in improvement_actions_of(cluster=cluster):
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
        for seminar in training_queries.seminars_attended(users=managers, language=get_language()):
            for topic in seminar.topics.all():
                targets.append(
                    Target(
                        indicator=topic, source="seminar", title=seminar.title, on=timezone.localdate(seminar.ends_at)
                    )
                )
    history = rating_history(results=results)
    for target in targets:
        (target.before, target.before_edition), (target.after, target.after_edition) = rating_before_and_after(
            history=history, indicator_id=target.indicator.pk, on=target.on
        )
    return targets
