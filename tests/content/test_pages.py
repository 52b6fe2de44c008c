import re

import pytest
from wagtail.models import Page

from content.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from tests.content.factories import (
    BestPracticePageFactory,
    NewsPageFactory,
    StandardPageFactory,
    translate,
    translate_everywhere,
)
from tests.helpers import LANGS, add_news, add_story, count_queries, hreflang_links, in_lang, in_language, news_index
from tests.mobility.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, StandardPage, NewsIndexPage, NewsPage, BestPracticeIndexPage, BestPracticePage]
# The page types the sections do not seed: each test builds the one it renders.
FACTORIES = {StandardPage: StandardPageFactory, NewsPage: NewsPageFactory, BestPracticePage: BestPracticePageFactory}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_renders_in_language(client, lang, model):
    if model in FACTORIES:
        FACTORIES[model](lang=lang)
    page = in_language(model, lang)

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert page.title in html


def test_switcher_lands_on_same_article_in_other_language(client):
    english = NewsPageFactory(title="Benchmarking round opens")
    translate(english, lang="cs", title="Začíná kolo benchmarkingu")
    translate(english, lang="pl", title="Rusza runda benchmarkingu")
    czech = in_language(NewsPage, "cs")
    polish = czech.get_translation(in_language(HomePage, "pl").locale)

    html = client.get(czech.url).content.decode()

    assert f'<a href="{polish.url}" hreflang="pl" lang="pl"' in html


def test_hreflang_lists_every_translation_and_x_default(client):
    translate_everywhere(NewsPageFactory())
    article = in_language(NewsPage, "hu")
    translations = {page.locale.language_code: page for page in article.get_translations(inclusive=True)}

    links = hreflang_links(client.get(article.url).content.decode())

    expected = {code: f"http://testserver{page.url}" for code, page in translations.items()}
    expected["x-default"] = f"http://testserver{translations['en'].url}"
    assert links == expected
    assert len(links) == 8


def test_switcher_falls_back_to_nearest_translated_ancestor_with_notice(client):
    untranslated = add_news(news_index("en"), 900)
    czech_index = news_index("cs")

    html = client.get(untranslated.url).content.decode()

    fallback_url = f"{czech_index.url}?untranslated=1"
    assert f'<a href="{fallback_url}" hreflang="cs" lang="cs"' in html
    assert 'hreflang="cs" href=' not in html  # no hreflang for a translation that does not exist
    notice = client.get(fallback_url).content.decode()
    assert "dosud nebyla přeložena" in notice


def test_sitemap_lists_every_page_in_every_language_with_alternates(client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    live_pages = Page.objects.live().filter(depth__gt=1)
    for page in live_pages:
        assert f"<loc>http://testserver{page.url}</loc>" in xml
    page_urls = [
        url for url in xml.split("<url>")[1:] if not re.search(r"/(clusters|network-statistics|study-visits)/", url)
    ]
    assert len(page_urls) == live_pages.count()
    first_url = xml.split("<url>")[1]
    hreflangs = re.findall(r'hreflang="([\w-]+)"', first_url)
    assert sorted(hreflangs) == sorted([*LANGS, "x-default"])


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("hu-HU,hu;q=0.9,en;q=0.5", "/hu/"), ("tr", "/tr/"), ("de-DE,de;q=0.9", "/en/"), ("", "/en/")],
)
def test_root_redirect_honours_accept_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_redirect_prefers_signed_in_users_language(client):
    client.force_login(UserFactory(language="pl"))

    response = client.get("/", headers={"accept-language": "hu"})

    assert response["Location"] == "/pl/"


def _fresh_news_index(count):
    home = in_language(HomePage, "en")
    index = NewsIndexPage(title=f"Archive {count}", slug=f"archive-{count}")
    home.add_child(instance=index)
    index.save_revision().publish()
    for number in range(count):
        article = add_news(index, number)
        article.tags.add("benchmarking", f"topic-{number}")
        article.save_revision().publish()
    return index


def test_news_index_query_count_does_not_grow_with_articles(client):
    one = _fresh_news_index(1)
    thirty = _fresh_news_index(30)
    # One visit each warms what every later request shares (site, route, header and footer).
    client.get(one.url)
    client.get(thirty.url)

    assert count_queries(client, thirty.url) == count_queries(client, one.url)


def test_best_practice_index_query_count_does_not_grow_with_stories(client):
    home = in_language(HomePage, "en")
    counts = []
    for size in (1, 30):
        index = BestPracticeIndexPage(title=f"Stories {size}", slug=f"stories-{size}")
        home.add_child(instance=index)
        index.save_revision().publish()
        for number in range(size):
            add_story(index, number, country=["CZ", "PL", "HR"][number % 3])
        client.get(index.url)
        counts.append(count_queries(client, index.url))

    assert counts[0] == counts[1]


def test_news_index_filters_by_tag(client):
    index = news_index("en")
    tagged = add_news(index, 901)
    tagged.tags.add("unique-tag")
    tagged.save_revision().publish()

    html = client.get(f"{index.url}?tag=unique-tag").content.decode()

    assert tagged.title in html
    assert html.count('class="card"') == 1


def test_news_index_paginates(client):
    index = _fresh_news_index(12)

    first = client.get(index.url).content.decode()
    second = client.get(f"{index.url}?page=2").content.decode()

    assert first.count('class="card"') == 10
    assert second.count('class="card"') == 2
    assert 'rel="next"' in first


@pytest.mark.parametrize("lang", ["en", "sk"])
def test_news_feed_lists_articles_of_its_language(client, lang):
    # Three English articles (one of them translated into Slovak) and one written in Slovak.
    first, _second, _third = NewsPageFactory.create_batch(3)
    translate(first, lang="sk", title="Prvá správa")
    NewsPageFactory(lang="sk", title="Slovenská správa")
    index = news_index(lang)
    articles = list(index.articles())

    response = client.get(f"{index.url}feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert xml.count("<entry>") == len(articles) == 4
    for article in articles:
        assert f"<title>{article.title}</title>" in xml


def test_best_practice_index_filters_by_country(client):
    for country in ("CZ", "PL", "HU"):
        BestPracticePageFactory(country=country)
    index = in_language(BestPracticeIndexPage, "en")
    polish = BestPracticePage.objects.child_of(index).get(country="PL")

    html = client.get(f"{index.url}?country=PL").content.decode()

    assert polish.title in html
    assert html.count('class="card card--practice"') == 1


def test_search_finds_pages_of_active_language_only(client):
    translate(BestPracticePageFactory(title="Members steer the cluster"), lang="cs", title="Členové řídí klastr")
    czech = in_language(BestPracticePage, "cs")
    english = czech.get_translation(in_language(HomePage, "en").locale)

    html = client.get(in_lang("cs", "/search/"), {"q": czech.title}).content.decode()

    assert czech.url in html
    assert english.url not in html


def test_not_found_page_is_translated(client):
    response = client.get("/pl/to-nie-istnieje/")

    assert response.status_code == 404
    assert '<html lang="pl"' in response.content.decode()
    assert "Nie znaleziono strony" in response.content.decode()


def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_public_pages_forbid_inline_scripts(client):
    response = client.get(in_language(HomePage, "en").url)

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()
    assert "style=" not in response.content.decode()


def test_best_practice_index_filters_by_indicator_and_dimension(client):
    from mobility.models import Dimension, Indicator

    dimension, _ = Dimension.objects.get_or_create(code="FIN", defaults={"name": "Financing"})
    indicator, _ = Indicator.objects.get_or_create(code="FIN.2", defaults={"dimension": dimension, "name": "Private"})
    index = in_language(BestPracticeIndexPage, "en")
    story = add_story(index, 950, topics=[indicator])
    other = add_story(index, 951)

    by_indicator = client.get(f"{index.url}?topic=FIN.2").content.decode()
    by_dimension = client.get(f"{index.url}?topic=FIN").content.decode()

    for html in (by_indicator, by_dimension):
        assert story.title in html
        assert other.title not in html
    page = client.get(story.url).content.decode()
    assert f'href="{index.url}?topic=FIN.2"' in page


def test_editor_translates_new_article_with_wagtail_localize(client):
    from wagtail.models import Locale

    article = add_news(news_index("en"), 960)
    czech = Locale.objects.get(language_code="cs")
    client.force_login(EditorFactory())

    response = client.post(f"/admin/localize/submit/page/{article.id}/", {"locales": [czech.id]})

    assert response.status_code == 302
    translation = NewsPage.objects.get(translation_key=article.translation_key, locale=czech)
    assert translation.get_parent().specific == news_index("cs")
    assert translation.date == article.date  # synchronised field


def test_server_error_page_is_translated(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("hr"):
        response = server_error(rf.get("/hr/"))

    assert response.status_code == 500
    assert '<html lang="hr"' in response.content.decode()
    assert "Nešto je pošlo po zlu" in response.content.decode()
