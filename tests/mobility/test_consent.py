"""Consent to be matched as a peer (DESIGN.md 4.3): who gives it, who records it, and what it changes at once."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mobility.models import MatchingConsent
from mobility.queries import consenting_cluster_ids
from mobility.services import set_matching_consent
from mobility.visits import queries as visit_queries
from tests.mobility import factories
from tests.mobility.factories import G, R, Y

pytestmark = pytest.mark.django_db

PEERS = "/en/peers/"


def consent_url(cluster):
    return reverse("mobility:matching_consent", args=[cluster.code])


def peer_codes(client, **query):
    response = client.get(PEERS, query)
    assert response.status_code == 200
    return [peer.cluster.code for peer in response.context["peers"]]


@pytest.fixture
def visitor_and_host(client):
    visitor = factories.PeerClusterFactory(code="VC-VISIT", country="CZ", ratings={"FIN.2": R})
    host = factories.PeerClusterFactory(
        code="VC-HOST", name="Consent Host", country="AT", ratings={"FIN.2": G}, consent=False
    )
    # Another Austrian peer that agreed, so the country filter stays valid throughout. Yellow or green,
    # both help with the visitor's red FIN.2 alike and are listed in code order.
    factories.PeerClusterFactory(code="VC-ANCHOR", country="AT", ratings={"FIN.2": Y})
    visitor_manager = factories.manager(visitor)
    return visitor, visitor_manager, host, factories.manager(host)


def test_host_without_consent_is_no_peer(client, visitor_and_host):
    visitor, visitor_manager, host, _host_manager = visitor_and_host
    client.force_login(visitor_manager)

    assert peer_codes(client, country="AT") == ["VC-ANCHOR"]
    assert [peer.cluster.code for peer in visit_queries.peers_for(cluster=visitor, countries=["AT"])] == ["VC-ANCHOR"]
    assert "Consent Host" not in client.get("/en/dashboard/").content.decode()


def test_consent_given_and_withdrawn_on_the_results_page_changes_the_peer_list_at_once(client, visitor_and_host):
    visitor, visitor_manager, host, host_manager = visitor_and_host
    client.force_login(host_manager)
    page = client.get(reverse("mobility:results", args=[host.code])).content.decode()
    assert "Your cluster is not offered as a peer to other clusters." in page
    assert "They never see your ratings, values or scores, on any indicator." in page
    assert f'action="{consent_url(host)}"' in page

    response = client.post(consent_url(host), {"consent": "1"})

    assert response.status_code == 302
    assert response["Location"] == reverse("mobility:results", args=[host.code]) + "#matching-consent"
    consent = MatchingConsent.objects.get(cluster=host)
    assert (consent.given_by, consent.written, consent.withdrawn_at) == (host_manager, False, None)
    page = client.get(reverse("mobility:results", args=[host.code])).content.decode()
    assert "Withdraw the consent to be matched" in page
    client.force_login(visitor_manager)
    assert peer_codes(client, country="AT") == ["VC-ANCHOR", "VC-HOST"]

    client.force_login(host_manager)
    client.post(consent_url(host), {"consent": "0"})

    consent.refresh_from_db()
    assert consent.withdrawn_by == host_manager
    assert consent.withdrawn_at >= consent.given_at
    assert consenting_cluster_ids() & {host.pk} == set()
    client.force_login(visitor_manager)
    assert peer_codes(client, country="AT") == ["VC-ANCHOR"]
    assert "VC-HOST" not in peer_codes(client)


def test_consent_again_after_withdrawal_keeps_the_history():
    host = factories.PeerClusterFactory(consent=False)
    manager = factories.manager(host)

    set_matching_consent(cluster=host, by=manager, consent=True)
    set_matching_consent(cluster=host, by=manager, consent=True)
    set_matching_consent(cluster=host, by=manager, consent=False)
    set_matching_consent(cluster=host, by=manager, consent=False)
    current = set_matching_consent(cluster=host, by=manager, consent=True)

    rows = list(MatchingConsent.objects.filter(cluster=host).order_by("pk"))
    assert len(rows) == 2
    assert rows[0].withdrawn_by == manager
    assert (rows[1], rows[1].withdrawn_at) == (current, None)
    assert list(MatchingConsent.objects.active().filter(cluster=host)) == [current]


def test_only_the_clusters_managers_and_analysts_decide():
    host = factories.PeerClusterFactory(consent=False)
    other_manager = factories.manager(factories.PeerClusterFactory())
    analyst = factories.AnalystFactory()

    with pytest.raises(PermissionDenied):
        set_matching_consent(cluster=host, by=other_manager, consent=True)
    with pytest.raises(PermissionDenied):
        set_matching_consent(cluster=host, by=factories.manager(host), consent=True, written=True)
    with pytest.raises(ValidationError):
        set_matching_consent(cluster=host, by=analyst, consent=True)
    assert MatchingConsent.objects.filter(cluster=host).count() == 0

    consent = set_matching_consent(cluster=host, by=analyst, consent=True, written=True, note="Letter of 3 May")

    assert (consent.given_by, consent.written, consent.note) == (analyst, True, "Letter of 3 May")


def test_manager_of_another_cluster_cannot_post_consent(client, visitor_and_host):
    _visitor, visitor_manager, host, _host_manager = visitor_and_host
    client.force_login(visitor_manager)

    assert client.post(consent_url(host), {"consent": "1"}).status_code == 404
    assert client.get(consent_url(host)).status_code == 405
    assert MatchingConsent.objects.filter(cluster=host).count() == 0


def test_analyst_sees_but_cannot_post_on_the_results_page(client, visitor_and_host):
    _visitor, _visitor_manager, host, _host_manager = visitor_and_host
    client.force_login(factories.AnalystFactory())

    page = client.get(reverse("mobility:results", args=[host.code])).content.decode()

    assert "Your cluster is not offered as a peer to other clusters." in page
    assert f'action="{consent_url(host)}"' not in page
    assert client.post(consent_url(host), {"consent": "1"}).status_code == 404


def test_bad_consent_value_gets_a_message_and_changes_nothing(client, visitor_and_host):
    _visitor, _visitor_manager, host, host_manager = visitor_and_host
    client.force_login(host_manager)

    response = client.post(consent_url(host), {"consent": "maybe"}, follow=True)

    assert response.status_code == 200
    assert "Choose whether to agree to be matched or to withdraw." in response.content.decode()
    assert MatchingConsent.objects.filter(cluster=host).count() == 0


def test_analyst_records_written_consent_and_withdrawal_in_the_admin(client, visitor_and_host):
    _visitor, visitor_manager, host, _host_manager = visitor_and_host
    analyst = factories.AnalystFactory()
    client.force_login(analyst)
    admin_url = reverse("mobility_matching_consent")
    assert "Peer matching consent" in client.get("/admin/").content.decode()

    response = client.post(admin_url, {"cluster": host.pk, "consent": "1", "note": "Signed form, file 12"})

    assert response.status_code == 302
    consent = MatchingConsent.objects.active().get(cluster=host)
    assert (consent.given_by, consent.written, consent.note) == (analyst, True, "Signed form, file 12")
    listing = client.get(admin_url).content.decode()
    assert "VC-HOST Consent Host" in listing
    assert "Signed form, file 12" in listing
    client.force_login(visitor_manager)
    assert peer_codes(client, country="AT") == ["VC-ANCHOR", "VC-HOST"]

    client.force_login(analyst)
    client.post(admin_url, {"cluster": host.pk, "consent": "0"})

    assert MatchingConsent.objects.active().filter(cluster=host).count() == 0
    client.force_login(visitor_manager)
    assert peer_codes(client, country="AT") == ["VC-ANCHOR"]


def test_admin_consent_page_refused_to_trainers(client):

    client.force_login(factories.UserFactory(role="trainer"))

    assert client.get(reverse("mobility_matching_consent"))["Location"] == "/admin/"
    assert "Peer matching consent" not in client.get("/admin/").content.decode()


def test_peers_page_tells_a_cluster_without_consent_that_it_is_not_offered(client, visitor_and_host):
    _visitor, _visitor_manager, host, host_manager = visitor_and_host
    client.force_login(host_manager)

    html = client.get(PEERS).content.decode()

    assert "Consent Host is not offered as a peer to other clusters" in html
