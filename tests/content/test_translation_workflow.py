from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from content.models import NewsPage
from tests.helpers import add_news, news_index
from tests.mobility.factories import EditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def start_translation(client, page, lang):
    locale = Locale.objects.get(language_code=lang)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [locale.id]}
    )
    assert response.status_code == 302
    return NewsPage.objects.get(translation_key=page.translation_key, locale=locale)


def translate_segment(client, page, translated, path, value):
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=translated.locale)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def publish(client, translated, capture_on_commit):
    # wagtail-localize publishes once the transaction commits.
    with capture_on_commit(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[translated.id]), {"action": "publish"})
    assert response.status_code == 302
    translated.refresh_from_db()


def test_started_translation_is_an_unpublished_draft(editor_client, client):
    english = add_news(news_index("en"), 99)

    czech = start_translation(editor_client, english, "cs")
    client.logout()

    assert (czech.live, czech.has_unpublished_changes, czech.title) == (False, True, "Article 99")
    assert client.get(f"{news_index('cs').url}{czech.slug}/").status_code == 404
    listing = client.get(news_index("cs").url).content.decode()
    assert f"{news_index('cs').url}{czech.slug}/" not in listing
    assert f'<a href="{english.url}">Article 99</a>' in listing


def test_published_translation_takes_its_slug_from_the_translated_title(
    editor_client, client, django_capture_on_commit_callbacks
):
    english = add_news(news_index("en"), 99)
    czech = start_translation(editor_client, english, "cs")

    translate_segment(editor_client, english, czech, "title", "Článek devadesát devět: šťastný konec")
    publish(editor_client, czech, django_capture_on_commit_callbacks)
    client.logout()

    assert (czech.live, czech.title, czech.slug) == (
        True,
        "Článek devadesát devět: šťastný konec",
        "clanek-devadesat-devet-stastny-konec",
    )
    assert client.get(f"{news_index('cs').url}clanek-devadesat-devet-stastny-konec/").status_code == 200
    listing = client.get(news_index("cs").url).content.decode()
    assert (
        '<a href="/cs/aktuality/clanek-devadesat-devet-stastny-konec/">Článek devadesát devět: šťastný konec</a>'
        in listing
    )
    assert english.url not in listing


def test_slug_follows_a_retranslated_title(editor_client, django_capture_on_commit_callbacks):
    english = add_news(news_index("en"), 99)
    turkish = start_translation(editor_client, english, "tr")

    translate_segment(editor_client, english, turkish, "title", "Kısa haber")
    publish(editor_client, turkish, django_capture_on_commit_callbacks)
    translate_segment(editor_client, english, turkish, "title", "Işık ve güç")
    publish(editor_client, turkish, django_capture_on_commit_callbacks)

    assert turkish.slug == "isik-ve-guc"


def test_translators_own_slug_is_kept(editor_client, django_capture_on_commit_callbacks):
    english = add_news(news_index("en"), 99)
    polish = start_translation(editor_client, english, "pl")

    translate_segment(editor_client, english, polish, "slug", "nasz-adres")
    translate_segment(editor_client, english, polish, "title", "Artykuł dziewięćdziesiąt dziewięć")
    publish(editor_client, polish, django_capture_on_commit_callbacks)

    assert (polish.title, polish.slug) == ("Artykuł dziewięćdziesiąt dziewięć", "nasz-adres")
