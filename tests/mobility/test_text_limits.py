"""Free text has limits with a clear, translated message (a 2.4 MB booking
message was once stored and mailed)."""

import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import StudyVisitBooking
from tests.mobility import factories
from tests.mobility.visits.support import offer_post

pytestmark = pytest.mark.django_db

HUGE = "x" * 2_400_000


def test_huge_booking_message_is_refused_with_a_clear_message(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host)
    client.force_login(visitor_manager)

    with translation.override("cs"):
        url = reverse("visits:booking_request", args=[offer.pk])
    response = client.post(
        url,
        {
            "visitor": visitor.code,
            "participants": "2",
            "focus_indicators": [str(indicator.pk) for indicator in factories.indicators("FIN.2")],
            "message": HUGE,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["message"] == ["Tato hodnota má mít nejvýše 2000 znaků (nyní má 2400000)."]
    assert StudyVisitBooking.objects.filter(offer=offer).exists() is False


def test_message_at_the_limit_is_accepted(client):
    visitor, visitor_manager, host, _host_manager = factories.pair()
    offer = factories.OfferFactory(cluster=host)
    client.force_login(visitor_manager)

    response = client.post(
        f"/en/study-visits/{offer.pk}/request/",
        {
            "visitor": visitor.code,
            "participants": "2",
            "focus_indicators": [str(indicator.pk) for indicator in factories.indicators("FIN.2")],
            "message": "m" * 2000,
        },
    )

    assert response.status_code == 302
    assert len(StudyVisitBooking.objects.get(offer=offer).message) == 2000


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("programme", 10000),
        ("title", 200),
        ("place", 200),
    ],
)
def test_offer_texts_have_limits(client, field, limit):
    host = factories.PeerClusterFactory()
    client.force_login(factories.manager(host))

    response = client.post("/en/study-visits/new/", offer_post(**{f"{field}_en": "y" * (limit + 1)}))

    assert response.status_code == 200
    # The too-long text is not kept, so the form also asks for it in some language.
    assert response.context["form"].errors[f"{field}_en"] == [
        f"Ensure this value has at most {limit} characters (it has {limit + 1}).",
        "Write this in at least one language.",
    ]


def test_profile_fields_have_limits(client):
    client.force_login(factories.UserFactory(email="participant@centramo.example"))

    response = client.post(
        "/en/accounts/profile/",
        {
            "first_name": "P" * 151,
            "last_name": "H",
            "organisation": "O" * 201,
            "country": "HR",
            "preferred_language": "en",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "first_name": ["Ensure this value has at most 150 characters (it has 151)."],
        "organisation": ["Ensure this value has at most 200 characters (it has 201)."],
    }


def test_huge_visit_report_is_refused(client):
    from mobility.models import BookingStatus, VisitReport

    visitor, visitor_manager, host, _host_manager = factories.pair()
    past = factories.OfferFactory(cluster=host, starts_in=-10, deadline_in=-20)
    booking = factories.BookingFactory(
        offer=past, cluster=visitor, requested_by=visitor_manager, status=BookingStatus.COMPLETED
    )
    client.force_login(visitor_manager)

    response = client.post(
        f"/en/study-visits/bookings/{booking.pk}/report/",
        {"learned": "z" * 10001, "action_1_description": "a" * 1001},
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["learned"] == ["Ensure this value has at most 10000 characters (it has 10001)."]
    assert errors["action_1_description"] == ["Ensure this value has at most 1000 characters (it has 1001)."]
    assert VisitReport.objects.filter(booking=booking).exists() is False
