import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from icalendar import Calendar
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests.training import factories
from training.models import Registration, SeminarPage, SeminarState
from training.selectors import waiting_position
from training.services import cancel_registration, register_for_seminar, update_seminar_facts

pytestmark = pytest.mark.django_db


def _register(seminar, people):
    return [register_for_seminar(seminar=seminar, user=person) for person in people]


def test_register_confirms_while_places_remain_then_queues(django_capture_on_commit_callbacks):
    seminar = factories.seminar(capacity=2)
    people = [factories.UserFactory() for _ in range(4)]

    with django_capture_on_commit_callbacks(execute=True):
        registrations = _register(seminar, people)

    assert [registration.status for registration in registrations] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert [waiting_position(registration=registration) for registration in registrations] == [None, None, 1, 2]


def test_register_in_another_translation_counts_for_the_same_seminar():
    english = factories.seminar(capacity=1)
    hungarian = factories.seminar(lang="hu", capacity=1, translation_of=english, slug="szeminarium")

    first = register_for_seminar(seminar=english, user=factories.UserFactory())
    second = register_for_seminar(seminar=hungarian, user=factories.UserFactory())

    assert (first.status, second.status) == ("confirmed", "waiting")
    assert first.seminar_key == second.seminar_key == english.translation_key


def test_register_twice_is_refused():
    seminar = factories.seminar()
    person = factories.UserFactory()
    register_for_seminar(seminar=seminar, user=person)

    with pytest.raises(ValidationError) as error:
        register_for_seminar(seminar=seminar, user=person)

    assert error.value.messages == ["You are already registered for this seminar."]


def test_register_after_deadline_is_refused():
    seminar = factories.seminar(days_ahead=2, registration_deadline=datetime.date.today() - datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        register_for_seminar(seminar=seminar, user=factories.UserFactory())

    assert error.value.messages == ["Registration for this seminar is closed."]


def test_register_after_start_is_refused():
    seminar = factories.seminar(days_ahead=-1)

    with pytest.raises(ValidationError):
        register_for_seminar(seminar=seminar, user=factories.UserFactory())


def test_database_refuses_a_second_row_per_person_and_seminar():
    seminar = factories.seminar()
    registration = register_for_seminar(seminar=seminar, user=factories.UserFactory())

    with pytest.raises(IntegrityError):
        Registration.objects.create(
            seminar_key=seminar.translation_key,
            user=registration.user,
            status="waiting",
            queued_at=registration.queued_at,
        )


def test_confirmation_email_in_participants_language_with_ics(django_capture_on_commit_callbacks):
    english = factories.seminar()
    factories.seminar(lang="sk", translation_of=english, title="Seminár po slovensky", slug="seminar-sk")
    person = factories.UserFactory(language="sk")

    with django_capture_on_commit_callbacks(execute=True):
        register_for_seminar(seminar=english, user=person)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert "Seminár po slovensky" in message.subject
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("seminar.ics", "text/calendar")
    event = Calendar.from_ical(content).events[0]
    assert str(event["UID"]) == f"seminar-{english.translation_key}@seminars.centramo"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_cancel_promotes_first_waiting_and_emails_them(django_capture_on_commit_callbacks):
    seminar = factories.seminar(capacity=1)
    first, second, third = (factories.UserFactory() for _ in range(3))
    confirmed, waiting_first, waiting_second = _register(seminar, [first, second, third])

    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=confirmed, by=first)

    statuses = dict(Registration.objects.filter(seminar_key=seminar.translation_key).values_list("user", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "confirmed", third.pk: "waiting"}
    assert [message.to for message in mail.outbox] == [[first.email], [second.email]]
    assert "A place has become free for you" in mail.outbox[1].subject
    cancelled_event = Calendar.from_ical(mail.outbox[0].attachments[0][1]).events[0]
    assert str(cancelled_event["STATUS"]) == "CANCELLED"
    assert cancelled_event["SEQUENCE"] == 1


def test_cancel_by_someone_else_is_refused():
    seminar = factories.seminar()
    registration = register_for_seminar(seminar=seminar, user=factories.UserFactory())

    with pytest.raises(PermissionDenied):
        cancel_registration(registration=registration, by=factories.UserFactory())


def test_register_again_after_cancelling_goes_to_the_end_of_the_queue():
    seminar = factories.seminar(capacity=1)
    first, second = factories.UserFactory(), factories.UserFactory()
    registration = register_for_seminar(seminar=seminar, user=first)
    register_for_seminar(seminar=seminar, user=second)
    cancel_registration(registration=registration, by=first)

    again = register_for_seminar(seminar=seminar, user=first)

    assert (again.pk, again.status, again.revision) == (registration.pk, "waiting", 2)


def test_changing_the_date_raises_sequence_and_notifies_confirmed_and_waiting(django_capture_on_commit_callbacks):
    seminar = factories.seminar(capacity=1)
    _register(seminar, [factories.UserFactory(), factories.UserFactory()])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update_seminar_facts(
            translation_key=seminar.translation_key,
            start_date=seminar.start_date + datetime.timedelta(days=7),
            end_date=seminar.end_date + datetime.timedelta(days=7),
        )

    assert SeminarState.objects.get(translation_key=seminar.translation_key).sequence == 1
    assert len(mail.outbox) == 2
    assert [message.subject.startswith("The seminar has changed") for message in mail.outbox] == [True, True]
    event = Calendar.from_ical(mail.outbox[0].attachments[0][1]).events[0]
    assert event["SEQUENCE"] == 1
    assert event.start.date() == seminar.start_date + datetime.timedelta(days=7)


def test_publishing_without_a_facts_change_sends_nothing(django_capture_on_commit_callbacks):
    seminar = factories.seminar()
    register_for_seminar(seminar=seminar, user=factories.UserFactory())
    mail.outbox.clear()

    seminar.summary = "A better summary"
    with django_capture_on_commit_callbacks(execute=True):
        seminar.save_revision().publish()
        update_seminar_facts(translation_key=seminar.translation_key, capacity=seminar.capacity + 5)

    assert mail.outbox == []
    assert SeminarState.objects.get(translation_key=seminar.translation_key).sequence == 0


def test_adding_places_promotes_waiting_people_in_order(django_capture_on_commit_callbacks):
    seminar = factories.seminar(capacity=1)
    people = [factories.UserFactory() for _ in range(4)]
    _register(seminar, people)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update_seminar_facts(translation_key=seminar.translation_key, capacity=3)

    statuses = dict(Registration.objects.filter(seminar_key=seminar.translation_key).values_list("user", "status"))
    assert [statuses[person.pk] for person in people] == ["confirmed", "confirmed", "confirmed", "waiting"]
    assert [message.to for message in mail.outbox] == [[people[1].email], [people[2].email]]
    assert [message.subject for message in mail.outbox] == [
        f"A place has become free for you: {seminar.title}",
        f"A place has become free for you: {seminar.title}",
    ]


def test_lowering_places_below_the_confirmed_count_is_refused():
    seminar = factories.seminar(capacity=3)
    _register(seminar, [factories.UserFactory() for _ in range(3)])

    with pytest.raises(ValidationError) as error:
        update_seminar_facts(translation_key=seminar.translation_key, capacity=2)

    assert error.value.message_dict == {
        "capacity": [
            "3 people are confirmed, so the seminar needs at least 3 places. To offer fewer places, cancel the "
            "seminar or contact the people registered and ask some of them to cancel."
        ]
    }
    assert SeminarState.objects.get(translation_key=seminar.translation_key).capacity == 3


def test_a_wagtail_localize_translation_reads_the_new_facts_without_any_sync():

    english = factories.seminar(capacity=12, venue_name="Old hall")
    source, _created = TranslationSource.get_or_create_from_instance(english)
    hungarian, _created = source.create_or_update_translation(Locale.objects.get(language_code="hu"), fallback=True)
    hungarian.save_revision().publish()

    update_seminar_facts(
        translation_key=english.translation_key,
        capacity=15,
        venue_name="New hall",
        start_date=english.start_date + datetime.timedelta(days=1),
        end_date=english.end_date + datetime.timedelta(days=1),
    )
    hungarian = SeminarPage.objects.get(pk=hungarian.pk)

    assert (hungarian.capacity, hungarian.venue_name, hungarian.start_date) == (
        15,
        "New hall",
        english.start_date + datetime.timedelta(days=1),
    )
    assert hungarian.facts == SeminarState.objects.get(translation_key=english.translation_key)
