"""Structured data, sharing tags, feeds, calendar links and the sitemap of the public pages."""

import datetime
import json
import re

import feedparser
import pytest
from django.core.cache import cache
from django.utils import timezone, translation
from icalendar import Calendar

from tests.content.factories import translate
from tests.helpers import LANGS, add_news, home, in_lang, news_index
from tests.mobility import factories as mobility_factories
from tests.training import factories
from training.models import SeminarPage

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def article_in_every_language(number):
    """A news article written in English and translated into the six other languages: {lang: page}."""
    english = add_news(news_index("en"), number)
    return {"en": english} | {
        lang: translate(english, lang=lang, title=f"{english.title} ({lang})") for lang in LANGS if lang != "en"
    }


def jsonld_blocks(html):
    return [json.loads(block) for block in JSONLD.findall(html)]


def block_of_type(html, kind):
    found = [block for block in jsonld_blocks(html) if block["@type"] == kind]
    assert len(found) == 1, [block["@type"] for block in jsonld_blocks(html)]
    return found[0]


def meta(html, key):
    return re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)


def ics_start(client, seminar):
    calendar = Calendar.from_ical(client.get(f"/calendar/seminars/{seminar.translation_key}.ics").content)
    return next(iter(calendar.walk("VEVENT")))["DTSTART"].dt


# --- JSON-LD ------------------------------------------------------------------------


def test_every_live_seminar_event_starts_at_the_same_instant_as_its_ics_dtstart(client):
    # Seminars in four time zones: one past, one lasting three days, one starting at 23:30 and ending the next day.
    factories.seminar(time_zone="Europe/Prague")
    factories.seminar(time_zone="Europe/Istanbul", days_ahead=-20)
    factories.seminar(time_zone="UTC", end_date=timezone.localdate() + datetime.timedelta(days=16))
    factories.seminar(
        time_zone="Europe/Budapest",
        days_ahead=120,
        start_time=datetime.time(23, 30),
        end_date=timezone.localdate() + datetime.timedelta(days=121),
    )
    seminars = list(SeminarPage.objects.live().filter(locale__language_code="en"))
    assert len(seminars) == 4
    for seminar in seminars:
        event = block_of_type(client.get(seminar.url).content.decode(), "Event")
        start = datetime.datetime.fromisoformat(event["startDate"])
        assert start.utcoffset() is not None
        assert start == ics_start(client, seminar)
        assert start == seminar.starts_at


def test_seminar_event_has_every_property_search_engines_read(client):
    seminar = factories.seminar(capacity=12, online_url="https://meet.example/abc", time_zone="Europe/Istanbul")

    event = block_of_type(client.get(seminar.url).content.decode(), "Event")

    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": seminar.title,
        "description": seminar.summary,
        "url": seminar.get_full_url(),
        "startDate": seminar.starts_at.astimezone(seminar.zone).isoformat(),
        "endDate": seminar.ends_at.astimezone(seminar.zone).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "location": [
            {
                "@type": "Place",
                "name": "Innovation Centre",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "Main street 1, Budapest",
                    "addressCountry": "HU",
                },
            },
            {"@type": "VirtualLocation", "url": "https://meet.example/abc"},
        ],
        "inLanguage": "hu",
        "organizer": {"@type": "Organization", "name": "Centramo", "url": "http://testserver/"},
        "maximumAttendeeCapacity": 12,
        "remainingAttendeeCapacity": 12,
        "offers": {
            "@type": "Offer",
            "url": seminar.get_full_url(),
            "price": 0,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
            "inventoryLevel": {"@type": "QuantitativeValue", "value": 12},
        },
    }
    assert event["startDate"].endswith("+03:00")


def test_cancelled_seminar_says_event_cancelled(client):
    seminar = factories.seminar(is_cancelled=True, venue_name="", online_url="https://meet.example/x")

    event = block_of_type(client.get(seminar.url).content.decode(), "Event")

    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/x"}


def test_full_seminar_is_sold_out(client):
    seminar = factories.seminar(capacity=1)
    from training.services import register_for_seminar

    register_for_seminar(seminar=seminar, user=factories.UserFactory())

    event = block_of_type(client.get(seminar.url).content.decode(), "Event")

    assert event["remainingAttendeeCapacity"] == 0
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"


def test_news_article_and_breadcrumbs_in_czech(client):
    article = add_news(news_index("cs"), 1)

    html = client.get(article.url).content.decode()

    news = block_of_type(html, "NewsArticle")
    assert news["headline"] == article.title
    assert news["inLanguage"] == "cs"
    assert news["datePublished"] == article.date.isoformat()
    assert news["author"] == {"@type": "Organization", "name": "Centramo", "url": "http://testserver/"}
    crumbs = block_of_type(html, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in crumbs] == [
        *[ancestor.title for ancestor in article.get_ancestors().filter(depth__gt=1)],
        article.title,
    ]
    assert [item["name"] for item in crumbs] == [home("cs").title, news_index("cs").title, "Article 1"]
    assert [item["position"] for item in crumbs] == list(range(1, len(crumbs) + 1))
    assert crumbs[-1]["item"] == f"http://testserver{article.url}"


def test_cluster_profile_is_an_organization_without_results(client):
    cluster = mobility_factories.food_cluster(ratings={"FIN.2": mobility_factories.R})
    mobility_factories.LabelFactory(
        cluster=cluster, level="bronze", awarded_on=datetime.date(2020, 3, 1), valid_until=datetime.date(2021, 3, 1)
    )
    mobility_factories.LabelFactory(cluster=cluster, level="silver")

    html = client.get(in_lang("cs", "/clusters/CZ-001/")).content.decode()

    organization = block_of_type(html, "Organization")
    assert organization["name"] == "Bohemian Food Cluster"
    assert organization["identifier"] == "CZ-001"
    assert organization["url"] == "http://testserver" + in_lang("cs", "/clusters/CZ-001/")
    assert organization["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "CZ",
        "addressRegion": "Středočeský kraj",
    }
    assert organization["knowsAbout"] == "Potraviny a zemědělství"
    assert organization["description"].startswith("Zemědělci, zpracovatelé potravin")
    with translation.override("cs"):
        valid = [
            str(label.get_level_display())
            for label in cluster.labels.order_by("-valid_until", "-awarded_on")
            if label.valid_until >= timezone.localdate()
        ]
    assert organization.get("award", []) == valid == ["Stříbrná"]
    assert sorted(organization) == sorted(
        ["@context", "@type", "name", "identifier", "url", "address", "knowsLanguage", "memberOf", "description"]
        + ["knowsAbout", "sameAs"]
        + (["award"] if valid else [])
    )
    crumbs = block_of_type(html, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in crumbs] == ["Domů", "Adresář klastrů", "Bohemian Food Cluster"]


def test_jsonld_cannot_close_its_script_element(client):
    seminar = factories.seminar(title="Tricky </script><script>alert(1)</script> & more")

    html = client.get(seminar.url).content.decode()

    event = block_of_type(html, "Event")
    assert event["name"] == "Tricky </script><script>alert(1)</script> & more"
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == len(JSONLD.findall(html))


def test_jsonld_blocks_keep_the_strict_content_security_policy(client):
    response = client.get(factories.seminar().url)

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()
    assert re.findall(r"<script(?! type=\"application/ld\+json\")", response.content.decode()) == []


# --- Open Graph and Twitter cards ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_page_has_sharing_tags(client, lang):
    mobility_factories.food_cluster()
    article = article_in_every_language(1)[lang]
    urls = [f"/{lang}/", article.url, in_lang(lang, "/clusters/"), in_lang(lang, "/clusters/CZ-001/")]
    for url in urls:
        html = client.get(url).content.decode()
        for key in ("og:title", "og:description", "og:image", "og:url", "og:locale", "twitter:card", "twitter:title"):
            assert len(meta(html, key)) == 1, (url, key)
        assert meta(html, "og:image")[0].startswith("http://testserver/")
    html = client.get(article.url).content.decode()
    assert meta(html, "og:title") == [article.seo_title or article.title]
    assert meta(html, "og:locale") == [
        {"en": "en_GB", "cs": "cs_CZ", "sk": "sk_SK", "pl": "pl_PL", "hu": "hu_HU", "hr": "hr_HR", "tr": "tr_TR"}[lang]
    ]
    assert len(meta(html, "og:locale:alternate")) == 6
    assert meta(html, "twitter:card") == ["summary_large_image"]


def test_sharing_image_exists(client):
    from django.contrib.staticfiles import finders

    assert finders.find("img/share.png") is not None


# --- Calendar links and feeds ---------------------------------------------------------


def test_seminar_offers_google_outlook_and_webcal_next_to_the_ics(client):
    seminar = factories.seminar(time_zone="Europe/Prague")

    html = client.get(seminar.url).content.decode()

    start = seminar.starts_at.astimezone(datetime.UTC)
    end = seminar.ends_at.astimezone(datetime.UTC)
    assert f"/calendar/seminars/{seminar.translation_key}.ics?language=en" in html
    assert f'href="webcal://testserver/calendar/seminars/{seminar.translation_key}.ics?language=en"' in html
    google = re.search(r'href="(https://calendar\.google\.com/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert f"dates={start:%Y%m%dT%H%M%SZ}%2F{end:%Y%m%dT%H%M%SZ}" in google
    assert "ctz=Europe%2FPrague" in google
    outlook = re.search(r'href="(https://outlook\.live\.com/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert f"startdt={start:%Y-%m-%dT%H%%3A%M%%3A%SZ}" in outlook


def test_seminar_list_explains_how_to_subscribe_with_its_filters(client):
    index = factories.seminar_index("cs")

    html = client.get(f"{index.url}?country=CZ&topic=FIN").content.decode()

    assert 'href="webcal://testserver/calendar/seminars.ics?country=CZ&amp;topic=FIN"' in html
    assert 'value="http://testserver/calendar/seminars.ics?country=CZ&amp;topic=FIN"' in html
    assert "Přihlásit k odběru v kalendáři" in html


def test_every_atom_feed_parses_without_bozo_and_names_an_author(client):
    article_in_every_language(1)
    article_in_every_language(2)
    for lang in LANGS:
        feed = feedparser.parse(client.get(f"{news_index(lang).url}feed/").content)
        assert feed.bozo == 0, (lang, feed.get("bozo_exception"))
        assert feed.feed.author == "Centramo"
        assert feed.feed.author_detail.href == "http://testserver/"
        assert len(feed.entries) == news_index(lang).get_children().live().count() == 2
        assert {entry.author for entry in feed.entries} == {"Centramo"}


# --- Sitemap ---------------------------------------------------------------------


def test_sitemap_lists_cluster_profiles_statistics_and_offers_in_every_language(client):
    mobility_factories.food_cluster()
    offer = mobility_factories.OfferFactory()
    hidden = mobility_factories.ClusterFactory(is_public=False)
    private = mobility_factories.OfferFactory(cluster=mobility_factories.PeerClusterFactory(is_public=False))
    closed = mobility_factories.OfferFactory(is_open=False)

    xml = client.get("/sitemap.xml").content.decode()

    for lang in LANGS:
        assert f"<loc>http://testserver{in_lang(lang, '/clusters/CZ-001/')}</loc>" in xml
        assert f"<loc>http://testserver{in_lang(lang, '/network-statistics/')}</loc>" in xml
    assert f"<loc>http://testserver/en/study-visits/{offer.pk}/</loc>" in xml
    assert f"/study-visits/{closed.pk}/" not in xml
    assert f"/study-visits/{private.pk}/" not in xml
    entry = xml.split("<loc>http://testserver/en/clusters/CZ-001/</loc>")[1].split("</url>")[0]
    alternates = dict(re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', entry))
    assert alternates == {
        **{lang: "http://testserver" + in_lang(lang, "/clusters/CZ-001/") for lang in LANGS},
        "x-default": "http://testserver/en/clusters/CZ-001/",
    }
    assert f"/clusters/{hidden.code}/" not in xml
