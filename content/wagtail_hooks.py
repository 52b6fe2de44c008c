"""The translation overview report in the Wagtail admin (Reports menu)."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from content.translation_overview import STATUS_LABELS, translation_overview


class TranslationOverviewView(ReportView):
    page_title = _("Translation overview")
    header_icon = "globe"
    index_url_name = "translation_overview"
    index_results_url_name = "translation_overview_results"
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    results_template_name = "content/admin/translation_overview_results.html"
    template_name = "content/admin/translation_overview.html"
    paginate_by = 100

    @property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Page"), get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id])
            ),
            Column("type_name", label=_("Type")),
            *(Column(f"status_{code}", label=code.upper()) for code, _name in settings.LANGUAGES),
        ]

    @property
    def list_export(self):
        return ["title", "type_name", *(f"status_{code}" for code, _name in settings.LANGUAGES)]

    def get_filename(self):
        return "translation-overview"

    def get_queryset(self):
        return translation_overview(status=self.request.GET.get("status"), language=self.request.GET.get("language"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = [(key, label) for key, label in STATUS_LABELS.items()]
        context["languages"] = settings.LANGUAGES
        context["chosen_status"] = self.request.GET.get("status", "")
        context["chosen_language"] = self.request.GET.get("language", "")
        return context


@hooks.register("register_admin_urls")
def register_translation_overview_urls():
    return [
        path("reports/translation-overview/", TranslationOverviewView.as_view(), name="translation_overview"),
        path(
            "reports/translation-overview/results/",
            TranslationOverviewView.as_view(results_only=True),
            name="translation_overview_results",
        ),
    ]


class TranslationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_translation_overview_menu_item():
    return TranslationOverviewMenuItem(
        _("Translation overview"),
        reverse("translation_overview"),
        name="translation-overview",
        icon_name="globe",
        order=1000,
    )
