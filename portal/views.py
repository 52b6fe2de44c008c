import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from portal.data_rights import delete_account, export_data
from portal.forms import DeleteAccountForm, ProfileForm
from portal.roles import GROUP_LABELS

SUPPORTED = {code for code, _name in settings.LANGUAGES}


@never_cache
def root_redirect(request):
    """`/` -> the signed-in user's language, else the browser's, else English."""
    language = None
    if request.user.is_authenticated and request.user.preferred_language in SUPPORTED:
        language = request.user.preferred_language
    if language is None:
        language = translation.get_language_from_request(request)
    if language not in SUPPORTED:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
    ]
    lines += [f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@login_required
@cache_control(private=True, no_store=True)
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
            response = redirect(reverse("profile"))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        )
        return response
    roles = [GROUP_LABELS[name] for name in request.user.groups.values_list("name", flat=True) if name in GROUP_LABELS]
    if request.user.is_superuser:
        roles.insert(0, _("Administrator"))
    return render(request, "portal/profile.html", {"form": form, "roles": roles})


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def export_my_data(request):
    """GDPR articles 15 and 20: everything we hold about the signed-in user, as a JSON file."""
    data = json.dumps(export_data(user=request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="centramo-my-data.json"'
    return response


@login_required
@never_cache
def delete_my_account(request):
    """GDPR article 17: a confirmation page, then the account goes (see portal.data_rights)."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        delete_account(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect(f"/{translation.get_language()}/")
    return render(request, "portal/delete_account.html", {"form": form})
