"""Shared visit reports and the stories started from them, under the study-visit segments
(`/cs/studijni-navstevy/reporty/`, see `mobility.url_segments`)."""

from django.urls import path

from content import story_views
from mobility.url_segments import route

app_name = "stories"

urlpatterns = [
    path(route("{visits}/{reports}/"), story_views.shared_reports, name="reports"),
    path(route("{visits}/{reports}/<int:pk>/{story}/"), story_views.start_story, name="start"),
]
