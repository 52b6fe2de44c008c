"""Template tags for JSON-LD blocks, Open Graph tags and calendar links (see portal/structured_data.py)."""

import json
from urllib.parse import urlencode

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import structured_data
from portal.core.pictures import LOGO_SHARE_SPEC, SHARE_SPEC

register = template.Library()

# The characters that could end the <script> element or open a comment inside it
# are written as JSON escapes, so no value can ever produce "</script>".
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}

# Public Django views (not Wagtail pages) and the section each belongs to.
SECTIONS = {
    "mobility:directory": lambda: _("Cluster directory"),
    "mobility:cluster": lambda: _("Cluster directory"),
    "mobility:statistics": lambda: _("Network statistics"),
    "mobility:statistics_edition": lambda: _("Network statistics"),
    "visits:offers": lambda: _("Study visits"),
    "visits:offer": lambda: _("Study visits"),
}
SECTION_URLS = {
    "mobility:directory": "mobility:directory",
    "mobility:cluster": "mobility:directory",
    "mobility:statistics": "mobility:statistics",
    "mobility:statistics_edition": "mobility:statistics",
    "visits:offers": "visits:offers",
    "visits:offer": "visits:offers",
}


def jsonld_script(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def jsonld(data):
    """A schema.org data block from a dict; a data block is never run, so the CSP allows it."""
    if not data:
        return ""
    return jsonld_script(data)


@register.simple_tag(takes_context=True)
def seminar_event_data(context, seminar, places):
    return structured_data.seminar_event(context["request"], seminar, places=places)


def share_image_url(page):
    """The page's own image as shared and described (one rendition, looked up once per request)."""
    if not getattr(page, "image_id", None):
        return ""
    if not hasattr(page, "_share_image_url"):
        page._share_image_url = page.image.get_rendition(SHARE_SPEC).url
    return page._share_image_url


@register.simple_tag(takes_context=True)
def news_article_data(context, article):
    return structured_data.news_article(context["request"], article, image_url=share_image_url(article))


@register.simple_tag(takes_context=True)
def cluster_organization_data(context, cluster, labels, today):
    return structured_data.cluster_organization(context["request"], cluster, labels=labels, today=today)


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """The page's ancestors below the root, loaded once per request (breadcrumbs and BreadcrumbList)."""
    if not hasattr(page, "_breadcrumb_ancestors"):
        page._breadcrumb_ancestors = list(page.get_ancestors().filter(depth__gt=1))
    return page._breadcrumb_ancestors


@register.simple_tag(takes_context=True)
def breadcrumb_data(context):
    """BreadcrumbList of the current page: its Wagtail ancestors, or its section for the portal's own views."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    if isinstance(page, Page):
        crumbs = [(ancestor.title, ancestor.get_url(request)) for ancestor in page_ancestors(context, page)]
        return structured_data.breadcrumb_list(request, [*crumbs, (page.title, page.get_url(request))])
    match = request.resolver_match
    name = match.view_name if match else ""
    if name not in SECTIONS:
        return None
    home = context.get("home_url") or f"/{get_language()}/"
    crumbs = [(_("Home"), home), (SECTIONS[name](), reverse(SECTION_URLS[name]))]
    item = context.get("cluster") or context.get("offer")
    if item is not None and name in ("mobility:cluster", "visits:offer"):
        crumbs.append((getattr(item, "name", None) or item.title, request.path))
    return structured_data.breadcrumb_list(request, crumbs)


@register.simple_tag(takes_context=True)
def calendar_links(context, seminar):
    return structured_data.calendar_links(context["request"], seminar)


@register.simple_tag(takes_context=True)
def feed_subscription(context):
    """The public seminar feed with the filters of the current list (language, country, topic)."""

    from django.urls import reverse

    request = context["request"]
    query = urlencode(
        {name: request.GET[name] for name in ("language", "country", "topic") if request.GET.get(name, "").strip()}
    )
    path = reverse("calendar:seminars") + (f"?{query}" if query else "")
    return {"https": request.build_absolute_uri(path), "webcal": structured_data.webcal_url(request, path)}


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Title, description, image and locales for the Open Graph and Twitter card tags."""
    request = context.get("request")
    page = context.get("page")
    title = description = ""
    image_url = ""
    if isinstance(page, Page):
        specific = page
        title = specific.seo_title or specific.title
        description = (
            specific.search_description or getattr(specific, "summary", "") or getattr(specific, "intro", "") or ""
        )
        image_url = share_image_url(specific)
    else:
        item = context.get("cluster") or context.get("offer")
        if item is not None:
            title = getattr(item, "name", None) or getattr(item, "title", "")
            description = getattr(item, "description", "") or getattr(item, "programme", "")
            if getattr(item, "logo_id", None):
                image_url = item.logo.get_rendition(LOGO_SHARE_SPEC).url
    description = str(description).strip()
    if "<" in description:
        description = strip_tags(description)
    language = get_language()
    links = context.get("languages") or []
    return {
        "title": title or "Centramo",
        "description": (
            description
            or _("Centramo: training, benchmarking and study visits for a European network of cluster organisations.")
        )[:300],
        "image": request.build_absolute_uri(image_url or static("img/share.png")) if request else "",
        "url": request.build_absolute_uri(request.path) if request else "",
        "locale": structured_data.og_locale(language),
        "alternates": structured_data.alternate_og_locales(language, links),
        "card": "summary_large_image",
    }
