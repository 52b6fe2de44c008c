"""Reads of the training app. Each returns what a page needs in a fixed number of queries."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from mobility.models import Indicator
from mobility.queries import topic_filter
from portal.core.pagination import paginate
from portal.core.pictures import attach_renditions
from training import rules
from training.models import (
    Registration,
    RegistrationStatus,
    SeminarPage,
    TrainingMaterialPage,
)

PAGE_SIZE = 12
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def confirmed_count_subquery():
    return Coalesce(
        Subquery(
            Registration.objects.filter(seminar_key=OuterRef("translation_key"), status=RegistrationStatus.CONFIRMED)
            .values("seminar_key")
            .annotate(total=Count("pk"))
            .values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def with_places(seminars):
    """Annotate `confirmed_count`; `places_left` is derived from it in templates via `places_left()`."""
    return seminars.annotate(confirmed_count=confirmed_count_subquery())


def places_left(seminar):
    return max(0, seminar.capacity - seminar.confirmed_count)


def confirmed_count(*, translation_key):
    """How many people hold a confirmed place at the seminar (all its languages)."""
    return Registration.objects.filter(seminar_key=translation_key, status=RegistrationStatus.CONFIRMED).count()


def in_every_language(pages, *, locale_id):
    """One page per item of `pages` (live, public): its translation in `locale_id`, else its original.

    The original is the item's oldest live page (the language it was written
    in). Lists of every language thus hold the same items; filters on shared
    facts give the same results everywhere. Adds no query per item.
    """
    live = pages.model.objects.live().public()
    here = live.filter(translation_key=OuterRef("translation_key"), locale_id=locale_id)
    older = live.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return pages.filter(Q(locale_id=locale_id) | (~Exists(here) & ~Exists(older))).select_related("locale")


def mark_other_language(pages, *, locale_id):
    """Set `shown_in` to the language code of each page that is not in the reader's locale (else None)."""
    for page in pages:
        page.shown_in = None if page.locale_id == locale_id else page.locale.language_code
    return pages


def live_languages(pages):
    """{translation_key: [language codes in settings order]} for the live translations of `pages`."""
    keys = {page.translation_key for page in pages}
    found = defaultdict(set)
    for key, code in (
        Page.objects.live().filter(translation_key__in=keys).values_list("translation_key", "locale__language_code")
    ):
        found[key].add(code)
    order = [code for code, _name in settings.LANGUAGES]
    return {key: [code for code in order if code in codes] for key, codes in found.items()}


def library_context(*, library, params):
    from training.forms import LibraryFilterForm

    materials = (
        in_every_language(TrainingMaterialPage.objects.live().public(), locale_id=library.locale_id)
        .select_related("trainer", "image")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.select_related("dimension")))
    )
    form = LibraryFilterForm(params or None)
    if form.is_valid():
        materials = form.filter(materials)
    page = paginate(materials.order_by("title", "pk"), page=params.get("page"), per_page=PAGE_SIZE)
    page.object_list = attach_renditions(page.object_list)
    languages = live_languages(page.object_list)
    for material in mark_other_language(page.object_list, locale_id=library.locale_id):
        material.language_codes = languages.get(material.translation_key, [])
    return {"filter_form": form, "materials": page}


def seminar_index_context(*, index, params):
    from training.forms import SeminarFilterForm

    now = timezone.now()
    seminars = with_places(
        in_every_language(SeminarPage.objects.live().public(), locale_id=index.locale_id)
        .select_related("image")
        .prefetch_related("topics")
    )
    form = SeminarFilterForm(params or None)
    if form.is_valid():
        seminars = form.filter(seminars)
    upcoming = seminars.filter(facts__ends_at__gte=now).order_by("facts__starts_at", "facts__pk")
    past = seminars.filter(facts__ends_at__lt=now).order_by("-facts__starts_at", "-facts__pk")
    when = params.get("when")
    listed = past if when == "past" else upcoming
    page = paginate(listed, page=params.get("page"), per_page=PAGE_SIZE)
    page.object_list = attach_renditions(page.object_list)
    for seminar in mark_other_language(page.object_list, locale_id=index.locale_id):
        seminar.places_left = places_left(seminar)
        seminar.has_ended = seminar.ends_at <= now
    return {"filter_form": form, "seminars": page, "showing_past": when == "past"}


def upcoming_seminars(*, locale_id, limit=3):
    """The next seminars of every language, each in `locale_id` where translated (else marked `shown_in`)."""
    seminars = with_places(
        in_every_language(SeminarPage.objects.live().public(), locale_id=locale_id)
        .select_related("image")
        .filter(facts__ends_at__gte=timezone.now())
        .order_by("facts__starts_at", "facts__pk")
    )[:limit]
    seminars = attach_renditions(mark_other_language(list(seminars), locale_id=locale_id))
    for seminar in seminars:
        seminar.places_left = places_left(seminar)
    return seminars


def seminar_in_language(*, translation_key, language):
    """The seminar's translation in `language`, else in its delivery language, else English, else any."""
    pages = list(SeminarPage.objects.filter(translation_key=translation_key).select_related("locale"))
    return pick_translation(pages, language)


def original_seminar(*, translation_key):
    """The page the seminar was written in first (its facts are edited there)."""
    return SeminarPage.objects.filter(translation_key=translation_key).select_related("locale").order_by("pk").first()


def pick_translation(pages, language):
    """The live page in `language`, else the original (oldest live page), else the oldest page."""
    if not pages:
        return None
    pages = sorted(pages, key=lambda page: page.pk)
    live = [page for page in pages if page.live]
    for page in live:
        if page.locale.language_code == language:
            return page
    return (live or pages)[0]


def seminar_page_context(*, seminar, user):
    """Places, the user's registration, localised related materials and the trainers' rights."""
    from training.services import registration_is_open, waiting_position

    confirmed = confirmed_count(translation_key=seminar.translation_key)
    registration = None
    if user.is_authenticated:
        registration = Registration.objects.filter(seminar_key=seminar.translation_key, user=user).first()
    materials = mark_other_language(
        list(
            in_every_language(TrainingMaterialPage.objects.live().public(), locale_id=seminar.locale_id)
            .filter(
                translation_key__in=TrainingMaterialPage.objects.filter(
                    pk__in=seminar.related_materials.values("pk")
                ).values("translation_key")
            )
            .order_by("title")
        ),
        locale_id=seminar.locale_id,
    )
    trainers = list(seminar.trainers.all())
    return {
        "places_left": max(0, seminar.capacity - confirmed),
        "places_taken": confirmed,
        "registration": registration,
        "waiting_position": waiting_position(registration=registration) if registration else None,
        "registration_open": registration_is_open(seminar=seminar),
        "has_started": timezone.now() >= seminar.starts_at,
        "has_ended": timezone.now() >= seminar.ends_at,
        "materials": materials,
        "trainers": trainers,
        "topics": list(seminar.topics.select_related("dimension")),
        "may_see_attendees": may_see_attendees(seminar=seminar, user=user, trainers=trainers),
    }


def material_page_context(*, material):
    return {
        "topics": list(material.topics.select_related("dimension")),
        "documents": list(material.documents.select_related("document")),
        "language_codes": live_languages([material]).get(material.translation_key, []),
        "upcoming": mark_other_language(
            list(
                in_every_language(SeminarPage.objects.live().public(), locale_id=material.locale_id)
                .filter(
                    facts__ends_at__gte=timezone.now(),
                    pk__in=SeminarPage.objects.filter(
                        related_materials__translation_key=material.translation_key
                    ).values("pk"),
                )
                .order_by("facts__starts_at", "facts__pk")[:5]
            ),
            locale_id=material.locale_id,
        ),
    }


def may_see_attendees(*, seminar, user, trainers=None):
    return rules.may_see_attendees(seminar=seminar, user=user, trainers=trainers)


def attendees(*, translation_key):
    """Confirmed then waiting registrations, each in queue order, with users."""
    rows = list(
        Registration.objects.filter(seminar_key=translation_key)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("queued_at", "pk")
    )
    confirmed = [row for row in rows if row.status == RegistrationStatus.CONFIRMED]
    waiting = [row for row in rows if row.status == RegistrationStatus.WAITING]
    for position, row in enumerate(waiting, start=1):
        row.position = position
    return confirmed, waiting


def user_registrations(*, user, language):
    """The user's registrations, newest seminar first, each with the seminar in `language` when possible."""
    registrations = list(Registration.objects.filter(user=user).order_by("-queued_at"))
    pages = defaultdict(list)
    for page in SeminarPage.objects.filter(
        translation_key__in={registration.seminar_key for registration in registrations}
    ).select_related("locale"):
        pages[page.translation_key].append(page)
    result = []
    for registration in registrations:
        seminar = pick_translation(pages.get(registration.seminar_key, []), language)
        if seminar is None:
            continue
        registration.seminar = seminar
        registration.state = seminar.facts
        result.append(registration)
    result.sort(key=lambda registration: registration.seminar.starts_at, reverse=True)
    return result


def feed_seminars(*, language=None, country=None, topic=None, display_language=None):
    """Upcoming live seminars, one page per seminar (its translation in `display_language`)."""
    seminars = SeminarPage.objects.live().public().filter(facts__ends_at__gte=timezone.now()).select_related("locale")
    if language:
        seminars = seminars.filter(facts__language=language)
    if country:
        seminars = seminars.filter(facts__country=country)
    if topic:
        keys = SeminarPage.objects.filter(topic_filter(topic)).values("translation_key")
        seminars = seminars.filter(translation_key__in=keys)
    grouped = defaultdict(list)
    for page in seminars.order_by("facts__starts_at", "facts__pk", "pk"):
        grouped[page.translation_key].append(page)
    chosen = [pick_translation(pages, display_language or settings.LANGUAGE_CODE) for pages in grouped.values()]
    states = {page.translation_key: page.facts for page in chosen}
    return chosen, states


# --- For the dashboard


def upcoming_seminars_on(*, indicator_ids, locale_id):
    """Live, public seminars not yet over and not cancelled, on any of `indicator_ids`, soonest first.

    One page per seminar (in `locale_id`, else its original), marked `shown_in`
    like every list, with topics loaded in indicator order.
    """
    seminars = (
        in_every_language(SeminarPage.objects.live().public(), locale_id=locale_id)
        .filter(topics__in=list(indicator_ids), facts__ends_at__gte=timezone.now(), facts__is_cancelled=False)
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.in_order()))
        .distinct()
        .order_by("facts__starts_at", "pk")
    )
    return mark_other_language(list(seminars), locale_id=locale_id)


def materials_on(*, indicator_ids, locale_id):
    """Live, public training materials on any of `indicator_ids`, by title (one page each, marked `shown_in`)."""
    materials = (
        in_every_language(TrainingMaterialPage.objects.live().public(), locale_id=locale_id)
        .filter(topics__in=list(indicator_ids))
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.in_order()))
        .distinct()
        .order_by("title", "pk")
    )
    return mark_other_language(list(materials), locale_id=locale_id)


def seminars_attended(*, users, language):
    """Seminars that began, at which any of `users` holds a confirmed place, in order of their start.

    Each in `language` where translated (`pick_translation`), topics loaded in indicator order.
    """
    keys = Registration.objects.filter(user__in=users, status=RegistrationStatus.CONFIRMED).values("seminar_key")
    pages = defaultdict(list)
    for page in (
        SeminarPage.objects.filter(translation_key__in=keys, facts__starts_at__lte=timezone.now())
        .select_related("locale")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.in_order()))
    ):
        pages[page.translation_key].append(page)
    chosen = [pick_translation(versions, language) for versions in pages.values()]
    return sorted(chosen, key=lambda seminar: (seminar.starts_at, seminar.pk))
