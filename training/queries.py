"""Reads of the training app for views, services and other apps, each in a fixed number of queries.

The reads the page types call themselves, and the one count of taken places,
are in training.selectors; the names other apps use from there are imported
here too (`with_places`, `places_left`, `pick_translation`).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from mobility.models import Indicator
from mobility.queries import topic_filter
from portal.core.pictures import attach_renditions
from training.enums import RegistrationStatus
from training.pages import SeminarPage, TrainingMaterialPage
from training.records import CalendarFeedToken, Registration, SeminarState
from training.selectors import in_every_language, mark_other_language, pick_translation, places_left, with_places


def upcoming_seminars(*, locale_id, limit=3):
    """The next seminars of every language, each in `locale_id` where translated (else marked `shown_in`),
    with `places_left`."""
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
    """The seminar's live page in `language`, else its original (oldest live page), else its oldest page;
    None when there is no such seminar."""
    pages = list(SeminarPage.objects.filter(translation_key=translation_key).select_related("locale"))
    return pick_translation(pages, language)


def original_seminar(*, translation_key):
    """The page the seminar was written in first (its facts are edited there)."""
    return SeminarPage.objects.filter(translation_key=translation_key).select_related("locale").order_by("pk").first()


def seminar_facts(*, translation_key):
    """The seminar's SeminarState row, or None."""
    return SeminarState.objects.filter(translation_key=translation_key).first()


def registration_of(*, user, pk):
    """The user's own registration `pk`, or None (someone else's is None too)."""
    return Registration.objects.filter(pk=pk, user=user).first()


def attendees(*, translation_key):
    """(confirmed, waiting): the seminar's registrations holding a place and those waiting, each in queue
    order, with users; every waiting row carries its `position` (1 = next in line)."""
    rows = list(
        Registration.objects.filter(seminar_key=translation_key)
        .active()
        .select_related("user")
        .order_by("queued_at", "pk")
    )
    confirmed = [row for row in rows if row.status in RegistrationStatus.HOLDS_PLACE]
    waiting = [row for row in rows if row.status == RegistrationStatus.WAITING]
    for position, row in enumerate(waiting, start=1):
        row.position = position
    return confirmed, waiting


def user_registrations(*, user, language):
    """The user's registrations, latest seminar first, each with `seminar` (its page in `language` when
    there is one) and `state` (its facts); registrations whose seminar has no page are left out."""
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


def feed_token_of(*, user):
    """The user's personal calendar feed token, or None."""
    return CalendarFeedToken.objects.filter(user=user).first()


def feed_owner(*, token):
    """The active user whose personal calendar feed has `token`, or None."""
    feed = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def feed_seminars(*, language=None, country=None, topic=None, display_language=None):
    """(pages, states): upcoming live seminars, one page per seminar (its translation in `display_language`,
    else the site's language, else its original), and {translation_key: SeminarState}."""
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
