"""Where each language version of a page lives: used by the language switcher,
the hreflang links and the sitemap."""

from collections import defaultdict

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

FALLBACK_PARAMETER = "untranslated"


def live_translations(pages):
    """{translation_key: {language_code: page}} for the live, public translations of `pages`."""
    keys = {page.translation_key for page in pages}
    found = defaultdict(dict)
    for page in Page.objects.live().public().filter(translation_key__in=keys).select_related("locale"):
        found[page.translation_key][page.locale.language_code] = page
    return found


def language_links(request, page=None):
    """One entry per language: the URL to switch to and whether it shows the same content.

    For a page without a translation in some language, the entry leads to the
    nearest translated ancestor, flagged so that page can say so.
    """
    current = get_language()
    if page is None:
        path = request.get_full_path()
        return [
            {"code": code, "name": name, "url": translate_url(path, code), "current": code == current, "exact": True}
            for code, name in settings.LANGUAGES
        ]

    exact = live_translations([page]).get(page.translation_key, {})
    missing = [code for code, _name in settings.LANGUAGES if code not in exact]
    nearest = {}
    if missing:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).order_by("-depth"))
        by_key = live_translations(ancestors)
        for ancestor in ancestors:
            for code in missing:
                if code not in nearest and code in by_key.get(ancestor.translation_key, {}):
                    nearest[code] = by_key[ancestor.translation_key][code]

    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, name in settings.LANGUAGES:
        if code in exact:
            url = exact[code].get_url(request)
            if code == current and query:
                url = f"{url}?{query}"
            links.append({"code": code, "name": name, "url": url, "current": code == current, "exact": True})
        elif code in nearest:
            url = f"{nearest[code].get_url(request)}?{FALLBACK_PARAMETER}=1"
            links.append({"code": code, "name": name, "url": url, "current": False, "exact": False})
    return links
