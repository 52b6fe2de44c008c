"""Peer matching (DESIGN.md 4.3) on small hand-made networks; no database."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from mobility import matching
from mobility.matching import (
    GREEN,
    LANGUAGE_BONUS,
    MISSING,
    OFFER_BONUS,
    REASON_LANGUAGE,
    REASON_OFFER,
    REASON_SECTOR,
    RED,
    SECTOR_BONUS,
    YELLOW,
    Candidate,
    Contribution,
    Network,
    weak_points,
)
from mobility.models import ClusterMembership, Dimension, Indicator, MembershipRole, MembershipStatus
from mobility.visits import phrases
from mobility.visits import queries as visit_queries
from mobility.visits.bench import run, synthetic_network
from tests.mobility import factories
from tests.mobility.factories import G, R, Y

INDICATORS = ["FIN.1", "FIN.2", "GOV.1", "SRV.1"]


def cluster(code, levels, **fields):
    return Candidate(code=code, levels=bytes(levels), **fields)


def ranked(network, visitor, **options):
    return [(match.code, match.score, match.bonus) for match in network.rank(visitor, **options)]


VISITOR = cluster("CZ-001", [RED, YELLOW, GREEN, GREEN], country="CZ")


def test_weak_points_reds_first_then_yellows():
    points = weak_points(bytes([YELLOW, RED, GREEN, RED]), INDICATORS)

    assert [(point.indicator, point.weight) for point in points] == [("FIN.2", 2), ("SRV.1", 2), ("FIN.1", 1)]


def test_rank_scores_weighted_help_normalised_to_100():
    # Weak points: FIN.1 red (weight 2), FIN.2 yellow (weight 1): best = 3, whatever the host's level.
    perfect = cluster("PL-001", [GREEN, GREEN, RED, RED])
    red_to_yellow = cluster("PL-002", [YELLOW, YELLOW, GREEN, GREEN])  # FIN.1 only: 2 of 3
    yellow_only = cluster("PL-003", [RED, GREEN, GREEN, GREEN])  # FIN.2 only: 1 of 3
    network = Network(INDICATORS, [VISITOR, perfect, red_to_yellow, yellow_only])

    assert ranked(network, VISITOR) == [("PL-001", 100, 0), ("PL-002", 67, 0), ("PL-003", 33, 0)]


def test_rank_rounds_half_up():
    indicators = [f"X.{number}" for number in range(8)]
    visitor = cluster("CZ-001", [YELLOW] * 6 + [RED, GREEN])  # best = 6 * 1 + 2 = 8
    host = cluster("PL-001", [GREEN] + [YELLOW] * 5 + [RED, RED])  # 1 of 8 = 12.5 -> 13
    network = Network(indicators, [visitor, host])

    assert ranked(network, visitor) == [("PL-001", 13, 0)]


def test_rank_ties_ordered_by_cluster_code():
    hosts = [cluster(code, [GREEN, GREEN, RED, RED]) for code in ("SK-002", "HU-001", "SK-001")]
    network = Network(INDICATORS, [VISITOR, *hosts])

    assert ranked(network, VISITOR) == [("HU-001", 100, 0), ("SK-001", 100, 0), ("SK-002", 100, 0)]


def test_rank_visitor_without_weak_points_has_no_matches():
    strong = cluster("CZ-002", [GREEN, GREEN, GREEN, GREEN])
    network = Network(INDICATORS, [strong, cluster("PL-001", [GREEN, GREEN, GREEN, GREEN])])

    assert network.rank(strong) == []


def test_rank_host_without_result_is_no_candidate_and_unscored_indicator_does_not_help():
    unscored = cluster("PL-001", [MISSING, GREEN, MISSING, MISSING])
    network = Network(INDICATORS, [VISITOR, unscored])

    [match] = network.rank(VISITOR)

    # Only FIN.2 (yellow -> green, 1 of 3 points) counts; a cluster without any result never enters the network.
    assert (match.code, match.score) == ("PL-001", 33)
    assert match.contributions == (Contribution(index=1, indicator="FIN.2", visitor_level=YELLOW),)


def test_rank_excludes_hosts_that_help_nowhere_even_with_bonuses():
    weaker = cluster("PL-001", [RED, YELLOW, RED, RED], languages=frozenset({"cs"}), offer_topics=frozenset({0}))
    visitor = cluster("CZ-001", [RED, YELLOW, GREEN, GREEN], languages=frozenset({"cs"}))
    network = Network(INDICATORS, [visitor, weaker])

    assert network.rank(visitor) == []


def test_rank_never_matches_the_visitor_itself():
    network = Network(INDICATORS, [VISITOR, cluster("PL-001", [GREEN, GREEN, GREEN, GREEN])])

    assert [match.code for match in network.rank(VISITOR)] == ["PL-001"]


def test_rank_bonuses_documented_points_and_reasons():
    visitor = cluster(
        "CZ-001", [RED, YELLOW, GREEN, GREEN], country="CZ", sector="Food", languages=frozenset({"cs", "en"})
    )
    offer = cluster("PL-001", [YELLOW, RED, RED, RED], offer_topics=frozenset({0}))  # 2 of 3 = 67
    offer_elsewhere = cluster("PL-002", [YELLOW, RED, RED, RED], offer_topics=frozenset({3}))
    language = cluster("SK-001", [YELLOW, RED, RED, RED], languages=frozenset({"en", "sk"}))
    sector = cluster("HU-001", [YELLOW, RED, RED, RED], sector=" food ")
    everything = cluster(
        "HR-001",
        [YELLOW, RED, RED, RED],
        sector="Food",
        languages=frozenset({"cs"}),
        offer_topics=frozenset({0, 1}),
    )
    network = Network(INDICATORS, [visitor, offer, offer_elsewhere, language, sector, everything])

    matches = network.rank(visitor)

    assert [(match.code, match.score, match.bonus, match.total) for match in matches] == [
        ("HR-001", 67, OFFER_BONUS + LANGUAGE_BONUS + SECTOR_BONUS, 87),
        ("PL-001", 67, OFFER_BONUS, 77),
        ("HU-001", 67, SECTOR_BONUS, 72),
        ("SK-001", 67, LANGUAGE_BONUS, 72),
        ("PL-002", 67, 0, 67),
    ]
    assert matches[0].reasons == (REASON_OFFER, REASON_LANGUAGE, REASON_SECTOR)
    assert matches[0].offer_topics == ("FIN.1", "FIN.2")
    assert matches[0].common_languages == ("cs",)
    assert matches[3].common_languages == ("en",)


def test_rank_bonus_can_outrank_a_better_helper():
    visitor = cluster("CZ-001", [RED, RED, RED, YELLOW], languages=frozenset({"cs"}))  # best = 2 + 2 + 2 + 1 = 7
    helper = cluster("PL-001", [YELLOW, GREEN, RED, GREEN])  # 2 + 2 + 1 = 5 of 7 = 71
    speaker = cluster("SK-001", [YELLOW, GREEN, RED, RED], languages=frozenset({"cs"}))  # 4 of 7 = 57, + 5
    host = cluster("SK-002", [YELLOW, GREEN, RED, RED], languages=frozenset({"cs"}), offer_topics=frozenset({0}))

    network = Network(INDICATORS, [visitor, helper, speaker, host])

    assert ranked(network, visitor) == [("SK-002", 57, 15), ("PL-001", 71, 0), ("SK-001", 57, 5)]


def test_rank_same_country_setting():
    same = cluster("CZ-002", [GREEN, GREEN, GREEN, GREEN], country="CZ")
    other = cluster("SK-001", [YELLOW, GREEN, GREEN, GREEN], country="SK")

    included = Network(INDICATORS, [VISITOR, same, other])
    excluded = Network(INDICATORS, [VISITOR, same, other], include_same_country=False)

    assert [match.code for match in included.rank(VISITOR)] == ["CZ-002", "SK-001"]
    assert [match.code for match in excluded.rank(VISITOR)] == ["SK-001"]
    assert [match.code for match in excluded.rank(VISITOR, include_same_country=True)] == ["CZ-002", "SK-001"]


def test_rank_explains_weak_points_chosen_by_the_visitors_levels_only():
    visitor = cluster("CZ-001", [YELLOW, RED, RED, RED])
    # FIN.2 is where this host is weakest, yet it is named first: the host's levels never order the explanation.
    host = cluster("PL-001", [GREEN, YELLOW, GREEN, GREEN])
    network = Network(INDICATORS, [visitor, host])

    [match] = network.rank(visitor)

    assert [(item.indicator, item.visitor_level) for item in match.contributions] == [
        ("FIN.2", RED),
        ("GOV.1", RED),
        ("SRV.1", RED),
    ]
    assert match.contributions[0] == Contribution(index=1, indicator="FIN.2", visitor_level=RED)


def test_rank_match_carries_no_host_level():
    fields = set(Contribution.__dataclass_fields__) | set(matching.Match.__dataclass_fields__)

    assert fields == {
        "index",
        "indicator",
        "visitor_level",
        "code",
        "key",
        "score",
        "bonus",
        "reasons",
        "contributions",
        "offer_topics",
        "common_languages",
    }


def test_rank_filters_hosts_and_weak_points():
    hosts = [
        cluster("PL-001", [GREEN, RED, RED, RED], country="PL", sector="ICT", languages=frozenset({"pl"})),
        cluster("SK-001", [RED, GREEN, RED, RED], country="SK", sector="Food", languages=frozenset({"sk", "en"})),
        cluster("SK-002", [GREEN, GREEN, RED, RED], country="SK", sector="ICT", languages=frozenset({"sk"})),
    ]
    network = Network(INDICATORS, [VISITOR, *hosts])

    assert [match.code for match in network.rank(VISITOR, countries=["SK"])] == ["SK-002", "SK-001"]
    assert [match.code for match in network.rank(VISITOR, sectors=["ict"])] == ["SK-002", "PL-001"]
    assert [match.code for match in network.rank(VISITOR, languages=["en", "pl"])] == ["PL-001", "SK-001"]
    assert [match.code for match in network.rank(VISITOR, countries=["SK"], languages=["en"])] == ["SK-001"]
    # Only hosts that help on FIN.2 remain (PL-001 does not); the score still counts every weak point.
    assert ranked(network, VISITOR, indicators={1}) == [("SK-002", 100, 0), ("SK-001", 33, 0)]
    assert [item.indicator for item in network.rank(VISITOR, indicators={1})[0].contributions] == ["FIN.2", "FIN.1"]


def test_rank_weak_point_filter_never_changes_a_score():
    # One weak point per dimension filter would give away the host's level there if the score followed the filter.
    visitor = cluster("CZ-001", [RED, RED, GREEN, GREEN])
    yellow_there = cluster("PL-001", [YELLOW, GREEN, RED, RED])
    green_there = cluster("PL-002", [GREEN, YELLOW, RED, RED])
    network = Network(INDICATORS, [visitor, yellow_there, green_there])

    unfiltered = ranked(network, visitor)
    only_fin1 = ranked(network, visitor, indicators={0})

    assert unfiltered == [("PL-001", 100, 0), ("PL-002", 100, 0)]
    assert only_fin1 == unfiltered
    assert ranked(network, visitor, indicators={2, 3}) == []


def test_rank_limit():
    hosts = [cluster(f"PL-{number:03d}", [GREEN, GREEN, GREEN, GREEN]) for number in range(30)]
    network = Network(INDICATORS, [VISITOR, *hosts])

    assert [match.code for match in network.rank(VISITOR, limit=3)] == ["PL-000", "PL-001", "PL-002"]
    assert len(network.rank(VISITOR, limit=None)) == 30


def test_rank_visitor_outside_the_network():
    outsider = cluster("XX-001", [RED, RED, RED, RED])
    network = Network(INDICATORS, [cluster("PL-001", [GREEN, YELLOW, RED, RED])])

    assert ranked(network, outsider) == [("PL-001", 50, 0)]


def test_network_with_many_indicators_uses_wide_slots():
    indicators = [f"X.{number}" for number in range(100)]
    visitor = cluster("CZ-001", [RED] * 100)
    host = cluster("PL-001", [GREEN] * 100)
    half = cluster("PL-002", [GREEN] * 50 + [RED] * 50, languages=frozenset({"pl"}))
    network = Network(indicators, [visitor, host, half])

    assert ranked(network, visitor) == [("PL-001", 100, 0), ("PL-002", 50, 0)]


def test_bench_network_matches_brute_force_ranking():
    network = synthetic_network(clusters=300, indicators=12, seed=7)
    visitor = network.candidates[5]
    points = weak_points(visitor.levels, network.indicators)
    best = sum(point.weight for point in points)

    expected = []
    for host in network.candidates:
        raw = sum(point.weight for point in points if MISSING != host.levels[point.index] > point.level)
        if host is visitor or raw == 0:
            continue
        bonus = (
            OFFER_BONUS * any(point.index in host.offer_topics for point in points)
            + LANGUAGE_BONUS * bool(visitor.languages & host.languages)
            + SECTOR_BONUS * (visitor.sector == host.sector)
        )
        expected.append((-(round(100 * raw / best + 1e-9) + bonus), host.code))

    assert [match.code for match in network.rank(visitor, limit=20)] == [code for _total, code in sorted(expected)[:20]]


def test_bench_run_prints_the_median():
    out = io.StringIO()

    run(out)

    assert out.getvalue().startswith("Peer matching: median ")
    assert "among 10,000 clusters x 36 indicators" in out.getvalue()


# --- From the database: matching_data, peers_for and the "Find peers" page ----------


def _codes(peers):
    return [peer.cluster.code for peer in peers]


@pytest.mark.django_db
def test_peers_for_ranks_hosts_from_their_latest_result():
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": Y})
    best = factories.PeerClusterFactory(code="VT-B", country="AT", ratings={"FIN.2": G, "GOV.5": G})
    partial = factories.PeerClusterFactory(code="VT-P", country="AT", ratings={"FIN.2": Y, "GOV.5": Y})
    lapsed = factories.PeerClusterFactory(code="VT-L", country="AT", ratings={"FIN.2": G, "GOV.5": G}, edition="V-2020")
    factories.ResultFactory(
        cluster=lapsed,
        ratings={"FIN.2": R, "GOV.5": R},
        edition=factories.EditionFactory(name="V-2030", date=datetime.date(2100, 1, 1)),
    )

    peers = visit_queries.peers_for(cluster=visitor, countries=["AT"])

    assert [(peer.cluster.code, peer.match.score) for peer in peers] == [("VT-B", 100), ("VT-P", 67)]
    assert peers[0].cluster == best
    assert partial.code == "VT-P"


@pytest.mark.django_db
def test_peers_for_leaves_out_private_clusters_and_clusters_without_result():
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R})
    factories.PeerClusterFactory(code="VT-PRIV", country="AT", ratings={"FIN.2": G}, is_public=False)
    factories.PeerClusterFactory(code="VT-NONE", country="AT")
    public = factories.PeerClusterFactory(code="VT-PUB", country="AT", ratings={"FIN.2": G})

    assert _codes(visit_queries.peers_for(cluster=visitor, countries=["AT"])) == [public.code]


@pytest.mark.django_db
def test_peers_for_cluster_without_result_or_weak_points_is_empty():
    factories.PeerClusterFactory(country="AT", ratings={"FIN.2": G})

    assert visit_queries.peers_for(cluster=factories.PeerClusterFactory(country="CZ")) == []
    assert visit_queries.peers_for(cluster=factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": G})) == []


@pytest.mark.django_db
def test_peers_for_same_country_setting(settings):
    visitor = factories.PeerClusterFactory(country="AT", ratings={"FIN.2": R})
    factories.PeerClusterFactory(code="VT-AT", country="AT", ratings={"FIN.2": G})

    settings.MATCHING_INCLUDE_SAME_COUNTRY = True
    assert _codes(visit_queries.peers_for(cluster=visitor, countries=["AT"])) == ["VT-AT"]
    settings.MATCHING_INCLUDE_SAME_COUNTRY = False
    assert _codes(visit_queries.peers_for(cluster=visitor, countries=["AT"])) == []


@pytest.mark.django_db
def test_peers_for_open_offer_on_weak_point_earns_bonus_and_is_listed():
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": R})
    open_host = factories.PeerClusterFactory(code="VT-O1", country="AT", languages=["de"], ratings={"FIN.2": G})
    closed_host = factories.PeerClusterFactory(code="VT-O2", country="AT", languages=["de"], ratings={"FIN.2": G})
    late_host = factories.PeerClusterFactory(code="VT-O3", country="AT", languages=["de"], ratings={"FIN.2": G})
    elsewhere = factories.PeerClusterFactory(code="VT-O4", country="AT", languages=["de"], ratings={"FIN.2": G})
    offer = factories.OfferFactory(cluster=open_host, topics=["GOV.5"])
    factories.OfferFactory(cluster=closed_host, topics=["FIN.2"], is_open=False)
    factories.OfferFactory(cluster=late_host, topics=["FIN.2"], deadline_in=-1)
    factories.OfferFactory(cluster=elsewhere, topics=["SRV.1"])

    peers = visit_queries.peers_for(cluster=visitor, countries=["AT"])

    assert [(peer.cluster.code, peer.match.bonus) for peer in peers] == [
        ("VT-O1", matching.OFFER_BONUS),
        ("VT-O2", 0),
        ("VT-O3", 0),
        ("VT-O4", 0),
    ]
    assert peers[0].offers == [offer]
    assert [str(reason) for reason in peers[0].reasons] == [str(phrases.REASON_TEXT[matching.REASON_OFFER])]
    assert [len(peer.offers) for peer in peers] == [1, 0, 0, 1]


@pytest.mark.django_db
def test_peers_for_dimension_keeps_hosts_that_help_there_with_their_whole_score():
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": R})
    factories.PeerClusterFactory(code="VT-FIN", country="AT", ratings={"FIN.2": G})
    factories.PeerClusterFactory(code="VT-GOV", country="AT", ratings={"GOV.5": G, "FIN.2": Y})

    governance = Dimension.objects.get(code="GOV")
    peers = visit_queries.peers_for(cluster=visitor, countries=["AT"], dimension=governance)

    assert [(peer.cluster.code, peer.match.score) for peer in peers] == [("VT-GOV", 100)]
    assert [str(line) for line in peers[0].explanations] == [
        "Can help with: Documented strategy — yours is red; Share of private funding — yours is red"
    ]


@pytest.mark.django_db
def test_peers_explanation_in_the_users_language():
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R})
    factories.PeerClusterFactory(country="AT", ratings={"FIN.2": G})
    fin2 = Indicator.objects.get(code="FIN.2")

    with translation.override("cs"):
        [peer] = visit_queries.peers_for(cluster=visitor, countries=["AT"])
        text = str(peer.explanations[0])

    assert fin2.name_cs != fin2.name_en
    assert text == f"Může pomoci s: {fin2.name_cs} — váš klastr: červený"


def _peers_url(**query):
    return reverse("visits:peers") + ("?" + urlencode(query) if query else "")


@pytest.mark.django_db
def test_peers_page_manager_sees_ranked_peers_with_links(client):
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": Y})
    host = factories.PeerClusterFactory(code="VT-HOST", name="Alpine Host Cluster", country="AT", ratings={"FIN.2": G})
    offer = factories.OfferFactory(cluster=host, topics=["FIN.2"])
    client.force_login(factories.manager(visitor))

    response = client.get(_peers_url(country="AT"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Alpine Host Cluster" in html
    assert f'href="{reverse("mobility:cluster", args=[host.code])}"' in html
    assert f'href="{reverse("visits:offer", args=[offer.pk])}"' in html
    assert "Can help with: Share of private funding — yours is red" in html
    assert "theirs" not in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_peers_page_anonymous_is_sent_to_login(client):
    response = client.get(_peers_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_peers_page_user_without_cluster_gets_404(client):
    client.force_login(factories.UserFactory())

    assert client.get(_peers_url()).status_code == 404


@pytest.mark.django_db
def test_peers_page_requested_or_declined_manager_gets_404(client):
    cluster = factories.PeerClusterFactory(ratings={"FIN.2": R})
    client.force_login(factories.manager(cluster, status=MembershipStatus.REQUESTED))

    assert client.get(_peers_url()).status_code == 404


@pytest.mark.django_db
def test_peers_page_manager_cannot_pick_another_cluster(client):
    mine = factories.PeerClusterFactory(ratings={"FIN.2": R})
    other = factories.PeerClusterFactory(ratings={"FIN.2": R})
    client.force_login(factories.manager(mine))

    assert client.get(_peers_url(cluster=other.code)).status_code == 404
    assert client.get(_peers_url(cluster=mine.code)).status_code == 200


@pytest.mark.django_db
def test_peers_page_manager_of_several_picks_one(client):
    first = factories.PeerClusterFactory(name="AAA visits first", ratings={"FIN.2": R})
    second = factories.PeerClusterFactory(name="AAB visits second", ratings={"GOV.5": R})
    account = factories.manager(first)
    ClusterMembership.objects.create(
        cluster=second, user=account, role=MembershipRole.MANAGER, status=MembershipStatus.APPROVED
    )
    client.force_login(account)

    response = client.get(_peers_url(cluster=second.code))

    assert response.context["cluster"] == second
    assert client.get(_peers_url()).context["cluster"] == first


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analyst", "superuser"])
def test_peers_page_analyst_and_superuser_may_view_any_cluster(client, role):
    cluster = factories.PeerClusterFactory(ratings={"FIN.2": R})
    client.force_login(factories.AnalystFactory() if role == "analyst" else factories.UserFactory(role="admin"))

    response = client.get(_peers_url(cluster=cluster.code))

    assert response.status_code == 200
    assert response.context["cluster"] == cluster


@pytest.mark.django_db
def test_peers_page_bad_filter_is_ignored_with_message_not_500(client):
    cluster = factories.PeerClusterFactory(ratings={"FIN.2": R})
    client.force_login(factories.manager(cluster))

    response = client.get(_peers_url(dimension="NOPE", country="??"))

    assert response.status_code == 200
    assert response.context["form"].errors


def _peers_queries(client, django_assert_num_queries, hosts):
    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": R})
    for _number in range(hosts):
        host = factories.PeerClusterFactory(country="AT", ratings={"FIN.2": G, "GOV.5": Y})
        factories.OfferFactory(cluster=host, topics=["FIN.2", "GOV.5"])
    client.force_login(factories.manager(visitor))
    client.get(_peers_url(country="AT"))  # builds the shared network once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_peers_url(country="AT"))
    assert response.status_code == 200
    assert len(response.context["peers"]) == min(hosts, 10)
    return len(queries)


@pytest.mark.django_db
def test_peers_page_query_count_does_not_grow(client, django_assert_num_queries):
    one = _peers_queries(client, django_assert_num_queries, 1)
    many = _peers_queries(client, django_assert_num_queries, 30)

    assert one == many
