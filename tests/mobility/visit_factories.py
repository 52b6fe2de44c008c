"""Small builders for matching, offer, booking and report tests."""

import datetime
import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from mobility import vocabulary
from mobility.models import (
    BenchmarkEdition,
    BenchmarkResult,
    BookingStatus,
    Cluster,
    ClusterMembership,
    Dimension,
    ImprovementAction,
    Indicator,
    MatchingConsent,
    MembershipRole,
    MembershipStatus,
    Rating,
    Score,
    StudyVisitBooking,
    StudyVisitOffer,
    VisitReport,
)
from portal.models import User
from portal.roles import ANALYSTS, EDITORS

PASSWORD = "visits-test-password"
_numbers = itertools.count(1)

R, Y, G = Rating.RED, Rating.YELLOW, Rating.GREEN


def today():
    return timezone.localdate()


def days(number):
    return today() + datetime.timedelta(days=number)


def indicators(*codes):
    """The indicators (from the default set's data migration; created when a flushed database lacks them)."""
    found = {indicator.code: indicator for indicator in Indicator.objects.filter(code__in=codes)}
    for code in codes:
        if code not in found:
            dimension, _created = Dimension.objects.get_or_create(code=code.split(".")[0], defaults={"name": code})
            found[code] = Indicator.objects.create(code=code, dimension=dimension, name=code)
    return [found[code] for code in codes]


def user(*, email=None, language="en", group=None, superuser=False):
    email = email or f"visits-user-{next(_numbers)}@example.org"
    account = User.objects.create_user(
        email, PASSWORD, first_name="Test", last_name=email.split("@")[0], preferred_language=language
    )
    if superuser:
        account.is_superuser = account.is_staff = True
        account.save()
    EmailAddress.objects.create(user=account, email=email, verified=True, primary=True)
    if group:
        account.groups.add(Group.objects.get(name=group))
    return account


def analyst():
    return user(group=ANALYSTS)


def editor():
    return user(group=EDITORS)


def cluster(
    *, code=None, country="PL", sector="", languages=("en",), ratings=None, edition="V-2024", consent=True, **fields
):
    """A public cluster, with a result in `edition` when `ratings` ({indicator code: rating}) is given.

    `consent`: the cluster agreed to be matched as a peer (as most clusters in these tests)."""
    code = code or f"VT-{next(_numbers):04d}"
    created = Cluster.objects.create(
        code=code,
        name=fields.pop("name", f"Visit test cluster {code}"),
        country=country,
        sector=vocabulary.sector_named(sector),
        languages=list(languages),
        **fields,
    )
    if ratings is not None:
        result_for(created, ratings, edition=edition)
    if consent:
        MatchingConsent.objects.create(cluster=created, given_at=timezone.now())
    return created


def result_for(cluster, ratings, *, edition="V-2024", date=None):
    edition_row, _created = BenchmarkEdition.objects.get_or_create(
        name=edition, defaults={"date": date or datetime.date(2099, 1, 1)}
    )
    result = BenchmarkResult.objects.create(cluster=cluster, edition=edition_row, benchmarked_on=edition_row.date)
    by_code = dict(zip(ratings, indicators(*ratings), strict=True))
    Score.objects.bulk_create(
        Score(result=result, indicator=by_code[code], rating=rating) for code, rating in ratings.items()
    )
    return result


def manager(cluster, *, language="en", status=MembershipStatus.APPROVED, email=None):
    account = user(language=language, email=email)
    ClusterMembership.objects.create(cluster=cluster, user=account, role=MembershipRole.MANAGER, status=status)
    return account


def offer(host, *, topics=("FIN.2",), places=10, starts_in=40, length=2, deadline_in=20, **fields):
    created = StudyVisitOffer.objects.create(
        cluster=host,
        title_en=fields.pop("title_en", f"Visit to {host.code}"),
        programme_en=fields.pop("programme_en", "Day one: meetings. Day two: company visits."),
        starts_on=days(starts_in),
        ends_on=days(starts_in + length - 1),
        place_en=fields.pop("place_en", "Kraków"),
        places=places,
        languages=list(fields.pop("languages", ["en"])),
        request_deadline=days(deadline_in),
        **fields,
    )
    created.topics.set(indicators(*topics))
    return created


def booking(offer, visitor, *, by=None, participants=2, status=BookingStatus.REQUESTED, focus=("FIN.2",), **fields):
    if by is None:
        membership = visitor.memberships.select_related("user").first()
        by = membership.user if membership else manager(visitor)
    created = StudyVisitBooking.objects.create(
        offer=offer, cluster=visitor, requested_by=by, participants=participants, status=status, **fields
    )
    created.focus_indicators.set(indicators(*focus))
    return created


def report(booking, *, shared=False, actions=(("FIN.2", "Start a membership-fee scheme."),)):
    created = VisitReport.objects.create(
        booking=booking, learned="How they fund their cluster management.", shared_with_host=shared
    )
    for position, (code, description) in enumerate(actions):
        ImprovementAction.objects.create(
            report=created, indicator=indicators(code)[0], description=description, position=position
        )
    return created


def pair(*, visitor_ratings=None, host_ratings=None, visitor_language="en", host_language="en"):
    """A visiting and a host cluster with one manager each (visitor weak on FIN.2 and GOV.5)."""
    visitor = cluster(country="CZ", ratings=visitor_ratings or {"FIN.2": R, "GOV.5": Y, "SRV.1": G})
    host = cluster(country="SK", ratings=host_ratings or {"FIN.2": G, "GOV.5": G, "SRV.1": G})
    return visitor, manager(visitor, language=visitor_language), host, manager(host, language=host_language)
