"""Site search that copes with inflected words and missing diacritics, in every language.

Wagtail's index (modelsearch) keeps each page's title and body as plain text
beside its full-text vectors. On top of Wagtail's own full-text match, a page
also matches when every word of the query, reduced to a rough stem and
stripped of diacritics, occurs in its indexed text: "klastrech", "klastrů" and
"klastry" all become "klastr", "Dobre praktyki" finds "Dobré praktyki". The same
`unaccent` SQL function serves both databases: PostgreSQL's extension
(created by a migration) and, on SQLite, a Python function registered for each
connection.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Func, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Cast, Concat, Lower
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from content.text import strip_diacritics
from mobility.queries import public_clusters

# Common inflectional endings of the portal's languages (after diacritics are removed):
# Czech, Slovak, Polish and Croatian case endings, Hungarian and Turkish suffixes.
_ENDINGS = sorted(
    {
        # Slavic
        "ami",
        "ach",
        "ech",
        "ich",
        "ych",
        "ymi",
        "imi",
        "ovi",
        "ove",
        "ova",
        "emu",
        "eho",
        "iho",
        "ego",
        "ej",
        "ow",
        "om",
        "em",
        "ou",
        "um",
        "ie",
        "ia",
        "iu",
        "ho",
        "mi",
        "a",
        "e",
        "i",
        "o",
        "u",
        "y",
        # Hungarian
        "ban",
        "ben",
        "nak",
        "nek",
        "bol",
        "rol",
        "tol",
        "hoz",
        "hez",
        "val",
        "vel",
        "ok",
        "ek",
        "ak",
        "ot",
        "et",
        "at",
        "k",
        "t",
        # Turkish
        "lar",
        "ler",
        "dan",
        "den",
        "nin",
        "nun",
        "da",
        "de",
        "ta",
        "te",
        "in",
        "un",
    },
    key=len,
    reverse=True,
)
MIN_STEM = 4
WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text):
    return strip_diacritics(text or "").lower()


def stem(word):
    """A rough stem: the word without up to two inflectional endings, never shorter than MIN_STEM letters."""
    for _ in range(2):
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
        else:
            break
    return word


def query_stems(query):
    return [stem(word) for word in WORD.findall(normalise(query)) if len(word) > 1]


class Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


def _indexed_text():
    if connection.vendor == "postgresql":
        return Concat("title_text", Value(" "), "body_text", output_field=TextField())
    return Concat("title", Value(" "), "body", output_field=TextField())


def _stem_matches(stems):
    """Ids (as index object ids) of pages whose indexed text contains every stem."""
    text = Lower(Unaccent(_indexed_text()))
    entries = IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(Page)).annotate(
        normalised=text
    )
    condition = Q()
    for part in stems:
        condition &= Q(normalised__contains=part)
    return entries.filter(condition).annotate(page_id=Cast("object_id", IntegerField())).values("page_id")


def search_pages(*, query, locale):
    """Live public pages of one locale matching the query, best first."""
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    full_text = {page.pk for page in pages.search(query, order_by_relevance=False)}
    stems = query_stems(query)
    condition = Q(pk__in=full_text)
    title_match = Q(pk__in=full_text)
    if stems:
        condition |= Q(pk__in=_stem_matches(stems))
        title_match = Q()
        for part in stems:
            title_match &= Q(normalised_title__contains=part)
    # Pages whose title holds every word come first, then the newest.
    return (
        pages.filter(condition)
        .annotate(
            normalised_title=Lower(Unaccent("title")),
            title_rank=Case(When(title_match, then=Value(0)), default=Value(1), output_field=IntegerField()),
        )
        .order_by("title_rank", "-first_published_at", "pk")
    )


def search_clusters(*, query):
    return public_clusters(search=query)


@dataclass(frozen=True)
class Hit:
    """One search result as the results page shows it."""

    title: str
    url: str
    kind: str
    date: object
    snippet: str


def highlight(text, stems, *, words=40):
    """The first words of `text`, HTML-escaped, with every word that starts with a query stem in <mark>."""
    short = Truncator(text or "").words(words)
    parts = []
    for piece in re.split(r"(\w+)", short):
        if piece and any(normalise(piece).startswith(part) for part in stems):
            parts.append(f"<mark>{escape(piece)}</mark>")
        else:
            parts.append(escape(piece))
    return mark_safe("".join(parts))


def page_hit(page, stems):
    specific = page.specific
    text = (
        specific.search_description
        or getattr(specific, "summary", "")
        or getattr(specific, "intro", "")
        or getattr(specific, "hero_title", "")
    )
    if not isinstance(text, str):
        text = str(text)
    date = getattr(specific, "date", None) or (page.first_published_at.date() if page.first_published_at else None)
    return Hit(
        title=page.title,
        url=page.url,
        kind=str(specific._meta.verbose_name).capitalize(),
        date=date,
        snippet=highlight(re.sub(r"<[^>]+>", " ", text), stems),
    )
