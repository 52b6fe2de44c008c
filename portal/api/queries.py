"""Reads behind the API: each returns its page of data in a fixed number of queries."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from mobility import queries as mobility_queries
from mobility import vocabulary
from mobility.models import Indicator
from mobility.queries import topic_filter
from mobility.visits import queries as visit_queries
from training.models import SeminarPage
from training.queries import pick_translation, with_places


def live_seminars():
    return SeminarPage.objects.live().public()


def seminars(*, when="upcoming", language="", country="", topic="", starts_after=None, starts_before=None):
    """One page per seminar (its first translation, which holds the facts), places annotated, in date order."""
    first = live_seminars().filter(translation_key=OuterRef("translation_key")).order_by("pk").values("pk")[:1]
    found = live_seminars().filter(pk=Subquery(first))
    now = timezone.now()
    if when == "upcoming":
        found = found.filter(ends_at__gte=now)
    elif when == "past":
        found = found.filter(ends_at__lt=now)
    if language:
        found = found.filter(language=language)
    if country:
        found = found.filter(country=country)
    if topic:
        found = found.filter(
            translation_key__in=SeminarPage.objects.filter(topic_filter(topic)).values("translation_key")
        )
    if starts_after:
        found = found.filter(ends_at__date__gte=starts_after)
    if starts_before:
        found = found.filter(starts_at__date__lte=starts_before)
    order = ("-starts_at", "-pk") if when == "past" else ("starts_at", "pk")
    return with_places(found).prefetch_related(_topics()).order_by(*order)


def seminar(*, translation_key):
    found = seminars(when="all").filter(translation_key=translation_key)
    return found.first()


def attach_texts(items, *, language):
    """Set `text` on each seminar: its translation in `language`, else delivery language, else English."""
    keys = {item.translation_key for item in items}
    translations = {}
    for page in live_seminars().filter(translation_key__in=keys).select_related("locale").order_by("pk"):
        translations.setdefault(page.translation_key, []).append(page)
    for item in items:
        item.text = pick_translation(translations.get(item.translation_key, [item]), language)
    return items


def _topics():
    return Prefetch("topics", queryset=Indicator.objects.in_order())


def clusters(*, sector="", **filters):
    """Public clusters; `sector` is a sector's code or its name in any language."""
    if sector:
        named = vocabulary.sectors_named([sector]).get(sector.strip())
        sector = named.code if named is not None else sector
    return mobility_queries.public_clusters(sector=sector, **filters)


def cluster(*, code):
    return mobility_queries.public_cluster(code=code)


def offers(*, country="", topic="", language="", starts_after=None, starts_before=None, host=""):
    """Open offers of public clusters; an unknown topic code matches nothing."""
    indicator = None
    if topic:
        indicator = Indicator.objects.filter(code=topic).first()
        if indicator is None:
            return visit_queries.public_offers().none()
    return visit_queries.public_offers(
        country=country,
        topic=indicator,
        language=language,
        starts_after=starts_after,
        starts_before=starts_before,
        host=host,
    )


def offer(*, pk):
    return offers().filter(pk=pk).first()


def editions():
    return list(mobility_queries.editions_with_results())


def statistics(*, edition):
    """The statistics page's numbers for one edition, suppression included, in the API's shape."""
    stats = mobility_queries.network_statistics(edition=edition)

    def group(data):
        shown = not data.get("suppressed")
        return {
            "country": data["key"] or None,
            "clusters": data["clusters"] if shown else None,
            "suppressed": not shown,
            "red_percent": data["red"] if shown else None,
            "yellow_percent": data["yellow"] if shown else None,
            "green_percent": data["green"] if shown else None,
        }

    return {
        "edition": edition.name,
        "date": edition.date,
        # The edition's size is the overall group's size: hidden with it.
        "clusters": None
        if stats["dimensions"] and all(item["overall"].get("suppressed") for item in stats["dimensions"])
        else stats["clusters"],
        "minimum_group_size": mobility_queries.MIN_GROUP_SIZE,
        "dimensions": [
            {
                "code": item["dimension"].code,
                "name": item["dimension"].name,
                "overall": group(item["overall"]),
                "by_country": [group(data) for data in item["by_country"]],
            }
            for item in stats["dimensions"]
        ],
    }


def indicator_set():
    return mobility_queries.indicator_set()
