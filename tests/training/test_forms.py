"""The filters of the library, the seminar index and the public feed."""

import pytest

from tests.training import factories
from training.forms import FeedFilterForm, LibraryFilterForm, SeminarFilterForm
from training.models import SeminarPage, TrainingMaterialPage

pytestmark = pytest.mark.django_db


def test_library_filter_narrows_by_topic_and_format_once_each():
    topic = factories.indicator()
    other = factories.indicator("ACH.5", "ACH")
    wanted = factories.material(topics=[topic, other], format="exercise")
    factories.material(topics=[topic], format="slides")
    factories.material(topics=[other], format="exercise")
    form = LibraryFilterForm({"topic": topic.code, "format": "exercise"})

    assert form.is_valid()
    assert list(form.filter(TrainingMaterialPage.objects.all()).values_list("pk", flat=True)) == [wanted.pk]


def test_seminar_filter_narrows_by_country_language_and_month():
    wanted = factories.seminar(country="SK", language="sk", days_ahead=40)
    factories.seminar(country="SK", language="en", days_ahead=40)
    factories.seminar(country="CZ", language="sk", days_ahead=40)
    month = wanted.start_date.strftime("%Y-%m")
    form = SeminarFilterForm({"country": "SK", "language": "sk", "month": month})

    assert form.is_valid()
    filtered = form.filter(SeminarPage.objects.filter(pk__gte=wanted.pk))
    assert list(filtered.values_list("pk", flat=True)) == [wanted.pk]


def test_seminar_filter_rejects_a_bad_month():
    form = SeminarFilterForm({"month": "May 2026"})

    assert form.is_valid() is False
    assert form.errors["month"] == ["Enter a month as year and month, for example 2026-05."]


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ({"country": "xx"}, {"country": ["Unknown country code."]}),
        ({"topic": "nope"}, {"topic": ["Unknown indicator or dimension code."]}),
    ],
)
def test_feed_filter_refuses_unknown_codes(query, errors):
    form = FeedFilterForm(query)

    assert form.is_valid() is False
    assert form.errors == errors


def test_feed_filter_normalises_codes():
    factories.indicator()
    form = FeedFilterForm({"country": " sk ", "topic": "fin.2"})

    assert form.is_valid()
    assert (form.cleaned_data["country"], form.cleaned_data["topic"]) == ("SK", "FIN.2")
