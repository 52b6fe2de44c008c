"""The training models: state groups on the enum, one list of facts derived from SeminarState, facts read
through every translation."""

import datetime

import pytest

from tests.training import factories
from training.admin_forms import SeminarPageForm
from training.enums import RegistrationStatus
from training.models import Registration, SeminarPage, SeminarState
from training.records import DERIVED_FACTS, ENTERED_FACTS, QUERYABLE_FACTS

pytestmark = pytest.mark.django_db


def test_registration_state_groups():
    assert RegistrationStatus.HOLDS_PLACE == (RegistrationStatus.CONFIRMED,)
    assert RegistrationStatus.ACTIVE == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    # The groups are not choices of their own.
    assert RegistrationStatus.values == ["confirmed", "waiting", "cancelled"]


def test_the_entered_facts_are_the_editable_fields_of_seminar_state():
    assert ENTERED_FACTS == (
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "time_zone",
        "registration_deadline",
        "venue_name",
        "address",
        "online_url",
        "country",
        "language",
        "capacity",
        "is_cancelled",
    )
    assert QUERYABLE_FACTS == ENTERED_FACTS + DERIVED_FACTS
    assert [SeminarState._meta.get_field(name).editable for name in DERIVED_FACTS] == [False, False, False]


def test_the_admin_form_has_a_field_for_every_entered_fact():
    assert set(ENTERED_FACTS) <= set(SeminarPageForm.base_fields)
    assert SeminarPage.base_form_class is SeminarPageForm


def test_every_translation_reads_the_one_facts_row():
    english = factories.seminar(capacity=12, time_zone="Europe/Warsaw", venue_name="Hall A")
    czech = factories.seminar(lang="cs", translation_of=english, slug="cesky", capacity=99)

    pages = list(SeminarPage.objects.filter(translation_key=english.translation_key).order_by("pk"))

    assert [(page.capacity, page.time_zone, page.venue_name) for page in pages] == [
        (12, "Europe/Warsaw", "Hall A"),
        (12, "Europe/Warsaw", "Hall A"),
    ]
    assert czech.facts_id == english.translation_key
    assert SeminarPage.objects.filter(capacity=12, translation_key=english.translation_key).count() == 2


def test_the_instants_are_derived_from_the_venue_time():
    seminar = factories.seminar(
        start_date=datetime.date(2031, 3, 10),
        end_date=datetime.date(2031, 3, 10),
        registration_deadline=datetime.date(2031, 3, 5),
        time_zone="Europe/Budapest",
    )

    assert seminar.starts_at == datetime.datetime(2031, 3, 10, 8, 0, tzinfo=datetime.UTC)
    assert seminar.ends_at == datetime.datetime(2031, 3, 10, 16, 0, tzinfo=datetime.UTC)
    assert seminar.registration_closes_at == datetime.datetime(2031, 3, 5, 23, 0, tzinfo=datetime.UTC)


def test_holding_place_and_active_filter_by_the_groups():
    seminar = factories.seminar(capacity=1)
    people = [factories.UserFactory() for _ in range(3)]
    for person, status in zip(people, ("confirmed", "waiting", "cancelled"), strict=True):
        Registration.objects.create(
            seminar_key=seminar.translation_key, user=person, status=status, queued_at=seminar.starts_at
        )
    mine = Registration.objects.filter(seminar_key=seminar.translation_key)

    assert list(mine.holding_place().values_list("status", flat=True)) == ["confirmed"]
    assert sorted(mine.active().values_list("status", flat=True)) == ["confirmed", "waiting"]
