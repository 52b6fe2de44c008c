import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.mobility.factories import ClusterFactory

pytestmark = pytest.mark.django_db

DIRECTORY = {
    "en": "/en/clusters/",
    "cs": "/cs/klastry/",
    "sk": "/sk/klastre/",
    "pl": "/pl/klastry/",
    "hu": "/hu/klaszterek/",
    "hr": "/hr/klasteri/",
    "tr": "/tr/kumeler/",
}
OFFERS = {
    "en": "/en/study-visits/",
    "cs": "/cs/studijni-navstevy/",
    "sk": "/sk/studijne-navstevy/",
    "pl": "/pl/wizyty-studyjne/",
    "hu": "/hu/tanulmanyutak/",
    "hr": "/hr/studijski-posjeti/",
    "tr": "/tr/calisma-ziyaretleri/",
}
STATISTICS = {
    "en": "/en/network-statistics/",
    "cs": "/cs/statistiky-site/",
    "sk": "/sk/statistiky-siete/",
    "pl": "/pl/statystyki-sieci/",
    "hu": "/hu/halozati-statisztika/",
    "hr": "/hr/statistika-mreze/",
    "tr": "/tr/ag-istatistikleri/",
}
DASHBOARD = {
    "en": "/en/dashboard/",
    "cs": "/cs/prehled/",
    "sk": "/sk/prehlad/",
    "pl": "/pl/panel/",
    "hu": "/hu/iranyitopult/",
    "hr": "/hr/nadzorna-ploca/",
    "tr": "/tr/pano/",
}
PEERS = {
    "en": "/en/peers/",
    "cs": "/cs/partneri/",
    "sk": "/sk/partneri/",
    "pl": "/pl/partnerzy/",
    "hu": "/hu/partnerek/",
    "hr": "/hr/partneri/",
    "tr": "/tr/partnerler/",
}


def reversed_in(lang, name, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    ("name", "paths"),
    [
        ("mobility:directory", DIRECTORY),
        ("mobility:statistics", STATISTICS),
        ("visits:offers", OFFERS),
        ("dashboard", DASHBOARD),
        ("visits:peers", PEERS),
    ],
)
def test_each_language_reverses_to_its_own_segment(name, paths):
    assert {lang: reversed_in(lang, name) for lang in paths} == paths


def test_nested_segments_are_translated():
    assert [
        reversed_in("cs", "mobility:results_print", code="CZ-001"),
        reversed_in("pl", "visits:booking_transition", pk=3, action="accept"),
        reversed_in("hu", "mobility:request_membership"),
        reversed_in("tr", "stories:start", pk=4),
    ] == [
        "/cs/klastry/CZ-001/vysledky/tisk/",
        "/pl/wizyty-studyjne/rezerwacje/3/accept/",
        "/hu/klasztereim/kerelem/",
        "/tr/calisma-ziyaretleri/raporlar/4/hikaye/",
    ]


@pytest.mark.parametrize("lang", ["cs", "sk", "pl", "hu", "hr", "tr"])
def test_translated_directory_answers(client, lang):
    assert client.get(DIRECTORY[lang]).status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/cs/clusters/", "/cs/klastry/"),
        ("/pl/study-visits/", "/pl/wizyty-studyjne/"),
        ("/hu/network-statistics/", "/hu/halozati-statisztika/"),
        ("/tr/clusters/CZ-001/", "/tr/kumeler/CZ-001/"),
        ("/hr/dashboard/", "/hr/nadzorna-ploca/"),
    ],
)
def test_english_segments_redirect_permanently(client, old, new):
    response = client.get(old)

    assert (response.status_code, response["Location"]) == (301, new)


def test_redirect_keeps_the_query_string(client):
    response = client.get("/sk/clusters/?country=CZ")

    assert (response.status_code, response["Location"]) == (301, "/sk/klastre/?country=CZ")


def test_unknown_paths_still_answer_404(client):
    assert [client.get("/cs/no-such-thing/").status_code, client.get("/cs/klastry/XX-999/").status_code] == [
        404,
        404,
    ]


def test_language_switcher_lands_on_the_translated_url(client):
    cluster = ClusterFactory()

    html = client.get(f"/cs/klastry/{cluster.code}/").content.decode()

    switcher = dict(re.findall(r'<li><a href="([^"]+)" hreflang="([\w-]+)"', html))
    assert sorted(switcher) == sorted(f"{path}{cluster.code}/" for path in DIRECTORY.values())
