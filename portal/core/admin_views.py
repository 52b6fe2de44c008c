"""Administrators watch the outbox in the Wagtail admin and resend a message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.core.models import OutboxMessage
from portal.core.outbox import resend

RESEND_PERMISSION = "core.change_outboxmessage"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Stored e-mails are a record: they can be looked at and resent, never edited or deleted here."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class OutboxInspectView(InspectView):
    template_name = "core/admin/outbox_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm(RESEND_PERMISSION):
            context["resend_url"] = reverse("outbox_resend", args=[self.object.pk])
        return context


@require_POST
def resend_view(request, pk):
    if not request.user.has_perm(RESEND_PERMISSION):
        raise PermissionDenied
    message = get_object_or_404(OutboxMessage, pk=pk)
    resend(message=message)
    messages.success(request, _("The e-mail to %(recipient)s is queued again.") % {"recipient": message.recipient})
    return redirect(reverse("outbox:inspect", args=[message.pk]))
