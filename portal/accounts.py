from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from mobility.queries import managed_clusters
from portal.core.emails import enqueue_email, language_for, render_text
from portal.core.urls import absolute_url, base_url

# Links allauth puts into its mails; they follow the recipient's language like the text.
LINKS = ("activate_url", "password_reset_url", "signup_url")


@dataclass(frozen=True)
class PortalSite:
    """What allauth's mails call `current_site`: our name and public address, not the request's host."""

    name: str
    domain: str


def portal_site():
    return PortalSite(name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(base_url()).netloc)


def _public(url):
    """The same link under PORTAL_BASE_URL (allauth builds it from the request's host)."""
    parts = urlsplit(url)
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's e-mails in the recipient's language through the outbox."""

    def send_mail(self, template_prefix, email, context):
        context = {"request": self.request, "email": email, "current_site": portal_site(), **context}
        language = language_for(email)
        for key in LINKS:
            if context.get(key):
                context[key] = translate_url(context[key], language)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        enqueue_email(subject=message.subject, body=message.body, to=message.to, html=html, language=language)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        # Plain text is never HTML-escaped: render subject and text body again with autoescaping off.
        subject = " ".join(render_text(f"{template_prefix}_subject.txt", context).splitlines()).strip()
        message.subject = self.format_email_subject(subject)
        message.body = render_text(f"{template_prefix}_message.txt", context).strip()
        return message

    def format_email_subject(self, subject):
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def get_email_confirmation_url(self, request, emailconfirmation):
        return _public(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return _public(super().get_reset_password_from_key_url(key))

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed sign-ins are counted per address on the portal, whatever host name the request used.

        allauth names the request's host (with its port) in the key, so each
        name or port the portal answers on would count apart: another 5
        guesses per Host header, and web processes on different addresses
        would not share the count.
        """
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{portal_site().domain}:{login}"

    def get_login_redirect_url(self, request):
        """Cluster managers land on their dashboard (an explicit ?next= still wins)."""
        if managed_clusters(user=request.user).exists():
            return reverse("dashboard")
        return super().get_login_redirect_url(request)
