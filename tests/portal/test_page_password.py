"""A page's shared password (Wagtail's page privacy) is rate limited like the
sign-in form: per client address and restriction, answering 429 when locked out."""

import pytest
from wagtail.models import PageViewRestriction

from tests.content.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SHARED_PASSWORD = "river-delta-42"


def _protected(lang="en"):
    page = StandardPageFactory(lang=lang)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SHARED_PASSWORD
    )
    return page, restriction


def _try(client, page, restriction, password, lang="en", address="198.51.100.4"):
    url = f"/{lang}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_right_password_opens_the_page(client):
    page, restriction = _protected()

    response = _try(client, page, restriction, SHARED_PASSWORD)

    assert (response.status_code, response["Location"]) == (302, page.url)
    assert client.get(page.url).status_code == 200


def test_five_wrong_passwords_then_429_even_with_the_right_one(client):
    page, restriction = _protected()

    statuses = [_try(client, page, restriction, "guess").status_code for _ in range(7)]
    right = _try(client, page, restriction, SHARED_PASSWORD)

    assert statuses == [200] * 5 + [429] * 2
    assert right.status_code == 429
    assert client.get(page.url).status_code == 200
    assert 'name="password"' in client.get(page.url).content.decode()


def test_lock_out_is_per_restriction_and_per_client(client):
    page, restriction = _protected()
    other_page, other_restriction = _protected("sk")
    for _attempt in range(5):
        _try(client, page, restriction, "guess")

    other_restriction_answer = _try(client, other_page, other_restriction, SHARED_PASSWORD, lang="sk")
    other_client_answer = _try(client, page, restriction, SHARED_PASSWORD, address="198.51.100.77")

    assert (other_restriction_answer.status_code, other_restriction_answer["Location"]) == (302, other_page.url)
    assert (other_client_answer.status_code, other_client_answer["Location"]) == (302, page.url)


def test_lock_out_answers_429_in_the_visitors_language(client):
    page, restriction = _protected("cs")
    for _attempt in range(5):
        _try(client, page, restriction, "guess", lang="cs")

    response = _try(client, page, restriction, SHARED_PASSWORD, lang="cs")

    assert response.status_code == 429
    assert "<h1>Příliš mnoho pokusů</h1>" in response.content.decode()


def test_the_form_itself_still_shows(client):
    page, restriction = _protected()

    response = client.get(page.url)

    assert response.status_code == 200
    assert f'action="/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"' in response.content.decode()
