from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.models import Page

from mobility import queries as mobility_queries
from mobility.visits import queries as visit_queries
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


class TranslatedViewSitemap(Sitemap):
    """A public Django view in every language, each entry with its hreflang alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True
    limit = 2000

    def _urls(self, page, protocol, domain):
        # Django strips the default language's prefix for x-default; ours is always
        # prefixed, so x-default is the English address, as for the pages.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            english = next(alt["location"] for alt in url["alternates"] if alt["lang_code"] == settings.LANGUAGE_CODE)
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = english
        return urls


class ClusterSitemap(TranslatedViewSitemap):
    def items(self):
        return mobility_queries.public_clusters()

    def location(self, cluster):
        return reverse("mobility:cluster", kwargs={"code": cluster.code})

    def lastmod(self, cluster):
        return cluster.updated_at


class StatisticsSitemap(TranslatedViewSitemap):
    def items(self):
        return [None, *(edition.name for edition in mobility_queries.editions_with_results())]

    def location(self, edition):
        if edition is None:
            return reverse("mobility:statistics")
        return reverse("mobility:statistics_edition", kwargs={"edition": edition})


class OfferSitemap(TranslatedViewSitemap):
    def items(self):
        return visit_queries.public_offers()

    def location(self, offer):
        return reverse("visits:offer", kwargs={"pk": offer.pk})

    def lastmod(self, offer):
        return offer.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "clusters": ClusterSitemap,
    "statistics": StatisticsSitemap,
    "offers": OfferSitemap,
}
