"""Cluster directory, profiles, results and memberships.

Each URL segment is translated (`/cs/klastry/`); the English segments keep
working under every language prefix through a permanent redirect
(`portal.url_segments`).
"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from mobility import views

app_name = "mobility"

# Translators: URL segments: lowercase ASCII letters, digits and hyphens only.
CLUSTERS = pgettext_lazy("URL segment", "clusters")
RESULTS = pgettext_lazy("URL segment", "results")
PRINT = pgettext_lazy("URL segment", "print")
STATISTICS = pgettext_lazy("URL segment", "network-statistics")
MY_CLUSTERS = pgettext_lazy("URL segment", "my-clusters")
REQUEST = pgettext_lazy("URL segment", "request")
REQUESTS = pgettext_lazy("URL segment", "requests")
MATCHING_CONSENT = pgettext_lazy("URL segment", "matching-consent")
LOGO = pgettext_lazy("URL segment", "logo")


def route(pattern):
    return format_lazy(
        pattern,
        clusters=CLUSTERS,
        results=RESULTS,
        print=PRINT,
        statistics=STATISTICS,
        my_clusters=MY_CLUSTERS,
        request=REQUEST,
        requests=REQUESTS,
        matching_consent=MATCHING_CONSENT,
        logo=LOGO,
    )


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
