"""One door: every password is entered on allauth's form.

The Wagtail admin, the Django admin and Wagtail's front-end login for private
pages only redirect here, so allauth's rate limits, lock-outs and e-mail
verification apply to every sign-in.
"""

from allauth.account.views import LoginView
from allauth.core.ratelimit import respond_429
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt

LOCKED_OUT = "too_many_login_attempts"


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
