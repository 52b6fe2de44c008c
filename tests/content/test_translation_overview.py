import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from content.translation_overview import translation_overview
from tests.helpers import add_news, news_index
from tests.mobility.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/translation-overview/"


@pytest.fixture
def article(django_capture_on_commit_callbacks):
    """An English article with a Czech draft and a Polish translation published before the source changed."""
    english = add_news(news_index("en"), 700)
    translate_object(english, [Locale.objects.get(language_code="cs")])
    translate_object(english, [Locale.objects.get(language_code="pl")])
    polish = Translation.objects.get(source__object_id=english.translation_key, target_locale__language_code="pl")
    with django_capture_on_commit_callbacks(execute=True):
        polish.save_target(publish=True)
    english.refresh_from_db()
    english.save_revision().publish()
    return english


def row_of(page, **filters):
    return next((row for row in translation_overview(**filters) if row.page_id == page.pk), None)


def test_overview_row_tells_each_languages_state(article):
    assert row_of(article).statuses == {
        "en": "original",
        "cs": "draft",
        "sk": "missing",
        "pl": "out_of_date",
        "hu": "missing",
        "hr": "missing",
        "tr": "missing",
    }


def test_overview_filters_by_status_and_language(article):
    assert [
        row_of(article, status="out_of_date", language="pl") is not None,
        row_of(article, status="out_of_date", language="cs") is not None,
        row_of(article, status="draft") is not None,
        row_of(article, status="up_to_date") is not None,
    ] == [True, False, True, False]


def test_translation_published_after_the_last_change_is_up_to_date(django_capture_on_commit_callbacks):
    english = add_news(news_index("en"), 701)
    translate_object(english, [Locale.objects.get(language_code="hu")])
    hungarian = Translation.objects.get(source__object_id=english.translation_key, target_locale__language_code="hu")
    with django_capture_on_commit_callbacks(execute=True):
        hungarian.save_target(publish=True)

    assert row_of(english).statuses == {
        "en": "original",
        "cs": "missing",
        "sk": "missing",
        "pl": "missing",
        "hu": "up_to_date",
        "hr": "missing",
        "tr": "missing",
    }
    assert row_of(english, status="up_to_date", language="hu") is not None


def test_editor_sees_the_overview_in_the_admin(client, article):
    client.force_login(EditorFactory())

    html = client.get(URL, {"status": "draft"}).content.decode()

    drafts = translation_overview(status="draft")
    assert "Translation overview" in html
    assert "Article 700" in [row.title for row in drafts]
    listing = html.split('<td class="title">', 1)[1] if '<td class="title">' in html else ""
    assert html.count('<td class="title">') == len(drafts)
    assert listing.count("<td") == 9 * len(drafts) - 1
    assert listing.count("</tr>") == len(drafts)
    assert [label in html for label in ("Original", "Draft", "Missing", "Out of date")] == [True, True, True, True]


def test_participant_cannot_open_the_overview(client):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == 302
