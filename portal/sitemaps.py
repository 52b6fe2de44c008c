from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.i18n import live_translations


class PageSitemap(Sitemap):
    """Every live public page in every language, each with its hreflang alternates."""

    limit = 2000

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).select_related("locale").order_by("path")

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page_number, protocol, domain):
        pages = list(self.paginator.page(page_number).object_list)
        translations = live_translations(pages)
        base = f"{protocol}://{domain}"
        urls = []
        for page in pages:
            versions = translations.get(page.translation_key, {})
            alternates = [
                {"lang_code": code, "location": base + versions[code].get_url_parts()[2]}
                for code, _name in settings.LANGUAGES
                if code in versions
            ]
            if settings.LANGUAGE_CODE in versions:
                alternates.append(
                    {"lang_code": "x-default", "location": base + versions[settings.LANGUAGE_CODE].get_url_parts()[2]}
                )
            urls.append(
                {
                    "item": page,
                    "location": base + page.get_url_parts()[2],
                    "lastmod": self.lastmod(page),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        return urls
