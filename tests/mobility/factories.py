"""factory_boy factories for mobility: users, clusters, memberships, benchmarks, labels and study visits.

Each test starts from the bare sections (`portal.demo.sections.seed_sections`) and
builds only what it is about. Indicators come from the default set's data
migration (`indicators()` creates the ones a flushed database lacks).
"""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
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
    Label,
    MatchingConsent,
    MembershipRole,
    MembershipStatus,
    Rating,
    Region,
    Score,
    Sector,
    StudyVisitBooking,
    StudyVisitOffer,
    VisitReport,
)
from portal.roles import ANALYSTS, EDITORS, TRAINERS

R, Y, G = Rating.RED, Rating.YELLOW, Rating.GREEN
ROLE_GROUPS = {"trainer": TRAINERS, "analyst": ANALYSTS, "editor": EDITORS}
# Later than any edition a test names, so a result in it is its cluster's latest.
FUTURE_EDITION_DATE = datetime.date(2099, 1, 1)


def today():
    return timezone.localdate()


def days(number):
    return today() + datetime.timedelta(days=number)


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension
        django_get_or_create = ("code",)

    code = "FIN"
    name = factory.SelfAttribute("code")


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator of the seeded set, or a new one (named by its code)."""

    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = "FIN.2"
    dimension = factory.SubFactory(DimensionFactory)
    name = factory.SelfAttribute("code")


def indicators(*codes):
    """The indicators with these codes, in this order (those of the default set, or new ones)."""
    return [IndicatorFactory(code=code, dimension=DimensionFactory(code=code.split(".")[0])) for code in codes]


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up user with a verified e-mail address.

    `role`: None (a participant), "trainer", "analyst", "editor" or "admin" (a superuser).
    No password: tests sign in with force_login, and hashing one costs a third of a second.
    """

    class Meta:
        model = get_user_model()

    email = factory.Sequence(lambda number: f"user-{number}@example.org")
    first_name = "Test"
    last_name = "User"
    language = "en"
    role = None

    @classmethod
    def _create(cls, model_class, *args, email, language, role, **kwargs):
        admin = role == "admin"
        user = model_class.objects.create_user(
            email, None, preferred_language=language, is_superuser=admin, is_staff=admin, **kwargs
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if role in ROLE_GROUPS:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        return user


class AnalystFactory(UserFactory):
    role = "analyst"


class EditorFactory(UserFactory):
    role = "editor"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BenchmarkEdition
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda number: f"E{number}")
    date = datetime.date(2030, 1, 1)


class ResultFactory(factory.django.DjangoModelFactory):
    """A benchmark result with a score per indicator in `ratings` ({code: rating}).

    With `default` (a rating), every indicator of the set gets a score: its
    rating in `ratings`, else `default`.
    """

    class Meta:
        model = BenchmarkResult

    cluster = factory.SubFactory("tests.mobility.factories.ClusterFactory")
    edition = factory.SubFactory(EditionFactory)
    benchmarked_on = factory.LazyAttribute(lambda result: result.edition.date)
    ratings = None
    default = None

    @classmethod
    def _create(cls, model_class, *args, ratings, default, **kwargs):
        result = super()._create(model_class, *args, **kwargs)
        ratings = ratings or {}
        if default is None:
            rated = zip(indicators(*ratings), ratings.values(), strict=True)
        else:
            rated = ((indicator, ratings.get(indicator.code, default)) for indicator in Indicator.objects.all())
        Score.objects.bulk_create(
            Score(result=result, indicator=indicator, rating=rating) for indicator, rating in rated
        )
        return result


class SectorFactory(factory.django.DjangoModelFactory):
    """A sector named `name_en` (its code made from it, as the importer does) and `name_<lang>` in other languages.

    Languages without a name read the English one. An existing sector of that code is reused.
    """

    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    name_en = factory.Sequence(lambda number: f"Test sector {number}")
    name = factory.LazyAttribute(lambda sector: sector.name_en)
    code = factory.LazyAttribute(lambda sector: vocabulary.code_for(sector.name_en))


class RegionFactory(factory.django.DjangoModelFactory):
    """A region of `country` named `name_en` and in the languages given as `name_<lang>` (code as for sectors)."""

    class Meta:
        model = Region
        django_get_or_create = ("country", "code")

    country = "CZ"
    name_en = factory.Sequence(lambda number: f"Test region {number}")
    name = factory.LazyAttribute(lambda region: region.name_en)
    code = factory.LazyAttribute(lambda region: vocabulary.code_for(region.name_en))


class ClusterFactory(factory.django.DjangoModelFactory):
    """A public cluster; with `ratings` ({indicator code: rating}) also a result in the edition named `edition`.

    `consent`: the cluster agreed to be matched as a peer. `sector` and `region` are records (`SectorFactory`,
    `RegionFactory`) or names (English or any language), found or added as the importer does.
    """

    class Meta:
        model = Cluster

    country = "CZ"
    code = factory.LazyAttributeSequence(lambda cluster, number: f"T{cluster.country}-{number:04}")
    name = factory.Sequence(lambda number: f"Test Cluster {number}")
    ratings = None
    edition = "V-2024"
    consent = False

    @classmethod
    def _create(cls, model_class, *args, ratings, edition, consent, **kwargs):
        if isinstance(kwargs.get("sector"), str):
            kwargs["sector"] = vocabulary.sector_named(kwargs["sector"])
        if isinstance(kwargs.get("region"), str):
            kwargs["region"] = vocabulary.region_named(kwargs["country"], kwargs["region"])
        cluster = super()._create(model_class, *args, **kwargs)
        if ratings is not None:
            ResultFactory(
                cluster=cluster, edition=EditionFactory(name=edition, date=FUTURE_EDITION_DATE), ratings=ratings
            )
        if consent:
            MatchingConsent.objects.create(cluster=cluster, given_at=timezone.now())
        return cluster


class PeerClusterFactory(ClusterFactory):
    """A public Polish cluster that speaks English and agreed to be matched (the study-visit tests' default)."""

    consent = True
    country = "PL"
    languages = factory.List(["en"])
    code = factory.Sequence(lambda number: f"VT-{number:04d}")
    name = factory.LazyAttribute(lambda cluster: f"Visit test cluster {cluster.code}")


class MembershipFactory(factory.django.DjangoModelFactory):
    """An approved manager's membership of a cluster."""

    class Meta:
        model = ClusterMembership

    cluster = factory.SubFactory(ClusterFactory)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.MANAGER
    status = MembershipStatus.APPROVED


def manager(cluster, *, status=MembershipStatus.APPROVED, language="en", email=None):
    """A new user who manages `cluster` (approved unless `status` says otherwise)."""
    user_fields = {"user__language": language} | ({"user__email": email} if email else {})
    return MembershipFactory(cluster=cluster, status=status, **user_fields).user


def pair(*, visitor_ratings=None, host_ratings=None, visitor_language="en", host_language="en"):
    """(visitor, its manager, host, its manager): the visitor is weak on FIN.2 (red) and GOV.5 (yellow)."""
    visitor = PeerClusterFactory(country="CZ", ratings=visitor_ratings or {"FIN.2": R, "GOV.5": Y, "SRV.1": G})
    host = PeerClusterFactory(country="SK", ratings=host_ratings or {"FIN.2": G, "GOV.5": G, "SRV.1": G})
    return visitor, manager(visitor, language=visitor_language), host, manager(host, language=host_language)


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label

    cluster = factory.SubFactory(ClusterFactory)
    level = "bronze"
    awarded_on = factory.LazyFunction(today)
    valid_until = factory.LazyAttribute(lambda label: label.awarded_on + datetime.timedelta(days=365))


class OfferFactory(factory.django.DjangoModelFactory):
    """A study-visit offer `starts_in` days from today, `length` days long, taking requests for `deadline_in` days."""

    class Meta:
        model = StudyVisitOffer
        skip_postgeneration_save = True

    class Params:
        starts_in = 40
        length = 2
        deadline_in = 20

    cluster = factory.SubFactory(PeerClusterFactory)
    title_en = factory.LazyAttribute(lambda offer: f"Visit to {offer.cluster.code}")
    programme_en = "Day one: meetings. Day two: company visits."
    place_en = "Kraków"
    starts_on = factory.LazyAttribute(lambda offer: days(offer.starts_in))
    ends_on = factory.LazyAttribute(lambda offer: days(offer.starts_in + offer.length - 1))
    request_deadline = factory.LazyAttribute(lambda offer: days(offer.deadline_in))
    places = 10
    languages = factory.List(["en"])

    @factory.post_generation
    def topics(offer, create, extracted, **kwargs):
        offer.topics.set(indicators(*(("FIN.2",) if extracted is None else extracted)))


def _first_manager_or_new(cluster):
    membership = cluster.memberships.select_related("user").first()
    return membership.user if membership else manager(cluster)


class BookingFactory(factory.django.DjangoModelFactory):
    """A booking of `cluster` on `offer`, requested by its first manager (a new one if it has none)."""

    class Meta:
        model = StudyVisitBooking
        skip_postgeneration_save = True

    offer = factory.SubFactory(OfferFactory)
    cluster = factory.SubFactory(PeerClusterFactory, ratings={"FIN.2": R})
    requested_by = factory.LazyAttribute(lambda booking: _first_manager_or_new(booking.cluster))
    participants = 2
    status = BookingStatus.REQUESTED

    @factory.post_generation
    def focus(booking, create, extracted, **kwargs):
        booking.focus_indicators.set(indicators(*(("FIN.2",) if extracted is None else extracted)))


class ReportFactory(factory.django.DjangoModelFactory):
    """A visit report with improvement actions ((indicator code, description) pairs)."""

    class Meta:
        model = VisitReport
        skip_postgeneration_save = True

    booking = factory.SubFactory(BookingFactory, status=BookingStatus.COMPLETED)
    learned = "How they fund their cluster management."
    shared_with_host = False

    @factory.post_generation
    def actions(report, create, extracted, **kwargs):
        actions = (("FIN.2", "Start a membership-fee scheme."),) if extracted is None else extracted
        for position, (code, description) in enumerate(actions):
            ImprovementAction.objects.create(
                report=report, indicator=indicators(code)[0], description=description, position=position
            )


def with_password(user, password):
    """`user` (of any factory here), who now signs in on the allauth form with `password`.

    Only for tests that post a password: hashing one costs a third of a second.
    """
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


SIGN_IN_PASSWORD = "pw-Secret-123"


class SignInUserFactory(UserFactory):
    """A UserFactory user who can also sign in through the login form, with `password` (SIGN_IN_PASSWORD)."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        with_password(user, extracted or SIGN_IN_PASSWORD)


FOOD_CLUSTER_DESCRIPTION = {
    "en": "Farmers, food processors, the Czech University of Life Sciences and regional schools working together"
    " on shorter supply chains, food safety and export.",
    "cs": "Zemědělci, zpracovatelé potravin, Česká zemědělská univerzita a regionální školy spolupracují"
    " na kratších dodavatelských řetězcích, bezpečnosti potravin a exportu.",
}


def food_cluster(**fields):
    """CZ-001, the Bohemian Food Cluster: a public Czech cluster in the Central Bohemian Region working in food
    and agriculture (both named in English and Czech), described in English and Czech, with a website."""
    return ClusterFactory(
        code="CZ-001",
        name="Bohemian Food Cluster",
        country="CZ",
        region=RegionFactory(country="CZ", name_en="Central Bohemian Region", name_cs="Středočeský kraj"),
        sector=SectorFactory(name_en="Food and agriculture", name_cs="Potraviny a zemědělství"),
        description_en=FOOD_CLUSTER_DESCRIPTION["en"],
        description_cs=FOOD_CLUSTER_DESCRIPTION["cs"],
        website="https://food-cluster.example",
        languages=["cs", "en"],
        **fields,
    )
