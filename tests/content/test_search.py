import re

import pytest

from content.search import query_stems, stem
from tests.content.factories import BestPracticePageFactory, NewsPageFactory, StandardPageFactory, paragraphs
from tests.helpers import in_lang
from tests.mobility.factories import ClusterFactory
from tests.training.factories import MaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def czech_pages():
    """Czech pages, oldest first: an about page and a story that mention the silver label in their
    text, an article with it in its title (and the members' survey in its text), and a material
    with the members' survey in its title."""
    StandardPageFactory(
        lang="cs",
        title="O síti",
        intro="Síť sdružuje klastry ze sedmi zemí.",
        body=paragraphs("<p>Klastry mohou získat bronzovou, stříbrnou nebo zlatou značku kvality.</p>"),
    )
    BestPracticePageFactory(
        lang="cs",
        title="Klastr otevřený výzkumu i zákazníkům",
        summary="Jak klastr přizval výzkumné ústavy a zákazníky z jiných odvětví.",
        results="<p>Klastr loni získal stříbrnou značku kvality.</p>",
    )
    NewsPageFactory(
        lang="cs",
        title="Stříbrná značka kvality pro Jadranski ICT klaster",
        summary="Jadranski ICT klaster ze Splitu získal stříbrnou značku kvality.",
        body=paragraphs("<p>Hodnotitel ocenil jeho každoroční průzkum spokojenosti členů.</p>"),
    )
    MaterialFactory(
        lang="cs",
        title="Průzkum spokojenosti členů v deseti otázkách",
        summary="Dotazník, který klastr rozešle jednou ročně.",
    )


def result_titles(html):
    section = html.split('id="search-pages-title"', 1)[1] if 'id="search-pages-title"' in html else ""
    return re.findall(r'</p>\s*<a href="[^"]+">([^<]+)</a>', section)


def test_stems_join_inflected_forms():
    assert {stem(word) for word in ("klastrech", "klastry", "klastru", "klastrow", "klastrami")} == {"klastr"}
    assert query_stems("Stříbrná ZNAČKA") == ["stribrn", "znac"]
    assert query_stems("łódź Đakovo") == ["lodz", "dakov"]


@pytest.mark.usefixtures("czech_pages")
def test_czech_page_found_by_other_inflection_without_diacritics(client):
    html = client.get(in_lang("cs", "/search/"), {"q": "spokojenost clenu"}).content.decode()
    assert result_titles(html) == [
        "Průzkum spokojenosti členů v deseti otázkách",
        "Stříbrná značka kvality pro Jadranski ICT klaster",
    ]


@pytest.mark.usefixtures("czech_pages")
def test_czech_news_found_without_diacritics_with_type_date_and_marked_snippet(client):
    html = client.get(in_lang("cs", "/search/"), {"q": "stribrna znacka"}).content.decode()
    assert result_titles(html) == [
        "Stříbrná značka kvality pro Jadranski ICT klaster",
        "Klastr otevřený výzkumu i zákazníkům",
        "O síti",
    ]
    assert re.search(r'<span class="search-results__kind">Novinka</span> · <time datetime="\d{4}-\d\d-\d\d">', html)
    assert "<mark>" in html.split('id="search-pages-title"', 1)[1]


def test_search_finds_a_cluster_by_name(client):
    ClusterFactory(code="CZ-001", name="Bohemian Food Cluster")
    ClusterFactory(code="CZ-002", name="Moravian Wood Cluster")
    html = client.get("/en/search/", {"q": "Bohemian Food"}).content.decode()
    clusters = re.findall(r'<a href="/en/clusters/([^/]+)/">([^<]+)</a>', html.split('id="search-clusters-title"')[1])
    assert clusters == [("CZ-001", "Bohemian Food Cluster")]


@pytest.mark.usefixtures("czech_pages")
def test_search_stays_in_the_active_language(client):
    html = client.get("/en/search/", {"q": "spokojenost clenu"}).content.decode()
    assert result_titles(html) == []
    assert "Nothing found. Try other words." in html


def test_search_address_is_in_the_readers_language_and_the_english_one_redirects(client):
    paths = {lang: in_lang(lang, "/search/") for lang in ("en", "cs", "sk", "pl", "hu", "hr", "tr")}
    response = client.get("/pl/search/", {"q": "klaster"})

    assert paths == {
        "en": "/en/search/",
        "cs": "/cs/hledat/",
        "sk": "/sk/hladat/",
        "pl": "/pl/szukaj/",
        "hu": "/hu/kereses/",
        "hr": "/hr/pretraga/",
        "tr": "/tr/arama/",
    }
    assert (response.status_code, response["Location"]) == (301, "/pl/szukaj/?q=klaster")
