"""Study-visit offers in seven languages: texts per language, facts once (DESIGN.md 2, 4.4)."""

import re

import pytest

from mobility.models import Indicator, StudyVisitOffer
from tests.mobility import factories

pytestmark = pytest.mark.django_db

OFFERS = {"cs": "studijni-navstevy", "pl": "wizyty-studyjne", "hu": "tanulmanyutak", "en": "study-visits"}


def czech_only_offer():
    return factories.OfferFactory(
        cluster=factories.PeerClusterFactory(country="CZ"),
        title_en=None,
        programme_en=None,
        place_en=None,
        title_cs="Financování bez dotací",
        programme_cs="Dva dny s naším finančním týmem.",
        place_cs="Brno, Výstaviště",
    )


def detail(client, lang, offer):
    return client.get(f"/{lang}/{OFFERS[lang]}/{offer.pk}/").content.decode()


def test_untranslated_offer_shows_its_original_language_with_a_mark(client):
    offer = czech_only_offer()

    polish = detail(client, "pl", offer)
    czech = detail(client, "cs", offer)

    assert '<h1 lang="cs">Financování bez dotací</h1>' in polish
    assert '<p class="language-mark">po czesku</p>' in polish
    assert '<dd lang="cs">Brno, Výstaviště</dd>' in polish
    assert '<div class="rich-text" lang="cs"><p>Dva dny s naším finančním týmem.</p></div>' in polish
    assert "<h1>Financování bez dotací</h1>" in czech
    assert "language-mark" not in czech


def test_translated_offer_shows_the_readers_language(client):
    offer = factories.OfferFactory(
        cluster=factories.PeerClusterFactory(),
        title_en="Financing visit",
        title_pl="Wizyta finansowa",
        place_pl="Kraków, Rynek",
    )

    polish = detail(client, "pl", offer)
    hungarian = detail(client, "hu", offer)

    assert ("<h1>Wizyta finansowa</h1>" in polish, "<dd>Kraków, Rynek</dd>" in polish) == (True, True)
    assert '<h1 lang="en">Financing visit</h1>' in hungarian
    assert '<p class="language-mark">angolul</p>' in hungarian


def test_offer_list_marks_untranslated_offers(client):
    offer = czech_only_offer()

    html = client.get(f"/hu/{OFFERS['hu']}/?host={offer.cluster.code}").content.decode()

    card = re.search(r'<article class="card card--offer">(.*?)</article>', html, re.S).group(1)
    assert '<p class="language-mark">csehül</p>' in card
    assert '<h2 class="card__title" lang="cs">' in card


def test_offer_form_has_one_fieldset_per_language_active_first(client):
    offer = czech_only_offer()
    client.force_login(factories.manager(offer.cluster))

    html = client.get(f"/pl/{OFFERS['pl']}/{offer.pk}/edytuj/").content.decode()

    assert re.findall(r'<details class="offer-form__language"( open)?>\s*<summary lang="(\w+)">', html) == [
        (" open", "pl"),
        ("", "en"),
        (" open", "cs"),
        ("", "sk"),
        ("", "hu"),
        ("", "hr"),
        ("", "tr"),
    ]
    assert 'name="title_cs" value="Financování bez dotací"' in html


def test_host_writes_texts_in_several_languages_at_once(client):
    host = factories.PeerClusterFactory(country="HU")
    client.force_login(factories.manager(host))

    response = client.post(
        f"/hu/{OFFERS['hu']}/uj/",
        {
            "title_hu": "Finanszírozás támogatás nélkül",
            "title_tr": "Hibesiz finansman",
            "programme_hu": "Két nap a pénzügyi csapatunkkal.",
            "place_hu": "Győr",
            "starts_on": factories.days(30).isoformat(),
            "ends_on": factories.days(31).isoformat(),
            "request_deadline": factories.days(20).isoformat(),
            "places": "8",
            "languages": ["hu", "en"],
            "topics": [str(Indicator.objects.get(code="FIN.2").pk)],
        },
    )

    offer = StudyVisitOffer.objects.get(cluster=host)
    assert response.status_code == 302
    assert (offer.title_hu, offer.title_tr, offer.title_en, offer.place_hu, offer.place_tr) == (
        "Finanszírozás támogatás nélkül",
        "Hibesiz finansman",
        None,
        "Győr",
        None,
    )


def test_offer_without_any_title_is_refused_in_the_readers_language(client):
    host = factories.PeerClusterFactory(country="HR")
    client.force_login(factories.manager(host))

    response = client.post(
        "/hr/studijski-posjeti/nova/",
        {
            "programme_hr": "Dva dana s našim timom.",
            "place_hr": "Split",
            "starts_on": factories.days(30).isoformat(),
            "ends_on": factories.days(31).isoformat(),
            "request_deadline": factories.days(20).isoformat(),
            "places": "8",
            "languages": ["hr"],
            "topics": [str(Indicator.objects.get(code="FIN.2").pk)],
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"title_hr": ["Upišite to barem na jednom jeziku."]}
    assert StudyVisitOffer.objects.filter(cluster=host).count() == 0
