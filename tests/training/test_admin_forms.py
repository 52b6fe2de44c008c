"""One set of facts per seminar: edited once on the original page, read by every translation at once."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import TranslationSource

from tests.training import factories
from training.admin_forms import SeminarPageForm
from training.calendars import seminar_uid
from training.models import Registration, SeminarPage, SeminarState
from training.records import ENTERED_FACTS
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def admin_form_data(page, **changes):
    """What the Wagtail editor posts for `page`, with `changes` applied ('publish' by default)."""
    facts = page.facts
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "programme": streamfield([]),
        "comments": inline_formset([]),
        "start_date": facts.start_date.isoformat(),
        "start_time": facts.start_time.strftime("%H:%M"),
        "end_date": facts.end_date.isoformat(),
        "end_time": facts.end_time.strftime("%H:%M"),
        "time_zone": facts.time_zone,
        "registration_deadline": facts.registration_deadline.isoformat() if facts.registration_deadline else "",
        "venue_name": facts.venue_name,
        "address": facts.address,
        "online_url": facts.online_url,
        "country": facts.country.code,
        "language": facts.language,
        "capacity": str(facts.capacity),
        "trainers": [str(pk) for pk in facts.trainers.values_list("pk", flat=True)],
        "action-publish": "action-publish",
    }
    if facts.is_cancelled:
        data["is_cancelled"] = "on"
    data.update(changes)
    return nested_form_data({key: value for key, value in data.items() if value is not None})


def edit_in_admin(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", admin_form_data(page, **changes))


def _event(ics_text, translation_key):
    calendar = Calendar.from_ical(ics_text)
    return next(event for event in calendar.events if str(event["UID"]) == seminar_uid(translation_key))


@pytest.fixture
def seminar_in_four_languages():
    """An English seminar in Prague (09:00-17:00) with cs, hu (wagtail-localize) and pl translations."""
    trainer = factories.TrainerFactory()
    english = factories.seminar(
        trainers=[trainer], title="Cluster finance", time_zone="Europe/Prague", country="CZ", capacity=3, days_ahead=30
    )
    pages = {"en": english}
    pages["cs"] = factories.seminar(lang="cs", translation_of=english, title="Financování klastru", slug="financovani")
    pages["pl"] = factories.seminar(lang="pl", translation_of=english, title="Finanse klastra", slug="finanse")
    source, _created = TranslationSource.get_or_create_from_instance(english)
    hungarian, _created = source.create_or_update_translation(Locale.objects.get(language_code="hu"), fallback=True)
    hungarian.title = "Klaszterfinanszírozás"
    hungarian.save_revision().publish()
    pages["hu"] = SeminarPage.objects.get(pk=hungarian.pk)
    people = {lang: factories.UserFactory(language=lang) for lang in ("en", "cs", "hu", "pl")}
    for lang in ("en", "cs", "hu", "pl"):
        register_for_seminar(seminar=pages[lang], user=people[lang])
    return trainer, pages, people, source


def test_trainer_moves_the_start_on_the_original_page_and_every_language_shows_it(
    client, seminar_in_four_languages, django_capture_on_commit_callbacks
):
    trainer, pages, people, source = seminar_in_four_languages
    english = pages["en"]
    day = english.start_date
    mail.outbox.clear()
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = edit_in_admin(client, english, start_time="11:00")

    assert response.status_code == 302
    new_start = datetime.datetime.combine(day, datetime.time(11), tzinfo=PRAGUE)
    assert SeminarState.objects.get(translation_key=english.translation_key).starts_at == new_start
    client.logout()
    shown = {
        "en": "11 a.m.–5 p.m. (Prague time)",
        "cs": "11:00–17:00 (pražský čas)",
        "hu": "11:00–17:00 (prágai idő)",
        "pl": "11:00–17:00 (czas praski)",
    }
    for lang, text in shown.items():
        assert text in client.get(pages[lang].url).content.decode()

    feed_event = _event(client.get("/calendar/seminars.ics").content, english.translation_key)
    download = _event(client.get(f"/calendar/seminars/{english.translation_key}.ics").content, english.translation_key)
    assert (feed_event.start, feed_event["SEQUENCE"]) == (new_start, 1)
    assert (download.start, download["SEQUENCE"]) == (new_start, 1)

    subjects = {
        "en": "The seminar has changed: Cluster finance",
        "cs": "Změna semináře: Financování klastru",
        "hu": "A szeminárium módosult: Klaszterfinanszírozás",
        "pl": "Zmiana w seminarium: Finanse klastra",
    }
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in people.values())
    for lang, person in people.items():
        message = next(message for message in mail.outbox if message.to == [person.email])
        assert message.subject == subjects[lang]
        assert pages[lang].url in message.body
        assert shown[lang] in message.body
        attached = _event(message.attachments[0][1], english.translation_key)
        assert (attached.start, attached["SEQUENCE"]) == (new_start, 1)


def test_publishing_or_syncing_a_translation_afterwards_sends_nothing(
    client, seminar_in_four_languages, django_capture_on_commit_callbacks
):
    trainer, pages, _people, source = seminar_in_four_languages
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        edit_in_admin(client, pages["en"], start_time="11:00")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        pages["pl"].title = "Finanse klastrów"
        pages["pl"].save_revision().publish()
        source.update_from_db()
        source.create_or_update_translation(Locale.objects.get(language_code="hu"), fallback=True)

    assert mail.outbox == []
    facts = SeminarState.objects.get(translation_key=pages["en"].translation_key)
    assert (facts.sequence, facts.start_time) == (1, datetime.time(11))


def test_a_text_only_edit_of_the_original_sends_nothing(
    client, seminar_in_four_languages, django_capture_on_commit_callbacks
):
    trainer, pages, _people, _source = seminar_in_four_languages
    client.force_login(trainer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = edit_in_admin(client, pages["en"], summary="A clearer summary", title="Cluster finance 2027")

    assert response.status_code == 302
    assert mail.outbox == []
    assert SeminarState.objects.get(translation_key=pages["en"].translation_key).sequence == 0


def test_cancelling_in_the_admin_tells_everyone_once_with_a_cancelled_calendar_entry(
    client, seminar_in_four_languages, django_capture_on_commit_callbacks
):
    trainer, pages, people, _source = seminar_in_four_languages
    client.force_login(trainer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        edit_in_admin(client, pages["en"], is_cancelled="on")

    assert len(mail.outbox) == 4
    hungarian = next(message for message in mail.outbox if message.to == [people["hu"].email])
    assert hungarian.subject == "A szeminárium elmarad: Klaszterfinanszírozás"
    assert str(_event(hungarian.attachments[0][1], pages["en"].translation_key)["STATUS"]) == "CANCELLED"


def test_capacity_below_the_confirmed_count_is_refused_in_the_admin(client, seminar_in_four_languages):
    trainer, pages, _people, _source = seminar_in_four_languages
    client.force_login(trainer)

    response = edit_in_admin(client, pages["en"], capacity="2")

    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [
        "3 people are confirmed, so the seminar needs at least 3 places. To offer fewer places, cancel the "
        "seminar or contact the people registered and ask some of them to cancel."
    ]
    assert "3 people are confirmed; places cannot go below that." in response.content.decode()
    assert SeminarState.objects.get(translation_key=pages["en"].translation_key).capacity == 3


def test_raising_capacity_in_the_admin_promotes_waiting_people_in_order(
    client, seminar_in_four_languages, django_capture_on_commit_callbacks
):
    trainer, pages, people, _source = seminar_in_four_languages
    latecomer = factories.UserFactory(language="cs")
    register_for_seminar(seminar=pages["cs"], user=latecomer)
    client.force_login(trainer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        edit_in_admin(client, pages["en"], capacity="4")

    statuses = dict(Registration.objects.filter(seminar_key=pages["en"].translation_key).values_list("user", "status"))
    assert (statuses[people["pl"].pk], statuses[latecomer.pk]) == ("confirmed", "waiting")
    assert [(message.to, message.subject) for message in mail.outbox] == [
        ([people["pl"].email], "Zwolniło się miejsce dla Ciebie: Finanse klastra")
    ]


def test_a_translation_shows_the_facts_read_only(client, seminar_in_four_languages):
    trainer, pages, _people, _source = seminar_in_four_languages
    client.force_login(trainer)
    form_class = SeminarPage.get_edit_handler().get_form_class()
    original = form_class(instance=pages["en"], for_user=trainer)
    translation = form_class(instance=pages["cs"], for_user=trainer)

    assert issubclass(form_class, SeminarPageForm)
    assert [original.fields[name].disabled for name in ENTERED_FACTS] == [False] * 13
    assert [translation.fields[name].disabled for name in ENTERED_FACTS] == [True] * 13
    # Only editors and administrators assign trainers: the field is not in a trainer's form.
    assert "trainers" not in original.fields
    assert "trainers" not in translation.fields
    assert translation.fields["capacity"].help_text == (
        "The same in every language: changed on the original page (English)."
    )
    assert translation.initial["capacity"] == 3
