import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import Locale, Page

from content.models import NewsIndexPage
from mobility.models import Indicator
from portal.roles import TRAINERS
from tests.content.factories import translate
from tests.helpers import LANGS, count_queries, home
from tests.mobility import factories as mobility_factories
from tests.training import factories
from training.models import (
    Registration,
    SeminarIndexPage,
    SeminarPage,
    SeminarState,
    TrainingLibraryPage,
    TrainingMaterialPage,
)
from training.services import register_for_seminar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "model", [TrainingLibraryPage, TrainingMaterialPage, SeminarIndexPage], ids=lambda model: model.__name__
)
def test_training_pages_render_in_every_language(client, lang, model):
    if model is TrainingMaterialPage:
        factories.material(lang=lang, title=f"Material in {lang}")
    page = model.objects.live().filter(locale__language_code=lang).order_by("path").first()

    response = client.get(page.url)

    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()
    assert page.title in response.content.decode()


def test_seminar_page_shows_times_in_venue_zone_and_places(client):
    seminar = factories.seminar(time_zone="Europe/Istanbul", capacity=3)
    register_for_seminar(seminar=seminar, user=factories.UserFactory())

    html = client.get(seminar.url).content.decode()

    assert "9 a.m." in html or "09:00" in html
    assert "9 a.m.–5 p.m. (Istanbul time)" in html
    assert "2 of 3 places left" in html


def test_library_shows_languages_of_each_material(client):
    english = factories.material(title="Cluster finance basics")
    translate(english, lang="tr", title="Küme finansmanının temelleri")

    html = client.get(TrainingLibraryPage.objects.get(locale__language_code="en").url).content.decode()

    assert english.title in html
    assert 'title="Türkçe">TR</abbr>' in html


def test_library_cards_name_their_topics(client):
    """A topic chip says what the indicator is, not only its code."""
    indicator = Indicator.objects.get(code="FIN.2")
    factories.material(lang="cs", title="Aaa rozpočet klastru", topics=[indicator])

    html = client.get(TrainingLibraryPage.objects.get(locale__language_code="cs").url).content.decode()

    with translation.override("cs"):
        assert f'<span class="tag">FIN.2 {indicator.name}</span>' in html


def test_library_filters_by_dimension_and_format(client):
    topic = factories.indicator("ACH.5", "ACH")
    wanted = factories.material(topics=[topic], format="exercise", title="Awards exercise")
    factories.material(format="exercise", title="Other exercise")
    url = factories.library().url

    html = client.get(f"{url}?dimension=ACH&format=exercise").content.decode()

    assert wanted.title in html
    assert "Other exercise" not in html


def test_seminar_index_filters_by_country_and_past(client):
    index = factories.seminar_index()
    factories.seminar(title="Internationalisation for cluster members in Trnava", country="SK", days_ahead=20)
    factories.seminar(title="Financing cluster management: Ostrava seminar", country="CZ", days_ahead=10)
    factories.seminar(title="Cluster strategy workshop in Brno", country="CZ", days_ahead=-30)

    upcoming_sk = client.get(f"{index.url}?country=SK").content.decode()
    past = client.get(f"{index.url}?when=past").content.decode()

    assert "Internationalisation for cluster members in Trnava" in upcoming_sk
    assert "Financing cluster management: Ostrava seminar" not in upcoming_sk
    assert "Cluster strategy workshop in Brno" in past


def test_seminar_index_rejects_bad_month_with_message(client):
    response = client.get(f"{factories.seminar_index().url}?month=May")

    assert response.status_code == 200
    assert "Enter a month as year and month, for example 2026-05." in response.content.decode()


def test_home_page_shows_upcoming_seminars(client):
    seminar = factories.seminar(days_ahead=1, title="Tomorrow's seminar")

    html = client.get(home("en").url).content.decode()

    assert seminar.title.replace("'", "&#x27;") in html


def test_register_and_cancel_through_the_site(client):
    seminar = factories.seminar(lang="en")
    person = factories.UserFactory()
    client.force_login(person)

    response = client.post(f"/en/training/seminars/{seminar.translation_key}/register/")
    registration = Registration.objects.get(user=person)
    page = client.get(seminar.url).content.decode()
    cancel = client.post(f"/en/training/registrations/{registration.pk}/cancel/")

    assert response.status_code == 302
    assert "You are registered for this seminar." in page
    assert cancel.status_code == 302
    assert Registration.objects.get(user=person).status == "cancelled"


def test_register_requires_sign_in(client):
    seminar = factories.seminar()

    response = client.post(f"/en/training/seminars/{seminar.translation_key}/register/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Registration.objects.filter(seminar_key=seminar.translation_key).count() == 0


def test_cancel_someone_elses_registration_is_404(client):
    registration = register_for_seminar(seminar=factories.seminar(), user=factories.UserFactory())
    client.force_login(factories.UserFactory())

    response = client.post(f"/en/training/registrations/{registration.pk}/cancel/")

    assert response.status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"


def test_cancelling_asks_for_confirmation_first(client):
    seminar = factories.seminar(title="Cluster finance")
    registration = register_for_seminar(seminar=seminar, user=factories.UserFactory())
    client.force_login(registration.user)
    url = f"/en/training/registrations/{registration.pk}/cancel/"

    seminar_page = client.get(seminar.url).content.decode()
    confirmation = client.get(f"{url}?next={seminar.url}")
    html = confirmation.content.decode()

    assert f'href="{url}?next={seminar.url}"' in seminar_page
    assert f'<form method="post" action="{url}"' not in seminar_page
    assert confirmation.status_code == 200
    assert confirmation["Cache-Control"] == "private, no-store"
    assert "<h1>Cancel your registration?</h1>" in html
    assert "You are about to cancel your registration for “Cluster finance”." in html
    assert "Your place goes to the first person on the waiting list." in html
    assert f'<form method="post" action="{url}" class="inline-form">' in html
    assert f'<input type="hidden" name="next" value="{seminar.url}">' in html
    assert f'<a class="button button--ghost" href="{seminar.url}">No, keep my registration</a>' in html
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"


def test_confirming_the_cancellation_cancels_and_returns_to_the_seminar(client):
    seminar = factories.seminar()
    registration = register_for_seminar(seminar=seminar, user=factories.UserFactory())
    client.force_login(registration.user)

    response = client.post(f"/en/training/registrations/{registration.pk}/cancel/", {"next": seminar.url}, follow=True)

    assert response.redirect_chain == [(seminar.url, 302)]
    assert "Your registration has been cancelled." in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


def test_cancelling_from_the_waiting_list_says_so(client):
    seminar = factories.seminar(capacity=1)
    register_for_seminar(seminar=seminar, user=factories.UserFactory())
    waiting = register_for_seminar(seminar=seminar, user=factories.UserFactory())
    client.force_login(waiting.user)

    html = client.get(f"/en/training/registrations/{waiting.pk}/cancel/").content.decode()

    assert "You will leave the waiting list. If you register again, you join it at the end." in html
    assert "Your place goes to the first person on the waiting list." not in html


def test_confirmation_of_someone_elses_registration_is_404(client):
    registration = register_for_seminar(seminar=factories.seminar(), user=factories.UserFactory())
    client.force_login(factories.UserFactory())

    response = client.get(f"/en/training/registrations/{registration.pk}/cancel/")

    assert response.status_code == 404


def test_confirmation_of_a_cancelled_registration_goes_back_with_the_reason(client):
    seminar = factories.seminar()
    registration = register_for_seminar(seminar=seminar, user=factories.UserFactory())
    client.force_login(registration.user)
    client.post(f"/en/training/registrations/{registration.pk}/cancel/")

    response = client.get(f"/en/training/registrations/{registration.pk}/cancel/", follow=True)

    assert response.redirect_chain == [(seminar.url, 302)]
    assert "This registration has already been cancelled." in response.content.decode()


def test_no_confirmation_once_the_seminar_has_started(client):
    today = timezone.localdate()
    seminar = factories.seminar(days_ahead=-1, end_date=today + datetime.timedelta(days=1))
    person = factories.UserFactory()
    registration = Registration.objects.create(
        seminar_key=seminar.translation_key, user=person, status="confirmed", queued_at=timezone.now()
    )
    client.force_login(person)

    page = client.get(seminar.url).content.decode()
    response = client.get(f"/en/training/registrations/{registration.pk}/cancel/", follow=True)

    assert "Cancel my registration" not in page
    assert response.redirect_chain == [(seminar.url, 302)]
    assert "The seminar has already started, so the registration can no longer be cancelled." in (
        response.content.decode()
    )
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"


def _attendee_urls(seminar):
    base = f"/en/training/seminars/{seminar.translation_key}/attendees"
    return [f"{base}/", f"{base}.csv", f"{base}.xlsx"]


@pytest.fixture
def seminar_with_trainer():
    trainer = factories.TrainerFactory()
    seminar = factories.seminar(trainers=[trainer])
    register_for_seminar(seminar=seminar, user=factories.UserFactory(first_name="=HYPERLINK(1)", organisation="+Evil"))
    return seminar, trainer


def test_attendee_list_for_the_seminars_trainer(client, seminar_with_trainer):
    seminar, trainer = seminar_with_trainer
    client.force_login(trainer)

    responses = [client.get(url) for url in _attendee_urls(seminar)]

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert all(response["Cache-Control"] == "private, no-store" for response in responses)


def test_attendee_list_for_superuser(client, seminar_with_trainer):
    seminar, _trainer = seminar_with_trainer
    client.force_login(factories.UserFactory(role="admin"))

    assert [client.get(url).status_code for url in _attendee_urls(seminar)] == [200, 200, 200]


@pytest.mark.parametrize("who", ["other_trainer", "participant"])
def test_attendee_list_hidden_from_others(client, seminar_with_trainer, who):
    seminar, _trainer = seminar_with_trainer
    person = {
        "other_trainer": lambda: factories.TrainerFactory(),
        "participant": factories.UserFactory,
    }[who]()
    client.force_login(person)

    assert [client.get(url).status_code for url in _attendee_urls(seminar)] == [404, 404, 404]


def test_attendee_list_anonymous_goes_to_login(client, seminar_with_trainer):
    seminar, _trainer = seminar_with_trainer

    responses = [client.get(url) for url in _attendee_urls(seminar)]

    assert [response.status_code for response in responses] == [302, 302, 302]
    assert all("/accounts/login/" in response["Location"] for response in responses)


def test_attendee_exports_neutralise_formulas(client, seminar_with_trainer):
    seminar, trainer = seminar_with_trainer
    client.force_login(trainer)
    csv_url, xlsx_url = _attendee_urls(seminar)[1:]

    rows = list(csv.reader(io.StringIO(client.get(csv_url).content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(client.get(xlsx_url).content)).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert rows[1][2].startswith("'=HYPERLINK(1)")
    assert rows[1][4] == "'+Evil"
    assert cells[1][2].startswith("'=HYPERLINK(1)")
    assert cells[1][4] == "'+Evil"
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)


def test_trainers_may_add_to_training_sections_in_every_locale_but_not_news():
    trainer = factories.TrainerFactory()
    assert list(trainer.groups.values_list("name", flat=True)) == [TRAINERS]

    for lang in LANGS:
        locale = Locale.objects.get(language_code=lang)
        for model in (TrainingLibraryPage, SeminarIndexPage):
            section = model.objects.get(locale=locale)
            permissions = section.permissions_for_user(trainer)
            # Adding and publishing, but editing only what they own or were assigned to (test_rules.py).
            assert (permissions.can_add_subpage(), permissions.can_edit(), permissions.can_publish()) == (
                True,
                False,
                True,
            )
        news = NewsIndexPage.objects.get(locale=locale)
        assert news.permissions_for_user(trainer).can_add_subpage() is False
        assert home(lang).permissions_for_user(trainer).can_edit() is False


def test_editors_may_add_seminars_to_assign_trainers():
    editor = mobility_factories.EditorFactory()

    assert factories.seminar_index().permissions_for_user(editor).can_add_subpage() is True


def test_trainers_group_may_submit_translations():
    group = Group.objects.get(name=TRAINERS)

    assert group.permissions.filter(codename="submit_translation").exists()


def test_profile_shows_registrations_and_feed_controls(client):
    person = factories.UserFactory()
    seminar = factories.seminar(title="My profile seminar")
    register_for_seminar(seminar=seminar, user=person)
    client.force_login(person)

    html = client.get("/en/accounts/profile/").content.decode()

    assert "My profile seminar" in html
    assert "Create my calendar feed" in html


def _query_counts(client, make_page, make_item, url_of):
    container = make_page()
    make_item()
    one = count_queries(client, url_of(container))
    for _ in range(29):
        make_item()
    return one, count_queries(client, url_of(container))


def test_seminar_index_query_count_is_constant(client):
    index = factories.seminar_index()
    SeminarPage.objects.filter(locale=index.locale).delete()
    factories.seminar()
    one = count_queries(client, index.url)
    for _ in range(29):
        factories.seminar()

    assert count_queries(client, index.url) == one


def test_seminar_index_shows_places_left_in_the_same_queries_for_1_or_30_registrations(client):
    index = factories.seminar_index()
    SeminarPage.objects.filter(locale=index.locale).delete()
    seminar = factories.seminar(capacity=30, title="Counted seminar")
    register_for_seminar(seminar=seminar, user=factories.UserFactory())
    one = count_queries(client, index.url)
    html_one = client.get(index.url).content.decode()
    for _ in range(29):
        register_for_seminar(seminar=seminar, user=factories.UserFactory())
    others = [factories.seminar(capacity=5) for _ in range(29)]
    register_for_seminar(seminar=others[0], user=factories.UserFactory())

    thirty = count_queries(client, index.url)
    html_thirty = client.get(f"{index.url}?page=1").content.decode()
    html_second = client.get(f"{index.url}?page=3").content.decode()

    taken = '<label class="capacity__text" for="places-{key}">{taken} of {capacity} places taken</label>'
    assert thirty == one
    assert html_one.count(taken.format(key=seminar.translation_key.hex, taken=1, capacity=30)) == 1
    assert html_thirty.count(taken.format(key=seminar.translation_key.hex, taken=30, capacity=30)) == 1
    assert html_thirty.count("Fully booked: you can join the waiting list.") == 1
    assert html_thirty.count(taken.format(key=others[0].translation_key.hex, taken=1, capacity=5)) == 1
    assert html_thirty.count("0 of 5 places taken") == 10
    assert html_second.count("0 of 5 places taken") == 6


def test_seminar_page_query_count_is_constant(client):
    seminar = factories.seminar()
    register_for_seminar(seminar=seminar, user=factories.UserFactory())
    client.force_login(factories.UserFactory())
    one = count_queries(client, seminar.url)
    for _ in range(29):
        register_for_seminar(seminar=seminar, user=factories.UserFactory())
    seminar.related_materials = [factories.material() for _ in range(5)]
    seminar.topics = [factories.indicator(f"SRV.{number}", "SRV") for number in range(1, 6)]
    seminar.save_revision().publish()

    assert count_queries(client, seminar.url) == one


def test_library_query_count_is_constant(client):
    library = factories.library()
    Page.objects.filter(pk__in=TrainingMaterialPage.objects.filter(locale=library.locale).values("pk")).delete()
    topic = factories.indicator()
    factories.material(topics=[topic])
    one = count_queries(client, library.url)
    for _ in range(29):
        factories.material(topics=[topic])

    assert count_queries(client, library.url) == one


def test_material_page_query_count_is_constant(client):
    material = factories.material(topics=[factories.indicator()])
    one = count_queries(client, material.url)
    material.topics = [factories.indicator(f"STR.{number}", "STR") for number in range(1, 7)]
    material.save_revision().publish()

    assert count_queries(client, material.url) == one


def _cards(html, kind):
    return html.count(f'<article class="card card--{kind}')


def test_every_language_lists_every_upcoming_seminar_and_filters_agree(client):
    factories.seminar(lang="cs", country="CZ", language="cs", title="Jen česky", slug="jen-cesky")
    upcoming = SeminarState.objects.filter(ends_at__gte=timezone.now())
    czech = upcoming.filter(country="CZ").count()
    in_czech = upcoming.filter(language="cs").count()

    counts = {
        lang: (
            _cards(client.get(factories.seminar_index(lang).url).content.decode(), "seminar"),
            _cards(client.get(f"{factories.seminar_index(lang).url}?country=CZ").content.decode(), "seminar"),
            _cards(client.get(f"{factories.seminar_index(lang).url}?language=cs").content.decode(), "seminar"),
        )
        for lang in LANGS
    }

    assert counts == {lang: (upcoming.count(), czech, in_czech) for lang in LANGS}


def test_a_seminar_without_translation_shows_in_its_language_with_a_translated_mark(client):
    czech = factories.seminar(lang="cs", country="CZ", language="cs", title="Jen česky", slug="jen-cesky")

    polish = client.get(factories.seminar_index("pl").url).content.decode()
    english = client.get(factories.seminar_index("en").url).content.decode()
    home_page = client.get(home("pl").url).content.decode()

    card = f'<a href="{czech.url}" hreflang="cs" lang="cs">Jen česky</a> <span class="language-mark">po czesku</span>'
    assert card in polish
    assert card.replace("po czesku", "in Czech") in english
    assert czech.url in home_page
    assert '<span class="language-mark">po czesku</span>' in home_page


def test_every_library_lists_every_material_and_filters_agree(client):
    topic = factories.indicator("ACH.5", "ACH")
    factories.material(lang="cs", topics=[topic], format="exercise", title="Jen česky", slug="jen-cesky")
    total = TrainingMaterialPage.objects.live().values("translation_key").distinct().count()
    exercises = (
        TrainingMaterialPage.objects.live().filter(format="exercise").values("translation_key").distinct().count()
    )

    counts = {
        lang: (
            _cards(client.get(factories.library(lang).url).content.decode(), "material"),
            _cards(client.get(f"{factories.library(lang).url}?format=exercise").content.decode(), "material"),
            _cards(client.get(f"{factories.library(lang).url}?dimension=ACH").content.decode(), "material"),
        )
        for lang in LANGS
    }

    awards = (
        TrainingMaterialPage.objects.live()
        .filter(topics__dimension__code="ACH")
        .values("translation_key")
        .distinct()
        .count()
    )
    assert counts == dict.fromkeys(LANGS, (total, exercises, awards))
    hungarian = client.get(factories.library("hu").url).content.decode()
    assert '<span class="language-mark">csehül</span>' in hungarian


def test_a_registration_deadline_shows_as_its_last_day(client):
    seminar = factories.seminar(
        start_date=datetime.date(2031, 2, 20),
        end_date=datetime.date(2031, 2, 20),
        registration_deadline=datetime.date(2031, 2, 10),
    )

    html = client.get(seminar.url).content.decode()

    assert "<dd>until Feb. 10, 2031</dd>" in html
    assert "Feb. 11" not in html


def test_a_past_seminar_says_it_took_place_without_registration_or_calendar(client):
    seminar = factories.seminar(days_ahead=-10)
    client.force_login(factories.UserFactory())

    html = client.get(seminar.url).content.decode()

    assert html.count("This seminar took place.") == 2
    assert f"/calendar/seminars/{seminar.translation_key}.ics" not in html
    assert "/register/" not in html
    assert "places left" not in html


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"country": "PL"}, "Your time: Feb. 20, 2031, 7 a.m.–3 p.m. (Warsaw time)"),
        ({"country": "PL", "time_zone": "UTC"}, "Your time: Feb. 20, 2031, 6 a.m.–2 p.m. (UTC time)"),
        ({}, "Your time: Feb. 20, 2031, 7 a.m.–3 p.m. (Prague time)"),
    ],
)
def test_an_online_seminar_also_shows_the_users_own_time(client, fields, expected):
    seminar = factories.seminar(
        start_date=datetime.date(2031, 2, 20),
        end_date=datetime.date(2031, 2, 20),
        time_zone="Europe/Istanbul",
        online_url="https://meet.example.org/cluster",
    )
    client.force_login(factories.UserFactory(**fields))

    html = client.get(seminar.url).content.decode()

    assert "Feb. 20, 2031, 9 a.m.–5 p.m. (Istanbul time)" in html
    assert f'<span class="seminar-own-time">{expected}</span>' in html


def test_an_online_seminar_shows_no_own_time_to_anonymous_visitors(client):
    seminar = factories.seminar(time_zone="Europe/Istanbul", online_url="https://meet.example.org/cluster")

    assert "Your time" not in client.get(seminar.url).content.decode()
