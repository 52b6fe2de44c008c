"""/api/v1/: every endpoint answers in the language asked for, with ETag and public caching."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal.api import views
from portal.api.http import api_response
from portal.api.pages import router


def listing(viewset, **actions):
    return viewset.as_view(actions or {"get": "list"})


urlpatterns = decorate_urlpatterns(
    [
        path("", router.urls),
        path("clusters/", listing(views.ClusterViewSet), name="api-clusters"),
        re_path(
            r"^clusters/(?P<code>[A-Za-z0-9-]{1,20})/$",
            listing(views.ClusterViewSet, get="retrieve"),
            name="api-cluster",
        ),
        path("seminars/", listing(views.SeminarViewSet), name="api-seminars"),
        path("seminars/<uuid:translation_key>/", listing(views.SeminarViewSet, get="retrieve"), name="api-seminar"),
        path("study-visit-offers/", listing(views.OfferViewSet), name="api-offers"),
        path("study-visit-offers/<int:pk>/", listing(views.OfferViewSet, get="retrieve"), name="api-offer"),
        path("statistics/", listing(views.StatisticsViewSet), name="api-statistics"),
        path("statistics/latest/", listing(views.StatisticsViewSet, get="latest"), name="api-statistics-latest"),
        re_path(
            r"^statistics/(?P<edition>[\w.-]{1,50})/$",
            listing(views.StatisticsViewSet, get="retrieve"),
            name="api-statistics-edition",
        ),
        path("indicators/", listing(views.IndicatorSetViewSet), name="api-indicators"),
        path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
        path(
            "docs/",
            SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
            name="api-docs",
        ),
        re_path(r"^", views.not_found),
    ],
    api_response,
)
