"""Dashboard, peers and study visits, with translated URL segments (see mobility/urls.py)."""

from django.urls import path, re_path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from mobility import visit_views
from mobility.urls import REQUEST
from portal import dashboard_views

app_name = "visits"

# Translators: URL segments: lowercase ASCII letters, digits and hyphens only.
DASHBOARD = pgettext_lazy("URL segment", "dashboard")
PEERS = pgettext_lazy("URL segment", "peers")
VISITS = pgettext_lazy("URL segment", "study-visits")
NEW = pgettext_lazy("URL segment", "new")
EDIT = pgettext_lazy("URL segment", "edit")
OPEN = pgettext_lazy("URL segment", "open")
BOOKINGS = pgettext_lazy("URL segment", "bookings")
REPORT = pgettext_lazy("URL segment", "report")
REPORTS = pgettext_lazy("URL segment", "reports")
STORY = pgettext_lazy("URL segment", "story")


def route(pattern):
    return format_lazy(
        pattern,
        dashboard=DASHBOARD,
        peers=PEERS,
        visits=VISITS,
        new=NEW,
        edit=EDIT,
        open=OPEN,
        request=REQUEST,
        bookings=BOOKINGS,
        report=REPORT,
        reports=REPORTS,
        story=STORY,
    )


urlpatterns = [
    path(route("{dashboard}/"), dashboard_views.dashboard, name="dashboard"),
    path(route("{peers}/"), visit_views.find_peers, name="peers"),
    path(route("{visits}/"), visit_views.offer_list, name="offers"),
    path(route("{visits}/{new}/"), visit_views.offer_create, name="offer_create"),
    path(route("{visits}/<int:pk>/"), visit_views.offer_detail, name="offer"),
    path(route("{visits}/<int:pk>/{edit}/"), visit_views.offer_edit, name="offer_edit"),
    path(route("{visits}/<int:pk>/{open}/"), visit_views.offer_open, name="offer_open"),
    path(route("{visits}/<int:pk>/{request}/"), visit_views.booking_request, name="booking_request"),
    path(route("{visits}/{bookings}/"), visit_views.bookings, name="bookings"),
    path(route("{visits}/{bookings}/<int:pk>/"), visit_views.booking_detail, name="booking"),
    re_path(
        route(r"^{visits}/{bookings}/(?P<pk>[0-9]+)/(?P<action>accept|decline|cancel|complete)/$"),
        visit_views.booking_transition,
        name="booking_transition",
    ),
    path(route("{visits}/{bookings}/<int:pk>/calendar.ics"), visit_views.booking_ics, name="booking_ics"),
    path(route("{visits}/{bookings}/<int:pk>/{report}/"), visit_views.report_edit, name="report_edit"),
    path(route("{visits}/{reports}/"), visit_views.shared_reports, name="reports"),
    path(route("{visits}/{reports}/<int:pk>/{story}/"), visit_views.report_story, name="report_story"),
]
