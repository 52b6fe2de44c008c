"""Registration, cancellation, attendee lists and calendar files: each view checks, calls one service or
query, and renders or redirects. The seminar pages themselves are served by Wagtail (training.pages)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from portal.core.spreadsheet import csv_response, xlsx_response
from training import calendars, queries, rules, services
from training.enums import RegistrationStatus
from training.forms import FeedFilterForm

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _seminar_or_404(translation_key, language=None):
    seminar = queries.seminar_in_language(
        translation_key=translation_key, language=language or translation.get_language()
    )
    if seminar is None or not seminar.live:
        raise Http404
    return seminar


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _next_url(request, seminar):
    """Where the person came from (`next` of the form or the query) when it is on this site, else the seminar."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return seminar.get_url(request)


def _back(request, seminar):
    return redirect(_next_url(request, seminar))


@login_required
@require_POST
def register(request, translation_key):
    seminar = _seminar_or_404(translation_key)
    try:
        registration = services.register_for_seminar(seminar=seminar, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request, seminar)
    if registration.status in RegistrationStatus.HOLDS_PLACE:
        messages.success(request, _("You are registered. A confirmation with a calendar file is on its way."))
    else:
        messages.info(
            request,
            _("The seminar is full. You are number %(position)s on the waiting list.")
            % {"position": registration.position},
        )
    return _back(request, seminar)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, pk):
    """GET asks to confirm the cancellation (a page of its own, no script needed); POST cancels."""
    registration = queries.registration_of(user=request.user, pk=pk)
    if registration is None:
        raise Http404
    seminar = _seminar_or_404(registration.seminar_key)
    if request.method == "POST":
        try:
            services.cancel_registration(registration=registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your registration has been cancelled."))
        return _back(request, seminar)
    refusal = rules.why_not_cancellable(registration=registration, seminar=seminar)
    if refusal:
        messages.error(request, refusal)
        return _back(request, seminar)
    context = {"seminar": seminar, "page": seminar, "registration": registration, "next": _next_url(request, seminar)}
    return _private(render(request, "training/cancel_registration.html", context))


def _attendee_rows(confirmed, waiting):
    header = [
        _("Status"),
        _("Position"),
        pgettext("person", "Name"),
        _("E-mail"),
        _("Organisation"),
        _("Country"),
        _("Registered"),
    ]
    rows = [header]
    for registration, position in [(row, "") for row in confirmed] + [(row, row.position) for row in waiting]:
        user = registration.user
        rows.append(
            [
                registration.get_status_display(),
                position,
                user.get_full_name(),
                user.email,
                user.organisation,
                user.country.code if user.country else "",
                registration.queued_at.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return rows


@login_required
@require_GET
def attendee_list(request, translation_key, export=None):
    seminar = _seminar_or_404(translation_key)
    if not rules.may_see_attendees(seminar=seminar, user=request.user):
        raise Http404
    confirmed, waiting = queries.attendees(translation_key=seminar.translation_key)
    filename = f"attendees-{seminar.slug}"
    if export == "csv":
        return _private(csv_response(_attendee_rows(confirmed, waiting), filename=filename))
    if export == "xlsx":
        rows = _attendee_rows(confirmed, waiting)
        return _private(xlsx_response(rows, filename=filename, sheet_title=_("Attendees")))
    response = render(
        request,
        "training/attendee_list.html",
        {"seminar": seminar, "page": seminar, "confirmed": confirmed, "waiting": waiting},
    )
    return _private(response)


@login_required
@require_POST
def calendar_feed(request):
    if request.POST.get("action") == "revoke":
        services.revoke_feed_token(user=request.user)
        messages.success(
            request, _("Your personal calendar feed has been switched off. The old address no longer works.")
        )
    else:
        services.regenerate_feed_token(user=request.user)
        messages.success(
            request, _("Your personal calendar feed has a new address. Subscribe to it again in your calendar program.")
        )
    return redirect(reverse("profile"))


def _calendar_response(text, *, filename=None):
    response = HttpResponse(text, content_type=CALENDAR_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def seminar_ics(request, translation_key):
    seminar = _seminar_or_404(translation_key, request.GET.get("language"))
    text = calendars.seminar_calendar(seminar=seminar, state=queries.seminar_facts(translation_key=translation_key))
    return _calendar_response(text, filename=f"{seminar.slug}.ics")


@require_safe
def public_feed(request):
    form = FeedFilterForm(request.GET)
    if not form.is_valid():
        errors = " ".join(str(error) for field_errors in form.errors.values() for error in field_errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    data = form.cleaned_data
    seminars, states = queries.feed_seminars(
        language=data["language"], country=data["country"], topic=data["topic"], display_language=data["language"]
    )
    return _calendar_response(calendars.public_feed(seminars=seminars, states=states))


@require_safe
def personal_feed(request, token):
    user = queries.feed_owner(token=token)
    if user is None:
        raise Http404
    return _private(_calendar_response(calendars.personal_feed(user=user)))
