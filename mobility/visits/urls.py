"""Peers and study visits, with translated URL segments (see `mobility.url_segments`)."""

from django.urls import path, re_path

from mobility.url_segments import route
from mobility.visits import views

app_name = "visits"

urlpatterns = [
    path(route("{peers}/"), views.find_peers, name="peers"),
    path(route("{visits}/"), views.offer_list, name="offers"),
    path(route("{visits}/{new}/"), views.offer_create, name="offer_create"),
    path(route("{visits}/<int:pk>/"), views.offer_detail, name="offer"),
    path(route("{visits}/<int:pk>/{edit}/"), views.offer_edit, name="offer_edit"),
    path(route("{visits}/<int:pk>/{open}/"), views.offer_open, name="offer_open"),
    path(route("{visits}/<int:pk>/{request}/"), views.booking_request, name="booking_request"),
    path(route("{visits}/{bookings}/"), views.bookings, name="bookings"),
    path(route("{visits}/{bookings}/<int:pk>/"), views.booking_detail, name="booking"),
    re_path(
        route(r"^{visits}/{bookings}/(?P<pk>[0-9]+)/(?P<action>accept|decline|cancel|complete)/$"),
        views.booking_transition,
        name="booking_transition",
    ),
    path(route("{visits}/{bookings}/<int:pk>/calendar.ics"), views.booking_ics, name="booking_ics"),
    path(route("{visits}/{bookings}/<int:pk>/{report}/"), views.report_edit, name="report_edit"),
]
