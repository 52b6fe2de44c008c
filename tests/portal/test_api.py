"""The open data API (/api/v1/) tested as a client uses it: real HTTP requests through the
WSGI app, the schema it publishes, and every operation fuzzed by schemathesis."""

import datetime
import json

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale

from mobility.models import Indicator, StudyVisitOffer
from tests.content.factories import translate
from tests.helpers import add_news, in_lang, news_index
from tests.mobility import factories as mobility_factories
from tests.mobility.factories import G, R, Y
from tests.training import factories
from training.models import SeminarPage
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db

# Nothing the public API sends or describes may be named like a cluster's confidential data.
FORBIDDEN = ("rating", "score", "value", "level", "benchmark_result")

ENDPOINTS = [
    "/api/v1/clusters/",
    "/api/v1/seminars/",
    "/api/v1/study-visit-offers/",
    "/api/v1/statistics/",
    "/api/v1/statistics/latest/",
    "/api/v1/indicators/",
    "/api/v1/pages/",
]


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def keys_in(data):
    if isinstance(data, dict):
        for key, item in data.items():
            yield key
            yield from keys_in(item)
    elif isinstance(data, list):
        for item in data:
            yield from keys_in(item)


def forbidden_names(names):
    return sorted({name for name in names if any(word in name.lower() for word in FORBIDDEN)})


def ostrava_seminar(lang="en"):
    english = SeminarPage.objects.get(locale__language_code="en", title="Financing cluster management: Ostrava seminar")
    return SeminarPage.objects.get(locale__language_code=lang, translation_key=english.translation_key)


@pytest.fixture
def seminar_in_ostrava():
    """A Czech-language seminar in Ostrava on FIN.2 and FIN.5, written in English and translated into Czech,
    with one of its 25 places taken."""
    topics = Indicator.objects.filter(code__in=["FIN.2", "FIN.5"]).order_by("code")
    english = factories.seminar(
        lang="en",
        title="Financing cluster management: Ostrava seminar",
        time_zone="Europe/Prague",
        language="cs",
        country="CZ",
        venue_name="Technology Park Ostrava",
        address="Technologická 372, 708 00 Ostrava",
        capacity=25,
        topics=topics,
    )
    factories.seminar(
        lang="cs", translation_of=english, title="Financování managementu klastru: seminář v Ostravě", topics=topics
    )
    register_for_seminar(seminar=english, user=factories.UserFactory())
    return english


def statistics_editions():
    """Edition 2014: five Czech clusters all yellow, five Slovak ones all green and one Austrian one all red
    (so Austria is too small a group and Czechia, the next smallest, is hidden with it); edition 2016 is newer."""
    edition = mobility_factories.EditionFactory(name="2014", date=datetime.date(2014, 6, 1))
    for country, rating, number in (("CZ", Y, 5), ("SK", G, 5), ("AT", R, 1)):
        for _ in range(number):
            mobility_factories.ResultFactory(
                cluster=mobility_factories.ClusterFactory(country=country), edition=edition, default=rating
            )
    newer = mobility_factories.EditionFactory(name="2016", date=datetime.date(2016, 6, 1))
    for _ in range(5):
        mobility_factories.ResultFactory(
            cluster=mobility_factories.ClusterFactory(country="PL"), edition=newer, default=G
        )
    return edition


# --- Schema and documentation ---------------------------------------------------------------


def test_schema_is_openapi_3_and_lists_every_operation(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert sorted(schema["paths"]) == [
        "/api/v1/clusters/",
        "/api/v1/clusters/{code}/",
        "/api/v1/indicators/",
        "/api/v1/pages/",
        "/api/v1/pages/{id}/",
        "/api/v1/seminars/",
        "/api/v1/seminars/{translation_key}/",
        "/api/v1/statistics/",
        "/api/v1/statistics/latest/",
        "/api/v1/statistics/{edition}/",
        "/api/v1/study-visit-offers/",
        "/api/v1/study-visit-offers/{id}/",
    ]
    assert {method for path in schema["paths"].values() for method in path} == {"get"}


def test_schema_names_no_confidential_property_or_parameter(client):
    schema = json.loads(client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content)

    properties = [
        name for component in schema["components"]["schemas"].values() for name in component.get("properties", {})
    ]
    parameters = [
        parameter["name"]
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
    ]
    assert len(properties) > 50
    assert forbidden_names(properties) == []
    assert forbidden_names(parameters) == []


def test_every_public_response_is_free_of_confidential_fields(client):
    cluster = mobility_factories.food_cluster(ratings={"FIN.2": R, "GOV.5": Y, "SRV.1": G})
    mobility_factories.LabelFactory(cluster=cluster, level="gold")
    offer = mobility_factories.OfferFactory()
    statistics_editions()
    seminar = factories.seminar(lang="en")
    news = add_news(news_index("en"), 1)
    urls = ENDPOINTS + [
        "/api/v1/clusters/CZ-001/",
        f"/api/v1/seminars/{seminar.translation_key}/",
        f"/api/v1/study-visit-offers/{offer.pk}/",
        "/api/v1/statistics/2014/",
        f"/api/v1/pages/{news.pk}/",
        f"/api/v1/pages/{factories.material().pk}/",
        f"/api/v1/pages/{seminar.pk}/",
    ]
    for url in urls:
        for lang in ("en", "cs"):
            data = get(client, url, lang=lang)
            assert forbidden_names(keys_in(data)) == [], url


def test_docs_page_is_served_from_our_static_files_without_inline_code(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/static/css/api-docs.css" in html
    assert "<style" not in html
    assert "<script>" not in html
    assert "cdn" not in html.lower()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"] == "application/javascript"
    assert "/api/v1/schema/" in script.content.decode()


# --- Caching, CORS, rate limit, language --------------------------------------------------


def test_answers_carry_etag_and_public_cache_control_and_honour_if_none_match(client):
    first = client.get("/api/v1/indicators/")

    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["Content-Language"] == "en"
    again = client.get("/api/v1/indicators/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    czech = client.get("/api/v1/indicators/", {"lang": "cs"})
    assert czech["ETag"] != first["ETag"]
    assert czech["Content-Language"] == "cs"


def test_cors_allows_any_origin_to_read_the_api_only(client):
    api = client.get("/api/v1/indicators/", HTTP_ORIGIN="https://partner.example")
    preflight = client.options(
        "/api/v1/indicators/", HTTP_ORIGIN="https://partner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    page = client.get("/en/clusters/", HTTP_ORIGIN="https://partner.example")

    assert api["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Origin" not in page


def test_the_api_is_read_only(client):
    assert client.post("/api/v1/clusters/", {}).status_code == 405
    assert client.delete("/api/v1/clusters/CZ-001/").status_code == 405


def test_rate_limit_per_client_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = "3/min"

    statuses = [client.get("/api/v1/indicators/").status_code for _ in range(4)]
    other_client = client.get("/api/v1/indicators/", REMOTE_ADDR="192.0.2.7")

    assert statuses == [200, 200, 200, 429]
    assert client.get("/api/v1/indicators/")["Retry-After"] == "60"
    assert other_client.status_code == 200


def test_unknown_language_gets_a_clear_message(client):
    response = client.get("/api/v1/clusters/", {"lang": "de"})

    assert response.status_code == 400
    assert response.json() == {"lang": ["Unknown language. Use one of: en, cs, sk, pl, hu, hr, tr."]}


def test_bad_filter_gets_400_naming_the_field(client):
    response = client.get("/api/v1/seminars/", {"starts_after": "31.12.2026"})

    assert response.status_code == 400
    assert list(response.json()) == ["starts_after"]


# Requests schemathesis found accepted although the schema forbids them (CI, check ST201).
@pytest.mark.parametrize(
    ("query", "answer"),
    [
        (
            "page=&language=&host=0&country=AA&starts_after=2000-02-01",
            {"page": ["Give a whole number from 1 up."]},
        ),
        ("page=", {"page": ["Give a whole number from 1 up."]}),
        ("page=0", {"page": ["Give a whole number from 1 up."]}),
        ("page=last", {"page": ["Give a whole number from 1 up."]}),
        ("page=%202", {"page": ["Give a whole number from 1 up."]}),
        ("page_size=%EF%BC%95", {"page_size": ["Give a whole number from 1 to 100."]}),
        ("country=%20AT", {"country": ["This value does not match the required pattern."]}),
        (
            "starts_after=20000201",
            {"starts_after": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]},
        ),
    ],
)
def test_offer_filters_refuse_what_the_schema_refuses(client, query, answer):
    response = client.get(f"/api/v1/study-visit-offers/?{query}")

    assert (response.status_code, response.json()) == (400, answer)


def test_empty_filters_mean_any_and_unknown_values_match_nothing(client):
    mobility_factories.OfferFactory()
    mobility_factories.OfferFactory(languages=["pl"], topics=["GOV.5"])
    everything = get(client, "/api/v1/study-visit-offers/")["count"]

    assert get(client, "/api/v1/study-visit-offers/?language=&host=&country=&topic=")["count"] == everything
    assert everything == 2
    assert get(client, "/api/v1/study-visit-offers/?host=0&country=AA&starts_after=2000-02-01") == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_page_past_the_last_is_404(client):
    for page in ("999", "9" * 5000):
        response = client.get("/api/v1/study-visit-offers/", {"page": page})

        assert (response.status_code, response.json()) == (404, {"detail": "Invalid page."})


def test_label_valid_is_true_or_false_only(client):
    response = client.get("/api/v1/clusters/", {"label_valid": "yes"})

    assert (response.status_code, response.json()) == (400, {"label_valid": ["Must be a valid boolean."]})


def test_pages_offset_past_the_database_integers_is_400_not_500(client):
    response = client.get("/api/v1/pages/", {"type": "training.SeminarPage", "offset": "9999999999999999999"})

    assert (response.status_code, response.json()) == (
        400,
        {"message": "offset must be a whole number from 0 to 1000000000."},
    )
    assert client.get("/api/v1/pages/", {"offset": "1000000000"}).json()["items"] == []


# --- Exact content of each endpoint for a known record in two languages ---------------------


@pytest.mark.parametrize(
    ("lang", "description"),
    [
        ("en", "Farmers, food processors, the Czech University of Life Sciences and regional schools working"),
        ("cs", "Zemědělci, zpracovatelé potravin, Česká zemědělská univerzita a regionální školy spolupracují"),
    ],
)
def test_cluster_profile_in_two_languages(client, lang, description):
    cluster = mobility_factories.food_cluster()
    mobility_factories.LabelFactory(
        cluster=cluster, level="bronze", awarded_on=datetime.date(2020, 3, 1), valid_until=datetime.date(2021, 3, 1)
    )
    label = mobility_factories.LabelFactory(
        cluster=cluster, level="silver", awarded_on=timezone.localdate() - datetime.timedelta(days=30)
    )

    data = get(client, "/api/v1/clusters/CZ-001/", lang=lang)

    assert data["description"].startswith(description)
    fields = ("code", "name", "country", "region", "region_code", "sector", "sector_code", "url")
    assert {key: data[key] for key in fields} == {
        "code": "CZ-001",
        "name": "Bohemian Food Cluster",
        "country": {"code": "CZ", "name": {"en": "Czechia", "cs": "Česko"}[lang]},
        "region": {"en": "Central Bohemian Region", "cs": "Středočeský kraj"}[lang],
        "region_code": "central-bohemian-region",
        "sector": {"en": "Food and agriculture", "cs": "Potraviny a zemědělství"}[lang],
        "sector_code": "food-and-agriculture",
        "url": "http://testserver" + in_lang(lang, "/clusters/CZ-001/"),
    }
    assert data["current_label"] == {
        "kind": "silver",
        "name": {"en": "Silver", "cs": "Stříbrná"}[lang],
        "awarded_on": label.awarded_on.isoformat(),
        "valid_until": label.valid_until.isoformat(),
        "is_valid": True,
    }


def test_cluster_list_filters_like_the_directory(client):
    austrian = mobility_factories.ClusterFactory(country="AT", name="Alpine Cluster", sector="Tourism")
    mobility_factories.LabelFactory(
        cluster=austrian, level="gold", awarded_on=datetime.date(2020, 1, 1), valid_until=datetime.date(2021, 1, 1)
    )
    mobility_factories.ClusterFactory(country="AT", name="Danube Cluster", sector="Logistics")

    every = get(client, "/api/v1/clusters/", country="AT")
    gold = get(client, "/api/v1/clusters/", country="AT", label="gold")
    valid = get(client, "/api/v1/clusters/", country="AT", label_valid="true")
    sector = get(client, "/api/v1/clusters/", country="AT", sector="logistics")
    # v1 took the sector's text before sectors had codes; a name still works, in any letter case.
    named = get(client, "/api/v1/clusters/", country="AT", sector="LOGISTICS")

    assert [item["name"] for item in every["results"]] == ["Alpine Cluster", "Danube Cluster"]
    assert every["count"] == 2
    assert [item["name"] for item in gold["results"]] == ["Alpine Cluster"]
    assert valid["results"] == []
    assert [item["name"] for item in sector["results"]] == ["Danube Cluster"]
    assert [item["name"] for item in named["results"]] == ["Danube Cluster"]


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Financing cluster management: Ostrava seminar"), ("cs", None)],
)
def test_seminar_in_two_languages_with_its_one_set_of_facts(client, seminar_in_ostrava, lang, title):
    page = ostrava_seminar(lang)
    title = title or page.title

    data = get(client, f"/api/v1/seminars/{page.translation_key}/", lang=lang)

    assert data == {
        "id": str(page.translation_key),
        "title": title,
        "summary": page.summary,
        "text_language": lang,
        "url": page.get_full_url(),
        "starts_at": page.starts_at.astimezone(page.zone).isoformat(),
        "ends_at": page.ends_at.astimezone(page.zone).isoformat(),
        "time_zone": "Europe/Prague",
        "language": "cs",
        "country": {"code": "CZ", "name": {"en": "Czechia", "cs": "Česko"}[lang]},
        "venue_name": "Technology Park Ostrava",
        "address": "Technologická 372, 708 00 Ostrava",
        "online_url": "",
        "capacity": 25,
        "places_left": 24,
        "is_cancelled": False,
        "topics": [
            {"code": "FIN.2", "name": Indicator.objects.get(code="FIN.2").name if lang == "en" else czech("FIN.2")},
            {"code": "FIN.5", "name": Indicator.objects.get(code="FIN.5").name if lang == "en" else czech("FIN.5")},
        ],
        "calendar_url": f"http://testserver/calendar/seminars/{page.translation_key}.ics?language={lang}",
    }
    assert title != ostrava_seminar("en").title or lang == "en"
    assert (
        title
        == {
            "en": "Financing cluster management: Ostrava seminar",
            "cs": "Financování managementu klastru: seminář v Ostravě",
        }[lang]
    )


def czech(code):
    return Indicator.objects.values_list("name_cs", flat=True).get(code=code)


def test_seminar_without_translation_falls_back_and_says_so(client):
    english_only = factories.seminar(lang="en", country="AT", title="Vienna seminar")

    data = get(client, "/api/v1/seminars/", country="AT", lang="tr")

    assert [(item["title"], item["text_language"]) for item in data["results"]] == [("Vienna seminar", "en")]
    assert data["results"][0]["id"] == str(english_only.translation_key)


def test_seminar_list_filters_like_the_seminar_pages(client):
    topic = Indicator.objects.get(code="SRV.2")
    soon = factories.seminar(country="AT", language="hu", days_ahead=5, topics=[topic])
    later = factories.seminar(country="AT", language="pl", days_ahead=40)
    past = factories.seminar(country="AT", language="hu", days_ahead=-40)

    def titles(**params):
        return [item["title"] for item in get(client, "/api/v1/seminars/", country="AT", **params)["results"]]

    in_two_weeks = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    assert titles() == [soon.title, later.title]
    assert titles(when="past") == [past.title]
    assert titles(when="all", language="hu") == [past.title, soon.title]
    assert titles(topic="SRV.2") == [soon.title]
    assert titles(topic="SRV") == [soon.title]
    assert titles(starts_before=in_two_weeks) == [soon.title]
    assert titles(starts_after=in_two_weeks) == [later.title]
    assert titles(topic="NOPE") == []


@pytest.mark.parametrize(("lang", "title"), [("en", "A visit to our kitchens"), ("cs", "Návštěva našich kuchyní")])
def test_offer_in_two_languages(client, lang, title):
    host = mobility_factories.food_cluster()
    offer = StudyVisitOffer.objects.create(
        cluster=host,
        title_en="A visit to our kitchens",
        title_cs="Návštěva našich kuchyní",
        programme_en="Day one: the kitchens.",
        starts_on=timezone.localdate() + datetime.timedelta(days=30),
        ends_on=timezone.localdate() + datetime.timedelta(days=31),
        place="Prague",
        places=6,
        languages=["cs", "en"],
        request_deadline=timezone.localdate() + datetime.timedelta(days=20),
    )
    offer.topics.set([Indicator.objects.get(code="FIN.2")])

    data = get(client, f"/api/v1/study-visit-offers/{offer.pk}/", lang=lang)

    assert data == {
        "id": offer.pk,
        "title": title,
        "programme": "Day one: the kitchens.",
        "host": {
            "code": "CZ-001",
            "name": "Bohemian Food Cluster",
            "country": {"code": "CZ", "name": data["host"]["country"]["name"]},
        },
        "starts_on": offer.starts_on.isoformat(),
        "ends_on": offer.ends_on.isoformat(),
        "place": "Prague",
        "places": 6,
        "languages": ["cs", "en"],
        "topics": [
            {"code": "FIN.2", "name": Indicator.objects.get(code="FIN.2").name if lang == "en" else czech("FIN.2")}
        ],
        "request_deadline": offer.request_deadline.isoformat(),
        "url": "http://testserver" + in_lang(lang, f"/study-visits/{offer.pk}/"),
    }
    assert data["host"]["country"]["name"] == {"en": "Czechia", "cs": "Česko"}[lang]
    listed = get(client, "/api/v1/study-visit-offers/", host="CZ-001", topic="FIN.2", lang=lang)
    assert [item["id"] for item in listed["results"]] == [offer.pk]


def test_closed_offer_is_not_public(client):
    offer = mobility_factories.OfferFactory()
    assert client.get(f"/api/v1/study-visit-offers/{offer.pk}/").status_code == 200
    offer.is_open = False
    offer.save()

    assert client.get(f"/api/v1/study-visit-offers/{offer.pk}/").status_code == 404


@pytest.mark.parametrize(("lang", "name"), [("en", "Cluster management and governance"), ("cs", None)])
def test_indicator_set_in_two_languages(client, lang, name):
    from mobility.models import Dimension

    governance = Dimension.objects.get(code="GOV")

    data = get(client, "/api/v1/indicators/", lang=lang)

    assert [item["code"] for item in data] == ["STR", "GOV", "FIN", "SRV", "COM", "ACH"]
    gov = data[1]
    assert gov["name"] == (name or governance.name_cs)
    assert gov["name"] != governance.name_en or lang == "en"
    assert [indicator["code"] for indicator in gov["indicators"]] == [f"GOV.{n}" for n in range(1, 8)]
    assert gov["indicators"][0]["name"] == (
        "Maturity of the cluster organisation" if lang == "en" else Indicator.objects.get(code="GOV.1").name_cs
    )


@pytest.mark.parametrize("lang", ["en", "cs"])
def test_statistics_match_the_statistics_page_with_suppression(client, lang):
    from mobility.queries import network_statistics

    edition = statistics_editions()
    expected = network_statistics(edition=edition)

    data = get(client, "/api/v1/statistics/2014/", lang=lang)

    assert data["edition"] == "2014"
    assert data["clusters"] == expected["clusters"] == 11
    assert data["minimum_group_size"] == 5
    first = data["dimensions"][0]
    overall = expected["dimensions"][0]["overall"]
    assert (overall["clusters"], overall["red"], overall["yellow"], overall["green"]) == (11, 9.1, 45.5, 45.5)
    assert first["overall"] == {
        "country": None,
        "clusters": overall["clusters"],
        "suppressed": False,
        "red_percent": overall["red"],
        "yellow_percent": overall["yellow"],
        "green_percent": overall["green"],
    }
    # Austria (one cluster) is too small; Czechia, the next smallest, is hidden with it.
    assert [group["suppressed"] for group in first["by_country"]] == [True, True, False]
    shown = first["by_country"][2]
    assert (shown["clusters"], shown["red_percent"], shown["yellow_percent"], shown["green_percent"]) == (5, 0, 0, 100)
    for group, source in zip(first["by_country"], expected["dimensions"][0]["by_country"], strict=True):
        assert group["suppressed"] == source["suppressed"]
        if source["suppressed"]:
            assert (group["red_percent"], group["yellow_percent"], group["green_percent"]) == (None, None, None)
    newest = get(client, "/api/v1/statistics/")[0]["name"]
    assert newest == "2016"
    assert get(client, "/api/v1/statistics/latest/", lang=lang) == get(
        client, f"/api/v1/statistics/{newest}/", lang=lang
    )


def test_small_groups_are_suppressed(client):
    edition = mobility_factories.EditionFactory(name="2031", date=datetime.date(2031, 1, 1))
    for _ in range(4):
        mobility_factories.ResultFactory(
            cluster=mobility_factories.ClusterFactory(country="AT"), edition=edition, default=1
        )

    data = get(client, "/api/v1/statistics/2031/")

    # Four clusters are too few: neither their count nor their shares are shown.
    assert data["clusters"] is None
    assert data["dimensions"][0]["overall"] == {
        "country": None,
        "clusters": None,
        "suppressed": True,
        "red_percent": None,
        "yellow_percent": None,
        "green_percent": None,
    }


@pytest.mark.parametrize("lang", ["en", "cs"])
def test_pages_listing_shows_each_article_once_in_the_language_asked_for(client, lang):
    english = news_index("en")
    translate(add_news(english, 1), lang="cs", title="Článek 1")
    add_news(english, 901)

    data = get(client, "/api/v1/pages/", type="content.NewsPage", lang=lang, limit=50)

    titles = [item["title"] for item in data["items"]]
    assert sorted(titles) == {"en": ["Article 1", "Article 901"], "cs": ["Article 901", "Článek 1"]}[lang]
    assert data["meta"]["total_count"] == len(titles)
    assert {item["meta"]["locale"] for item in data["items"]} == ({lang, "en"} if lang != "en" else {"en"})


def test_page_detail_shows_the_fields_of_its_type(client):
    news = add_news(news_index("cs"), 902)

    data = get(client, f"/api/v1/pages/{news.pk}/")

    assert data["title"] == "Article 902"
    assert data["summary"] == "Summary 902"
    assert data["date"] == news.date.isoformat()
    assert data["meta"]["type"] == "content.NewsPage"
    assert data["meta"]["locale"] == "cs"
    assert data["meta"]["html_url"] == news.get_full_url()


def test_pages_api_hides_other_page_types(client):
    from content.models import HomePage

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))

    assert client.get(f"/api/v1/pages/{home.pk}/").status_code == 404
    assert client.get("/api/v1/pages/", {"type": "content.HomePage"}).status_code == 400


# --- Query counts flat in data size --------------------------------------------------------


def _count(client, url, django_assert_num_queries, expected_items, **params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # A first visit fills what every later request shares (site paths, routes).
    get(client, url, **params)
    with CaptureQueriesContext(connection) as queries:
        data = get(client, url, **params)
    items = data["results"] if "results" in data else data["items"]
    assert len(items) == expected_items
    return len(queries)


def test_cluster_list_queries_do_not_grow(client, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            made = mobility_factories.ClusterFactory(country="AT")
            mobility_factories.LabelFactory(
                cluster=made, awarded_on=datetime.date(2025, 1, 1), valid_until=datetime.date(2027, 1, 1)
            )

    add(1)
    one = _count(client, "/api/v1/clusters/", django_assert_num_queries, 1, country="AT")
    add(29)
    cache.clear()
    thirty = _count(client, "/api/v1/clusters/", django_assert_num_queries, 30, country="AT", page_size=50)
    assert one == thirty


def test_seminar_list_queries_do_not_grow(client):
    topic = Indicator.objects.get(code="FIN.2")
    factories.seminar(country="AT", topics=[topic])
    one = _count(client, "/api/v1/seminars/", None, 1, country="AT", lang="cs")
    for _ in range(29):
        factories.seminar(country="AT", topics=[topic])
    cache.clear()
    thirty = _count(client, "/api/v1/seminars/", None, 30, country="AT", lang="cs", page_size=50)
    assert one == thirty


def test_offer_list_queries_do_not_grow(client):
    host = mobility_factories.ClusterFactory(country="AT")

    def add(n):
        for number in range(n):
            offer = StudyVisitOffer.objects.create(
                cluster=host,
                title_en=f"Visit {number}",
                programme_en="Programme",
                starts_on=timezone.localdate() + datetime.timedelta(days=30),
                ends_on=timezone.localdate() + datetime.timedelta(days=31),
                place="Vienna",
                places=5,
                languages=["en"],
                request_deadline=timezone.localdate() + datetime.timedelta(days=20),
            )
            offer.topics.set(Indicator.objects.filter(code__in=["FIN.2", "GOV.5"]))

    add(1)
    one = _count(client, "/api/v1/study-visit-offers/", None, 1, country="AT")
    add(29)
    cache.clear()
    thirty = _count(client, "/api/v1/study-visit-offers/", None, 30, country="AT", page_size=50)
    assert one == thirty


def test_pages_list_queries_do_not_grow(client):
    index = news_index("en")
    add_news(index, 1001)
    one = _count(client, "/api/v1/pages/", None, 1, type="content.NewsPage", limit=50)
    for number in range(1002, 1031):
        add_news(index, number)
    cache.clear()
    thirty = _count(client, "/api/v1/pages/", None, 30, type="content.NewsPage", limit=50)
    assert one == thirty


# --- Every operation of the schema, fuzzed ----------------------------------------------


def _published_schema():
    """The schema /api/v1/schema/ serves, built without a request (no database needed at collection)."""
    generator = SchemaGenerator(patterns=None)
    loaded = schemathesis.openapi.from_dict(
        json.loads(json.dumps(generator.get_schema(request=None, public=True), default=str))
    )
    loaded.app = get_wsgi_application()
    return loaded


schema = _published_schema()


@pytest.fixture(autouse=True)
def _wsgi_app_inside_the_test_transaction(request, settings):
    """Like Django's test client: keep the test's database connection open between requests."""
    if request.node.originalname != "test_every_operation_conforms_to_the_schema":
        yield
        return
    settings.API_RATE_LIMIT = "1000000/min"
    # Something in every list, so the fuzzer reads real objects and not only empty pages.
    statistics_editions()
    mobility_factories.OfferFactory(cluster=mobility_factories.food_cluster(ratings={"FIN.2": R}))
    request.getfixturevalue("seminar_in_ostrava")
    translate(add_news(news_index("en"), 1), lang="cs", title="Článek 1")
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=100,
    # The same examples on every run, so CI and a developer see the same result.
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_conforms_to_the_schema(case):
    # The in-process client does not undo gzip/brotli, which the site rightly applies.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
