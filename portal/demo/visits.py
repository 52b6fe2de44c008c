"""Demo study visits: open offers from 18 host clusters, bookings in every state and a
completed visit with a shared report, so the demo managers' dashboards are full.

Needs the demo clusters of `portal.demo.mobility` (looked up by code); without them it
creates nothing. Idempotent: once the demo offers exist, nothing is added. Dates are
relative to today, so the demo stays current.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from mobility.models import (
    BookingStatus,
    Cluster,
    ImprovementAction,
    Score,
    StudyVisitBooking,
    StudyVisitOffer,
    VisitReport,
)
from mobility.visits.queries import latest_results
from portal.models import User

CZ_MANAGER = "manager.cz@centramo.example"
SK_MANAGER = "manager.sk@centramo.example"
HOSTS = [f"{country}-{number:03}" for country in ("CZ", "SK", "PL", "HU", "HR", "TR") for number in (1, 2, 3)]

# Per host: title, programme and place in all seven languages.
TITLES = {
    "en": "{topic}: a study visit to {host}",
    "cs": "{topic}: studijní návštěva u {host}",
    "sk": "{topic}: študijná návšteva u {host}",
    "pl": "{topic}: wizyta studyjna w {host}",
    "hu": "{topic}: tanulmányút a(z) {host} klaszterhez",
    "hr": "{topic}: studijski posjet klasteru {host}",
    "tr": "{topic}: {host} kümesine çalışma ziyareti",
}
PROGRAMMES = {
    "en": "Day one: how our cluster management works, with our team and board members. "
    "Day two: visits to member companies and a workshop on your own questions.",
    "cs": "První den: jak funguje naše klastrová organizace, s naším týmem a členy správní rady. "
    "Druhý den: návštěvy členských firem a workshop k vašim otázkám.",
    "sk": "Prvý deň: ako funguje naša klastrová organizácia, s naším tímom a členmi predstavenstva. "
    "Druhý deň: návštevy členských firiem a workshop k vašim otázkam.",
    "pl": "Dzień pierwszy: jak działa nasz koordynator klastra, z zespołem i członkami zarządu. "
    "Dzień drugi: wizyty w firmach członkowskich i warsztat na Państwa pytania.",
    "hu": "Első nap: hogyan működik a klasztermenedzsment, a csapatunkkal és az elnökség tagjaival. "
    "Második nap: látogatás tagvállalatoknál és műhely az Önök kérdéseiről.",
    "hr": "Prvi dan: kako radi naša upravljačka organizacija klastera, s timom i članovima uprave. "
    "Drugi dan: posjeti tvrtkama članicama i radionica o vašim pitanjima.",
    "tr": "Birinci gün: küme yönetimimizin nasıl çalıştığı, ekibimiz ve yönetim kurulu üyeleriyle. "
    "İkinci gün: üye şirket ziyaretleri ve sorularınız üzerine bir atölye.",
}
PLACES = {
    "en": "Offices of {host}",
    "cs": "Sídlo klastru {host}",
    "sk": "Sídlo klastra {host}",
    "pl": "Siedziba klastra {host}",
    "hu": "A(z) {host} irodája",
    "hr": "Sjedište klastera {host}",
    "tr": "{host} ofisi",
}
# The past visit's title: what the report says the visitors learned there.
PAST_TOPIC = {
    "en": "Membership fees that work",
    "cs": "Členské příspěvky, které fungují",
    "sk": "Členské príspevky, ktoré fungujú",
    "pl": "Składki członkowskie, które działają",
    "hu": "Működő tagdíjrendszer",
    "hr": "Članarine koje funkcioniraju",
    "tr": "İşe yarayan üyelik aidatları",
}
LANGS = tuple(TITLES)
NATIONAL = {"CZ": "cs", "SK": "sk", "PL": "pl", "HU": "hu", "HR": "hr", "TR": "tr"}


def demo_offers():
    """The offers `seed_visits` creates: those of the demo hosts that nobody signed."""
    return StudyVisitOffer.objects.filter(cluster__code__in=HOSTS, created_by__isnull=True)


def _write_texts(offer, host, topic_names):
    for lang in LANGS:
        offer_title = TITLES[lang].format(topic=topic_names[lang], host=host.name)
        setattr(offer, f"title_{lang}", offer_title)
        setattr(offer, f"programme_{lang}", PROGRAMMES[lang])
        setattr(offer, f"place_{lang}", PLACES[lang].format(host=host.name))


def seed_visits():
    """Create the demo offers, bookings and report. Returns the number of objects created."""
    clusters = Cluster.objects.in_bulk(HOSTS, field_name="code")
    users = User.objects.in_bulk([CZ_MANAGER, SK_MANAGER], field_name="email")
    if len(clusters) < len(HOSTS) or len(users) < 2:
        return 0
    if demo_offers().exists():
        return 0
    today = timezone.localdate()
    ratings = {}
    indicators = {}
    for cluster_id, indicator_id, rating, indicator in (
        (score.result.cluster_id, score.indicator_id, score.rating, score.indicator)
        for score in Score.objects.filter(result__in=latest_results()).select_related("result", "indicator__dimension")
    ):
        ratings.setdefault(cluster_id, {})[indicator_id] = rating
        indicators[indicator_id] = indicator
    order = sorted(
        indicators,
        key=lambda pk: (indicators[pk].dimension.position, indicators[pk].position, indicators[pk].code),
    )
    created = 0
    with transaction.atomic():
        offers = {}
        for number, code in enumerate(HOSTS):
            host = clusters[code]
            strong = [pk for pk in order if ratings.get(host.pk, {}).get(pk) == 2] or order[:3]
            topics = [strong[(number + step) % len(strong)] for step in range(3)]
            topics = list(dict.fromkeys(topics))
            language = NATIONAL[code[:2]]
            start = today + datetime.timedelta(days=21 + 7 * number)
            offer = StudyVisitOffer(
                cluster=host,
                starts_on=start,
                ends_on=start + datetime.timedelta(days=1),
                places=6 + number % 5,
                languages=sorted({"en", language}),
                request_deadline=start - datetime.timedelta(days=10),
            )
            topic = indicators[topics[0]]
            _write_texts(offer, host, {lang: getattr(topic, f"name_{lang}") or topic.name_en for lang in LANGS})
            offer.full_clean(exclude=["created_by"])
            offer.save()
            offer.topics.set(topics)
            offers[code] = offer
            created += 1

        past_start = today - datetime.timedelta(days=45)
        past = StudyVisitOffer(
            cluster=clusters["PL-003"],
            starts_on=past_start,
            ends_on=past_start + datetime.timedelta(days=1),
            places=8,
            languages=["en", "pl"],
            request_deadline=past_start - datetime.timedelta(days=14),
            is_open=False,
        )
        _write_texts(past, clusters["PL-003"], PAST_TOPIC)
        past.full_clean(exclude=["created_by"])
        past.save()
        past.topics.set(order[:2])
        created += 1

        cz, sk = clusters["CZ-001"], clusters["SK-001"]
        manager_cz, manager_sk = users[CZ_MANAGER], users[SK_MANAGER]

        def weak(cluster, count=2):
            return [pk for pk in order if ratings.get(cluster.pk, {}).get(pk) in (0, 1)][:count]

        plan = [
            (offers["SK-002"], cz, manager_cz, BookingStatus.REQUESTED, 3),
            (offers["SK-001"], cz, manager_cz, BookingStatus.REQUESTED, 2),
            (offers["PL-002"], sk, manager_sk, BookingStatus.ACCEPTED, 2),
            (offers["CZ-001"], sk, manager_sk, BookingStatus.ACCEPTED, 3),
            (offers["HU-002"], cz, manager_cz, BookingStatus.DECLINED, 4),
            (offers["HR-002"], sk, manager_sk, BookingStatus.CANCELLED, 2),
            (past, cz, manager_cz, BookingStatus.COMPLETED, 2),
        ]
        completed = None
        for offer, visitor, by, status, participants in plan:
            booking = StudyVisitBooking(
                offer=offer,
                cluster=visitor,
                requested_by=by,
                participants=participants,
                status=status,
                sequence=1 if status == BookingStatus.CANCELLED else 0,
                message="We would like to learn how you organise this and bring two board members.",
            )
            booking.full_clean()
            booking.save()
            booking.focus_indicators.set(weak(visitor))
            created += 1
            if status == BookingStatus.COMPLETED:
                completed = booking

        focus = weak(cz, 3)
        report = VisitReport(
            booking=completed,
            learned=(
                "Our hosts fund half of their cluster management from membership fees graded by company size, "
                "and they prove the value of membership with a yearly service report to every member."
            ),
            shared_with_host=True,
            created_by=manager_cz,
        )
        report.full_clean(exclude=["created_by"])
        report.save()
        created += 1
        for position, (indicator_id, description) in enumerate(
            zip(
                focus,
                [
                    "Introduce membership fees graded by company size from next year.",
                    "Send every member a yearly report on the services they used.",
                    "Add two members' representatives to the board.",
                ],
                strict=False,
            )
        ):
            ImprovementAction.objects.create(
                report=report, indicator_id=indicator_id, description=description, position=position
            )
            created += 1
    return created
