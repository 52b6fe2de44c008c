"""A peer's match score tells a visitor nothing about the host's level (DESIGN.md 4.3 and 8).

A graded score would: with a single red weak point, a yellow host scored 50 and
a green one 100. Two hosts that differ only in yellow versus green there must
get the same number, the same explanation and an order that does not depend on
which of them is green.
"""

import re
from html import unescape

import pytest

from mobility.matching import GREEN, RED, YELLOW, Candidate, Contribution, Network
from tests.mobility import factories
from tests.mobility.factories import G, R, Y

INDICATORS = ["FIN.1", "FIN.2", "GOV.1", "SRV.1"]


def _host(code, level):
    return Candidate(code=code, levels=bytes([level, GREEN, RED, RED]), country="AT", languages=frozenset({"de"}))


def _shown(match):
    """Everything of a match a visitor may be shown, apart from who the host is."""
    return (match.score, match.bonus, match.total, match.reasons, match.contributions, match.offer_topics)


@pytest.mark.parametrize(("first", "second"), [(YELLOW, GREEN), (GREEN, YELLOW)])
def test_yellow_and_green_host_on_the_single_weak_point_rank_alike(first, second):
    visitor = Candidate(code="CZ-001", levels=bytes([RED, GREEN, GREEN, GREEN]), languages=frozenset({"cs"}))
    network = Network(INDICATORS, [visitor, _host("AT-001", first), _host("AT-002", second)])

    matches = network.rank(visitor)

    assert [match.code for match in matches] == ["AT-001", "AT-002"]
    assert _shown(matches[0]) == _shown(matches[1])
    assert _shown(matches[0]) == (100, 0, 100, (), (Contribution(index=0, indicator="FIN.1", visitor_level=RED),), ())


def test_dimension_filter_shows_the_same_for_yellow_and_green():
    visitor = Candidate(code="CZ-001", levels=bytes([RED, GREEN, GREEN, GREEN]))
    network = Network(INDICATORS, [visitor, _host("AT-001", GREEN), _host("AT-002", YELLOW)])

    matches = network.rank(visitor, indicators={0})

    assert [(match.code, match.score) for match in matches] == [("AT-001", 100), ("AT-002", 100)]


def _peer_cards(html):
    """(code, score line, explanation) of each peer, in the page's order."""
    cards = re.findall(
        r'<p class="card__meta">[^<]*· (VT-[A-Z0-9]+)</p>.*?<p class="peer__score">(.*?)</p>'
        r'.*?<ul class="peer__why">(.*?)</ul>',
        html,
        flags=re.DOTALL,
    )
    return [
        (code, unescape(score).strip(), [unescape(line) for line in re.findall(r"<li>(.*?)</li>", why)])
        for code, score, why in cards
    ]


def _visitor_and_two_hosts(first, second):
    """A visitor whose only weak point is FIN.2 (red) and two hosts alike but for their FIN.2 level.

    Both hosts earn every bonus (offer, language, sector), so that they lead the
    dashboard's short lists.
    """
    alike = {"country": "AT", "sector": "Privacy testing", "languages": ["de"]}
    visitor = factories.PeerClusterFactory(
        country="CZ", sector="Privacy testing", languages=["de"], ratings={"FIN.2": R}
    )
    hosts = [
        factories.PeerClusterFactory(code="VT-HOSTA", ratings={"FIN.2": first}, **alike),
        factories.PeerClusterFactory(code="VT-HOSTB", ratings={"FIN.2": second}, **alike),
    ]
    for host in hosts:
        factories.OfferFactory(cluster=host, topics=["FIN.2"])
    return visitor, hosts


WHY = [
    "Can help with: Share of private funding — yours is red",
    "They have an open study-visit offer on one of your weak points.",
    "You have a language in common.",
    "They work in the same sector.",
]


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "second"), [(Y, G), (G, Y)])
def test_peers_page_shows_the_same_number_and_explanation_for_yellow_and_green(client, first, second):
    visitor, _hosts = _visitor_and_two_hosts(first, second)
    client.force_login(factories.manager(visitor))

    html = client.get("/en/peers/", {"country": "AT"}).content.decode()

    assert _peer_cards(html) == [
        ("VT-HOSTA", "Match score: 120", WHY),
        ("VT-HOSTB", "Match score: 120", WHY),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "second"), [(Y, G), (G, Y)])
def test_dashboard_recommends_yellow_and_green_hosts_alike(client, first, second):
    visitor, hosts = _visitor_and_two_hosts(first, second)
    client.force_login(factories.manager(visitor))

    [plan] = client.get("/en/dashboard/").context["plans"]

    assert [(rec.item, [str(line) for line in rec.why]) for rec in plan.peers][:2] == [
        (hosts[0], WHY),
        (hosts[1], WHY),
    ]
