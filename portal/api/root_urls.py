"""The URL configuration middleware sees for API responses (set as `request.urlconf` in `http.py`).

It has no language-prefixed patterns, so Django's LocaleMiddleware answers an
API 404 with the 404 itself instead of redirecting to /en/api/....
"""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("portal.api.urls"))]
