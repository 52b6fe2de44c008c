"""Permanent redirects from English URL segments to the translated ones.

Django routes have translated segments (`/cs/klastry/`). Links made before
that, or typed by hand, still use the English segments under any language
prefix (`/cs/clusters/`); they lead to the same view in that language.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation

ENGLISH = "en"
# The Wagtail catch-all answers every path; only named Django routes are translated.
PAGE_SERVING_VIEW = "wagtail_serve"


def translated_path(path):
    """The translated path for an English-segment path under another language's prefix, or None."""
    language = translation.get_language_from_path(path)
    if language is None or language == ENGLISH:
        return None
    english_path = f"/{ENGLISH}/{path[len(language) + 2 :]}"
    with translation.override(ENGLISH):
        try:
            match = resolve(english_path)
        except Resolver404:
            return None
    if match.url_name is None or match.url_name == PAGE_SERVING_VIEW:
        return None
    with translation.override(language):
        try:
            target = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return target if target != path else None


class EnglishSegmentRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = translated_path(request.path_info)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
