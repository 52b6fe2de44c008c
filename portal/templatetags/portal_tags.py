from django import template
from wagtail.models import Locale, Page, Site

from content.models import FooterText
from portal import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return i18n.language_links(request, page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def localized_home(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag
def menu_items(home):
    if home is None:
        return []
    return home.get_children().live().public().in_menu().order_by("path")


@register.simple_tag
def footer_text():
    locale = Locale.get_active()
    return (
        FooterText.objects.filter(locale=locale).first()
        or FooterText.objects.filter(locale=Locale.get_default()).first()
    )


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
