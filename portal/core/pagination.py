"""One way to cut a list into pages, for every list page and index page."""

from django.core.paginator import Paginator

PER_PAGE = 12


def paginate(items, *, page, per_page=PER_PAGE):
    """The page `page` (the raw `?page=` value) of `items`; a bad or too large number gives a valid page."""
    return Paginator(items, per_page).get_page(page)
