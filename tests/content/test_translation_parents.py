"""Translating a page whose parent has no translation in that language yet.

Wagtail creates the missing parent as a live alias of the original (the English
text live under /cs/); here it becomes an unpublished translation like the page
itself, and nothing appears in that language until a translator publishes it.
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from content.models import NewsIndexPage, NewsPage, StandardPage
from content.translation_overview import translation_overview
from tests.content.test_translation_workflow import publish, translate_segment
from tests.helpers import LANGS, home, news_index
from tests.mobility.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def admin_client(client):
    """Standard pages are the administrator's (editors have the news and story sections)."""
    client.force_login(UserFactory(role="admin"))
    return client


def start_translation(client, page, lang):
    locale = Locale.objects.get(language_code=lang)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [locale.id]}
    )
    assert response.status_code == 302
    return page.specific_class.objects.get(translation_key=page.translation_key, locale=locale)


def add_page(parent, title, slug):
    page = StandardPage(title=title, slug=slug, intro=f"{title}: English introduction", body=[])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def in_locale(page, lang):
    return page.specific_class.objects.get(translation_key=page.translation_key, locale__language_code=lang)


def state(page):
    page.refresh_from_db()
    return {
        "live": page.live,
        "alias": page.alias_of_id is not None,
        "unpublished changes": page.has_unpublished_changes,
    }


DRAFT = {"live": False, "alias": False, "unpublished changes": True}


def test_untranslated_parent_is_created_as_a_draft_not_a_live_copy(admin_client, client):
    network = add_page(home("en"), "Network", "network")
    partners = add_page(network, "Partners", "partners")

    czech_partners = start_translation(admin_client, partners, "cs")
    czech_network = in_locale(network, "cs")
    client.logout()

    assert state(czech_network) == DRAFT
    assert state(czech_partners) == DRAFT
    assert czech_partners.get_parent().pk == czech_network.pk
    # A translator finds it among the translations to do, like the page that was asked for.
    assert Translation.objects.filter(
        source__object_id=network.translation_key, target_locale__language_code="cs", enabled=True
    ).exists()
    overview = {row.page_id: row.statuses for row in translation_overview()}
    assert (overview[network.pk]["cs"], overview[partners.pk]["cs"]) == ("draft", "draft")
    assert client.get(f"{home('cs').url}network/").status_code == 404
    assert client.get(f"{home('cs').url}network/partners/").status_code == 404
    assert client.get("/en/network/partners/").status_code == 200


def test_every_missing_ancestor_becomes_a_draft(admin_client):
    network = add_page(home("en"), "Network", "network")
    members = add_page(network, "Members", "members")
    czech_cluster = add_page(members, "A Czech cluster", "a-czech-cluster")

    start_translation(admin_client, czech_cluster, "pl")

    assert [state(in_locale(page, "pl")) for page in (network, members, czech_cluster)] == [DRAFT, DRAFT, DRAFT]
    assert Page.objects.filter(alias_of__isnull=False, locale__language_code="pl").count() == 0


def test_child_translation_publishes_under_its_draft_parent_and_the_parent_once_translated(
    admin_client, client, django_capture_on_commit_callbacks
):
    network = add_page(home("en"), "Network", "network")
    partners = add_page(network, "Partners", "partners")
    czech_partners = start_translation(admin_client, partners, "cs")
    czech_network = in_locale(network, "cs")

    translate_segment(admin_client, partners, czech_partners, "title", "Partneři")
    publish(admin_client, czech_partners, django_capture_on_commit_callbacks)
    child_published_parent_draft = state(czech_network)
    translate_segment(admin_client, network, czech_network, "title", "Síť partnerů")
    publish(admin_client, czech_network, django_capture_on_commit_callbacks)
    client.logout()

    assert child_published_parent_draft == DRAFT
    assert (czech_network.live, czech_network.title, czech_network.slug) == (True, "Síť partnerů", "sit-partneru")
    response = client.get(f"{home('cs').url}sit-partneru/partneri/")
    assert response.status_code == 200
    assert "<h1>Partneři</h1>" in response.content.decode()
    assert "<h1>Síť partnerů</h1>" in client.get(f"{home('cs').url}sit-partneru/").content.decode()


def cards(html):
    return re.findall(r'<article class="card">(.*?)</article>', html, re.S)


def test_lists_keep_every_article_while_a_language_lacks_its_news_section(
    editor_client, client, django_capture_on_commit_callbacks
):
    """The Croatian news section is missing; translating an article into Croatian creates it as a draft,
    and every language's list still shows every article once."""
    news_index("hr").delete()
    english = NewsPage(title="Article 901", slug="article-901", date=timezone.localdate(), summary="Summary", body=[])
    news_index("en").add_child(instance=english)
    english.save_revision().publish()
    croatian = start_translation(editor_client, english, "hr")
    croatian_index = NewsIndexPage.objects.get(locale__language_code="hr")
    translate_segment(editor_client, english, croatian, "title", "Članak 901")
    publish(editor_client, croatian, django_capture_on_commit_callbacks)
    client.logout()

    assert state(croatian_index) == DRAFT
    assert client.get(f"{home('hr').url}{croatian_index.slug}/").status_code == 404
    articles = NewsPage.objects.live().exclude(locale__language_code="hr").values("translation_key").distinct().count()
    others = [lang for lang in LANGS if lang != "hr"]
    lists = {lang: client.get(news_index(lang).url).content.decode() for lang in others}
    assert {lang: len(cards(html)) for lang, html in lists.items()} == dict.fromkeys(others, articles)
    assert all(f'<a href="{english.url}">Article 901</a>' in lists[lang] for lang in others)
    # The Croatian article is live under the draft section and listed on the Croatian home page.
    assert client.get(croatian.url).status_code == 200
    assert f'href="{croatian.url}"' in client.get(home("hr").url).content.decode()
