"""Administrators see the outbox in the Wagtail admin and resend; others don't."""

import pytest
from django.core import mail

from portal.core.models import OutboxMessage, OutboxStatus
from tests.mobility import factories as mobility_factories

pytestmark = pytest.mark.django_db


def _failed():
    return OutboxMessage.objects.create(
        recipient="nobody@example.org",
        from_email="noreply@centramo.example",
        subject="Your place is confirmed",
        text="Hello",
        status=OutboxStatus.FAILED,
        attempts=1,
        last_error="SMTPRecipientsRefused: 550 No such mailbox",
    )


def test_administrator_sees_failed_mail_and_resends_it(client, django_capture_on_commit_callbacks):
    message = _failed()
    client.force_login(mobility_factories.UserFactory(role="admin"))

    listing = client.get("/admin/outbox/?status=failed")
    assert listing.status_code == 200
    assert "nobody@example.org" in listing.content.decode()
    inspect = client.get(f"/admin/outbox/inspect/{message.pk}/")
    assert inspect.status_code == 200
    assert "SMTPRecipientsRefused: 550 No such mailbox" in inspect.content.decode()
    assert client.get("/admin/outbox/new/").status_code == 302
    assert client.get(f"/admin/outbox/edit/{message.pk}/").status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/outbox/resend/{message.pk}/")

    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.SENT, 2)
    assert [sent.to for sent in mail.outbox] == [["nobody@example.org"]]


def test_editor_may_not_resend(client):
    message = _failed()
    client.force_login(mobility_factories.EditorFactory())

    response = client.post(f"/admin/outbox/resend/{message.pk}/")

    # Wagtail answers a refused admin action with a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
