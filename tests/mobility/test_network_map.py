import re

import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import Cluster
from mobility.network_map import network_map

pytestmark = pytest.mark.django_db

MAP_LINK = re.compile(r'<a class="network-map__link" href="([^"]+)">\s*<title>([^<]+)</title>')


def test_map_counts_the_public_clusters_of_each_partner_country():
    Cluster.objects.filter(code="CZ-001").update(is_public=False)
    counts = {country.code: country.count for country in network_map().countries}
    assert counts == {"CZ": 11, "SK": 10, "PL": 10, "HU": 10, "HR": 9, "TR": 9}
    assert network_map().total == 59


@pytest.mark.parametrize(
    ("lang", "czech_title"),
    [("en", "Czechia: 12 clusters"), ("cs", "Česko: 12 klastrů"), ("pl", "Czechy: 12 klastrów")],
)
def test_home_map_links_each_country_to_the_filtered_directory(client, lang, czech_title):
    response = client.get(f"/{lang}/")
    links = {title: href for href, title in MAP_LINK.findall(response.content.decode())}
    with translation.override(lang):
        directory = reverse("mobility:directory")
    assert len(links) == 6
    assert links[czech_title] == f"{directory}?country=CZ"
    assert sorted(href.rsplit("=", 1)[1] for href in links.values()) == ["CZ", "HR", "HU", "PL", "SK", "TR"]


def test_directory_map_has_a_table_alternative(client):
    html = client.get("/en/clusters/").content.decode()
    row = r'<tr><th scope="row"><a href="/en/clusters/\?country=(\w\w)">([^<]+)</a></th><td>(\d+)</td>'
    rows = re.findall(row, html)
    assert sorted(rows) == [
        ("CZ", "Czechia", "12"),
        ("HR", "Croatia", "9"),
        ("HU", "Hungary", "10"),
        ("PL", "Poland", "10"),
        ("SK", "Slovakia", "10"),
        ("TR", "Türkiye", "9"),
    ]
