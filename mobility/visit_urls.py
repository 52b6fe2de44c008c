from django.urls import path, re_path

from mobility import visit_views
from portal import dashboard_views

app_name = "visits"

urlpatterns = [
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("peers/", visit_views.find_peers, name="peers"),
    path("study-visits/", visit_views.offer_list, name="offers"),
    path("study-visits/new/", visit_views.offer_create, name="offer_create"),
    path("study-visits/<int:pk>/", visit_views.offer_detail, name="offer"),
    path("study-visits/<int:pk>/edit/", visit_views.offer_edit, name="offer_edit"),
    path("study-visits/<int:pk>/open/", visit_views.offer_open, name="offer_open"),
    path("study-visits/<int:pk>/request/", visit_views.booking_request, name="booking_request"),
    path("study-visits/bookings/", visit_views.bookings, name="bookings"),
    path("study-visits/bookings/<int:pk>/", visit_views.booking_detail, name="booking"),
    re_path(
        r"^study-visits/bookings/(?P<pk>[0-9]+)/(?P<action>accept|decline|cancel|complete)/$",
        visit_views.booking_transition,
        name="booking_transition",
    ),
    path("study-visits/bookings/<int:pk>/calendar.ics", visit_views.booking_ics, name="booking_ics"),
    path("study-visits/bookings/<int:pk>/report/", visit_views.report_edit, name="report_edit"),
    path("study-visits/reports/", visit_views.shared_reports, name="reports"),
    path("study-visits/reports/<int:pk>/story/", visit_views.report_story, name="report_story"),
]
