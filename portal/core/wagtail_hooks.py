from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.core import admin_views
from portal.core.models import OutboxMessage


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = admin_views.OutboxInspectView
    copy_view_enabled = False
    # Never shown (the policy allows no add or edit), but a ModelViewSet needs a form.
    form_fields = ["recipient", "subject"]
    list_display = ["subject", "recipient", "status", "attempts", "next_attempt_at", "queued_at", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["recipient", "subject"]
    search_backend_name = None
    ordering = ["-queued_at", "-pk"]
    inspect_view_fields = [
        "recipient",
        "subject",
        "status",
        "attempts",
        "queued_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "language",
        "text",
    ]


register_permission_policy(OutboxMessage, admin_views.ReadOnlyPolicy(OutboxMessage))
outbox_viewset = OutboxViewSet("outbox")


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return outbox_viewset


@hooks.register("register_admin_urls")
def register_resend_url():
    return [path("outbox/resend/<int:pk>/", admin_views.resend_view, name="outbox_resend")]
