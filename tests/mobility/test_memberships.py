import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from mobility.models import ClusterMembership, MembershipStatus
from mobility.services import assign_manager, decide_membership, request_membership
from tests.helpers import count_queries
from tests.mobility import factories

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"mobility:{name}", kwargs=kwargs)


def test_request_emails_requester_and_managers(django_capture_on_commit_callbacks):
    cluster = factories.ClusterFactory(name="Joinable Cluster")
    manager = factories.manager(cluster, language="cs")
    requester = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        membership = request_membership(cluster=cluster, user=requester, message="I run the office.")
    assert membership.status == MembershipStatus.REQUESTED
    assert sorted(message.to[0] for message in mail.outbox) == sorted([requester.email, manager.email])
    to_manager = next(message for message in mail.outbox if message.to == [manager.email])
    assert "I run the office." in to_manager.body
    assert "/cs/moje-klastry/zadosti/" in to_manager.body


def test_request_without_managers_goes_to_analysts(django_capture_on_commit_callbacks):
    cluster = factories.ClusterFactory()
    factories.AnalystFactory(email="analyst@centramo.example")
    factories.AnalystFactory(email="second.analyst@centramo.example")
    factories.EditorFactory(email="editor@centramo.example")
    with django_capture_on_commit_callbacks(execute=True):
        request_membership(cluster=cluster, user=factories.UserFactory(email="requester@example.org"))
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {"analyst@centramo.example", "second.analyst@centramo.example", "requester@example.org"}


def test_request_twice_is_refused():
    cluster = factories.ClusterFactory()
    requester = factories.UserFactory()
    request_membership(cluster=cluster, user=requester)
    with pytest.raises(ValidationError):
        request_membership(cluster=cluster, user=requester)


def test_manager_approves_and_both_sides_are_emailed(django_capture_on_commit_callbacks):
    cluster = factories.ClusterFactory(name="Approve Cluster")
    manager = factories.manager(cluster)
    membership = request_membership(cluster=cluster, user=factories.UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        decide_membership(membership=membership, by=manager, approve=True)
    membership.refresh_from_db()
    assert (membership.status, membership.decided_by) == (MembershipStatus.APPROVED, manager)
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "You approved Test User as a manager of Approve Cluster",
        "You are now a manager of Approve Cluster",
    ]


def test_analyst_declines(django_capture_on_commit_callbacks):
    cluster = factories.ClusterFactory(name="Decline Cluster")
    membership = request_membership(cluster=cluster, user=factories.UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        decide_membership(membership=membership, by=factories.UserFactory(role="analyst"), approve=False)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.DECLINED
    assert "Your request to manage Decline Cluster was declined" in [message.subject for message in mail.outbox]


@pytest.mark.parametrize("role", ("participant", "trainer", "other_manager", "pending_manager", "self"))
def test_others_cannot_decide(role):
    cluster = factories.ClusterFactory()
    requester = factories.UserFactory()
    membership = request_membership(cluster=cluster, user=requester)
    decider = {
        "participant": lambda: factories.UserFactory(),
        "trainer": lambda: factories.UserFactory(role="trainer"),
        "other_manager": lambda: factories.manager(factories.ClusterFactory()),
        "pending_manager": lambda: factories.manager(cluster, status=MembershipStatus.REQUESTED),
        "self": lambda: requester,
    }[role]()
    with pytest.raises(PermissionDenied):
        decide_membership(membership=membership, by=decider, approve=True)


def test_assign_manager_by_analyst_only(django_capture_on_commit_callbacks):
    cluster = factories.ClusterFactory()
    person = factories.UserFactory()
    with pytest.raises(PermissionDenied):
        assign_manager(cluster=cluster, user=person, by=factories.UserFactory(role="trainer"))
    with django_capture_on_commit_callbacks(execute=True):
        membership = assign_manager(cluster=cluster, user=person, by=factories.UserFactory(role="analyst"))
    assert membership.status == MembershipStatus.APPROVED
    assert mail.outbox[0].to == [person.email]


def test_request_view_creates_request(client, django_capture_on_commit_callbacks):
    cluster = factories.ClusterFactory(name="View Cluster")
    requester = factories.UserFactory()
    client.force_login(requester)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("request_membership"), {"cluster": cluster.pk, "message": "Hello"})
    assert response.status_code == 302
    assert ClusterMembership.objects.get(cluster=cluster, user=requester).status == MembershipStatus.REQUESTED


def test_request_view_needs_login(client):
    response = client.get(url("request_membership"))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_decide_view_for_manager(client):
    cluster = factories.ClusterFactory()
    manager = factories.manager(cluster)
    membership = request_membership(cluster=cluster, user=factories.UserFactory())
    client.force_login(manager)
    assert membership in client.get(url("membership_requests")).context["pending"]
    response = client.post(url("decide_membership", pk=membership.pk), {"decision": "approve"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED


def test_decide_view_hides_requests_of_other_clusters(client):
    membership = request_membership(cluster=factories.ClusterFactory(), user=factories.UserFactory())
    client.force_login(factories.manager(factories.ClusterFactory()))
    assert list(client.get(url("membership_requests")).context["pending"]) == []
    response = client.post(url("decide_membership", pk=membership.pk), {"decision": "approve"})
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED


def test_my_clusters_lists_memberships(client):
    cluster = factories.ClusterFactory(name="Mine Cluster")
    manager = factories.manager(cluster)
    client.force_login(manager)
    response = client.get(url("my_clusters"))
    html = response.content.decode()
    assert "Mine Cluster" in html
    assert url("results", code=cluster.code) in html
    assert response["Cache-Control"] == "private, no-store"


def test_membership_requests_query_count_does_not_grow(client):
    analyst = factories.UserFactory(role="analyst")
    client.force_login(analyst)
    request_membership(cluster=factories.ClusterFactory(), user=factories.UserFactory())
    one = count_queries(client, url("membership_requests"))
    for _number in range(29):
        request_membership(cluster=factories.ClusterFactory(), user=factories.UserFactory())
    assert count_queries(client, url("membership_requests")) == one


def test_nav_shows_our_results_to_managers_only(client):
    cluster = factories.ClusterFactory()
    client.force_login(factories.manager(cluster))
    assert "Our results" in client.get(url("directory")).content.decode()
    client.force_login(factories.UserFactory())
    assert "Our results" not in client.get(url("directory")).content.decode()


def test_profile_page_lists_memberships(client):
    cluster = factories.ClusterFactory(name="Profile Cluster")
    client.force_login(factories.manager(cluster))
    with translation.override("en"):
        html = client.get(reverse("profile")).content.decode()
    assert "Profile Cluster: benchmark results" in html


def test_my_clusters_query_count_does_not_grow(client):
    person = factories.UserFactory()
    client.force_login(person)
    factories.ClusterFactory().memberships.create(user=person)
    one = count_queries(client, url("my_clusters"))
    for _number in range(29):
        factories.ClusterFactory().memberships.create(user=person, status=MembershipStatus.APPROVED)
    assert count_queries(client, url("my_clusters")) == one
