from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation

from mobility.queries import managed_clusters
from portal.emails import enqueue_email, language_for


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's e-mails in the recipient's language through the task queue."""

    def send_mail(self, template_prefix, email, context):
        with translation.override(language_for(email)):
            message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        enqueue_email(subject=message.subject, body=message.body, to=message.to, html=html)

    def get_login_redirect_url(self, request):
        """Cluster managers land on their dashboard (an explicit ?next= still wins)."""
        if managed_clusters(user=request.user).exists():
            return reverse("visits:dashboard")
        return super().get_login_redirect_url(request)
