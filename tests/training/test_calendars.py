import datetime

import pytest
from django.core import mail
from icalendar import Calendar, Event

from tests.calendar_readers import read_all
from tests.helpers import count_queries
from tests.training import factories
from training import calendars
from training.models import CalendarFeedToken, SeminarPage
from training.services import cancel_registration, register_for_seminar

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def check_rfc5545(calendar):
    """Every event: UID, DTSTAMP in UTC, SEQUENCE, URL, LOCATION; a VTIMEZONE for every TZID."""
    assert calendar.get_missing_tzids() == set()
    for event in calendar.events:
        assert str(event["UID"]).startswith("seminar-")
        assert event.DTSTAMP.utcoffset() == datetime.timedelta(0)
        assert "SEQUENCE" in event
        assert str(event["URL"]).startswith("http")
        assert str(event["LOCATION"])
        assert event.start.tzinfo is not None
    return calendar


def test_seminar_ics_is_valid_and_in_venue_time_zone(client):
    seminar = factories.seminar(time_zone="Europe/Istanbul")

    calendar = check_rfc5545(parse(client.get(f"/calendar/seminars/{seminar.translation_key}.ics")))

    event = calendar.events[0]
    assert event.start.hour == 9
    assert str(event.start.tzinfo) == "Europe/Istanbul"
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Istanbul"]


def test_seminar_ics_uid_is_stable_across_downloads_and_translations(client):
    english = factories.seminar()
    hungarian = factories.seminar(lang="hu", translation_of=english, slug="magyar")
    url = f"/calendar/seminars/{english.translation_key}.ics"

    first = parse(client.get(url)).events[0]
    second = parse(client.get(f"{url}?language=hu")).events[0]

    assert first["UID"] == second["UID"]
    assert str(second["SUMMARY"]) == hungarian.title


def test_public_feed_lists_upcoming_seminars_once_each(client):
    calendar = check_rfc5545(parse(client.get("/calendar/seminars.ics")))

    upcoming = SeminarPage.objects.live().filter(
        locale__language_code="en", ends_at__gte=datetime.datetime.now(datetime.UTC)
    )
    assert sorted(str(event["UID"]) for event in calendar.events) == sorted(
        f"seminar-{page.translation_key}@seminars.centramo" for page in upcoming
    )


@pytest.mark.parametrize(
    ("query", "expected_countries"),
    [("country=SK", {"SK"}), ("language=pl", {"PL"}), ("country=hr", {"HR"})],
)
def test_public_feed_filters(client, query, expected_countries):
    factories.seminar(country="SK", language="sk", address="Hlavná 1, Trnava", time_zone="Europe/Bratislava")
    factories.seminar(country="PL", language="pl", address="Rynek 1, Kraków", time_zone="Europe/Warsaw")
    factories.seminar(country="HR", language="hr", address="Ilica 1, Zagreb", time_zone="Europe/Zagreb")
    factories.seminar(country="HU", language="hu")
    calendar = check_rfc5545(parse(client.get(f"/calendar/seminars.ics?{query}")))

    keys = [str(event["UID"]).removeprefix("seminar-").split("@")[0] for event in calendar.events]
    countries = set(SeminarPage.objects.filter(translation_key__in=keys).values_list("country", flat=True))
    assert countries == expected_countries
    assert len(calendar.events) == 1


def test_public_feed_filters_by_indicator_and_dimension(client):
    topic = factories.indicator("COM.5", "COM")
    seminar = factories.seminar(topics=[topic])
    uid = f"seminar-{seminar.translation_key}@seminars.centramo"

    by_indicator = parse(client.get("/calendar/seminars.ics?topic=COM.5"))
    by_dimension = parse(client.get("/calendar/seminars.ics?topic=COM"))

    assert uid in [str(event["UID"]) for event in by_indicator.events]
    assert uid in [str(event["UID"]) for event in by_dimension.events]


def test_public_feed_rejects_unknown_topic_with_message(client):
    response = client.get("/calendar/seminars.ics?topic=NOPE.1")

    assert response.status_code == 400
    assert response.content.decode() == "Unknown indicator or dimension code."


def test_public_feed_query_count_is_constant(client):
    factories.seminar()
    one = count_queries(client, "/calendar/seminars.ics")
    for _ in range(29):
        factories.seminar()

    assert count_queries(client, "/calendar/seminars.ics") == one


def test_personal_feed_has_confirmed_and_cancelled_registrations(client):
    person = factories.UserFactory()
    kept, dropped, waiting = factories.seminar(), factories.seminar(), factories.seminar(capacity=0)
    register_for_seminar(seminar=kept, user=person)
    cancel_registration(registration=register_for_seminar(seminar=dropped, user=person), by=person)
    register_for_seminar(seminar=waiting, user=person)
    feed = CalendarFeedToken.objects.create(user=person)

    response = client.get(f"/calendar/personal/{feed.token}.ics")

    calendar = check_rfc5545(parse(response))
    statuses = {str(event["UID"]): (str(event["STATUS"]), event["SEQUENCE"]) for event in calendar.events}
    assert statuses == {
        f"seminar-{kept.translation_key}@seminars.centramo": ("CONFIRMED", 0),
        f"seminar-{dropped.translation_key}@seminars.centramo": ("CANCELLED", 1),
    }
    assert response["Cache-Control"] == "private, no-store"


def test_personal_feed_with_unknown_or_revoked_token_is_404(client):
    person = factories.UserFactory()
    feed = CalendarFeedToken.objects.create(user=person)
    client.force_login(person)
    old = feed.token

    client.post("/en/training/calendar-feed/", {"action": "regenerate"})

    assert client.get(f"/calendar/personal/{old}.ics").status_code == 404
    new = CalendarFeedToken.objects.get(user=person).token
    assert client.get(f"/calendar/personal/{new}.ics").status_code == 200
    client.post("/en/training/calendar-feed/", {"action": "revoke"})
    assert client.get(f"/calendar/personal/{new}.ics").status_code == 404


def test_personal_feed_query_count_is_constant(client):
    person = factories.UserFactory()
    feed = CalendarFeedToken.objects.create(user=person)
    register_for_seminar(seminar=factories.seminar(), user=person)
    url = f"/calendar/personal/{feed.token}.ics"
    one = count_queries(client, url)
    for _ in range(29):
        register_for_seminar(seminar=factories.seminar(), user=person)

    assert count_queries(client, url) == one


def test_personal_feed_event_providers_can_be_added():
    def provider(*, user):
        return [Event.new(uid="visit-1@example.org", summary="Study visit")]

    calendars.register_personal_event_provider(provider)
    try:
        events = calendars.personal_feed_events(user=factories.UserFactory())
    finally:
        calendars.PERSONAL_EVENT_PROVIDERS.remove(provider)

    assert [str(event["UID"]) for event in events] == ["visit-1@example.org"]


# --- What calendar programs read (ical.js, vobject, zoneinfo) ----------------------

NEXT = datetime.date.today().year + 1


def _venue_seminars():
    """Seminars next year and the year after, in winter and in summer, in several venues' zones.

    Returns {seminar: (expected UTC start, expected UTC end)}.
    """
    plan = [
        ("Europe/Prague", "CZ", (NEXT, 1, 20), (9, 0), (17, 0), ("08:00", "16:00")),
        ("Europe/Prague", "CZ", (NEXT, 7, 15), (9, 0), (17, 0), ("07:00", "15:00")),
        ("Europe/Istanbul", "TR", (NEXT, 1, 20), (9, 30), (16, 0), ("06:30", "13:00")),
        ("Europe/Istanbul", "TR", (NEXT, 7, 15), (9, 30), (16, 0), ("06:30", "13:00")),
        ("Europe/Warsaw", "PL", (NEXT, 6, 3), (10, 0), (12, 0), ("08:00", "10:00")),
        ("Europe/Zagreb", "HR", (NEXT, 12, 2), (10, 0), (12, 0), ("09:00", "11:00")),
        ("Europe/Budapest", "HU", (NEXT, 3, 3), (9, 0), (13, 0), ("08:00", "12:00")),
        ("Europe/Bratislava", "SK", (NEXT + 1, 8, 25), (13, 0), (18, 0), ("11:00", "16:00")),
    ]
    seminars = {}
    for tzid, country, day, start, end, (utc_start, utc_end) in plan:
        date = datetime.date(*day)
        seminar = factories.seminar(
            time_zone=tzid,
            country=country,
            start_date=date,
            start_time=datetime.time(*start),
            end_date=date,
            end_time=datetime.time(*end),
        )
        seminars[seminar] = (f"{date.isoformat()}T{utc_start}:00Z", f"{date.isoformat()}T{utc_end}:00Z")
    return seminars


def ics(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def by_seminar(events, seminars):
    """{seminar: (start, end)} for `seminars`, from one file's (uid, start, end) events."""
    instants = {uid: (start, end) for uid, start, end in events}
    return {seminar: instants[f"seminar-{seminar.translation_key}@seminars.centramo"] for seminar in seminars}


def test_every_calendar_file_reads_the_same_in_icaljs_vobject_and_zoneinfo(client, django_capture_on_commit_callbacks):
    seminars = _venue_seminars()
    person = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for seminar in seminars:
            register_for_seminar(seminar=seminar, user=person)
    feed = CalendarFeedToken.objects.create(user=person)
    downloads = [ics(client.get(f"/calendar/seminars/{seminar.translation_key}.ics")) for seminar in seminars]
    attachments = [message.attachments[0][1] for message in mail.outbox]
    public = ics(client.get("/calendar/seminars.ics"))
    personal = ics(client.get(f"/calendar/personal/{feed.token}.ics"))

    read = read_all(*downloads, *attachments, public, personal)

    count = len(seminars)
    expected = {seminar: {seminar: instants} for seminar, instants in seminars.items()}
    assert len(attachments) == count
    assert [by_seminar(events, [seminar]) for events, seminar in zip(read[:count], seminars, strict=True)] == list(
        expected.values()
    )
    assert [
        by_seminar(events, [seminar]) for events, seminar in zip(read[count : 2 * count], seminars, strict=True)
    ] == list(expected.values())
    assert by_seminar(read[-2], seminars) == seminars
    assert by_seminar(read[-1], seminars) == seminars


def test_calendar_files_carry_no_comma_separated_rdate_and_only_the_years_needed(client):
    seminar = factories.seminar(
        time_zone="Europe/Prague",
        start_date=datetime.date(NEXT, 7, 15),
        end_date=datetime.date(NEXT, 7, 15),
    )

    calendar = Calendar.from_ical(ics(client.get(f"/calendar/seminars/{seminar.translation_key}.ics")))

    [zone] = calendar.timezones
    assert [(part.name, part["DTSTART"].dt) for part in zone.subcomponents] == [
        ("STANDARD", datetime.datetime(NEXT, 1, 1)),
        ("DAYLIGHT", _last_sunday(NEXT, 3, 2)),
        ("STANDARD", _last_sunday(NEXT, 10, 3)),
    ]
    assert b"RDATE" not in calendar.to_ical()


def _last_sunday(year, month, hour):
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return datetime.datetime.combine(day - datetime.timedelta(days=(day.weekday() + 1) % 7), datetime.time(hour))


# --- HEAD ---------------------------------------------------------------------


def test_head_answers_200_on_every_calendar_url(client):
    seminar = factories.seminar()
    feed = CalendarFeedToken.objects.create(user=factories.UserFactory())
    urls = [
        f"/calendar/seminars/{seminar.translation_key}.ics",
        f"/calendar/seminars/{seminar.translation_key}.ics?language=en",
        "/calendar/seminars.ics",
        "/calendar/seminars.ics?country=HU&language=hu",
        f"/calendar/personal/{feed.token}.ics",
    ]

    answers = [client.head(url) for url in urls]

    assert [(answer.status_code, answer["Content-Type"], answer.content) for answer in answers] == [
        (200, "text/calendar; charset=utf-8", b"")
    ] * len(urls)
    assert [client.post(url).status_code for url in urls] == [405] * len(urls)
