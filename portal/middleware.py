"""Small guards around every request."""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request

# PostgreSQL refuses NUL in text; any query with it would fail with a 500.
UNSTORABLE = "\x00"


class RefuseUnstorableInputMiddleware:
    """A path with a character the database refuses names no page (404); such
    a query parameter is a bad request (400). Form fields refuse it themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if UNSTORABLE in request.path:
            raise Http404
        if any(UNSTORABLE in key or UNSTORABLE in value for key, values in request.GET.lists() for value in values):
            if request.path.startswith("/api/"):
                # API clients get JSON, as from every other API error.
                return JsonResponse({"detail": _("A parameter holds a character that cannot be stored.")}, status=400)
            return bad_request(request, exception=None)
        return self.get_response(request)


class DropBogusContentEncodingMiddleware:
    """Wagtail's document view sends `Content-Encoding: None` for files it cannot
    guess an encoding for; that header makes clients try to decode the download."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Encoding") == "None":
            del response["Content-Encoding"]
        return response
