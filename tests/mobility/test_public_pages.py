import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from mobility.models import Cluster, Label
from tests.helpers import count_queries
from tests.mobility import factories

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"mobility:{name}", kwargs=kwargs)


def today():
    return timezone.localdate()


def test_directory_lists_public_clusters_in_every_language(client):
    for country in ("CZ", "SK", "TR"):
        factories.ClusterFactory(country=country)
    factories.ClusterFactory(is_public=False)
    for lang in ("en", "cs", "tr"):
        response = client.get(url("directory", lang))
        assert response.status_code == 200
        assert response.context["clusters"].paginator.count == 3
    assert url("directory", "cs") == "/cs/klastry/"


def test_directory_search_finds_by_name_and_code(client):
    factories.ClusterFactory(code="CZ-001", name="Bohemian Food Cluster")
    factories.ClusterFactory(code="CZ-002", name="Bohemian Glass Cluster")
    factories.ClusterFactory(code="SK-001", country="SK", name="Slovak Food Cluster")
    factories.ClusterFactory(code="SK-002", country="SK", name="Slovak Wood Cluster")
    response = client.get(url("directory"), {"q": "Bohemian Food"})
    assert [cluster.code for cluster in response.context["clusters"]] == ["CZ-001"]
    response = client.get(url("directory"), {"q": "sk-001"})
    assert [cluster.code for cluster in response.context["clusters"]] == ["SK-001"]


def test_directory_filters_by_country_and_sector(client):
    factories.ClusterFactory(code="HR-001", country="HR", name="Croatian Wood A", sector="Wood and furniture")
    factories.ClusterFactory(code="HR-002", country="HR", name="Croatian Wood B", sector="Wood and furniture")
    factories.ClusterFactory(code="HR-003", country="HR", name="Croatian Tourism", sector="Tourism")
    factories.ClusterFactory(code="SI-001", country="SI", name="Slovenian Wood", sector="Wood and furniture")
    response = client.get(url("directory"), {"country": "HR"})
    assert response.context["clusters"].paginator.count == 3
    response = client.get(url("directory"), {"country": "HR", "sector": "wood-and-furniture"})
    codes = [cluster.code for cluster in response.context["clusters"]]
    assert codes == ["HR-001", "HR-002"]
    assert all(Cluster.objects.get(code=code).sector.code == "wood-and-furniture" for code in codes)


def test_directory_filters_by_label_and_validity(client):
    valid = factories.ClusterFactory(name="Valid Label Cluster")
    expired = factories.ClusterFactory(name="Expired Label Cluster")
    factories.LabelFactory(
        cluster=valid, level="gold", awarded_on=today() - datetime.timedelta(days=10), valid_until=today()
    )
    factories.LabelFactory(
        cluster=expired, level="gold", awarded_on=datetime.date(2010, 1, 1), valid_until=datetime.date(2012, 1, 1)
    )
    response = client.get(url("directory"), {"label": "gold", "q": "Label Cluster"})
    assert [cluster.name for cluster in response.context["clusters"]] == [
        "Expired Label Cluster",
        "Valid Label Cluster",
    ]
    response = client.get(url("directory"), {"label": "gold", "valid": "on", "q": "Label Cluster"})
    assert [cluster.name for cluster in response.context["clusters"]] == ["Valid Label Cluster"]
    html = client.get(url("directory"), {"q": "Label Cluster"}).content.decode()
    assert "Gold label, expired on" in html
    assert "Gold label, valid until" in html


def test_directory_ignores_invalid_filters(client):
    factories.ClusterFactory(country="CZ")
    factories.ClusterFactory(country="PL")
    response = client.get(url("directory"), {"country": "XX", "label": "platinum", "page": "abc"})
    assert response.status_code == 200
    assert response.context["clusters"].paginator.count == 2


def test_directory_hides_private_clusters(client):
    factories.ClusterFactory(name="Hidden Zeta Cluster", is_public=False)
    response = client.get(url("directory"), {"q": "Hidden Zeta"})
    assert response.context["clusters"].paginator.count == 0
    hidden = Cluster.objects.get(name="Hidden Zeta Cluster")
    assert client.get(url("cluster", code=hidden.code)).status_code == 404


def test_directory_paginates(client):
    factories.ClusterFactory.create_batch(65)
    response = client.get(url("directory"), {"page": 3})
    assert response.context["clusters"].number == 3
    assert len(response.context["clusters"]) == 20
    assert response.context["clusters"].paginator.num_pages == 4


def test_directory_query_count_does_not_grow(client):
    factories.ClusterFactory(name="Omega Count 0")
    Label.objects.create(
        cluster=Cluster.objects.get(name="Omega Count 0"), level="bronze", awarded_on=today(), valid_until=today()
    )
    one = count_queries(client, url("directory") + "?q=Omega+Count")
    for number in range(1, 30):
        cluster = factories.ClusterFactory(name=f"Omega Count {number}")
        factories.LabelFactory(cluster=cluster, awarded_on=today(), valid_until=today())
    assert count_queries(client, url("directory") + "?q=Omega+Count") == one


def test_profile_shows_public_facts_and_no_scores(client):
    factories.ClusterFactory(
        code="CZ-001",
        name="Bohemian Food Cluster",
        sector="Food and agriculture",
        region="Central Bohemian Region",
        website="https://www.bohemian-food-cluster.example",
        ratings={"FIN.2": factories.R, "GOV.5": factories.Y, "SRV.1": factories.G},
    )
    html = client.get(url("cluster", code="CZ-001")).content.decode()
    assert "Bohemian Food Cluster" in html
    assert "Food and agriculture" in html
    assert "Central Bohemia" in html
    assert "https://www.bohemian-food-cluster.example" in html
    for word in ("red (needs", "yellow (good", "green (excellent", "Network median", "Weak points"):
        assert word not in html


def test_profile_description_is_translated_with_english_fallback(client):
    factories.ClusterFactory(
        code="CZ-001",
        description_en="Farmers, food processors and retailers of Central Bohemia.",
        description_cs="Zemědělci, zpracovatelé potravin a obchodníci ze Středních Čech.",
    )
    factories.ClusterFactory(
        code="SK-001", country="SK", description_en="Suppliers of the four car plants in Slovakia."
    )
    czech = client.get(url("cluster", "cs", code="CZ-001")).content.decode()
    assert "Zemědělci, zpracovatelé potravin" in czech
    polish_for_slovak_cluster = client.get(url("cluster", "pl", code="SK-001")).content.decode()
    assert "Suppliers of the four car plants" in polish_for_slovak_cluster


def test_profile_shows_expired_labels_as_expired(client):
    cluster = factories.ClusterFactory(name="Label History Cluster")
    factories.LabelFactory(cluster=cluster, awarded_on=datetime.date(2012, 1, 1), valid_until=datetime.date(2014, 1, 1))
    factories.LabelFactory(
        cluster=cluster, level="silver", awarded_on=today(), valid_until=today() + datetime.timedelta(days=700)
    )
    html = client.get(url("cluster", code=cluster.code)).content.decode()
    assert "Bronze label, expired on" in html
    assert "Silver label, valid until" in html


def test_profile_unknown_code_is_404(client):
    assert client.get(url("cluster", code="NOPE-1")).status_code == 404


def test_profile_query_count_does_not_grow_with_labels(client):
    cluster = factories.ClusterFactory(name="Many Labels")
    factories.LabelFactory(cluster=cluster, awarded_on=datetime.date(2000, 1, 1), valid_until=datetime.date(2002, 1, 1))
    one = count_queries(client, url("cluster", code=cluster.code))
    for year in range(2001, 2030):
        factories.LabelFactory(
            cluster=cluster, awarded_on=datetime.date(year, 1, 1), valid_until=datetime.date(year + 2, 1, 1)
        )
    assert count_queries(client, url("cluster", code=cluster.code)) == one


def test_statistics_shows_latest_edition_with_charts_and_tables(client):
    older = factories.EditionFactory(name="2012", date=datetime.date(2012, 6, 1))
    latest = factories.EditionFactory(name="2014", date=datetime.date(2014, 6, 1))
    factories.EditionFactory(name="2016", date=datetime.date(2016, 6, 1))  # no results yet
    for number in range(5):
        cluster = factories.ClusterFactory()
        factories.ResultFactory(cluster=cluster, edition=older, default=factories.R)
        factories.ResultFactory(cluster=cluster, edition=latest, default=number % 3)
    response = client.get(url("statistics"))
    assert response.context["edition"].name == "2014"
    html = response.content.decode()
    assert html.count('<svg class="chart"') == 6
    assert html.count("<table") == 6
    assert "Financing of cluster management" in html
    assert "All countries" in html


def test_statistics_shares_add_up(client):
    edition = factories.EditionFactory(name="2012", date=datetime.date(2012, 6, 1))
    # Two red, two yellow and three green clusters: 28.6 + 28.6 + 42.9 = 100.1 after rounding.
    for rating in (factories.R, factories.R, factories.Y, factories.Y, factories.G, factories.G, factories.G):
        factories.ResultFactory(cluster=factories.ClusterFactory(), edition=edition, default=rating)
    response = client.get(url("statistics_edition", edition="2012"))
    assert len(response.context["stats"]["dimensions"]) == 6
    for item in response.context["stats"]["dimensions"]:
        overall = item["overall"]
        assert overall["suppressed"] is False
        assert overall["clusters"] == 7
        assert (overall["red"], overall["yellow"], overall["green"]) == (28.6, 28.6, 42.9)
        assert abs(overall["red"] + overall["yellow"] + overall["green"] - 100) < 0.2


def _statistics(client, edition):
    response = client.get(url("statistics_edition", edition=edition))
    assert response.status_code == 200
    return response, response.context["stats"]["dimensions"]


def _by_country(dimension):
    return {group["key"]: group for group in dimension["by_country"]}


def test_statistics_suppresses_groups_under_five_and_shows_no_count_of_them(client):
    edition = factories.EditionFactory(name="Small")
    for _number in range(4):
        factories.ResultFactory(cluster=factories.ClusterFactory(country="DE"), edition=edition, default=2)
    for number in range(5):
        factories.ResultFactory(
            cluster=factories.ClusterFactory(country="AT"), edition=edition, default=0 if number < 2 else 1
        )
    response, dimensions = _statistics(client, "Small")
    for dimension in dimensions:
        # DE is too small; AT is hidden too, or "all countries" minus AT would give DE away.
        assert _by_country(dimension) == {
            "DE": {"key": "DE", "suppressed": True},
            "AT": {"key": "AT", "suppressed": True},
        }
        assert dimension["overall"]["clusters"] == 9
    html = response.content.decode()
    assert html.count("Not shown, so that no cluster can be recognised.") == 12
    for figure in ("100.0 %", "40.0 %", "60.0 %"):
        assert figure not in html


def _subtract(dimension):
    """The attacker's sum: "all countries" minus every shown country -> (clusters, hidden groups) of the rest."""
    shown = [group for group in dimension["by_country"] if not group["suppressed"]]
    hidden = [group["key"] for group in dimension["by_country"] if group["suppressed"]]
    return dimension["overall"]["clusters"] - sum(group["clusters"] for group in shown), hidden


def test_statistics_subtraction_never_exposes_a_single_small_group(client):
    edition = factories.EditionFactory(name="Subtract")
    for _number in range(5):
        factories.ResultFactory(cluster=factories.ClusterFactory(country="CZ"), edition=edition, default=1)
    austrian = factories.ClusterFactory(country="AT")
    factories.ResultFactory(cluster=austrian, edition=edition, default=2)
    response, dimensions = _statistics(client, "Subtract")

    assert len(dimensions) == 6
    for dimension in dimensions:
        assert dimension["overall"]["suppressed"] is False
        assert dimension["overall"]["clusters"] == 6
        assert _by_country(dimension) == {
            "AT": {"key": "AT", "suppressed": True},
            "CZ": {"key": "CZ", "suppressed": True},
        }
        # What the subtraction gives is the six clusters together, never the Austrian one alone.
        assert _subtract(dimension) == (6, ["AT", "CZ"])
    html = response.content.decode()
    # Neither the Austrian cluster's all-green nor the Czech all-yellow figures appear.
    assert "100.0 %" not in html
    assert "16.7 %" in html


def test_statistics_one_suppressed_group_takes_the_next_smallest_with_it(client):
    edition = factories.EditionFactory(name="Secondary")
    for country, size in (("AT", 2), ("CZ", 5), ("SK", 6), ("PL", 7)):
        for _number in range(size):
            factories.ResultFactory(cluster=factories.ClusterFactory(country=country), edition=edition, default=1)
    _response, dimensions = _statistics(client, "Secondary")

    for dimension in dimensions:
        groups = _by_country(dimension)
        assert sorted(key for key, group in groups.items() if group["suppressed"]) == ["AT", "CZ"]
        assert (groups["SK"]["clusters"], groups["PL"]["clusters"]) == (6, 7)
        assert _subtract(dimension) == (7, ["AT", "CZ"])


def test_suppressed_groups_rules():
    from mobility.queries import suppressed_groups

    assert suppressed_groups({"A": 7, "B": 8}) == set()
    assert suppressed_groups({"A": 3}) == {"A"}
    assert suppressed_groups({"A": 3, "B": 9, "C": 8}) == {"A", "C"}
    # Two small groups together still under five: the next-smallest joins them.
    assert suppressed_groups({"A": 1, "B": 2, "C": 9, "D": 10}) == {"A", "B", "C"}
    assert suppressed_groups({"A": 1, "B": 4, "C": 9}) == {"A", "B"}
    # Equal sizes: the code decides, so the page is the same every time.
    assert suppressed_groups({"A": 2, "C": 6, "B": 6}) == {"A", "B"}


def test_statistics_unknown_edition_is_404(client):
    assert client.get(url("statistics_edition", edition="1999")).status_code == 404


def test_statistics_query_count_does_not_grow(client):
    edition = factories.EditionFactory(name="Count")
    factories.ResultFactory(cluster=factories.ClusterFactory(), edition=edition, default=1)
    one = count_queries(client, url("statistics_edition", edition="Count"))
    for _number in range(29):
        factories.ResultFactory(cluster=factories.ClusterFactory(country="PL"), edition=edition, default=1)
    assert count_queries(client, url("statistics_edition", edition="Count")) == one


def test_public_pages_never_show_scores(client):
    factories.ClusterFactory(code="CZ-001", ratings={"FIN.2": factories.R, "GOV.5": factories.Y, "SRV.1": factories.G})
    for _number in range(5):
        factories.ClusterFactory(ratings={"FIN.2": factories.G})
    for page in (url("directory"), url("cluster", code="CZ-001"), url("statistics")):
        response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        assert not re.search(r"light--(red|yellow|green)", html)
        assert "results/" not in html


def test_profile_links_results_only_for_those_who_may_see_them(client):
    cluster = factories.ClusterFactory(name="Linked Cluster")
    results = url("results", code=cluster.code)
    assert results not in client.get(url("cluster", code=cluster.code)).content.decode()
    client.force_login(factories.UserFactory())
    assert results not in client.get(url("cluster", code=cluster.code)).content.decode()
    client.force_login(factories.manager(cluster))
    assert results in client.get(url("cluster", code=cluster.code)).content.decode()
    client.force_login(factories.UserFactory(role="analyst"))
    assert results in client.get(url("cluster", code=cluster.code)).content.decode()
