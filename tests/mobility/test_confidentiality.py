"""No host's rating reaches a visitor (DESIGN.md 4.3): the peers page with every filter, the dashboard and the
study-visit e-mails, rendered for two managers from a network of hosts that did and did not agree to be matched."""

import re
from html import unescape

import pytest

from mobility.models import Dimension, Indicator
from mobility.queries import consenting_cluster_ids
from mobility.visits import queries as visit_queries
from mobility.visits.services import accept_booking, cancel_booking, decline_booking, request_visit
from portal.models import User
from tests.mobility import factories
from tests.mobility.factories import G, R, Y

pytestmark = pytest.mark.django_db

MANAGERS = {"manager.cz@centramo.example": "CZ-001", "manager.sk@centramo.example": "SK-001"}
COLOURS = re.compile(r"\b(red|yellow|green|theirs)\b|rating--|light--", re.IGNORECASE)
# The visitor's own ratings may be named, only in these phrases.
OWN_RATING = re.compile(r"(yours is|where your cluster is) (red|yellow)")


def _blocks(html, pattern):
    return [unescape(block) for block in re.findall(pattern, html, flags=re.DOTALL)]


def _without_indicator_names(text):
    # "Digital and green transition support" is an indicator's name, not a rating.
    for name in Indicator.objects.values_list("name_en", flat=True):
        text = text.replace(name, "")
    return text


def assert_no_host_rating(texts):
    for text in texts:
        leftover = OWN_RATING.sub("", _without_indicator_names(text))
        assert COLOURS.findall(leftover) == [], text


# The hosts that agreed to be matched (each strong where the visitors are weak) and two that did not.
CONSENTING_HOSTS = {
    "CZ-002": ("CZ", ["cs", "en"]),
    "PL-001": ("PL", ["pl", "en"]),
    "HU-001": ("HU", ["hu"]),
    "HR-001": ("HR", ["hr", "en"]),
    "TR-001": ("TR", ["tr", "en"]),
}
REFUSING_HOSTS = {"PL-004": ("PL", ["pl", "en"]), "HU-004": ("HU", ["hu", "en"])}


@pytest.fixture
def network():
    """The two managers' clusters (weak on FIN.2 and GOV.5) and the hosts they may or may not be shown."""
    for email, code in MANAGERS.items():
        visitor = factories.PeerClusterFactory(
            code=code, country=code[:2], languages=["en"], ratings={"FIN.2": R, "GOV.5": Y, "SRV.1": G}
        )
        factories.manager(visitor, email=email)
    for hosts, consent in ((CONSENTING_HOSTS, True), (REFUSING_HOSTS, False)):
        for number, (code, (country, languages)) in enumerate(hosts.items()):
            factories.PeerClusterFactory(
                code=code,
                country=country,
                languages=languages,
                consent=consent,
                ratings={"FIN.2": G, "GOV.5": G, "SRV.1": (G, Y)[number % 2]},
            )


def peer_blocks(html):
    """What the page says about each peer: its explanation, reasons and score."""
    return _blocks(html, r'<ul class="peer__why">(.*?)</ul>') + _blocks(html, r'<p class="peer__score">(.*?)</p>')


@pytest.mark.parametrize("email", list(MANAGERS))
def test_peers_page_with_every_filter_names_no_host_rating(client, network, email):
    client.force_login(User.objects.get(email=email))
    countries, _sectors, languages = visit_queries.peer_facets()
    queries = [{}] + [{"country": code} for code in countries] + [{"language": code} for code in languages]
    queries += [{"dimension": code} for code in Dimension.objects.values_list("code", flat=True)]
    shown = set()
    for query in queries:
        response = client.get("/en/peers/", query)
        assert response.status_code == 200
        html = response.content.decode()
        assert "theirs" not in html
        blocks = peer_blocks(html)
        assert len(blocks) == 2 * len(response.context["peers"])
        assert_no_host_rating(blocks)
        shown |= {peer.cluster.code for peer in response.context["peers"]}

    # Every peer was rendered and each of them agreed to be matched.
    cluster = User.objects.get(email=email).cluster_memberships.get().cluster
    every = {peer.cluster.code for peer in visit_queries.peers_for(cluster=cluster, limit=None)}
    assert shown == every
    assert every == set(CONSENTING_HOSTS)


@pytest.mark.parametrize("email", list(MANAGERS))
def test_dashboard_names_no_host_rating(client, network, email):
    client.force_login(User.objects.get(email=email))

    response = client.get("/en/dashboard/")

    html = response.content.decode()
    assert "theirs" not in html
    assert " is green on " not in html
    peers = [rec for plan in response.context["plans"] for rec in plan.peers]
    assert [plan.score.indicator.code for plan in response.context["plans"]] == ["FIN.2", "GOV.5"]
    assert len(peers) == 3 * len(response.context["plans"])
    assert {rec.item.pk for rec in peers} <= consenting_cluster_ids()
    assert_no_host_rating(_blocks(html, r'<span class="why">(.*?)</span>'))


def test_story_of_a_cluster_without_consent_never_names_it_as_strong(client):
    from tests.helpers import add_story, practice_index

    visitor = factories.PeerClusterFactory(country="CZ", ratings={"FIN.2": R, "GOV.5": Y})
    refusing = factories.PeerClusterFactory(
        name="Quiet Strong Cluster", country="AT", ratings={"FIN.2": G}, consent=False
    )
    agreeing = factories.PeerClusterFactory(name="Open Strong Cluster", country="AT", ratings={"GOV.5": G})
    quiet = add_story(practice_index(), 9101, cluster=refusing)
    told = add_story(practice_index(), 9102, cluster=agreeing)
    client.force_login(factories.manager(visitor))

    plans = client.get("/en/dashboard/").context["plans"]

    stories = {(plan.score.indicator.code, rec.item.pk): str(rec.why) for plan in plans for rec in plan.stories}
    assert (("FIN.2", quiet.pk) in stories) is False
    assert stories[("GOV.5", told.pk)] == (
        "Told by Open Strong Cluster, a peer that can help with Documented strategy, where your cluster is yellow."
    )


def test_study_visit_emails_name_no_rating(mailoutbox, django_capture_on_commit_callbacks):
    visitor, visitor_manager, host, host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host, topics=["FIN.2", "GOV.5"])
    focus = list(Indicator.objects.filter(code__in=["FIN.2", "GOV.5"]))

    with django_capture_on_commit_callbacks(execute=True):
        first = request_visit(
            offer=offer, cluster=visitor, by=visitor_manager, participants=2, focus_indicators=focus, message=""
        )
        accept_booking(booking=first, by=host_manager)
        cancel_booking(booking=first, by=visitor_manager)
        second = request_visit(
            offer=offer, cluster=visitor, by=visitor_manager, participants=1, focus_indicators=focus, message=""
        )
        decline_booking(booking=second, by=host_manager)

    # request, acceptance, the cancellation to both sides, request, refusal
    assert len(mailoutbox) == 6
    for message in mailoutbox:
        assert_no_host_rating([message.subject, message.body])
