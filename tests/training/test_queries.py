"""Reads for views, services and other apps."""

import pytest

from tests.training import factories
from training.queries import (
    attendees,
    feed_owner,
    feed_token_of,
    original_seminar,
    registration_of,
    seminar_facts,
    seminar_in_language,
    upcoming_seminars,
    user_registrations,
)
from training.services import cancel_registration, regenerate_feed_token, register_for_seminar, revoke_feed_token

pytestmark = pytest.mark.django_db


def test_attendees_lists_confirmed_then_waiting_in_queue_order_without_the_cancelled():
    seminar = factories.seminar(capacity=2)
    people = [factories.UserFactory(email=f"a{number}@example.org") for number in range(5)]
    registrations = [register_for_seminar(seminar=seminar, user=person) for person in people]
    cancel_registration(registration=registrations[0], by=people[0])

    confirmed, waiting = attendees(translation_key=seminar.translation_key)

    assert [row.user.email for row in confirmed] == ["a1@example.org", "a2@example.org"]
    assert [(row.user.email, row.position) for row in waiting] == [("a3@example.org", 1), ("a4@example.org", 2)]


def test_upcoming_seminars_carry_their_places_left():
    index_locale = factories.seminar_index("en").locale_id
    seminar = factories.seminar(capacity=3, days_ahead=1)
    register_for_seminar(seminar=seminar, user=factories.UserFactory())

    found = {row.pk: row.places_left for row in upcoming_seminars(locale_id=index_locale, limit=100)}

    assert found[seminar.pk] == 2


def test_seminar_in_language_and_original():
    english = factories.seminar()
    czech = factories.seminar(lang="cs", translation_of=english, slug="cesky")

    assert seminar_in_language(translation_key=english.translation_key, language="cs").pk == czech.pk
    assert seminar_in_language(translation_key=english.translation_key, language="hu").pk == english.pk
    assert original_seminar(translation_key=english.translation_key).pk == english.pk
    assert seminar_facts(translation_key=english.translation_key).capacity == 10


def test_registration_of_is_only_the_users_own():
    registration = register_for_seminar(seminar=factories.seminar(), user=factories.UserFactory())

    assert registration_of(user=registration.user, pk=registration.pk) == registration
    assert registration_of(user=factories.UserFactory(), pk=registration.pk) is None


def test_user_registrations_latest_seminar_first_in_the_users_language():
    person = factories.UserFactory(language="cs")
    soon = factories.seminar(days_ahead=3)
    later = factories.seminar(days_ahead=30)
    czech = factories.seminar(lang="cs", translation_of=later, slug="pozdeji")
    for seminar in (soon, later):
        register_for_seminar(seminar=seminar, user=person)

    rows = user_registrations(user=person, language="cs")

    assert [row.seminar.pk for row in rows] == [czech.pk, soon.pk]
    assert [row.state.translation_key for row in rows] == [later.translation_key, soon.translation_key]


def test_feed_owner_only_for_an_active_user_with_that_token():
    person = factories.UserFactory()
    token = regenerate_feed_token(user=person).token

    assert feed_token_of(user=person).token == token
    assert feed_owner(token=token) == person
    assert feed_owner(token="unknown") is None
    person.is_active = False
    person.save()
    assert feed_owner(token=token) is None
    revoke_feed_token(user=person)
    assert feed_token_of(user=person) is None
