"""Query budgets of uncached public pages (DESIGN.md 6): within budget and flat in data size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from content.models import HomePage, NewsIndexPage
from tests.helpers import add_news, news_index
from tests.mobility import factories
from tests.mobility.factories import G
from tests.pictures import picture

pytestmark = pytest.mark.django_db

ARTICLE_BUDGET = 8


def _fresh_index(size):
    home = HomePage.objects.get(locale__language_code="en")
    index = NewsIndexPage(title=f"Budget {size}", slug=f"budget-{size}")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, [add_news(index, number) for number in range(size)]


def _repeat_visit_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_article_page_is_within_budget_and_flat(client, django_assert_max_num_queries):
    _one_index, one = _fresh_index(1)
    _thirty_index, thirty = _fresh_index(30)
    client.get(one[0].url)

    with django_assert_max_num_queries(ARTICLE_BUDGET):
        client.get(one[0].url)
    assert _repeat_visit_queries(client, thirty[-1].url) == _repeat_visit_queries(client, one[0].url)


def test_home_page_queries_do_not_grow_with_news(client):
    home = HomePage.objects.get(locale__language_code="en")
    add_news(news_index("en"), 1)  # the home page lists the latest news: one at first
    before = _repeat_visit_queries(client, home.url)

    _fresh_index(30)

    assert _repeat_visit_queries(client, home.url) == before


def test_directory_queries_do_not_grow_with_clusters(client):
    with translation.override("en"):
        url = reverse("mobility:directory")
    # A listed cluster with all the directory shows: sector, region, a label and a logo.
    listed = factories.ClusterFactory(
        name="Aardvark Cluster", sector="Energy", region="Praha", logo=picture(), ratings={"FIN.2": G}
    )
    factories.LabelFactory(cluster=listed)
    before = _repeat_visit_queries(client, url)
    for _number in range(30):
        factories.PeerClusterFactory(country="CZ")

    assert _repeat_visit_queries(client, url) == before
