"""Row-lock tests: real threads, each with its own database connection (PostgreSQL only).

Named to run after the other training tests: a transactional test empties the
database when it ends, so each test here makes sure a seminar index exists.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from tests.training import factories
from training.models import Registration, RegistrationStatus, SeminarIndexPage
from training.services import cancel_registration, register_for_seminar, update_seminar_facts

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _run_together(jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _ensure_seminar_index(lang="en"):
    if SeminarIndexPage.objects.filter(locale__language_code=lang).exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code=lang)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    root.add_child(instance=SeminarIndexPage(title="Seminars", slug=f"seminars-{lang}", locale=locale))


def _statuses(seminar):
    return list(Registration.objects.filter(seminar_key=seminar.translation_key).values_list("status", flat=True))


def test_thirty_concurrent_registrations_never_overbook_ten_places():
    _ensure_seminar_index()
    for _round in range(5):
        seminar = factories.seminar(capacity=10)
        people = [factories.UserFactory() for _ in range(30)]

        errors = _run_together(
            [
                lambda person=person, seminar=seminar: register_for_seminar(seminar=seminar, user=person)
                for person in people
            ]
        )

        statuses = _statuses(seminar)
        assert errors == []
        assert statuses.count(RegistrationStatus.CONFIRMED) == 10
        assert statuses.count(RegistrationStatus.WAITING) == 20
        waiting = Registration.objects.filter(seminar_key=seminar.translation_key, status="waiting")
        assert waiting.values("queued_at", "user").distinct().count() == 20


def test_concurrent_cancellations_and_registrations_keep_places_filled_without_overbooking():
    _ensure_seminar_index()
    for _round in range(3):
        seminar = factories.seminar(capacity=10)
        first = [register_for_seminar(seminar=seminar, user=factories.UserFactory()) for _ in range(15)]
        newcomers = [factories.UserFactory() for _ in range(10)]
        cancelling = first[:5] + first[10:13]

        jobs = [
            lambda registration=registration: cancel_registration(registration=registration, by=registration.user)
            for registration in cancelling
        ] + [
            lambda person=person, seminar=seminar: register_for_seminar(seminar=seminar, user=person)
            for person in newcomers
        ]
        errors = _run_together(jobs)

        statuses = _statuses(seminar)
        assert errors == []
        assert statuses.count(RegistrationStatus.CANCELLED) == 8
        assert statuses.count(RegistrationStatus.CONFIRMED) == 10
        assert statuses.count(RegistrationStatus.WAITING) == 25 - 8 - 10


def test_registrations_through_every_languages_url_obey_the_one_capacity():
    languages = ("en", "cs", "pl", "hu")
    for lang in languages:
        _ensure_seminar_index(lang)
    english = factories.seminar(capacity=10)
    for lang in languages[1:]:
        factories.seminar(lang=lang, translation_of=english, slug=f"seminar-{lang}")
    clients = []
    for number in range(24):
        client = Client()
        client.force_login(factories.UserFactory())
        lang = languages[number % len(languages)]
        with translation.override(lang):
            url = reverse("training:register", args=[english.translation_key])
        clients.append((client, url))
    # Lowered once, on the original: every language's registration reads the new value at once.
    update_seminar_facts(translation_key=english.translation_key, capacity=7)

    errors = _run_together([lambda client=client, url=url: client.post(url) for client, url in clients])

    statuses = _statuses(english)
    assert errors == []
    assert (statuses.count(RegistrationStatus.CONFIRMED), statuses.count(RegistrationStatus.WAITING)) == (7, 17)
