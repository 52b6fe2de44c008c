import re

import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import Cluster
from mobility.network_map import network_map
from tests.mobility import factories

pytestmark = pytest.mark.django_db

MAP_LINK = re.compile(r'<a class="network-map__link" href="([^"]+)">\s*<title>([^<]+)</title>')
# Public clusters per partner country: twelve Czech ones (the many-form plural in Czech and Polish).
PUBLIC = {"CZ": 12, "SK": 2, "PL": 3, "HU": 1, "HR": 4, "TR": 5}


@pytest.fixture
def partners():
    for country, count in PUBLIC.items():
        factories.ClusterFactory.create_batch(count, country=country)
        factories.ClusterFactory(country=country, is_public=False)


def test_map_counts_the_public_clusters_of_each_partner_country(partners):
    factories.ClusterFactory(code="CZ-001", country="CZ")
    Cluster.objects.filter(code="CZ-001").update(is_public=False)
    counts = {country.code: country.count for country in network_map().countries}
    assert counts == {"CZ": 12, "SK": 2, "PL": 3, "HU": 1, "HR": 4, "TR": 5}
    assert network_map().total == 27


@pytest.mark.parametrize(
    ("lang", "czech_title"),
    [("en", "Czechia: 12 clusters"), ("cs", "Česko: 12 klastrů"), ("pl", "Czechy: 12 klastrów")],
)
def test_home_map_links_each_country_to_the_filtered_directory(client, partners, lang, czech_title):
    response = client.get(f"/{lang}/")
    links = {title: href for href, title in MAP_LINK.findall(response.content.decode())}
    with translation.override(lang):
        directory = reverse("mobility:directory")
    assert len(links) == 6
    assert links[czech_title] == f"{directory}?country=CZ"
    assert sorted(href.rsplit("=", 1)[1] for href in links.values()) == ["CZ", "HR", "HU", "PL", "SK", "TR"]


def test_directory_map_has_a_table_alternative(client, partners):
    html = client.get("/en/clusters/").content.decode()
    row = r'<tr><th scope="row"><a href="/en/clusters/\?country=(\w\w)">([^<]+)</a></th><td>(\d+)</td>'
    rows = re.findall(row, html)
    assert sorted(rows) == [
        ("CZ", "Czechia", "12"),
        ("HR", "Croatia", "4"),
        ("HU", "Hungary", "1"),
        ("PL", "Poland", "3"),
        ("SK", "Slovakia", "2"),
        ("TR", "Türkiye", "5"),
    ]
