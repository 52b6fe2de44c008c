"""Reads the training page types call themselves (their `get_context`), and the counts every write relies on.

A page type is also a view: its context needs these reads. They take the
page querysets they list from the page (`materials=`, `seminars=`) and import
the records (training.records) but no page type, so training.pages can import
them. training.queries builds on them for views, services and other apps.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from mobility.models import Indicator
from portal.core.pictures import paginate_pictures
from training import rules
from training.enums import RegistrationStatus
from training.records import Registration


def _places_taken(seminar_key):
    return Registration.objects.holding_place().filter(seminar_key=seminar_key)


def confirmed_count(*, translation_key):
    """How many people hold a place at the seminar, in all its languages (the one count of taken places)."""
    return _places_taken(translation_key).count()


def with_places(seminars):
    """`seminars` annotated with `confirmed_count`: the count of `confirmed_count`, as one subquery for a list."""
    taken = (
        _places_taken(OuterRef("translation_key"))
        .order_by()
        .values("seminar_key")
        .annotate(total=Count("pk"))
        .values("total")[:1]
    )
    return seminars.annotate(confirmed_count=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0)))


def places_left(seminar):
    """The free places of a seminar annotated by `with_places`."""
    return rules.free_places(capacity=seminar.capacity, confirmed=seminar.confirmed_count)


def waiting_position(*, registration):
    """1 for the first person waiting; None when not on the waiting list."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    waiting = Registration.objects.filter(seminar_key=registration.seminar_key, status=RegistrationStatus.WAITING)
    ahead = waiting.filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    ).count()
    return ahead + 1


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


def library_context(*, materials, locale_id, form, page):
    """The library's page `page` of `materials` (live, public pages) filtered by `form`, each in `locale_id`
    where translated, with `shown_in` and `language_codes`."""
    materials = (
        in_every_language(materials, locale_id=locale_id)
        .select_related("trainer", "image")
        .prefetch_related(Prefetch("topics", queryset=Indicator.objects.select_related("dimension")))
    )
    if form.is_valid():
        materials = form.filter(materials)
    shown = paginate_pictures(materials.order_by("title", "pk"), page=page)
    languages = live_languages(shown.object_list)
    for material in mark_other_language(shown.object_list, locale_id=locale_id):
        material.language_codes = languages.get(material.translation_key, [])
    return {"filter_form": form, "materials": shown}


def seminar_index_context(*, seminars, locale_id, form, page):
    """Upcoming (or, with `?when=past`, past) `seminars` filtered by `form`, page `page`, each in
    `locale_id` where translated, with `places_left`, `has_ended` and `shown_in`."""
    now = timezone.now()
    seminars = with_places(
        in_every_language(seminars, locale_id=locale_id).select_related("image").prefetch_related("topics")
    )
    if form.is_valid():
        seminars = form.filter(seminars)
    # Read from the raw query, so a mistyped month still leaves the reader in the list they chose.
    showing_past = form.data.get("when") == "past"
    if showing_past:
        listed = seminars.filter(facts__ends_at__lt=now).order_by("-facts__starts_at", "-facts__pk")
    else:
        listed = seminars.filter(facts__ends_at__gte=now).order_by("facts__starts_at", "facts__pk")
    shown = paginate_pictures(listed, page=page)
    for seminar in mark_other_language(shown.object_list, locale_id=locale_id):
        seminar.places_left = places_left(seminar)
        seminar.has_ended = seminar.ends_at <= now
    return {"filter_form": form, "seminars": shown, "showing_past": showing_past}


def seminar_page_context(*, seminar, user, materials):
    """Places, the user's registration, related `materials` (live, public pages) in the seminar's
    language where translated, and who may see the attendees."""
    now = timezone.now()
    registration = None
    if user.is_authenticated:
        registration = Registration.objects.filter(seminar_key=seminar.translation_key, user=user).first()
    related = materials.model.objects.filter(pk__in=seminar.related_materials.values("pk")).values("translation_key")
    trainers = list(seminar.trainers.all())
    confirmed = confirmed_count(translation_key=seminar.translation_key)
    return {
        "places_left": rules.free_places(capacity=seminar.capacity, confirmed=confirmed),
        "places_taken": confirmed,
        "registration": registration,
        "waiting_position": waiting_position(registration=registration) if registration else None,
        "registration_open": rules.registration_is_open(seminar=seminar, now=now),
        "cancellable": rules.registration_is_cancellable(seminar=seminar, now=now),
        "has_ended": now >= seminar.ends_at,
        "materials": mark_other_language(
            list(
                in_every_language(materials, locale_id=seminar.locale_id)
                .filter(translation_key__in=related)
                .order_by("title")
            ),
            locale_id=seminar.locale_id,
        ),
        "trainers": trainers,
        "topics": list(seminar.topics.select_related("dimension")),
        "may_see_attendees": rules.may_see_attendees(seminar=seminar, user=user, trainers=trainers),
    }


def material_page_context(*, material, seminars):
    """The material's topics, documents and languages, and the next five of `seminars` (live, public pages)
    that use it, each in the material's language where translated."""
    using = seminars.model.objects.filter(related_materials__translation_key=material.translation_key)
    return {
        "topics": list(material.topics.select_related("dimension")),
        "documents": list(material.documents.select_related("document")),
        "language_codes": live_languages([material]).get(material.translation_key, []),
        "upcoming": mark_other_language(
            list(
                in_every_language(seminars, locale_id=material.locale_id)
                .filter(facts__ends_at__gte=timezone.now(), pk__in=using.values("pk"))
                .order_by("facts__starts_at", "facts__pk")[:5]
            ),
            locale_id=material.locale_id,
        ),
    }
