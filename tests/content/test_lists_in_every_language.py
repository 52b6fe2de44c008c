import re

import pytest

from content.models import NewsPage
from tests.content.factories import BestPracticePageFactory, translate_everywhere
from tests.helpers import LANGS, add_news, add_story, count_queries, news_index, practice_index
from tests.mobility.factories import indicators

pytestmark = pytest.mark.django_db

IN_CZECH = {
    "en": "in Czech",
    "cs": None,
    "sk": "v češtine",
    "pl": "po czesku",
    "hu": "csehül",
    "hr": "na češkom",
    "tr": "Çekçe",
}


@pytest.fixture
def stories():
    """A Czech cluster's story on GOV.5 in all seven languages and a Hungarian one in English only."""
    translate_everywhere(
        BestPracticePageFactory(title="Members steer the cluster", country="CZ", topics=indicators("GOV.5"))
    )
    BestPracticePageFactory(title="A shared laboratory", country="HU")


def cards(html):
    return re.findall(r'<article class="card card--practice">(.*?)</article>', html, re.S)


@pytest.mark.usefixtures("stories")
def test_story_list_counts_the_same_in_every_language(client):
    add_story(practice_index("en"), 801, country="HU")
    add_story(practice_index("tr"), 802, country="TR")

    counts = {lang: len(cards(client.get(practice_index(lang).url).content.decode())) for lang in LANGS}

    assert counts == dict.fromkeys(LANGS, 4)


@pytest.mark.parametrize("lang", LANGS)
def test_untranslated_story_shows_in_its_language_with_a_mark(client, lang):
    czech = add_story(practice_index("cs"), 803, country="CZ")

    html = client.get(practice_index(lang).url).content.decode()

    card = next(card for card in cards(html) if "Story 803" in card)
    assert f'href="{czech.url}"' in card
    if IN_CZECH[lang] is None:
        assert "language-mark" not in card
    else:
        assert f'<p class="language-mark">{IN_CZECH[lang]}</p>' in card
        assert '<h2 class="card__title" lang="cs">' in card


@pytest.mark.usefixtures("stories")
def test_translated_story_shows_in_the_visitors_language(client):
    html = client.get(practice_index("pl").url).content.decode()

    # The Czech story in its Polish translation, the Hungarian one in English with a mark.
    assert re.findall(r'<h2 class="card__title"(?: lang="(\w+)")?><a href="[^"]+">([^<]+)</a>', html) == [
        ("en", "A shared laboratory"),
        ("", "Members steer the cluster [pl]"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("country=CZ", 2), ("country=HU", 1), ("topic=GOV", 1), ("topic=GOV.5", 1), ("q=Story+804", 1)],
)
@pytest.mark.usefixtures("stories")
def test_story_filters_agree_in_every_language(client, query, expected):
    add_story(practice_index("en"), 804, country="CZ")

    counts = {lang: len(cards(client.get(f"{practice_index(lang).url}?{query}").content.decode())) for lang in LANGS}

    assert counts == dict.fromkeys(LANGS, expected)


def test_story_list_query_count_is_flat_across_languages(client):
    index = practice_index("en")
    add_story(index, 810)
    client.get(practice_index("hr").url)
    one = count_queries(client, practice_index("hr").url)
    for number in range(811, 840):
        add_story(index, number, country=["CZ", "PL", "HR"][number % 3])

    assert count_queries(client, practice_index("hr").url) == one


def test_news_index_lists_untranslated_articles_with_a_mark(client):
    english = add_news(news_index("en"), 805)

    html = client.get(news_index("sk").url).content.decode()

    assert f'href="{english.url}"' in html
    assert '<p class="language-mark">v angličtine</p>' in html
    assert html.count('<article class="card">') == NewsPage.objects.live().filter(locale__language_code="en").count()


def test_news_index_query_count_is_flat_across_languages(client):
    index = news_index("en")
    add_news(index, 820)
    client.get(news_index("hu").url)
    one = count_queries(client, news_index("hu").url)
    for number in range(821, 850):
        add_news(index, number)

    assert count_queries(client, news_index("hu").url) == one
