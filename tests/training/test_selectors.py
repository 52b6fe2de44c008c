"""The one count of taken places, its list annotation, and the waiting-list position."""

import pytest

from tests.training import factories
from training.models import SeminarPage
from training.selectors import confirmed_count, pick_translation, places_left, waiting_position, with_places
from training.services import cancel_registration, register_for_seminar

pytestmark = pytest.mark.django_db


def _register(seminar, people):
    return [register_for_seminar(seminar=seminar, user=factories.UserFactory()) for _ in range(people)]


@pytest.mark.parametrize(("registered", "confirmed", "left"), [(1, 1, 29), (30, 30, 0)])
def test_confirmed_count_and_the_list_annotation_agree(registered, confirmed, left):
    seminar = factories.seminar(capacity=30)
    _register(seminar, registered)

    annotated = with_places(SeminarPage.objects.filter(pk=seminar.pk)).get()

    assert confirmed_count(translation_key=seminar.translation_key) == confirmed
    assert annotated.confirmed_count == confirmed
    assert places_left(annotated) == left


def test_waiting_and_cancelled_registrations_take_no_place():
    seminar = factories.seminar(capacity=2)
    first, _second, waiting = _register(seminar, 3)
    cancel_registration(registration=first, by=first.user)
    # The cancelled place went to the person waiting: still two confirmed, nobody waiting.
    assert confirmed_count(translation_key=seminar.translation_key) == 2
    register_for_seminar(seminar=seminar, user=factories.UserFactory())

    annotated = with_places(SeminarPage.objects.filter(pk=seminar.pk)).get()

    assert (confirmed_count(translation_key=seminar.translation_key), annotated.confirmed_count) == (2, 2)
    assert places_left(annotated) == 0
    assert waiting.user.registrations.get().status == "confirmed"


def test_places_are_counted_once_for_every_translation():
    english = factories.seminar(capacity=5)
    czech = factories.seminar(lang="cs", translation_of=english, slug="cesky")
    register_for_seminar(seminar=english, user=factories.UserFactory())
    register_for_seminar(seminar=czech, user=factories.UserFactory())

    pages = with_places(SeminarPage.objects.filter(translation_key=english.translation_key)).order_by("pk")

    assert [page.confirmed_count for page in pages] == [2, 2]
    assert confirmed_count(translation_key=english.translation_key) == 2


def test_a_seminar_without_registrations_has_every_place_left():
    seminar = factories.seminar(capacity=7)

    annotated = with_places(SeminarPage.objects.filter(pk=seminar.pk)).get()

    assert (annotated.confirmed_count, places_left(annotated)) == (0, 7)


def test_with_places_is_one_query_for_1_or_30_seminars(django_assert_num_queries):
    seminars = [factories.seminar(capacity=3)]
    _register(seminars[0], 2)
    with django_assert_num_queries(1):
        one = [places_left(seminar) for seminar in with_places(SeminarPage.objects.filter(pk=seminars[0].pk))]
    seminars += [factories.seminar(capacity=3) for _ in range(29)]
    keys = [seminar.pk for seminar in seminars]

    with django_assert_num_queries(1):
        thirty = [places_left(seminar) for seminar in with_places(SeminarPage.objects.filter(pk__in=keys))]

    assert one == [1]
    assert sorted(thirty) == [1] + [3] * 29


def test_waiting_position_counts_people_queued_earlier():
    seminar = factories.seminar(capacity=1)
    confirmed, first, second = _register(seminar, 3)

    assert [waiting_position(registration=row) for row in (confirmed, first, second)] == [None, 1, 2]
    cancel_registration(registration=first, by=first.user)
    second.refresh_from_db()
    assert waiting_position(registration=second) == 1


def test_pick_translation_prefers_the_language_then_the_original():
    english = factories.seminar()
    czech = factories.seminar(lang="cs", translation_of=english, slug="cesky")
    pages = list(SeminarPage.objects.filter(translation_key=english.translation_key).select_related("locale"))

    assert pick_translation(pages, "cs").pk == czech.pk
    assert pick_translation(pages, "pl").pk == english.pk
    assert pick_translation([], "en") is None
