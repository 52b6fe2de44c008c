"""What purges the page cache (portal/page_cache.py) and the CDN in front of it.

Any change a public page, list or feed may show bumps the "content" version,
which drops every cached page in every language at once: a page published,
unpublished, moved or deleted (it may appear on the home page, its index, the
search, the sitemap and the Atom and ICS feeds of its language and, through
the language switcher, on its translations), the footer, redirects, sites,
and registrations (places left). Benchmark results, labels, clusters and
study-visit offers purge through `mobility.network_cache.invalidate_network`.

With a CDN or Varnish configured (`WAGTAILFRONTENDCACHE`), Wagtail purges the
published page itself; we add its ancestors (home and index pages) and the
site-wide feeds, so lists there are fresh too.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from content.models import FooterText
from portal.core.versions import purge_public_pages
from training.models import Registration, SeminarPage

SITE_WIDE_PATHS = ("/sitemap.xml", "/calendar/seminars.ics")


def purge_frontend_cache(page):
    """Tell the CDN about the page's ancestors and the site-wide feeds (Wagtail purges the page)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))
    site = page.get_site()
    if site is not None:
        batch.add_urls([site.root_url + path for path in SITE_WIDE_PATHS])
    batch.purge()


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    purge_public_pages()
    purge_frontend_cache(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    purge_public_pages()
    purge_frontend_cache(instance)


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    purge_public_pages()


@receiver(post_save, sender=SeminarPage)
@receiver(post_save, sender=FooterText)
@receiver(post_delete, sender=FooterText)
@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def shown_data_changed(sender, raw=False, **kwargs):
    if not raw:
        purge_public_pages()
