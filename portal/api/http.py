"""What every API response shares: the language asked for, HTTP caching and the rate limit."""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from rest_framework.throttling import AnonRateThrottle

LANGUAGE_PARAMETER = "lang"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class ClientRateThrottle(AnonRateThrottle):
    """Requests per client address (the API is anonymous), counted in the default cache.

    The rate is read on every request so a deployment (or a test) can change
    `API_RATE_LIMIT` without a restart of the class-level DRF settings.
    """

    scope = "api"

    def get_rate(self):
        return settings.API_RATE_LIMIT


def requested_language(request):
    """The `?lang=` code, English when absent, or None when it is not one of ours."""
    code = request.GET.get(LANGUAGE_PARAMETER, settings.LANGUAGE_CODE)
    return code if code in LANGUAGE_CODES else None


def api_response(view):
    """Run an API view in the language asked for and make its answer cacheable by anyone.

    Successful GET answers carry an ETag (a hash of the body) and
    `Cache-Control: public, max-age=API_CACHE_SECONDS`; a matching
    `If-None-Match` gets 304 Not Modified.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.urlconf = "portal.api.root_urls"
        language = requested_language(request)
        if language is None:
            message = _("Unknown language. Use one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
            return JsonResponse({LANGUAGE_PARAMETER: [message]}, status=400)
        with translation.override(language):
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response.setdefault("Content-Language", language)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        set_response_etag(response)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        patch_vary_headers(response, ["Accept"])
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return wrapped
