from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.core.urls import absolute_url


class NewsFeed(Feed):
    """Atom feed of one locale's news index."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return _("Centramo news: %(title)s") % {"title": obj.title}

    def feed_url(self, obj):
        return absolute_url(self.request.path)

    def link(self, obj):
        return absolute_url(obj)

    def subtitle(self, obj):
        return obj.intro

    # RFC 4287 requires an author for every entry: the portal's editorial team,
    # given on the feed and on each entry for readers that look only there.
    def author_name(self, obj):
        return settings.WAGTAIL_SITE_NAME

    def author_link(self, obj):
        return self.request.build_absolute_uri("/")

    def item_author_name(self, item):
        return settings.WAGTAIL_SITE_NAME

    def item_author_link(self, item):
        return self.request.build_absolute_uri("/")

    def items(self, obj):
        return obj.articles()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
