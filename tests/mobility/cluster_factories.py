"""Small builders for cluster, benchmark and membership tests."""

import datetime
import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from mobility import vocabulary
from mobility.models import (
    BenchmarkEdition,
    BenchmarkResult,
    Cluster,
    ClusterMembership,
    Indicator,
    Label,
    MembershipRole,
    MembershipStatus,
    Score,
)
from portal.models import User
from portal.roles import ANALYSTS, TRAINERS

_numbers = itertools.count(1)


def user(*, role=None, language="en"):
    """role: None (participant), "trainer", "analyst" or "admin"."""
    email = f"bench-user-{next(_numbers)}@example.org"
    # No password: tests sign in with force_login, and hashing one costs a third of a second.
    account = User.objects.create_user(email, None, first_name="Test", last_name="User", preferred_language=language)
    EmailAddress.objects.create(user=account, email=email, verified=True, primary=True)
    if role == "admin":
        account.is_superuser = account.is_staff = True
        account.save()
    elif role == "trainer":
        account.groups.add(Group.objects.get(name=TRAINERS))
    elif role == "analyst":
        account.groups.add(Group.objects.get(name=ANALYSTS))
    return account


def cluster(*, country="CZ", code=None, sector="", region="", **fields):
    """`sector` and `region` are names (English or any language), found or added as the importer does."""
    number = next(_numbers)
    fields.setdefault("name", f"Test Cluster {number}")
    return Cluster.objects.create(
        code=code or f"T{country}-{number:04}",
        country=country,
        sector=vocabulary.sector_named(sector),
        region=vocabulary.region_named(country, region),
        **fields,
    )


def manager(of, *, status=MembershipStatus.APPROVED, language="en"):
    account = user(language=language)
    ClusterMembership.objects.create(cluster=of, user=account, role=MembershipRole.MANAGER, status=status)
    return account


def edition(name=None, date=None):
    name = name or f"E{next(_numbers)}"
    return BenchmarkEdition.objects.get_or_create(name=name, defaults={"date": date or datetime.date(2030, 1, 1)})[0]


def result(of, in_edition, ratings=None, *, default=1):
    """A result with one score per indicator; `ratings` maps indicator codes to 0/1/2."""
    ratings = ratings or {}
    benchmark = BenchmarkResult.objects.create(cluster=of, edition=in_edition, benchmarked_on=in_edition.date)
    Score.objects.bulk_create(
        Score(result=benchmark, indicator=indicator, rating=ratings.get(indicator.code, default))
        for indicator in Indicator.objects.all()
    )
    return benchmark


def label(of, *, level="bronze", awarded_on, valid_until):
    return Label.objects.create(cluster=of, level=level, awarded_on=awarded_on, valid_until=valid_until)
