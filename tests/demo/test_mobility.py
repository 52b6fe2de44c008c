import pytest
from django.db.models import Count
from django.utils import timezone

from mobility.models import (
    BenchmarkResult,
    Cluster,
    ClusterMembership,
    Label,
    MatchingConsent,
    MembershipStatus,
    Region,
    Sector,
)
from mobility.queries import changes_between, consenting_cluster_ids, latest_two_results
from portal.demo.mobility import NO_CONSENT_NUMBERS, REGION_NAMES, SECTOR_NAMES, seed_mobility
from tests.helpers import LANGS

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


def test_every_demo_sector_and_region_is_named_in_all_seven_languages():
    for record in [*Sector.objects.all(), *Region.objects.all()]:
        names = {lang: getattr(record, f"name_{lang}") for lang in LANGS}
        assert all(names.values()), record.code
    assert Sector.objects.count() == len(SECTOR_NAMES) == 12
    assert Region.objects.count() == 53
    assert {
        lang: getattr(Region.objects.get(country="CZ", code="moravian-silesian-region"), f"name_{lang}")
        for lang in LANGS
    } == REGION_NAMES["Moravia-Silesia"]
    assert Region.objects.get(country="PL", code="silesian-voivodeship").name_pl == "Województwo śląskie"
    assert Region.objects.get(country="HR", code="split-dalmatia-county").name_hr == "Splitsko-dalmatinska županija"


def test_demo_most_clusters_consented_some_did_not():
    demo = Cluster.objects.filter(code__regex=r"^[A-Z]{2}-[0-9]{3}$")
    consenting = set(demo.filter(pk__in=consenting_cluster_ids()).values_list("code", flat=True))
    refusing = {code for code in demo.values_list("code", flat=True) if code not in consenting}

    assert len(consenting) == 48
    assert sorted(refusing) == sorted(
        f"{country}-{number}" for country in ("CZ", "HR", "HU", "PL", "SK", "TR") for number in NO_CONSENT_NUMBERS
    )
    manager_consent = MatchingConsent.objects.active().select_related("given_by").get(cluster__code="CZ-001")
    assert (manager_consent.given_by.email, manager_consent.written) == ("manager.cz@centramo.example", False)
    assert MatchingConsent.objects.active().get(cluster__code="PL-001").written is True
