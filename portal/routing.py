"""Which page answers a URL, remembered until content changes (DESIGN.md 6).

Wagtail finds the page for a URL by walking the tree one slug at a time, with
two queries per level plus the site and the locale's home: eight queries for
a news article before it is even rendered. `PageRouteMiddleware` keeps the
outcome (the site, and the page's type and id) in the shared cache under the
"content" version, so a known URL costs one query for the page itself; any
publish, unpublish, move or deletion drops every remembered route.

Wagtail reads both outcomes from the request (`_wagtail_site`,
`_wagtail_route_for_request`), so its own serve view, hooks and view
restrictions run unchanged.
"""

import contextlib

from django.apps import apps
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal.core import versions

NO_SITE = "none"


def site_for(request):
    """The Wagtail site for the request's host, remembered (and set on the request as Wagtail expects)."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        found = versions.remembered(
            "site", (hostname, request.get_port()), lambda: Site._find_for_request(request) or NO_SITE
        )
        request._wagtail_site = None if found == NO_SITE else found
    return request._wagtail_site


def _locate(request, site, path):
    """(app label, model name, page id, slugs consumed) of the page routed for `path`, or None."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    root = site.root_page.localized
    return (page._meta.app_label, page._meta.model_name, page.pk, page.depth - root.depth)


class PageRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        site = site_for(request)
        if site is None:
            return None
        located = versions.remembered("route", (site.pk, get_language(), path), lambda: _locate(request, site, path))
        if located is None or hasattr(request, "_wagtail_route_for_request"):
            return None
        app_label, model_name, pk, consumed = located
        page = apps.get_model(app_label, model_name).objects.filter(pk=pk).first()
        components = [component for component in path.split("/") if component]
        # Anything unexpected (the page gone, its route refusing) leaves routing to Wagtail.
        if page is not None:
            with contextlib.suppress(Http404):
                request._wagtail_route_for_request = page.route(request, components[consumed:])
        return None
