from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from content.models import FooterText
from portal import i18n
from portal.core import versions
from portal.routing import site_for

register = template.Library()


# The header and footer are the same on every page of a language: they are
# read from the shared cache, rebuilt when content changes (portal.core.versions).


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    parts = (
        request.get_host(),
        get_language(),
        page.pk if page else request.get_full_path(),
        request.META.get("QUERY_STRING", ""),
    )
    return versions.remembered("language-links", parts, lambda: i18n.language_links(request, page))


@register.simple_tag(takes_context=True)
def localized_home(context):
    request = context.get("request")
    if request is None:
        return None
    return versions.remembered("home", (request.get_host(), get_language()), lambda: _localized_home(request))


def _localized_home(request):
    site = site_for(request)
    return None if site is None else site.root_page.localized


@register.simple_tag
def menu_items(home):
    if home is None:
        return []
    return versions.remembered(
        "menu", (home.pk,), lambda: list(home.get_children().live().public().in_menu().order_by("path"))
    )


@register.simple_tag
def footer_text():
    # A list, so that "no footer text" is remembered too.
    found = versions.remembered("footer", (get_language(),), _footer_text)
    return found[0] if found else None


def _footer_text():
    locale = Locale.get_active()
    footer = (
        FooterText.objects.filter(locale=locale).first()
        or FooterText.objects.filter(locale=Locale.get_default()).first()
    )
    return [footer] if footer else []


@register.simple_tag
def ancestors_of(page):
    """The page's ancestors below the root, for breadcrumbs."""
    return versions.remembered("ancestors", (page.pk,), lambda: list(page.get_ancestors().filter(depth__gt=1)))


@register.filter
def is_fallback(request):
    return request is not None and request.GET.get(i18n.FALLBACK_PARAMETER) == "1"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url)


@register.filter
def is_within(page, section):
    """True when `page` is `section` or lies below it."""
    return isinstance(page, Page) and page.path.startswith(section.path)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
