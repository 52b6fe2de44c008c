"""factory_boy factories for the content app's pages (published under the seeded index pages)."""

import datetime

import factory
from wagtail.models import Locale

from content.models import BestPracticeIndexPage, BestPracticePage

# The seeded index page each page model is published under.
INDEXES = {BestPracticePage: BestPracticeIndexPage}


def index_of(model, lang="en"):
    """The seeded index page of `lang` that `model` pages are published under."""
    return INDEXES[model].objects.live().filter(locale__language_code=lang).order_by("path").first()


class PageFactory(factory.Factory):
    """A live page added under `parent` (default: the model's seeded index in `lang`), with `topics` set."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, lang="en", topics=(), **kwargs):
        page = model_class(locale=Locale.objects.get(language_code=lang), **kwargs)
        page.topics = list(topics)
        (parent or index_of(model_class, lang)).add_child(instance=page)
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


def translate(page, *, lang, title):
    """A published translation of `page` into `lang`, titled `title`."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=lang))
    translation.title = title
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


# --- added for access ---
# (t-content defines the same StandardPageFactory in its own section: keep that one when both land.)
from content.models import HomePage, StandardPage  # noqa: E402

INDEXES[StandardPage] = HomePage


class StandardPageFactory(PageFactory):
    """A live standard page under the home page of `lang`."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda number: f"Page {number}")
    slug = factory.Sequence(lambda number: f"factory-page-{number}")
    intro = factory.Sequence(lambda number: f"Introduction {number}")
    body = factory.LazyFunction(list)
