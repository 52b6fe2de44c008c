from wagtail import hooks

from content.models import HomePage
from portal.page_cache import SEMINAR_SECONDS
from training.models import SeminarIndexPage, SeminarPage, TrainingMaterialPage

# Pages that show places left on seminars: the page cache keeps them a minute at most.
SHOWS_PLACES = (HomePage, SeminarIndexPage, SeminarPage, TrainingMaterialPage)


@hooks.register("before_serve_page")
def keep_places_fresh(page, request, serve_args, serve_kwargs):
    if isinstance(page, SHOWS_PLACES):
        request.page_cache_seconds = SEMINAR_SECONDS
