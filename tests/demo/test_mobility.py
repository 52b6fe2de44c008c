import pytest
from django.db.models import Count
from django.utils import timezone

from mobility.models import BenchmarkResult, Cluster, ClusterMembership, Label, MembershipStatus
from mobility.queries import changes_between, latest_two_results
from portal.demo.mobility import seed_mobility

pytestmark = pytest.mark.django_db


def test_sixty_clusters_in_six_countries():
    counts = dict(Cluster.objects.values("country").annotate(n=Count("id")).order_by().values_list("country", "n"))
    assert counts == {"CZ": 12, "PL": 10, "SK": 10, "HU": 10, "HR": 9, "TR": 9}


def test_two_editions_and_most_clusters_improved():
    editions = set(BenchmarkResult.objects.values_list("edition__name", flat=True))
    assert editions == {"2012", "2014"}
    improved = 0
    clusters = Cluster.objects.filter(code__regex=r"^[A-Z]{2}-\d{3}$")
    for cluster in clusters:
        latest, previous = latest_two_results(cluster=cluster)
        assert latest.edition.name == "2014"
        assert latest.scores.count() == 36
        if changes_between(result=latest, previous=previous)[0]:
            improved += 1
    assert improved > clusters.count() * 0.75


def test_labels_are_bronze_and_some_expired():
    today = timezone.localdate()
    labels = Label.objects.all()
    assert labels.filter(valid_until__lt=today).exists()
    assert labels.filter(valid_until__gte=today).exists()
    assert labels.filter(level="bronze").count() > labels.count() * 0.8


def test_demo_managers_manage_their_clusters():
    memberships = ClusterMembership.objects.filter(status=MembershipStatus.APPROVED).values_list(
        "user__email", "cluster__code", "cluster__name"
    )
    assert set(memberships) >= {
        ("manager.cz@centramo.example", "CZ-001", "Bohemian Food Cluster"),
        ("manager.sk@centramo.example", "SK-001", "Slovak Automotive Cluster"),
    }


def test_seed_is_idempotent():
    assert seed_mobility() == 0
