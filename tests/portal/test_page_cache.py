import gzip

import brotli
import pytest
from django.urls import reverse
from django.utils import translation

from content.models import NewsPage
from tests.helpers import add_news, home, in_language, news_index
from tests.mobility import factories
from tests.mobility.factories import G, R, Y
from training.models import CalendarFeedToken

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


@pytest.fixture
def articles():
    """An article in English and one in Czech, each listed on its language's home page, news index and feed."""
    return {"en": add_news(news_index("en"), 1), "cs": add_news(news_index("cs"), 2)}


@pytest.fixture
def network():
    """Five public clusters benchmarked in one edition: enough for the directory to list and the statistics
    to show (groups of fewer than five are not shown)."""
    ratings = [{"FIN.2": G, "GOV.5": Y}, {"FIN.2": R, "GOV.5": G}, {"FIN.2": Y, "GOV.5": Y}]
    return [
        factories.ClusterFactory(sector="Energy", region="Praha", ratings=ratings[number % 3]) for number in range(5)
    ]


@pytest.fixture
def participant():
    return factories.UserFactory()


def _url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


def public_urls(lang="en"):
    return {
        "home": home(lang).url,
        "article": in_language(NewsPage, lang).url,
        "news": news_index(lang).url,
        "directory": _url("mobility:directory", lang),
        "statistics": _url("mobility:statistics", lang),
    }


def test_cached_hit_runs_no_queries(client, django_assert_num_queries):
    url = home("cs").url
    first = client.get(url)

    with django_assert_num_queries(0):
        hit = client.get(url)

    assert hit.status_code == 200
    assert hit.content == first.content
    assert hit["Cache-Control"] == "public, max-age=60, s-maxage=60"


@pytest.mark.parametrize("lang", ["en", "cs"])
@pytest.mark.parametrize("page", ["home", "article", "news", "directory", "statistics"])
@pytest.mark.usefixtures("articles", "network")
def test_anonymous_page_sets_no_cookie_and_does_not_vary_on_it(client, lang, page, django_assert_num_queries):
    url = public_urls(lang)[page]

    response = client.get(url)

    assert response.status_code == 200
    assert dict(response.cookies) == {}
    assert "cookie" not in response.get("Vary", "").lower()
    with django_assert_num_queries(0):
        assert client.get(url).content == response.content


def test_article_page_is_public_for_shared_caches(client, settings, articles):
    response = client.get(articles["en"].url)

    assert response["Cache-Control"] == f"public, max-age=60, s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}"


def test_publishing_czech_article_purges_article_index_home_and_feed(client, django_assert_num_queries, articles):
    index = news_index("cs")
    article = articles["cs"]
    urls = [article.url, index.url, home("cs").url, index.url + "feed/"]
    for url in urls:
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        for url in urls:
            client.get(url)

    article.title = "Nový titulek článku"
    article.save_revision().publish()
    added = add_news(index, 3000)

    pages = {url: client.get(url).content.decode() for url in urls}
    assert "Nový titulek článku" in pages[article.url]
    assert pages[index.url].count("Article 3000") == 1
    assert pages[home("cs").url].count("Article 3000") == 1
    assert pages[index.url + "feed/"].count("Article 3000") == 1
    assert client.get(added.url).status_code == 200


def test_unpublished_article_is_not_served_from_the_cache(client, articles):
    article = articles["cs"]
    assert client.get(article.url).status_code == 200

    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_signed_in_user_never_gets_the_anonymous_page(client, participant):
    url = home("en").url
    anonymous = client.get(url).content.decode()
    assert "Sign in" in anonymous

    client.force_login(participant)
    signed_in = client.get(url)

    html = signed_in.content.decode()
    assert "My account" in html
    assert "Sign in</a>" not in html
    assert signed_in["Cache-Control"] == "private"


def test_signed_in_page_is_never_served_to_anonymous_visitors(client, participant):
    url = home("en").url
    client.force_login(participant)
    client.get(url)
    client.logout()

    html = client.get(url).content.decode()

    assert "My account" not in html


def test_confidential_page_never_enters_the_cache(client, participant):
    feed = CalendarFeedToken.objects.create(user=participant)
    url = f"/calendar/personal/{feed.token}.ics"
    first = client.get(url)
    assert first["Cache-Control"] == "private, no-store"

    feed.delete()

    assert client.get(url).status_code == 404


def test_response_with_a_message_is_not_cached_and_a_message_cookie_skips_the_cache(client):
    url = home("en").url
    client.get(url)
    client.cookies["messages"] = "anything"

    response = client.get(url)

    assert response.get("ETag") is None


def test_unchanged_page_answers_304_to_its_etag(client):
    url = home("en").url
    response = client.get(url)

    again = client.get(url, headers={"If-None-Match": response["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == response["ETag"]


def test_page_is_compressed_as_the_client_accepts(client, articles):
    url = articles["en"].url
    plain = client.get(url).content

    as_brotli = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    as_gzip = client.get(url, headers={"Accept-Encoding": "gzip"})

    assert as_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(as_brotli.content) == plain
    assert as_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.content) == plain
    assert as_gzip["Vary"] == "Accept-Encoding"


def test_benchmark_change_purges_cluster_pages(client, network):
    cluster = network[0]
    url = _url("mobility:cluster", code=cluster.code)
    assert cluster.name in client.get(url).content.decode()

    cluster.name = "Renamed Cluster"
    cluster.save()

    assert "Renamed Cluster" in client.get(url).content.decode()


def test_seminar_pages_are_kept_a_minute_at_most(client):
    response = client.get(home("en").url)

    assert response["Cache-Control"] == "public, max-age=60, s-maxage=60"


@pytest.mark.usefixtures("articles")
def test_sitemap_is_built_once_until_content_changes(client, django_assert_num_queries, participant):
    client.force_login(participant)
    first = client.get("/sitemap.xml").content.decode()

    with django_assert_num_queries(0):  # signed in, so past the page cache: the view-level cache answers
        assert client.get("/sitemap.xml").content.decode() == first
    added = add_news(news_index("cs"), 3001)

    location = f"<loc>http://testserver{added.url}</loc>"
    assert first.count(location) == 0
    assert client.get("/sitemap.xml").content.decode().count(location) == 1
