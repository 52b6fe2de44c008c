"""One door: every password is entered on allauth's form.

The Wagtail admin, the Django admin and Wagtail's front-end login for private
pages only redirect here, so allauth's rate limits, lock-outs and e-mail
verification apply to every sign-in. The one other password, a page's shared
password (Wagtail's page privacy), is limited by allauth's rate limiter too.
"""

from allauth.account.adapter import get_adapter
from allauth.account.views import LoginView
from allauth.core import ratelimit
from allauth.core.ratelimit import respond_429
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from wagtail.views import authenticate_with_password

LOCKED_OUT = "too_many_login_attempts"
# Its rate is ACCOUNT_RATE_LIMITS["page_password_failed"] (settings).
PAGE_PASSWORD_FAILED = "page_password_failed"


class PortalLoginView(LoginView):
    """allauth's login; a lock-out answers 429 Too Many Requests (translated page)."""

    def form_invalid(self, form):
        codes = {error.code for error in form.errors.as_data().get("__all__", [])}
        if LOCKED_OUT in codes:
            return respond_429(self.request)
        return super().form_invalid(form)


login = PortalLoginView.as_view()


def _to_login(request, *, default):
    target = request.GET.get("next", default)
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = default
    return redirect_to_login(target, reverse("account_login"))


# The former doors take no password: whatever is posted to them is dropped and
# the visitor is sent to the one form (CSRF does not matter for a redirect).
@csrf_exempt
def wagtail_admin_login(request):
    return _to_login(request, default="/admin/")


@csrf_exempt
def django_admin_login(request):
    return _to_login(request, default="/django-admin/")


@csrf_exempt
def frontend_login(request):
    return _to_login(request, default="/")


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's form for a page's shared password, with failed tries counted per client and restriction.

    Counted like allauth's failed sign-ins, in the shared cache (every process
    of the machine, or Redis): when one client has guessed wrong too often for
    one restriction, even the right password answers 429 until the window has
    passed. Other restrictions, and other clients, are not affected.
    """
    if request.method != "POST":
        return authenticate_with_password(request, page_view_restriction_id, page_id)
    key = f"{get_adapter(request).get_client_ip(request)}:{page_view_restriction_id}"
    if not ratelimit.consume(request, action=PAGE_PASSWORD_FAILED, key=key, dry_run=True):
        return respond_429(request)
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects on the right password and shows the form again on a wrong one.
    if response.status_code == 200:
        ratelimit.consume(request, action=PAGE_PASSWORD_FAILED, key=key)
    return response
