import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content.models import BestPracticeIndexPage, BestPracticePage, HomePage, NewsIndexPage, NewsPage

LANGS = ("en", "cs", "sk", "pl", "hu", "hr", "tr")


def home(lang="en"):
    return HomePage.objects.get(locale__language_code=lang)


def in_language(model, lang):
    return model.objects.live().filter(locale=Locale.objects.get(language_code=lang)).order_by("path").first()


def news_index(lang="en"):
    return in_language(NewsIndexPage, lang)


def practice_index(lang="en"):
    return in_language(BestPracticeIndexPage, lang)


def add_news(index, number, **fields):
    page = NewsPage(
        title=f"Article {number}",
        slug=f"article-{number}",
        date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        summary=f"Summary {number}",
        body=[],
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_story(index, number, country="CZ", **fields):
    page = BestPracticePage(
        title=f"Story {number}",
        slug=f"story-{number}",
        cluster_name=f"Cluster {number}",
        country=country,
        sector="Energy",
        date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        summary=f"Summary {number}",
        challenge="<p>Challenge</p>",
        approach="<p>Approach</p>",
        results="<p>Results</p>",
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def count_queries(client, url):
    """Queries of a repeat visit: the first one fills what every later request shares (routes, header, footer)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def hreflang_links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def in_lang(lang, path):
    """`path` written with the English URL segments (e.g. "/clusters/CZ-001/"), as `lang` spells it.

    Django routes translate their segments (`/cs/klastry/CZ-001/`); tests name
    them once in English and let the URL configuration translate."""
    from django.urls import resolve, reverse
    from django.utils import translation

    with translation.override("en"):
        match = resolve("/en" + path)
    with translation.override(lang):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
