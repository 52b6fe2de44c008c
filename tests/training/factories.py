"""Small builders for training tests (on top of the seeded demo site)."""

import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from mobility.models import Dimension, Indicator
from portal.models import User
from portal.roles import TRAINERS
from training.admin_forms import FACT_FIELDS
from training.models import SeminarIndexPage, SeminarPage, TrainingLibraryPage, TrainingMaterialPage
from training.services import update_seminar_facts

_numbers = itertools.count(1)


def indicator(code="FIN.2", dimension="FIN"):
    dim, _created = Dimension.objects.get_or_create(code=dimension, defaults={"name": dimension})
    found, _created = Indicator.objects.get_or_create(code=code, defaults={"dimension": dim, "name": code})
    return found


def user(email=None, *, language="en", trainer=False, **fields):
    email = email or f"person{next(_numbers)}@example.org"
    person = User.objects.create_user(email, "pw-Secret-123", preferred_language=language, **fields)
    if trainer:
        person.groups.add(Group.objects.get(name=TRAINERS))
    return person


def seminar_index(lang="en"):
    return SeminarIndexPage.objects.get(locale__language_code=lang)


def library(lang="en"):
    return TrainingLibraryPage.objects.get(locale__language_code=lang)


def seminar(*, lang="en", capacity=10, days_ahead=14, trainers=(), topics=(), translation_of=None, **fields):
    """A published seminar page; with `translation_of`, a translation sharing that seminar's facts.

    Facts (dates, place, capacity, ...) given for a translation are ignored:
    a seminar has one set of them, written with the original.
    """
    number = next(_numbers)
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    text = {"title": f"Seminar {number}", "slug": f"seminar-{number}", "summary": f"Summary {number}"}
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
    for name in list(fields):
        if name in FACT_FIELDS:
            facts[name] = fields.pop(name)
    text.update(fields)
    page = SeminarPage(locale=Locale.objects.get(language_code=lang), **text)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    else:
        update_seminar_facts(translation_key=page.translation_key, trainers=list(trainers), **facts)
    page.facts_id = page.translation_key
    page.topics = list(topics)
    seminar_index(lang).add_child(instance=page)
    page.save_revision().publish()
    return SeminarPage.objects.get(pk=page.pk)


def material(*, lang="en", topics=(), **fields):
    number = next(_numbers)
    values = {
        "title": f"Material {number}",
        "slug": f"material-{number}",
        "summary": f"Summary {number}",
        "format": "slides",
        "level": "introductory",
        "duration_minutes": 30,
    }
    values.update(fields)
    page = TrainingMaterialPage(locale=Locale.objects.get(language_code=lang), **values)
    page.topics = list(topics)
    library(lang).add_child(instance=page)
    page.save_revision().publish()
    return page
