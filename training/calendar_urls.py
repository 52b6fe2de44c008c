"""Calendar feeds at stable, language-independent URLs (/calendar/...)."""

from django.urls import path

from training import views

app_name = "calendar"

urlpatterns = [
    path("seminars.ics", views.public_feed, name="seminars"),
    path("seminars/<uuid:translation_key>.ics", views.seminar_ics, name="seminar"),
    path("personal/<str:token>.ics", views.personal_feed, name="personal"),
]
