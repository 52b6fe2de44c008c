from django.urls import path

from mobility import views

app_name = "mobility"

urlpatterns = [
    path("clusters/", views.directory, name="directory"),
    path("clusters/<str:code>/", views.cluster_profile, name="cluster"),
    path("clusters/<str:code>/results/", views.results, name="results"),
    path("clusters/<str:code>/results/matching-consent/", views.matching_consent, name="matching_consent"),
    path("clusters/<str:code>/results/print/", views.results_print, name="results_print"),
    path("clusters/<str:code>/results/chart.svg", views.results_chart, name="results_chart"),
    path("clusters/<str:code>/results/export.csv", views.results_csv, name="results_csv"),
    path("clusters/<str:code>/results/export.xlsx", views.results_xlsx, name="results_xlsx"),
    path("network-statistics/", views.statistics, name="statistics"),
    path("network-statistics/<str:edition>/", views.statistics, name="statistics_edition"),
    path("my-clusters/", views.my_clusters, name="my_clusters"),
    path("my-clusters/request/", views.request_membership_view, name="request_membership"),
    path("my-clusters/requests/", views.membership_requests, name="membership_requests"),
    path("my-clusters/requests/<int:pk>/", views.decide_membership_view, name="decide_membership"),
]
