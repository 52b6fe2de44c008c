"""Download my data, delete my account, and administrators' deletes through the same service."""

import json

import pytest
from django.core import mail

from mobility.models import BookingStatus, ClusterMembership, VisitReport
from mobility.services import set_matching_consent
from portal.core.models import OutboxMessage, OutboxStatus
from portal.models import User
from tests.helpers import in_lang
from tests.mobility import factories as mobility_factories
from tests.training import factories
from training.models import CalendarFeedToken, Registration, RegistrationStatus
from training.services import regenerate_feed_token, register_for_seminar

pytestmark = pytest.mark.django_db

# The leaver's place went to the first person waiting; the second still waits.
AFTER = {"other@example.org": "confirmed", "w1@example.org": "confirmed", "w2@example.org": "waiting"}


def _statuses(seminar):
    return dict(Registration.objects.filter(seminar_key=seminar.translation_key).values_list("user__email", "status"))


def _full_seminar(leaver):
    """Capacity 2: the leaver and one more confirmed, two people waiting."""
    seminar = factories.seminar(capacity=2)
    other, first_waiting, second_waiting = (
        factories.UserFactory(email=f"{name}@example.org") for name in ("other", "w1", "w2")
    )
    for person in (leaver, other, first_waiting, second_waiting):
        register_for_seminar(seminar=seminar, user=person)
    mail.outbox.clear()
    return seminar


def _network(leaver_language="en"):
    """The leaver manages a visiting cluster alone, has an open request, a completed visit with a report."""
    visitor = mobility_factories.PeerClusterFactory(
        code="VT-LEAVE", name="Leaving cluster", ratings={"FIN.2": mobility_factories.R}
    )
    host = mobility_factories.PeerClusterFactory(
        code="VT-HOST", name="Host cluster", ratings={"FIN.2": mobility_factories.G}
    )
    leaver = mobility_factories.manager(visitor, email="leaver@example.org", language=leaver_language)
    host_manager = mobility_factories.manager(host, email="host@example.org")
    open_request = mobility_factories.BookingFactory(
        offer=mobility_factories.OfferFactory(cluster=host),
        cluster=visitor,
        requested_by=leaver,
        message="We would like to come.",
    )
    done = mobility_factories.BookingFactory(
        offer=mobility_factories.OfferFactory(cluster=host, starts_in=-10),
        cluster=visitor,
        requested_by=leaver,
        status=BookingStatus.COMPLETED,
    )
    report = mobility_factories.ReportFactory(booking=done)
    report.created_by = leaver
    report.save()
    return leaver, host_manager, visitor, open_request, report


def test_export_lists_everything_about_the_user(client):
    leaver, _host_manager, _visitor, _request, report = _network()
    seminar = factories.seminar(capacity=5, title="Funding clusters")
    register_for_seminar(seminar=seminar, user=leaver)
    regenerate_feed_token(user=leaver)
    set_matching_consent(cluster=_visitor, by=leaver, consent=False)
    set_matching_consent(cluster=_visitor, by=leaver, consent=True)
    client.force_login(leaver)

    response = client.get("/en/accounts/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="centramo-my-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert sorted(data) == [
        "calendar_feed",
        "emails",
        "exported_at",
        "format",
        "matching_consents",
        "memberships",
        "profile",
        "seminar_registrations",
        "study_visit_bookings",
        "visit_reports",
    ]
    assert data["profile"]["email"] == "leaver@example.org"
    assert data["profile"]["preferred_language"] == "en"
    assert [(m["cluster"], m["role"], m["status"]) for m in data["memberships"]] == [
        ("VT-LEAVE", "manager", "approved")
    ]
    assert [(r["seminar"], r["status"]) for r in data["seminar_registrations"]] == [("Funding clusters", "confirmed")]
    assert [(b["host"], b["status"], b["message"]) for b in data["study_visit_bookings"]] == [
        ("VT-HOST", "requested", "We would like to come."),
        ("VT-HOST", "completed", ""),
    ]
    assert data["visit_reports"] == [
        {
            "booking": report.booking_id,
            "learned": "How they fund their cluster management.",
            "shared_with_host": False,
            "actions": [{"indicator": "FIN.2", "action": "Start a membership-fee scheme."}],
            "written_at": report.created_at.isoformat(),
        }
    ]
    # The factory's consent, withdrawn by the leaver, then the leaver's own.
    assert [
        (c["cluster"], c["given_by_you"], c["withdrawn_by_you"], c["withdrawn_at"] is None)
        for c in data["matching_consents"]
    ] == [("VT-LEAVE", False, True, False), ("VT-LEAVE", True, False, True)]
    assert data["calendar_feed"]["active"] is True
    assert [e["subject"] for e in data["emails"]] == ["You are registered: Funding clusters"]


def test_export_and_delete_need_sign_in(client):
    assert client.get("/en/accounts/export/").status_code == 302
    assert client.get("/en/accounts/delete/").status_code == 302


def test_delete_page_asks_for_confirmation(client):
    person = factories.UserFactory()
    client.force_login(person)

    assert client.get("/en/accounts/delete/").status_code == 200
    response = client.post("/en/accounts/delete/", {})

    assert response.status_code == 200
    assert "Please tick the box to confirm that you want to delete your account." in response.content.decode()
    assert User.objects.filter(pk=person.pk).count() == 1


def test_delete_my_account_releases_everything(client, django_capture_on_commit_callbacks):
    leaver, host_manager, visitor, open_request, report = _network()
    seminar = _full_seminar(leaver)
    regenerate_feed_token(user=leaver)
    analyst = mobility_factories.AnalystFactory()
    polish_analyst = mobility_factories.AnalystFactory(language="pl")
    OutboxMessage.objects.create(recipient=leaver.email, from_email="x@example.org", subject="Old", text="t")
    client.force_login(leaver)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/delete/", {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert User.objects.filter(email="leaver@example.org").count() == 0
    assert _statuses(seminar) == AFTER
    open_request.refresh_from_db()
    assert (open_request.status, open_request.requested_by) == (BookingStatus.CANCELLED, None)
    report.refresh_from_db()
    assert report.created_by is None
    assert report.learned == "How they fund their cluster management."
    assert ClusterMembership.objects.filter(cluster=visitor).count() == 0
    assert CalendarFeedToken.objects.filter(user_id=leaver.pk).count() == 0
    assert OutboxMessage.objects.filter(recipient="leaver@example.org").count() == 0
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert len(mail.outbox) == len(subjects)
    assert sorted(subjects) == sorted(["w1@example.org", "host@example.org", *_analyst_addresses()])
    assert subjects["w1@example.org"] == f"A place has become free for you: {seminar.title}"
    assert subjects["host@example.org"] == "Study visit cancelled: Visit to VT-HOST"
    # Each analyst reads the warning in their own language.
    assert subjects[analyst.email] == "Leaving cluster has no manager any more"
    assert subjects[polish_analyst.email] == "Leaving cluster nie ma już menedżera"


@pytest.fixture
def superuser_client(client):
    client.force_login(mobility_factories.UserFactory(role="admin"))
    return client


def _assert_released(seminar, open_request, host_address):
    assert _statuses(seminar) == AFTER
    assert (
        Registration.objects.filter(seminar_key=seminar.translation_key, status=RegistrationStatus.CONFIRMED).count()
        == 2
    )
    open_request.refresh_from_db()
    assert open_request.status == BookingStatus.CANCELLED
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(["w1@example.org", host_address, *_analyst_addresses()])
    promoted = next(message for message in mail.outbox if message.to == ["w1@example.org"])
    assert promoted.subject.startswith("A place has become free for you")


def _analyst_addresses():
    from portal.roles import ANALYSTS

    return list(User.objects.filter(groups__name=ANALYSTS, is_active=True).values_list("email", flat=True))


def test_wagtail_admin_delete_promotes_and_warns(superuser_client, django_capture_on_commit_callbacks):
    leaver, _host, _visitor, open_request, _report = _network()
    seminar = _full_seminar(leaver)

    assert superuser_client.get(f"/admin/users/delete/{leaver.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(f"/admin/users/delete/{leaver.pk}/")

    assert response.status_code == 302
    assert User.objects.filter(pk=leaver.pk).count() == 0
    _assert_released(seminar, open_request, "host@example.org")


def test_deleting_a_manager_in_code_promotes_and_warns(django_capture_on_commit_callbacks):
    """Any ORM delete (the Django admin's too) runs the release through pre_delete; PROTECT no longer blocks it."""
    leaver, _host, _visitor, open_request, _report = _network()
    seminar = _full_seminar(leaver)

    with django_capture_on_commit_callbacks(execute=True):
        User.objects.filter(pk=leaver.pk).delete()

    assert User.objects.filter(pk=leaver.pk).count() == 0
    _assert_released(seminar, open_request, "host@example.org")


def test_leaving_manager_warns_remaining_managers_in_their_language(django_capture_on_commit_callbacks):
    cluster = mobility_factories.PeerClusterFactory(code="VT-TWO", name="Two managers")
    leaver = mobility_factories.manager(cluster, email="first@example.org")
    mobility_factories.manager(cluster, email="second@example.org", language="cs")
    leaver.first_name, leaver.last_name = "Eva", "Novak"
    leaver.save()

    with django_capture_on_commit_callbacks(execute=True):
        leaver.delete()

    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["second@example.org"], "Správce opustil Two managers")
    ]
    assert "Eva Novak" in mail.outbox[0].body
    assert "http://127.0.0.1:8000" + in_lang("cs", "/clusters/VT-TWO/") in mail.outbox[0].body
    assert VisitReport.objects.filter(created_by_id=leaver.pk).count() == 0
    assert OutboxMessage.objects.get(recipient="second@example.org").status == OutboxStatus.SENT
