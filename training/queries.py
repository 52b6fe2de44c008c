"""Reads of the training app. Each returns what a page needs in a fixed number of queries."""

from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from mobility.models import Indicator
from training import rules
from training.models import (
    Registration,
    RegistrationStatus,
    SeminarPage,
    SeminarState,
    TrainingMaterialPage,
)

PAGE_SIZE = 12
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def paginate(params, items, per_page=PAGE_SIZE):
    return Paginator(items, per_page).get_page(params.get("page"))


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


def topic_filter(code, prefix=""):
    """Q for pages whose topics contain the indicator `code` or any indicator of the dimension `code`."""
    return Q(**{f"{prefix}topics__code": code}) | Q(**{f"{prefix}topics__dimension__code": code})


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
        TrainingMaterialPage.objects.live()
        .public()
        .child_of(library)
        .select_related("trainer")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.select_related("dimension")))
    )
    form = LibraryFilterForm(params or None)
    if form.is_valid():
        materials = form.filter(materials)
    page = paginate(params, materials.order_by("title", "pk"))
    languages = live_languages(page.object_list)
    for material in page.object_list:
        material.language_codes = languages.get(material.translation_key, [])
    return {"filter_form": form, "materials": page}


def seminar_index_context(*, index, params):
    from training.forms import SeminarFilterForm

    now = timezone.now()
    seminars = with_places(SeminarPage.objects.live().public().child_of(index).prefetch_related("topics"))
    form = SeminarFilterForm(params or None)
    if form.is_valid():
        seminars = form.filter(seminars)
    upcoming = seminars.filter(ends_at__gte=now).order_by("starts_at", "pk")
    past = seminars.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    when = params.get("when")
    listed = past if when == "past" else upcoming
    page = paginate(params, listed)
    for seminar in page.object_list:
        seminar.places_left = places_left(seminar)
    return {"filter_form": form, "seminars": page, "showing_past": when == "past"}


def upcoming_seminars(*, locale_id, limit=3):
    seminars = with_places(
        SeminarPage.objects.live()
        .public()
        .filter(locale_id=locale_id, ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")
    )[:limit]
    seminars = list(seminars)
    for seminar in seminars:
        seminar.places_left = places_left(seminar)
    return seminars


def seminar_in_language(*, translation_key, language):
    """The seminar's translation in `language`, else in its delivery language, else English, else any."""
    pages = list(SeminarPage.objects.filter(translation_key=translation_key).select_related("locale"))
    return pick_translation(pages, language)


def pick_translation(pages, language):
    if not pages:
        return None
    by_language = {page.locale.language_code: page for page in pages}
    live = [page for page in pages if page.live]
    for code in (language, pages[0].language, settings.LANGUAGE_CODE):
        page = by_language.get(code)
        if page is not None and page.live:
            return page
    return (live or pages)[0]


def seminar_page_context(*, seminar, user):
    """Places, the user's registration, localised related materials and the trainers' rights."""
    from training.services import registration_is_open, waiting_position

    confirmed = Registration.objects.filter(
        seminar_key=seminar.translation_key, status=RegistrationStatus.CONFIRMED
    ).count()
    registration = None
    if user.is_authenticated:
        registration = Registration.objects.filter(seminar_key=seminar.translation_key, user=user).first()
    materials = list(
        TrainingMaterialPage.objects.live()
        .public()
        .filter(
            translation_key__in=TrainingMaterialPage.objects.filter(
                pk__in=seminar.related_materials.values("pk")
            ).values("translation_key"),
            locale_id=seminar.locale_id,
        )
        .order_by("title")
    )
    trainers = list(seminar.trainers.all())
    return {
        "places_left": max(0, seminar.capacity - confirmed),
        "registration": registration,
        "waiting_position": waiting_position(registration=registration) if registration else None,
        "registration_open": registration_is_open(seminar=seminar),
        "has_started": timezone.now() >= seminar.starts_at,
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
        "upcoming": list(
            SeminarPage.objects.live()
            .public()
            .filter(
                locale_id=material.locale_id,
                ends_at__gte=timezone.now(),
                related_materials__translation_key=material.translation_key,
            )
            .distinct()
            .order_by("starts_at")[:5]
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
    states = {state.translation_key: state for state in SeminarState.objects.filter(translation_key__in=list(pages))}
    result = []
    for registration in registrations:
        seminar = pick_translation(pages.get(registration.seminar_key, []), language)
        if seminar is None:
            continue
        registration.seminar = seminar
        registration.state = states.get(registration.seminar_key)
        result.append(registration)
    result.sort(key=lambda registration: registration.seminar.starts_at, reverse=True)
    return result


def feed_seminars(*, language=None, country=None, topic=None, display_language=None):
    """Upcoming live seminars, one page per seminar (its translation in `display_language`)."""
    seminars = SeminarPage.objects.live().public().filter(ends_at__gte=timezone.now()).select_related("locale")
    if language:
        seminars = seminars.filter(language=language)
    if country:
        seminars = seminars.filter(country=country)
    if topic:
        keys = SeminarPage.objects.filter(topic_filter(topic)).values("translation_key")
        seminars = seminars.filter(translation_key__in=keys)
    grouped = defaultdict(list)
    for page in seminars.order_by("starts_at", "pk"):
        grouped[page.translation_key].append(page)
    chosen = [pick_translation(pages, display_language or settings.LANGUAGE_CODE) for pages in grouped.values()]
    states = {state.translation_key: state for state in SeminarState.objects.filter(translation_key__in=list(grouped))}
    return chosen, states
