"""Pictures of news articles and best-practice stories: responsive WebP with a required description."""

import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.fields import get_translatable_fields

from content.models import BestPracticePage, HomePage, NewsIndexPage, NewsPage
from tests.helpers import add_news, add_story, count_queries, home, news_index, practice_index
from tests.pictures import images, picture, srcset_widths
from tests.training import factories as training_factories
from training.models import SeminarPage, TrainingMaterialPage

pytestmark = pytest.mark.django_db


def test_news_article_shows_its_picture_with_description_and_srcset(client):
    article = add_news(news_index(), 900, image=picture(), image_alt="Two trainers at a flip chart")

    [hero] = images(client.get(article.url).content.decode(), "hero-image")

    assert hero["alt"] == "Two trainers at a flip chart"
    assert srcset_widths(hero) == ["800w", "1600w"]
    assert hero["src"].endswith(".webp")
    assert "loading" not in hero


def test_news_index_cards_show_pictures_lazily_after_the_first(client):
    add_news(news_index(), 1, image=picture("Older"), image_alt="An older picture")
    add_news(news_index(), 2, image=picture("Old"), image_alt="An old picture")
    add_news(news_index(), 30001, image=picture(), image_alt="A newest picture")

    cards = images(client.get(news_index().url).content.decode(), "card__image")

    assert [card["alt"] for card in cards] == ["A newest picture", "An old picture", "An older picture"]
    assert cards[0]["loading"] == "eager"
    assert srcset_widths(cards[0]) == ["480w", "960w"]
    assert {card["loading"] for card in cards[1:]} == {"lazy"}
    assert all(card["alt"] for card in cards)


def test_best_practice_story_shows_its_picture_on_card_and_page(client):
    story = add_story(practice_index(), 30002, image=picture(), image_alt="A board meeting")

    [hero] = images(client.get(story.url).content.decode(), "hero-image")
    cards = images(client.get(practice_index().url).content.decode(), "card__image")

    assert hero["alt"] == "A board meeting"
    assert cards[0]["alt"] == "A board meeting"
    assert srcset_widths(cards[0]) == ["480w", "960w"]


def test_home_page_cards_show_the_pictures_of_news(client):
    article = add_news(news_index(), 30003, image=picture(), image_alt="Newest on the home page")

    cards = images(client.get(home().url).content.decode(), "card__image")

    assert "Newest on the home page" in [card["alt"] for card in cards]
    assert article.title in client.get(home().url).content.decode()


def test_shared_link_previews_use_the_pages_picture(client):
    article = add_news(news_index(), 904, image=picture(), image_alt="Shared picture")

    html = client.get(article.url).content.decode()

    [og_image] = [line for line in html.splitlines() if 'property="og:image"' in line]
    assert "fill-1200x630.format-jpeg" in og_image
    assert "http://testserver/media/images/" in og_image


BUILDERS = {
    "news article": lambda **fields: add_news(news_index(), 906, **fields),
    "best-practice story": lambda **fields: add_story(practice_index(), 906, **fields),
    "seminar": lambda **fields: training_factories.seminar(**fields),
    "training material": lambda **fields: training_factories.material(**fields),
}


@pytest.mark.parametrize("kind", BUILDERS)
def test_a_picture_without_description_is_refused(kind):
    with pytest.raises(ValidationError) as refused:
        BUILDERS[kind](image=picture(), image_alt="   ")

    assert refused.value.message_dict == {"image_alt": ["Describe the picture for people who cannot see it."]}


def test_publishing_an_article_with_an_undescribed_picture_fails():
    article = add_news(news_index(), 905)
    article.image = picture()
    article.image_alt = ""

    with pytest.raises(ValidationError):
        article.save_revision().publish()

    assert NewsPage.objects.get(pk=article.pk).image_id is None


@pytest.mark.parametrize("model", [NewsPage, BestPracticePage, SeminarPage, TrainingMaterialPage])
def test_the_description_is_translated_and_the_picture_shared(model):
    fields = {field.field_name: field for field in get_translatable_fields(model)}

    assert fields["image_alt"].is_translated(None) is True
    assert fields["image"].is_synchronized(None) is True


def test_news_index_queries_do_not_grow_with_pictured_articles(client):
    homepage = HomePage.objects.get(locale__language_code="en")
    counts = []
    for size in (1, 30):
        index = NewsIndexPage(title=f"Pictures {size}", slug=f"pictures-{size}")
        homepage.add_child(instance=index)
        index.save_revision().publish()
        for number in range(size):
            add_news(index, number, image=picture(f"Picture {number}"), image_alt=f"Picture {number}")
        counts.append(count_queries(client, index.url))

    assert counts[0] == counts[1]
