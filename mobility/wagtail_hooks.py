"""Benchmark analysts manage clusters, the indicator set, editions, labels and
managers in the Wagtail admin; translated fields appear side by side in one form."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mobility import admin_views
from mobility.models import (
    INDICATOR_ORDER,
    BenchmarkEdition,
    Cluster,
    ClusterMembership,
    Dimension,
    Indicator,
    Label,
)
from mobility.rules import is_analyst

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translated_panels(field, heading):
    return MultiFieldPanel([FieldPanel(f"{field}_{code}") for code in LANGUAGE_CODES], heading=heading)


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "group"
    menu_label = _("Clusters")
    list_display = ["code", "name", "country", "sector", "is_public"]
    list_filter = ["country", "is_public"]
    search_fields = ["code", "name", "region", "sector"]
    search_backend_name = None
    ordering = ["code"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("region"), FieldPanel("sector")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        translated_panels("description", _("Description")),
        FieldPanel("languages"),
        FieldPanel("is_public"),
    ]


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "list-ul"
    menu_label = _("Dimensions")
    list_display = ["code", "name", "position"]
    ordering = ["position", "code"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("position")]),
        translated_panels("name", _("Name")),
        translated_panels("description", _("Description")),
    ]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "tasks"
    menu_label = _("Indicators")
    list_display = ["code", "name", "dimension", "position"]
    list_filter = ["dimension"]
    search_fields = ["code", "name"]
    search_backend_name = None
    ordering = list(INDICATOR_ORDER)
    panels = [
        FieldRowPanel([FieldPanel("dimension"), FieldPanel("code"), FieldPanel("position")]),
        translated_panels("name", _("Name")),
        translated_panels("description", _("Description")),
    ]


class EditionViewSet(SnippetViewSet):
    model = BenchmarkEdition
    icon = "calendar"
    menu_label = _("Editions")
    list_display = ["name", "date"]
    panels = [FieldPanel("name"), FieldPanel("date")]


class LabelViewSet(SnippetViewSet):
    model = Label
    icon = "pick"
    menu_label = _("Labels")
    list_display = ["cluster", "level", "awarded_on", "valid_until"]
    list_filter = ["level"]
    search_fields = ["cluster__code", "cluster__name"]
    search_backend_name = None
    panels = [
        FieldPanel("cluster"),
        FieldPanel("level"),
        FieldRowPanel([FieldPanel("awarded_on"), FieldPanel("valid_until")]),
    ]


class MembershipViewSet(SnippetViewSet):
    model = ClusterMembership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["cluster", "user", "role", "status", "decided_at"]
    list_filter = ["role", "status"]
    search_fields = ["cluster__code", "cluster__name", "user__email"]
    search_backend_name = None
    panels = [FieldPanel("cluster"), FieldPanel("user"), FieldRowPanel([FieldPanel("role"), FieldPanel("status")])]


class BenchmarkGroup(SnippetViewSetGroup):
    items = (ClusterViewSet, DimensionViewSet, IndicatorViewSet, EditionViewSet, LabelViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Benchmarks")
    menu_name = "benchmarks"
    menu_order = 250


register_snippet(BenchmarkGroup)


class AnalystMenuItem(MenuItem):
    def is_shown(self, request):
        return is_analyst(request.user)


@hooks.register("register_admin_urls")
def register_benchmark_admin_urls():
    return [
        path("benchmark-import/", admin_views.import_upload, name="mobility_import"),
        path("benchmark-import/confirm/", admin_views.import_confirm, name="mobility_import_confirm"),
        path("benchmark-import/<int:job_id>/", admin_views.import_job, name="mobility_import_job"),
        path("benchmark-labels/expiring/", admin_views.expiring_labels, name="mobility_expiring_labels"),
        path("benchmark-managers/assign/", admin_views.assign_manager_view, name="mobility_assign_manager"),
        path("benchmark-matching-consent/", admin_views.matching_consent_view, name="mobility_matching_consent"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return AnalystMenuItem(_("Import results"), reverse("mobility_import"), icon_name="upload", order=251)


@hooks.register("register_admin_menu_item")
def register_expiring_labels_menu_item():
    return AnalystMenuItem(_("Expiring labels"), reverse("mobility_expiring_labels"), icon_name="date", order=252)


@hooks.register("register_admin_menu_item")
def register_assign_manager_menu_item():
    return AnalystMenuItem(_("Assign a manager"), reverse("mobility_assign_manager"), icon_name="user", order=253)


@hooks.register("register_admin_menu_item")
def register_matching_consent_menu_item():
    return AnalystMenuItem(
        _("Peer matching consent"), reverse("mobility_matching_consent"), icon_name="tick", order=254
    )
