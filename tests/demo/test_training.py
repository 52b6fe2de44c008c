import pytest
from wagtail.models import Locale

from training.models import Registration, RegistrationStatus, SeminarPage, TrainingMaterialPage

pytestmark = pytest.mark.django_db

LANGS = ("en", "cs", "sk", "pl", "hu", "hr", "tr")


def test_seed_translates_every_material_into_seven_languages():
    english = TrainingMaterialPage.objects.live().filter(locale__language_code="en")

    assert english.count() == 10
    for material in english:
        translations = TrainingMaterialPage.objects.live().filter(translation_key=material.translation_key)
        assert sorted(translations.values_list("locale__language_code", flat=True)) == sorted(LANGS)
        assert len(set(translations.values_list("title", flat=True))) == 7


def test_seed_has_seminars_in_six_countries_in_local_language_and_english():
    english = SeminarPage.objects.filter(locale__language_code="en")

    assert english.count() == 12
    assert sorted(set(english.values_list("country", flat=True))) == ["CZ", "HR", "HU", "PL", "SK", "TR"]
    for seminar in english:
        codes = set(
            SeminarPage.objects.filter(translation_key=seminar.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        assert codes == {"en", seminar.language}


def test_seed_has_a_full_seminar_with_a_waiting_list():
    full = SeminarPage.objects.get(locale=Locale.objects.get(language_code="en"), capacity=2)
    statuses = list(
        Registration.objects.filter(seminar_key=full.translation_key)
        .order_by("queued_at")
        .values_list("status", flat=True)
    )

    assert statuses == [RegistrationStatus.CONFIRMED] * 2 + [RegistrationStatus.WAITING] * 2
