"""Seminar and material pictures, seminar cards (date block, local time, capacity bar, one call
to action) and the seminars' listing in the Wagtail admin."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.helpers import count_queries, home
from tests.mobility import factories as mobility_factories
from tests.pictures import images, picture, srcset_widths
from tests.training import factories
from tests.training.test_rules import edit_form_data, editor
from training.models import SeminarPage
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db

FAR_DAY = datetime.date(2031, 3, 5)


def _far_seminar(**fields):
    """A seminar on a fixed day years ahead, so its date block reads the same whenever the test runs."""
    return factories.seminar(start_date=FAR_DAY, end_date=FAR_DAY, days_ahead=0, **fields)


def _card(html, seminar):
    """The <article> card of `seminar` in a list page."""
    cards = re.findall(r'<article class="card card--seminar.*?</article>', html, re.S)
    return next(card for card in cards if seminar.title in card)


def _register(seminar, count):
    for _number in range(count):
        register_for_seminar(seminar=seminar, user=factories.UserFactory())


def test_seminar_page_shows_its_picture_with_description_and_srcset(client):
    seminar = factories.seminar(image=picture(), image_alt="A trainer at the lectern")

    [hero] = images(client.get(seminar.url).content.decode(), "hero-image")

    assert hero["alt"] == "A trainer at the lectern"
    assert srcset_widths(hero) == ["800w", "1600w"]
    assert hero["src"].endswith(".webp")


def test_seminar_card_shows_its_picture(client):
    seminar = factories.seminar(image=picture(), image_alt="Participants in a circle")

    card = _card(client.get(factories.seminar_index().url).content.decode(), seminar)

    [image] = images(card, "card__image")
    assert image["alt"] == "Participants in a circle"
    assert srcset_widths(image) == ["480w", "960w"]


def test_material_page_and_library_card_show_the_picture(client):
    material = factories.material(title="0 First material", image=picture(), image_alt="An open handbook")

    [hero] = images(client.get(material.url).content.decode(), "hero-image")
    cards = images(client.get(factories.library().url).content.decode(), "card__image")

    assert hero["alt"] == "An open handbook"
    assert cards[0]["alt"] == "An open handbook"
    assert cards[0]["loading"] == "eager"
    assert srcset_widths(cards[0]) == ["480w", "960w"]


def test_capacity_bar_says_how_many_places_are_taken(client):
    seminar = _far_seminar(capacity=10)
    _register(seminar, 7)

    page = client.get(seminar.url).content.decode()
    card = _card(client.get(factories.seminar_index().url).content.decode(), seminar)

    for html in (page, card):
        assert "7 of 10 places taken" in html
        assert re.search(r'<meter class="capacity__meter" id="[^"]+" min="0" max="10" value="7">', html)


def test_capacity_bar_of_a_full_seminar_stops_at_full(client):
    seminar = _far_seminar(capacity=2)
    _register(seminar, 3)

    card = _card(client.get(factories.seminar_index().url).content.decode(), seminar)

    assert "2 of 2 places taken" in card
    assert 'max="2" value="2"' in card
    assert "Join the waiting list" in card


def test_card_has_a_date_block_and_the_local_time_with_the_city(client):
    seminar = _far_seminar(time_zone="Europe/Istanbul")

    card = _card(client.get(factories.seminar_index().url).content.decode(), seminar)

    assert (
        '<time class="date-block" datetime="2031-03-05"><span class="date-block__day">5</span> '
        '<span class="date-block__month">Mar</span></time>'
    ) in card
    assert "9 a.m.–5 p.m. (Istanbul time)" in card


def test_date_block_is_in_the_readers_language(client):
    seminar = _far_seminar()
    czech = factories.seminar(lang="cs", translation_of=seminar)

    html = client.get(czech.url).content.decode()

    assert '<span class="date-block__day">5</span> <span class="date-block__month">Bře</span>' in html


def test_each_card_has_one_call_to_action(client):
    open_seminar = _far_seminar(capacity=5)
    full = _far_seminar(capacity=1)
    _register(full, 1)
    html = client.get(factories.seminar_index().url).content.decode()

    for seminar, label in ((open_seminar, "Register"), (full, "Join the waiting list")):
        card = _card(html, seminar)
        buttons = re.findall(r'<a class="button[^"]*" href="([^"]+)">([^<]+)<span class="visually-hidden">', card)
        assert buttons == [(f"{seminar.url}#registration-heading", label)]


def test_past_seminar_card_offers_the_details_only(client):
    past = factories.seminar(days_ahead=-30)

    card = _card(client.get(factories.seminar_index().url + "?when=past").content.decode(), past)

    assert re.findall(r'<a class="button[^"]*" href="([^"]+)">([^<]+)<', card) == [(past.url, "See the details")]
    assert "places taken" not in card


def test_home_page_seminar_cards_have_date_block_and_capacity(client):
    # Starts in two hours: the home page shows the three soonest seminars.
    start = (timezone.now() + datetime.timedelta(hours=2)).astimezone(zoneinfo.ZoneInfo("Europe/Budapest"))
    end = start + datetime.timedelta(hours=1)
    soonest = factories.seminar(
        start_date=start.date(),
        start_time=start.time().replace(second=0, microsecond=0),
        end_date=end.date(),
        end_time=end.time().replace(second=0, microsecond=0),
        capacity=4,
        image=picture(),
        image_alt="A room of the first seminar",
    )
    _register(soonest, 1)

    html = client.get(home().url).content.decode()
    card = _card(html, soonest)

    assert "1 of 4 places taken" in card
    assert 'class="date-block"' in card
    assert images(card, "card__image")[0]["alt"] == "A room of the first seminar"


def test_seminar_index_queries_do_not_grow_with_pictured_seminars(client):
    url = factories.seminar_index().url
    _far_seminar(image=picture(), image_alt="One")
    one = count_queries(client, url)
    for number in range(29):
        _far_seminar(image=picture(f"Picture {number}"), image_alt=f"Picture {number}")

    assert count_queries(client, url) == one


def test_admin_seminar_listing_shows_start_language_and_places_taken(client):
    seminar = _far_seminar(capacity=10, time_zone="Europe/Istanbul", language="tr")
    _register(seminar, 7)
    client.force_login(mobility_factories.UserFactory(role="admin"))

    html = client.get(reverse("seminars:index"), {"q": seminar.title}).content.decode()
    row = next(row for row in re.findall(r"<tr.*?</tr>", html, re.S) if seminar.title in row)

    assert [header in html for header in ("Starts", "Language", "Places taken")] == [True, True, True]
    assert "March 5, 2031, 9 a.m. (Istanbul time)" in row
    assert "Türkçe" in row
    assert "7 of 10" in row


def test_the_editor_refuses_to_publish_a_picture_without_description(client):
    seminar = factories.seminar()
    client.force_login(editor())
    data = edit_form_data(client, seminar)
    data.update(image=[str(picture().pk)], image_alt=[""], **{"action-publish": ["action-publish"]})

    refused = client.post(f"/admin/pages/{seminar.pk}/edit/", data)
    data.update(image_alt=["A trainer at the lectern"])
    published = client.post(f"/admin/pages/{seminar.pk}/edit/", data)

    assert refused.status_code == 200
    assert "Describe the picture for people who cannot see it." in refused.content.decode()
    assert published.status_code == 302
    assert SeminarPage.objects.get(pk=seminar.pk).image_alt == "A trainer at the lectern"
