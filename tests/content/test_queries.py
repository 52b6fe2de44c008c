"""The content reads the dashboard composes (content/queries.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content.models import BestPracticePage
from content.queries import stories_on, storyteller_ids
from tests.content.factories import BestPracticePageFactory, translate
from tests.mobility import factories as mobility_factories
from tests.mobility.factories import indicators

pytestmark = pytest.mark.django_db


def locale(lang):
    return Locale.objects.get(language_code=lang).pk


def titles(pages):
    return [(page.title, page.locale.language_code) for page in pages]


def test_stories_on_topics_or_tellers_newest_first_one_version_each():
    topic, other = indicators("ZQ.1", "ZQ.2")
    teller = mobility_factories.ClusterFactory()
    on_topic = BestPracticePageFactory(title="On topic", topics=[topic])
    BestPracticePageFactory(title="Off topic", topics=[other])
    told = BestPracticePageFactory(title="Told by the peer", cluster=teller)
    translate(on_topic, lang="cs", title="K tématu")
    BestPracticePageFactory(title="Jen česky", lang="cs", topics=[topic])

    english = stories_on(BestPracticePage, indicator_ids=[topic.pk], cluster_ids=[teller.pk], locale_id=locale("en"))
    czech = stories_on(BestPracticePage, indicator_ids=[topic.pk], cluster_ids=[teller.pk], locale_id=locale("cs"))

    assert told.date > on_topic.date
    assert titles(english) == [("Jen česky", "cs"), ("Told by the peer", "en"), ("On topic", "en")]
    assert titles(czech) == [("Jen česky", "cs"), ("Told by the peer", "en"), ("K tématu", "cs")]


def test_stories_on_leaves_out_unpublished_stories():
    [topic] = indicators("ZQ.3")
    draft = BestPracticePageFactory(title="Withdrawn", topics=[topic])
    draft.unpublish()

    assert list(stories_on(BestPracticePage, indicator_ids=[topic.pk], cluster_ids=[], locale_id=locale("en"))) == []


def test_storyteller_ids_are_the_clusters_of_live_stories():
    teller, withdrawn = mobility_factories.ClusterFactory(), mobility_factories.ClusterFactory()
    BestPracticePageFactory(cluster=teller)
    BestPracticePageFactory(cluster=withdrawn).unpublish()

    ids = storyteller_ids(BestPracticePage)

    assert (teller.pk in ids, withdrawn.pk in ids) == (True, False)


def _queries_reading_stories(count):
    [topic] = indicators(f"ZR.{count}")
    teller = mobility_factories.ClusterFactory()
    for _number in range(count):
        BestPracticePageFactory(topics=[topic], cluster=teller)
    with CaptureQueriesContext(connection) as queries:
        stories = list(
            stories_on(BestPracticePage, indicator_ids=[topic.pk], cluster_ids=[teller.pk], locale_id=locale("en"))
        )
        shown = [(story.cluster.name, story.locale.language_code, len(story.topics.all())) for story in stories]
    assert shown == [(teller.name, "en", 1)] * count
    return len(queries)


def test_stories_on_query_count_does_not_grow():
    assert _queries_reading_stories(1) == _queries_reading_stories(30)
