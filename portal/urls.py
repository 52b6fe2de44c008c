from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content import views as content_views
from mobility.url_segments import route
from portal import dashboard_views, signin, views
from portal.page_cache import cached_until_content_changes
from portal.sitemaps import SITEMAPS

# Translators: URL segment: lowercase ASCII letters, digits and hyphens only.
SEARCH = pgettext_lazy("URL segment", "search")

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", cached_until_content_changes(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/login/", signin.wagtail_admin_login, name="wagtailadmin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/login/", signin.django_admin_login, name="django_admin_login_redirect"),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("calendar/", include("training.calendar_urls")),
    path("api/v1/", include("portal.api.urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/login/", signin.login, name="account_login"),
    path("accounts/export/", views.export_my_data, name="export_my_data"),
    path("accounts/delete/", views.delete_my_account, name="delete_account"),
    path("accounts/", include("allauth.urls")),
    path(format_lazy("{search}/", search=SEARCH), content_views.search, name="search"),
    path("", include("mobility.urls")),
    path(route("{dashboard}/"), dashboard_views.dashboard, name="dashboard"),
    path("", include("mobility.visits.urls")),
    path("", include("content.story_urls")),
    path("", include("training.urls")),
    path("_util/login/", signin.frontend_login, name="wagtailcore_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        signin.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
