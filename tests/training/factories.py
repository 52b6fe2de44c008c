"""factory_boy factories for training tests (on top of the seeded sections).

The lower-case names (`seminar`, `material`, `indicator`, `seminar_index`,
`library`) are the short calls the tests of every app use. People are
`tests.mobility.factories.UserFactory` (imported here, so `factories.UserFactory`
is that one) and its `TrainerFactory`.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from tests.content.factories import PageFactory
from tests.mobility.factories import DimensionFactory, IndicatorFactory, UserFactory
from training.models import SeminarIndexPage, SeminarPage, TrainingLibraryPage, TrainingMaterialPage
from training.records import ENTERED_FACTS
from training.services import update_seminar_facts


def seminar_index(lang="en"):
    return SeminarIndexPage.objects.get(locale__language_code=lang)


def library(lang="en"):
    return TrainingLibraryPage.objects.get(locale__language_code=lang)


class TrainerFactory(UserFactory):
    """A user in the Trainers group."""

    role = "trainer"


class SeminarFactory(DjangoModelFactory):
    """A published seminar page in `lang` (a Hungarian-language seminar in Budapest, 09:00-17:00, in
    `days_ahead` days); with `translation_of`, a translation sharing that seminar's facts.

    Facts (dates, place, capacity, ...) given for a translation are ignored:
    a seminar has one set of them, written with the original.
    """

    class Meta:
        model = SeminarPage

    title = factory.Sequence(lambda number: f"Seminar {number}")
    slug = factory.Sequence(lambda number: f"seminar-{number}")
    summary = factory.Sequence(lambda number: f"Summary {number}")

    @classmethod
    def _create(cls, model_class, *, lang="en", capacity=10, days_ahead=14, trainers=(), topics=(), **fields):
        translation_of = fields.pop("translation_of", None)
        day = timezone.localdate() + datetime.timedelta(days=days_ahead)
        facts = {
            "start_date": day,
            "start_time": datetime.time(9),
            "end_date": day,
            "end_time": datetime.time(17),
            "time_zone": "Europe/Budapest",
            "venue_name": "Innovation Centre",
            "address": "Main street 1, Budapest",
            "country": "HU",
            "language": "hu",
            "capacity": capacity,
        }
        facts.update({name: fields.pop(name) for name in ENTERED_FACTS if name in fields})
        page = model_class(locale=Locale.objects.get(language_code=lang), **fields)
        if translation_of is not None:
            page.translation_key = translation_of.translation_key
        else:
            update_seminar_facts(translation_key=page.translation_key, trainers=list(trainers), **facts)
        page.facts_id = page.translation_key
        page.topics = list(topics)
        seminar_index(lang).add_child(instance=page)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


class MaterialFactory(PageFactory):
    """A published training material (30-minute introductory slides) in `lang`, in that language's library."""

    class Meta:
        model = TrainingMaterialPage

    title = factory.Sequence(lambda number: f"Material {number}")
    slug = factory.Sequence(lambda number: f"material-{number}")
    summary = factory.Sequence(lambda number: f"Summary {number}")
    format = "slides"
    level = "introductory"
    duration_minutes = 30

    @classmethod
    def _create(cls, model_class, *args, lang="en", **fields):
        return super()._create(model_class, *args, parent=library(lang), lang=lang, **fields)


def indicator(code="FIN.2", dimension="FIN"):
    return IndicatorFactory(code=code, dimension=DimensionFactory(code=dimension))


seminar = SeminarFactory
material = MaterialFactory
