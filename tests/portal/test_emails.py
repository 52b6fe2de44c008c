"""E-mails: one public base URL for links, the site's name, plain text never HTML-escaped, the reader's language."""

import re

import pytest
from django.core import mail

from mobility.visits.services import request_visit
from portal.core.emails import send_templated_email
from tests.helpers import in_lang, news_index
from tests.mobility import factories as mobility_factories
from tests.training import factories
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db

BASE = "https://centramo.example"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PORTAL_BASE_URL = BASE


def test_plain_text_keeps_apostrophes_and_ampersands(django_capture_on_commit_callbacks):
    person = factories.UserFactory(first_name="Siobhán", last_name="O'Brien & Co")
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(to_user=person, template="portal/email/welcome", context={})

    assert mail.outbox[0].body.splitlines()[0] == "Hello Siobhán O'Brien & Co,"


def test_seminar_mail_links_to_the_public_address(django_capture_on_commit_callbacks):
    seminar = factories.seminar(title="Funding 'clusters'")
    person = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        register_for_seminar(seminar=seminar, user=person)

    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "You are registered: Funding 'clusters'"
    assert f"{BASE}/en/seminars/{seminar.slug}/" in body.splitlines()
    assert "localhost" not in body
    assert "&#x27;" not in body


def test_study_visit_mail_in_the_hosts_language_with_public_link(django_capture_on_commit_callbacks):
    visitor, visitor_manager, host, _host_manager = mobility_factories.pair(host_language="cs")
    offer = mobility_factories.OfferFactory(
        cluster=host, title_en="Cluster finance visit", title_cs="Návštěva o financování"
    )
    with django_capture_on_commit_callbacks(execute=True):
        booking = request_visit(
            offer=offer,
            cluster=visitor,
            by=visitor_manager,
            participants=2,
            focus_indicators=mobility_factories.indicators("FIN.2"),
            message="We'd like to learn",
        )

    message = mail.outbox[0]
    assert message.subject == f"Klastr {visitor.name} žádá o účast na vaší studijní cestě „Návštěva o financování“"
    assert BASE + in_lang("cs", f"/study-visits/bookings/{booking.pk}/") in message.body.splitlines()
    assert "We'd like to learn" in message.body.splitlines()


def test_allauth_mail_names_centramo_and_links_to_the_public_address(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/pl/accounts/signup/",
            {
                "email": "ola@example.org",
                "password1": "a-Long-passphrase-42",
                "password2": "a-Long-passphrase-42",
                "first_name": "Ola",
                "last_name": "O'Neill",
                "preferred_language": "pl",
            },
        )

    message = mail.outbox[0]
    assert message.subject.startswith("[Centramo] ")
    assert message.body.splitlines()[0] == "Witamy z Centramo!"
    assert "Ola O'Neill" in message.body
    assert "&#x27;" not in message.body
    links = re.findall(r"https?://\S+", message.body)
    assert [link.startswith(f"{BASE}/pl/accounts/confirm-email/") for link in links] == [True]


def test_news_feed_links_to_the_public_address(client):
    response = client.get(news_index("en").url + "feed/")

    links = re.findall(r'href="([^"]+)"', response.content.decode())
    assert links[0].startswith(f"{BASE}/en/")
    assert [link for link in links if "localhost" in link or "testserver" in link] == []
