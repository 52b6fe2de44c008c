"""Training routes have their address in the reader's language; English links keep working."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers import LANGS
from tests.mobility import factories

pytestmark = pytest.mark.django_db

KEY = uuid.UUID("00000000-0000-0000-0000-000000000001")


def paths(name, **kwargs):
    found = {}
    for lang in LANGS:
        with translation.override(lang):
            found[lang] = reverse(f"training:{name}", kwargs=kwargs)
    return found


def test_calendar_feed_and_attendee_addresses_are_translated():
    assert paths("calendar_feed") == {
        "en": "/en/training/calendar-feed/",
        "cs": "/cs/skoleni/odber-kalendare/",
        "sk": "/sk/skolenia/odber-kalendara/",
        "pl": "/pl/szkolenia/subskrypcja-kalendarza/",
        "hu": "/hu/kepzes/naptar-feliratkozas/",
        "hr": "/hr/edukacija/pretplata-na-kalendar/",
        "tr": "/tr/egitim/takvim-aboneligi/",
    }
    assert paths("attendees_csv", translation_key=KEY)["pl"] == f"/pl/szkolenia/seminaria/{KEY}/uczestnicy.csv"
    assert paths("cancel", pk=7)["hu"] == "/hu/kepzes/jelentkezesek/7/lemondas/"


def test_english_segments_redirect_to_the_readers_language(client):
    client.force_login(factories.UserFactory(language="pl"))

    response = client.get("/pl/training/calendar-feed/")

    assert (response.status_code, response["Location"]) == (301, "/pl/szkolenia/subskrypcja-kalendarza/")
    # The feed form posts to the translated address.
    assert client.post(response["Location"], {"action": "regenerate"}).status_code == 302
