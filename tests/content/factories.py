"""factory_boy factories for the content app's pages, published under the sections every test starts from."""

import datetime

import factory
from wagtail.models import Locale
from wagtail.rich_text import RichText

from content.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

# The section page each page model is published under.
INDEXES = {BestPracticePage: BestPracticeIndexPage, NewsPage: NewsIndexPage, StandardPage: HomePage}


def index_of(model, lang="en"):
    """The section page of `lang` that `model` pages are published under."""
    return INDEXES[model].objects.live().filter(locale__language_code=lang).order_by("path").first()


def paragraphs(html):
    """A body (StreamField value) of one rich-text paragraph."""
    return [("paragraph", RichText(html))]


class PageFactory(factory.Factory):
    """A live page added under `parent` (default: the model's seeded index in `lang`), with `topics`
    (best-practice stories) and `tags` (news articles) set."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, lang="en", topics=(), tags=(), **kwargs):
        page = model_class(locale=Locale.objects.get(language_code=lang), **kwargs)
        if topics:
            page.topics = list(topics)
        (parent or index_of(model_class, lang)).add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


class BestPracticePageFactory(PageFactory):
    class Meta:
        model = BestPracticePage

    title = factory.Sequence(lambda number: f"Story {number}")
    slug = factory.Sequence(lambda number: f"factory-story-{number}")
    cluster_name = factory.Sequence(lambda number: f"Cluster {number}")
    country = "CZ"
    sector = "Energy"
    date = factory.Sequence(lambda number: datetime.date(2026, 1, 1) + datetime.timedelta(days=number))
    summary = factory.Sequence(lambda number: f"Summary {number}")
    challenge = "<p>Challenge</p>"
    approach = "<p>Approach</p>"
    results = "<p>Results</p>"


class NewsPageFactory(PageFactory):
    """A live news article; `body` is a list of blocks (see `paragraphs()`), `tags` a list of tag names."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda number: f"News {number}")
    slug = factory.Sequence(lambda number: f"factory-news-{number}")
    date = factory.Sequence(lambda number: datetime.date(2026, 1, 1) + datetime.timedelta(days=number))
    summary = factory.Sequence(lambda number: f"News summary {number}")
    body = factory.LazyFunction(list)


class StandardPageFactory(PageFactory):
    """A live standard page under the home page of `lang`."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda number: f"Page {number}")
    slug = factory.Sequence(lambda number: f"factory-page-{number}")
    intro = factory.Sequence(lambda number: f"Introduction {number}")
    body = factory.LazyFunction(list)


def translate(page, *, lang, title, **fields):
    """A published translation of `page` into `lang`, titled `title` (and with `fields` set)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=lang))
    translation.title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def translate_everywhere(page, langs=("cs", "sk", "pl", "hu", "hr", "tr")):
    """{language: page}: `page` and its published translations into `langs`, whose title and summary
    (where the page has one) end in " [<lang>]"."""
    pages = {page.locale.language_code: page}
    for lang in langs:
        fields = {"summary": f"{page.summary} [{lang}]"} if hasattr(page, "summary") else {}
        pages[lang] = translate(page, lang=lang, title=f"{page.title} [{lang}]", **fields)
    return pages
