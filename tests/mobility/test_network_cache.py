import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mobility import network_cache, queries
from mobility.importing import import_benchmark_file
from mobility.models import Cluster, Indicator
from tests.mobility import factories
from tests.mobility.factories import G, R

pytestmark = pytest.mark.django_db


def test_network_is_built_once_and_reused(django_assert_num_queries):
    first = network_cache.matching_data()

    with django_assert_num_queries(0):
        again = network_cache.matching_data()

    assert again is first


def test_network_is_rebuilt_after_an_import():
    before = network_cache.matching_data()
    codes = list(Indicator.objects.order_by("dimension__position", "position").values_list("code", flat=True))
    rows = "".join(f"NC-001,Network Cache Cluster,CZ,Energy,NC-2040,2040-01-01,{code},green\n" for code in codes)
    data = ("cluster_code,cluster_name,country,sector,edition,benchmarked_on,indicator,rating\n" + rows).encode()

    plan, _summary = import_benchmark_file(data, filename="network.csv")

    assert plan.errors == []
    after = network_cache.matching_data()
    # A new cluster has not consented to host, but is matched as a visitor at once.
    new = Cluster.objects.get(code="NC-001")
    assert before.candidates.get(new.pk) is None
    assert after.candidates[new.pk].levels == bytes([G] * len(codes))


def test_network_is_rebuilt_when_an_offer_changes():
    host = factories.PeerClusterFactory(code="NC-HOST", ratings={"FIN.2": G})
    assert network_cache.matching_data().network.candidate("NC-HOST").offer_topics == frozenset()

    offer = factories.OfferFactory(cluster=host, topics=["FIN.2"])

    data = network_cache.matching_data()
    position = [indicator.code for indicator in data.indicators].index("FIN.2")
    assert data.network.candidate("NC-HOST").offer_topics == frozenset({position})

    offer.is_open = False
    offer.save()

    assert network_cache.matching_data().network.candidate("NC-HOST").offer_topics == frozenset()


def test_invalidate_network_rebuilds_it():
    before = network_cache.matching_data()

    network_cache.invalidate_network()

    assert network_cache.matching_data() is not before


def _signed_in_queries(client, url, extra_clusters):
    for _number in range(extra_clusters):
        factories.PeerClusterFactory(country="AT", ratings={"FIN.2": G, "GOV.5": G})
    client.get(url)  # builds the shared network once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["visits:peers", "dashboard"])
def test_signed_in_page_queries_do_not_grow_with_the_network(client, name):
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": R})
    client.force_login(factories.manager(visitor))
    with translation.override("en"):
        url = reverse(name)

    small = _signed_in_queries(client, url, 1)
    large = _signed_in_queries(client, url, 30)

    assert small == large


def test_statistics_are_built_once_per_edition_and_rebuilt_after_an_import(django_assert_num_queries):
    latest = factories.EditionFactory(name="2014", date=datetime.date(2014, 6, 1))
    older = factories.EditionFactory(name="2012", date=datetime.date(2012, 6, 1))
    for number in range(6):
        cluster = factories.ClusterFactory()
        factories.ResultFactory(cluster=cluster, edition=latest, default=number % 3)
        factories.ResultFactory(cluster=cluster, edition=older, default=G)
    edition = queries.editions_with_results().first()
    assert edition == latest
    first = network_cache.network_statistics(edition=edition)

    with django_assert_num_queries(0):
        assert network_cache.network_statistics(edition=edition) == first

    codes = list(Indicator.objects.order_by("dimension__position", "position").values_list("code", flat=True))
    rows = "".join(f"NS-001,Statistics Cluster,CZ,Energy,{edition.name},,{code},red\n" for code in codes)
    data = ("cluster_code,cluster_name,country,sector,edition,benchmarked_on,indicator,rating\n" + rows).encode()
    plan, _summary = import_benchmark_file(data, filename="statistics.csv")

    assert plan.errors == []
    assert first["clusters"] == 6
    assert network_cache.network_statistics(edition=edition)["clusters"] == 7
