"""Registration, cancellation (with its confirmation page), attendee lists and the personal feed switch."""

from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("training/seminars/<uuid:translation_key>/register/", views.register, name="register"),
    path("training/registrations/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("training/seminars/<uuid:translation_key>/attendees/", views.attendee_list, name="attendees"),
    path(
        "training/seminars/<uuid:translation_key>/attendees.csv",
        views.attendee_list,
        {"export": "csv"},
        name="attendees_csv",
    ),
    path(
        "training/seminars/<uuid:translation_key>/attendees.xlsx",
        views.attendee_list,
        {"export": "xlsx"},
        name="attendees_xlsx",
    ),
    path("training/calendar-feed/", views.calendar_feed, name="calendar_feed"),
]
