"""Cluster directory, profiles, results and memberships, with translated URL segments
(`/cs/klastry/`, see `mobility.url_segments`)."""

from django.urls import path

from mobility import views
from mobility.url_segments import route

app_name = "mobility"

urlpatterns = [
    path(route("{clusters}/"), views.directory, name="directory"),
    path(route("{clusters}/<str:code>/"), views.cluster_profile, name="cluster"),
    path(route("{clusters}/<str:code>/{logo}/"), views.cluster_logo, name="cluster_logo"),
    path(route("{clusters}/<str:code>/{results}/"), views.results, name="results"),
    path(route("{clusters}/<str:code>/{results}/{matching_consent}/"), views.matching_consent, name="matching_consent"),
    path(route("{clusters}/<str:code>/{results}/{print}/"), views.results_print, name="results_print"),
    path(route("{clusters}/<str:code>/{results}/chart.svg"), views.results_chart, name="results_chart"),
    path(route("{clusters}/<str:code>/{results}/export.csv"), views.results_csv, name="results_csv"),
    path(route("{clusters}/<str:code>/{results}/export.xlsx"), views.results_xlsx, name="results_xlsx"),
    path(route("{statistics}/"), views.statistics, name="statistics"),
    path(route("{statistics}/<str:edition>/"), views.statistics, name="statistics_edition"),
    path(route("{my_clusters}/"), views.my_clusters, name="my_clusters"),
    path(route("{my_clusters}/{request}/"), views.request_membership_view, name="request_membership"),
    path(route("{my_clusters}/{requests}/"), views.membership_requests, name="membership_requests"),
    path(route("{my_clusters}/{requests}/<int:pk>/"), views.decide_membership_view, name="decide_membership"),
]
