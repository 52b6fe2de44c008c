"""The demo news and stories are written in every language, and the translation overview knows it."""

import pytest

from content.models import HomePage, NewsPage
from content.translation_overview import translation_overview
from tests.helpers import LANGS, in_language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGS[1:])
def test_translated_pages_are_not_english_copies(lang):
    english = in_language(NewsPage, "en")
    translation = english.get_translation(in_language(HomePage, lang).locale)

    assert translation.title != english.title
    assert translation.summary != english.summary


def test_demo_news_translations_are_up_to_date():
    rows = [row for row in translation_overview() if row.type_name == "news article"]

    assert len(rows) == 6
    assert {tuple(sorted(row.statuses.items())) for row in rows} == {
        (
            ("cs", "up_to_date"),
            ("en", "original"),
            ("hr", "up_to_date"),
            ("hu", "up_to_date"),
            ("pl", "up_to_date"),
            ("sk", "up_to_date"),
            ("tr", "up_to_date"),
        )
    }
