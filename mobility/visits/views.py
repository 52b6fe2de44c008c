"""Views for peer matching, study-visit offers, bookings and reports.

Each checks permission, validates a form, calls one service or query and
renders; which steps a booking allows is for `mobility.visits.rules` to say.
Pages that show a cluster's own weak points or its bookings are private
(`Cache-Control: private, no-store`); someone who is not a party gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from mobility import network_cache
from mobility.queries import managed_clusters, matching_consent_of
from mobility.rules import is_manager_of
from mobility.visits import calendars, queries, rules, services
from mobility.visits.forms import BookingForm, OfferFilterForm, OfferForm, PeerFilterForm, ReportForm, report_initial
from portal.core.pagination import paginate
from portal.core.urls import absolute_url

OFFERS_PER_PAGE = 20


# --- Peers ------------------------------------------------------------------


@never_cache
@login_required
def find_peers(request):
    """Ranked host clusters for one of the user's clusters (analysts: any cluster with a result)."""
    clusters = list(queries.clusters_for_peers(user=request.user))
    if not clusters:
        raise Http404
    form = PeerFilterForm(request.GET or None, clusters=clusters, facets=network_cache.peer_facets())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    by_code = {cluster.code: cluster for cluster in clusters}
    wanted = request.GET.get("cluster", "")
    if wanted and wanted not in by_code:
        raise Http404
    cluster = by_code.get(wanted, clusters[0])
    peers = queries.peers_for(
        cluster=cluster,
        countries=[filters["country"]] if filters.get("country") else (),
        sectors=[filters["sector"]] if filters.get("sector") else (),
        languages=[filters["language"]] if filters.get("language") else (),
        dimension=filters.get("dimension"),
        data=network_cache.matching_data(),
    )
    return render(
        request,
        "visits/peers.html",
        {
            "form": form,
            "cluster": cluster,
            "peers": peers,
            "weak_points": queries.weak_point_scores(cluster=cluster),
            "consent": matching_consent_of(cluster=cluster),
        },
    )


# --- Offers -----------------------------------------------------------------


def offer_list(request):
    """Public list of open offers with filters (country, topic, language, dates, host)."""
    form = OfferFilterForm(request.GET or None, country_codes=queries.offer_countries())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    offers = queries.public_offers(
        country=filters.get("country", ""),
        topic=filters.get("topic"),
        language=filters.get("language", ""),
        starts_after=filters.get("date_from"),
        starts_before=filters.get("date_to"),
        host=filters.get("host", ""),
    )
    page = paginate(offers, page=request.GET.get("page"), per_page=OFFERS_PER_PAGE)
    return render(request, "visits/offer_list.html", {"form": form, "offers": page})


def offer_detail(request, pk):
    """An offer of a public cluster: its facts, and whether (or why not) the reader may ask to join."""
    offer = queries.public_offer(pk=pk)
    if offer is None:
        raise Http404
    active_booking = queries.active_booking_of(user=request.user, offer=offer)
    return render(
        request,
        "visits/offer_detail.html",
        {
            "offer": offer,
            "manages_host": is_manager_of(user=request.user, cluster=offer.cluster),
            "free_places": offer.places - queries.taken_places(offer=offer),
            "active_booking": active_booking,
            "refusal": rules.booking_refusal(
                user=request.user,
                offer=offer,
                bookable_clusters=queries.clusters_that_may_ask(user=request.user, offer=offer),
                active_booking=active_booking,
            ),
        },
    )


def _offer_fields(data):
    return {
        key: data[key]
        for key in (
            "title",
            "programme",
            "starts_on",
            "ends_on",
            "place",
            "places",
            "languages",
            "topics",
            "request_deadline",
        )
    }


@never_cache
@login_required
def offer_create(request):
    clusters = list(managed_clusters(user=request.user).order_by("name", "code"))
    if not clusters:
        raise Http404
    form = OfferForm(request.POST or None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.create_offer(
                cluster=form.cleaned_data.get("host", clusters[0]), by=request.user, **_offer_fields(form.cleaned_data)
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your offer is published."))
            return redirect("visits:offer", pk=offer.pk)
    return render(request, "visits/offer_form.html", {"form": form, "offer": None})


def _managed_offer(request, pk):
    offer = queries.managed_offer(user=request.user, pk=pk)
    if offer is None:
        raise Http404
    return offer


@never_cache
@login_required
def offer_edit(request, pk):
    offer = _managed_offer(request, pk)
    form = OfferForm(request.POST or None, clusters=[offer.cluster], offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_offer(offer=offer, by=request.user, **_offer_fields(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your offer is saved."))
            return redirect("visits:offer", pk=offer.pk)
    return render(request, "visits/offer_form.html", {"form": form, "offer": offer})


@require_POST
@login_required
def offer_open(request, pk):
    offer = _managed_offer(request, pk)
    is_open = request.POST.get("open") == "1"
    services.set_offer_open(offer=offer, by=request.user, is_open=is_open)
    if is_open:
        messages.success(request, _("The offer takes requests again."))
    else:
        messages.success(request, _("The offer is closed for new requests."))
    return redirect("visits:offer", pk=offer.pk)


# --- Bookings ---------------------------------------------------------------


@never_cache
@login_required
def booking_request(request, pk):
    offer = queries.public_offer(pk=pk)
    if offer is None:
        raise Http404
    clusters = queries.visiting_clusters(user=request.user, offer=offer)
    if not clusters:
        raise Http404
    weak_points = {cluster.code: services.visitor_weak_points(cluster=cluster) for cluster in clusters}
    form = BookingForm(request.POST or None, clusters=clusters, weak_points=weak_points)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.request_visit(
                offer=offer,
                cluster=form.cleaned_data["visitor"],
                by=request.user,
                participants=form.cleaned_data["participants"],
                focus_indicators=form.cleaned_data["focus_indicators"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your request has been sent to the host."))
            return redirect("visits:booking", pk=booking.pk)
    return render(request, "visits/booking_form.html", {"form": form, "offer": offer})


@never_cache
@login_required
def bookings(request):
    """The user's study visits: bookings made, bookings received and their own offers."""
    clusters = managed_clusters(user=request.user)
    made = queries.with_next_steps(queries.bookings_made(clusters=clusters), side=rules.VISITOR)
    received = queries.with_next_steps(queries.bookings_received(clusters=clusters), side=rules.HOST)
    offers = queries.offers_of(clusters=clusters)
    return render(request, "visits/bookings.html", {"made": made, "received": received, "offers": offers})


def _party_booking(request, pk):
    """The booking and the sides the user takes in it; 404 for someone who is neither side (nor a superuser)."""
    booking = queries.booking_for(user=request.user, pk=pk)
    if booking is None:
        raise Http404
    return booking, rules.sides_of(user=request.user, booking=booking)


@never_cache
@login_required
def booking_detail(request, pk):
    booking, sides = _party_booking(request, pk)
    report = queries.report_of(booking)
    side = rules.HOST if rules.HOST in sides else rules.VISITOR
    return render(
        request,
        "visits/booking_detail.html",
        {
            "booking": booking,
            "sides": sides,
            "next_step": rules.next_step(booking, side=side, report=report),
            "steps": rules.allowed_steps(booking, sides=sides, has_report=report is not None),
            "calendar": rules.shows_calendar(booking),
            "report": report if report and rules.may_read_report(report, sides=sides, user=request.user) else None,
        },
    )


TRANSITION_SERVICES = {
    rules.ACCEPT: services.accept_booking,
    rules.DECLINE: services.decline_booking,
    rules.CANCEL: services.cancel_booking,
    rules.COMPLETE: services.complete_booking,
}
TRANSITION_DONE = {
    rules.ACCEPT: gettext_lazy("The visit is accepted; the visitors have been sent an invitation."),
    rules.DECLINE: gettext_lazy("The request is declined; the visitors have been told."),
    rules.CANCEL: gettext_lazy("The visit is cancelled; the other side has been told."),
    rules.COMPLETE: gettext_lazy("The visit is marked as completed."),
}


@never_cache
def booking_transition(request, pk, action):
    """POST takes the step; a GET of a step that asks first (cancelling) shows the confirmation page."""
    methods = ["GET", "HEAD", "POST"] if rules.TRANSITIONS[action].confirm else ["POST"]
    if request.method not in methods:
        return HttpResponseNotAllowed(methods)
    return _booking_transition(request, pk, action)


@login_required
def _booking_transition(request, pk, action):
    booking, sides = _party_booking(request, pk)
    if request.method != "POST":
        return _confirm_transition(request, booking, action, sides)
    try:
        TRANSITION_SERVICES[action](booking=booking, by=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, TRANSITION_DONE[action])
    return redirect("visits:booking", pk=booking.pk)


def _confirm_transition(request, booking, action, sides):
    try:
        rules.check(booking, action, sides=sides)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("visits:booking", pk=booking.pk)
    return render(
        request, "visits/booking_confirm.html", {"booking": booking, "step": rules.step(booking, action, sides=sides)}
    )


@never_cache
@login_required
@require_safe
def booking_ics(request, pk):
    booking, _sides = _party_booking(request, pk)
    if booking.status not in rules.CALENDAR_STATUSES:
        raise Http404
    url = absolute_url(reverse("visits:booking", args=[booking.pk]))
    response = HttpResponse(
        calendars.booking_calendar(booking=booking, url=url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="study-visit-{booking.pk}.ics"'
    return response


# --- Reports ----------------------------------------------------------------


@never_cache
@login_required
def report_edit(request, pk):
    booking, sides = _party_booking(request, pk)
    if not rules.may_report(booking, sides=sides):
        raise Http404
    report = queries.report_of(booking)
    form = ReportForm(request.POST or None, initial=report_initial(report) if report else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_report(
                booking=booking,
                by=request.user,
                learned=form.cleaned_data["learned"],
                actions=form.cleaned_data["actions"],
                shared_with_host=form.cleaned_data["shared_with_host"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your visit report is saved."))
            return redirect("visits:booking", pk=booking.pk)
    return render(request, "visits/report_form.html", {"form": form, "booking": booking})
