"""Views for peer matching, study-visit offers, bookings and reports.

Pages that show a cluster's own weak points or its bookings are private
(`Cache-Control: private, no-store`); someone who is not a party gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from mobility import network_cache, visit_calendars, visit_queries, visits
from mobility.models import BookingStatus, StudyVisitOffer, VisitReport
from mobility.queries import managed_clusters, matching_consent_of
from mobility.rules import is_manager_of
from mobility.visit_forms import BookingForm, OfferFilterForm, OfferForm, PeerFilterForm, ReportForm, report_initial
from portal.core.pagination import paginate
from portal.core.urls import absolute_url
from portal.roles import is_editor

OFFERS_PER_PAGE = 20


def host_profile_url(cluster):
    """The cluster's public profile, or the offer list filtered by the cluster while no profile page exists."""
    try:
        return reverse("mobility:cluster", args=[cluster.code])
    except NoReverseMatch:
        return f"{reverse('visits:offers')}?{urlencode({'host': cluster.code})}"


def _messages_from(error):
    return error.messages if isinstance(error, ValidationError) else [str(error)]


# --- Peers ------------------------------------------------------------------


@never_cache
@login_required
def find_peers(request):
    """Ranked host clusters for one of the user's clusters (analysts: any cluster with a result)."""
    clusters = list(visit_queries.clusters_for_peers(user=request.user))
    if not clusters:
        raise Http404
    form = PeerFilterForm(request.GET or None, clusters=clusters, facets=network_cache.peer_facets())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    by_code = {cluster.code: cluster for cluster in clusters}
    wanted = request.GET.get("cluster", "")
    if wanted and wanted not in by_code:
        raise Http404
    cluster = by_code.get(wanted, clusters[0])
    peers = visit_queries.peers_for(
        cluster=cluster,
        countries=[filters["country"]] if filters.get("country") else (),
        sectors=[filters["sector"]] if filters.get("sector") else (),
        languages=[filters["language"]] if filters.get("language") else (),
        dimension=filters.get("dimension"),
        data=network_cache.matching_data(),
    )
    for peer in peers:
        peer.profile_url = host_profile_url(peer.cluster)
    return render(
        request,
        "visits/peers.html",
        {
            "form": form,
            "cluster": cluster,
            "peers": peers,
            "weak_points": visit_queries.weak_point_scores(cluster=cluster),
            "consent": matching_consent_of(cluster=cluster),
        },
    )


# --- Offers -----------------------------------------------------------------


def offer_list(request):
    """Public list of open offers with filters (country, topic, language, dates, host)."""
    country_codes = sorted(
        {str(code) for code in visit_queries.open_offers().values_list("cluster__country", flat=True).distinct()}
    )
    form = OfferFilterForm(request.GET or None, country_codes=country_codes)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    offers = visit_queries.public_offers(
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
    offer = visit_queries.offer_detail(pk=pk)
    if offer is None or not offer.cluster.is_public:
        raise Http404
    manages_host = request.user.is_authenticated and is_manager_of(user=request.user, cluster=offer.cluster)
    return render(
        request,
        "visits/offer_detail.html",
        {
            "offer": offer,
            "host_url": host_profile_url(offer.cluster),
            "manages_host": manages_host,
            "taking_requests": offer.is_open and offer.request_deadline >= timezone.localdate(),
            "free_places": offer.places - visit_queries.accepted_participants(offer=offer),
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
            offer = visits.create_offer(
                cluster=form.cleaned_data.get("host", clusters[0]), by=request.user, **_offer_fields(form.cleaned_data)
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your offer is published."))
            return redirect("visits:offer", pk=offer.pk)
    return render(request, "visits/offer_form.html", {"form": form, "offer": None})


def _managed_offer(request, pk):
    offer = get_object_or_404(
        StudyVisitOffer.objects.select_related("cluster").prefetch_related("topics"),
        pk=pk,
        cluster__in=managed_clusters(user=request.user),
    )
    return offer


@never_cache
@login_required
def offer_edit(request, pk):
    offer = _managed_offer(request, pk)
    form = OfferForm(request.POST or None, clusters=[offer.cluster], offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            visits.update_offer(offer=offer, by=request.user, **_offer_fields(form.cleaned_data))
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
    visits.set_offer_open(offer=offer, by=request.user, is_open=is_open)
    if is_open:
        messages.success(request, _("The offer takes requests again."))
    else:
        messages.success(request, _("The offer is closed for new requests."))
    return redirect("visits:offer", pk=offer.pk)


# --- Bookings ---------------------------------------------------------------


@never_cache
@login_required
def booking_request(request, pk):
    offer = get_object_or_404(StudyVisitOffer.objects.select_related("cluster"), pk=pk, cluster__is_public=True)
    clusters = [
        cluster for cluster in managed_clusters(user=request.user).order_by("name", "code") if cluster != offer.cluster
    ]
    if not clusters:
        raise Http404
    weak_points = {cluster.code: visits.visitor_weak_points(cluster=cluster) for cluster in clusters}
    form = BookingForm(request.POST or None, clusters=clusters, weak_points=weak_points)
    if request.method == "POST" and form.is_valid():
        try:
            booking = visits.request_visit(
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
    made = visit_queries.with_next_steps(visit_queries.bookings_made(clusters=clusters), side="visitor")
    received = visit_queries.with_next_steps(visit_queries.bookings_received(clusters=clusters), side="host")
    offers = visit_queries.offers_of(clusters=clusters)
    return render(request, "visits/bookings.html", {"made": made, "received": received, "offers": offers})


def _party_booking(request, pk):
    booking = visit_queries.booking_for(user=request.user, pk=pk)
    if booking is None:
        raise Http404
    booking.is_host = is_manager_of(user=request.user, cluster=booking.offer.cluster)
    booking.is_visitor = is_manager_of(user=request.user, cluster=booking.cluster)
    return booking


@never_cache
@login_required
def booking_detail(request, pk):
    booking = _party_booking(request, pk)
    side = "host" if booking.is_host else "visitor"
    [booking] = visit_queries.with_next_steps([booking], side=side)
    report = getattr(booking, "report", None)  # the reverse one-to-one raises an AttributeError when missing
    show_report = report is not None and (booking.is_visitor or report.shared_with_host or request.user.is_superuser)
    return render(
        request,
        "visits/booking_detail.html",
        {
            "booking": booking,
            "report": report if show_report else None,
            "host_url": host_profile_url(booking.offer.cluster),
        },
    )


@require_POST
@login_required
def booking_transition(request, pk, action):
    booking = _party_booking(request, pk)
    if action in ("accept", "decline") and not booking.is_host:
        raise Http404
    service = {
        "accept": visits.accept_booking,
        "decline": visits.decline_booking,
        "cancel": visits.cancel_booking,
        "complete": visits.complete_booking,
    }[action]
    try:
        service(booking=booking, by=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        for message in _messages_from(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            {
                "accept": _("The visit is accepted; the visitors have been sent an invitation."),
                "decline": _("The request is declined; the visitors have been told."),
                "cancel": _("The visit is cancelled; the other side has been told."),
                "complete": _("The visit is marked as completed."),
            }[action],
        )
    return redirect("visits:booking", pk=booking.pk)


@never_cache
@login_required
@require_safe
def booking_ics(request, pk):
    booking = _party_booking(request, pk)
    if booking.status not in (BookingStatus.ACCEPTED, BookingStatus.COMPLETED, BookingStatus.CANCELLED):
        raise Http404
    url = absolute_url(reverse("visits:booking", args=[booking.pk]))
    response = HttpResponse(
        visit_calendars.booking_calendar(booking=booking, url=url), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="study-visit-{booking.pk}.ics"'
    return response


# --- Reports ----------------------------------------------------------------


@never_cache
@login_required
def report_edit(request, pk):
    booking = _party_booking(request, pk)
    if not booking.is_visitor or booking.status != BookingStatus.COMPLETED:
        raise Http404
    report = VisitReport.objects.filter(booking=booking).prefetch_related("actions__indicator").first()
    form = ReportForm(request.POST or None, initial=report_initial(report) if report else None)
    if request.method == "POST" and form.is_valid():
        try:
            visits.file_report(
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


def _require_editor(request):
    if not is_editor(request.user):
        raise Http404


@never_cache
@login_required
def shared_reports(request):
    """Reports shared with their hosts, for editors looking for best-practice stories."""
    _require_editor(request)
    reports = paginate(visit_queries.shared_reports(), page=request.GET.get("page"), per_page=OFFERS_PER_PAGE)
    return render(request, "visits/reports.html", {"reports": reports})


@require_POST
@login_required
def report_story(request, pk):
    _require_editor(request)
    report = get_object_or_404(
        VisitReport.objects.select_related("booking__cluster", "booking__offer__cluster"), pk=pk, shared_with_host=True
    )
    try:
        page = visits.start_story(report=report, by=request.user)
    except (PermissionDenied, ValidationError) as error:
        for message in _messages_from(error):
            messages.error(request, message)
        return redirect("visits:reports")
    return redirect("wagtailadmin_pages:edit", page.pk)
