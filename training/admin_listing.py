"""The seminars' own listing in the Wagtail admin: when, in which language, how many places are taken."""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from portal.core.timezones import zone_name
from training.models import SeminarPage
from training.queries import with_places

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def seminar_start(page):
    # Translators: when a seminar starts in the admin listing, e.g. "12 May 2026, 09:00 (Prague time)".
    return _("%(when)s (%(zone)s)") % {
        "when": formats.date_format(page.local_start, "DATETIME_FORMAT"),
        "zone": zone_name(page.time_zone),
    }


def places_taken(page):
    # Translators: confirmed places of the capacity in the admin listing, e.g. "7 of 10".
    return _("%(taken)s of %(capacity)s") % {"taken": page.confirmed_count, "capacity": page.capacity}


class SeminarIndexView(IndexView):
    def annotate_queryset(self, pages):
        # Every translation counts the registrations of all languages (one subquery, not one per row).
        return with_places(super().annotate_queryset(pages))


class SeminarListingViewSet(PageListingViewSet):
    model = SeminarPage
    index_view_class = SeminarIndexView
    icon = "date"
    menu_label = _("Seminars")
    add_to_admin_menu = True
    columns = [
        *IndexView.base_columns[:3],
        Column("starts_at", label=_("Starts"), accessor=seminar_start, sort_key="starts_at"),
        Column("language", label=_("Language"), accessor=lambda page: LANGUAGE_NAMES.get(page.language, page.language)),
        Column("places_taken", label=_("Places taken"), accessor=places_taken),
        *IndexView.base_columns[3:],
    ]


seminar_listing_viewset = SeminarListingViewSet("seminars")
