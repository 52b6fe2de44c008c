"""The site's URLs plus `/bench/bare/`: the floor a page can reach through our middleware."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def bare(request):
    response = HttpResponse("ok", content_type="text/plain")
    # Never stored by the page cache, so every request reaches the view.
    response["Cache-Control"] = "private"
    return response


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
