"""VTIMEZONE components read the same by ical.js, vobject and zoneinfo (portal.core.ical)."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar, Event

from portal.core import ical
from tests.calendar_readers import read_all

UTC = datetime.UTC
STAMP = datetime.datetime(2026, 1, 1, tzinfo=UTC)


def calendar_with(tzid, *starts, hours=2):
    """A calendar with one event per local start (`YYYY-MM-DD HH:MM`) in `tzid`, each `hours` long."""
    zone = zoneinfo.ZoneInfo(tzid)
    calendar = Calendar.new(prodid="-//Centramo//Tests//EN")
    for number, start in enumerate(starts):
        local = datetime.datetime.fromisoformat(start).replace(tzinfo=zone)
        calendar.add_component(
            Event.new(uid=f"event-{number}", stamp=STAMP, start=local, end=local + datetime.timedelta(hours=hours))
        )
    return ical.add_timezones(calendar)


def starts(text):
    [events] = read_all(text)
    return [start for _uid, start, _end in events]


@pytest.mark.parametrize(
    ("tzid", "local", "expected"),
    [
        # Winter and summer, in the venues' zones, over three years (the yearly rules).
        (
            "Europe/Prague",
            ["2026-01-20 09:00", "2026-07-15 09:00", "2027-03-28 09:00", "2028-10-29 09:00", "2028-12-31 23:00"],
            [
                "2026-01-20T08:00:00Z",
                "2026-07-15T07:00:00Z",
                "2027-03-28T07:00:00Z",
                "2028-10-29T08:00:00Z",
                "2028-12-31T22:00:00Z",
            ],
        ),
        (
            "Europe/Warsaw",
            ["2026-03-28 09:00", "2026-03-29 09:00", "2026-10-24 09:00", "2026-10-25 09:00"],
            ["2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z"],
        ),
        (
            "Europe/Zagreb",
            ["2026-02-10 10:00", "2027-06-10 10:00"],
            ["2026-02-10T09:00:00Z", "2027-06-10T08:00:00Z"],
        ),
        (
            "Europe/Bratislava",
            ["2026-11-05 13:30", "2026-05-05 13:30"],
            ["2026-11-05T12:30:00Z", "2026-05-05T11:30:00Z"],
        ),
        (
            "Europe/Budapest",
            ["2026-01-01 00:30", "2026-08-20 18:00"],
            ["2025-12-31T23:30:00Z", "2026-08-20T16:00:00Z"],
        ),
        # +03 all year since September 2016, also in summer.
        (
            "Europe/Istanbul",
            ["2026-01-20 09:00", "2026-07-15 09:00", "2027-12-01 09:00"],
            ["2026-01-20T06:00:00Z", "2026-07-15T06:00:00Z", "2027-12-01T06:00:00Z"],
        ),
        # Across the 2016 change: summer time until 7 September, then +03 in winter too.
        (
            "Europe/Istanbul",
            ["2015-01-20 09:00", "2015-11-01 09:00", "2016-07-01 09:00", "2016-12-01 09:00"],
            ["2015-01-20T07:00:00Z", "2015-11-01T06:00:00Z", "2016-07-01T06:00:00Z", "2016-12-01T06:00:00Z"],
        ),
        # Zones west of UTC and in the southern hemisphere (summer time over New Year).
        (
            "America/New_York",
            ["2026-01-15 09:00", "2026-07-15 09:00", "2027-03-14 03:30", "2027-11-07 03:00"],
            ["2026-01-15T14:00:00Z", "2026-07-15T13:00:00Z", "2027-03-14T07:30:00Z", "2027-11-07T08:00:00Z"],
        ),
        (
            "Australia/Sydney",
            ["2026-01-15 09:00", "2026-07-15 09:00", "2027-01-15 09:00"],
            ["2026-01-14T22:00:00Z", "2026-07-14T23:00:00Z", "2027-01-14T22:00:00Z"],
        ),
    ],
)
def test_icaljs_vobject_and_zoneinfo_read_the_same_instants(tzid, local, expected):
    assert starts(calendar_with(tzid, *local).to_ical()) == expected


def test_each_change_is_its_own_value_and_summer_time_is_a_yearly_rule():
    zone = ical.vtimezone("Europe/Prague", first_year=2026, last_year=2028)

    assert zone.to_ical().decode().replace("\r\n", "\n") == (
        "BEGIN:VTIMEZONE\n"
        "TZID:Europe/Prague\n"
        "BEGIN:STANDARD\n"
        "DTSTART:20260101T000000\n"
        "TZNAME:CET\n"
        "TZOFFSETFROM:+0100\n"
        "TZOFFSETTO:+0100\n"
        "END:STANDARD\n"
        "BEGIN:DAYLIGHT\n"
        "DTSTART:20260329T020000\n"
        "RRULE:FREQ=YEARLY;UNTIL=20280326T020000Z;BYDAY=-1SU;BYMONTH=3\n"
        "TZNAME:CEST\n"
        "TZOFFSETFROM:+0100\n"
        "TZOFFSETTO:+0200\n"
        "END:DAYLIGHT\n"
        "BEGIN:STANDARD\n"
        "DTSTART:20261025T030000\n"
        "RRULE:FREQ=YEARLY;UNTIL=20281029T030000Z;BYDAY=-1SU;BYMONTH=10\n"
        "TZNAME:CET\n"
        "TZOFFSETFROM:+0200\n"
        "TZOFFSETTO:+0100\n"
        "END:STANDARD\n"
        "END:VTIMEZONE\n"
    )


def test_istanbul_has_the_2016_change_to_plus_three_all_year():
    zone = ical.vtimezone("Europe/Istanbul", first_year=2016, last_year=2016)

    observances = [
        (part.name, str(part["TZNAME"]), part["DTSTART"].to_ical().decode(), part["TZOFFSETTO"].to_ical())
        for part in zone.subcomponents
    ]
    assert observances == [
        ("STANDARD", "EET", "20160101T000000", "+0200"),
        ("DAYLIGHT", "EEST", "20160327T030000", "+0300"),
        ("STANDARD", "+03", "20160907T000000", "+0300"),
    ]
    assert ical.vtimezone("Europe/Istanbul", first_year=2026, last_year=2027).to_ical().decode().replace(
        "\r\n", "\n"
    ) == (
        "BEGIN:VTIMEZONE\nTZID:Europe/Istanbul\nBEGIN:STANDARD\nDTSTART:20260101T000000\nTZNAME:+03\n"
        "TZOFFSETFROM:+0300\nTZOFFSETTO:+0300\nEND:STANDARD\nEND:VTIMEZONE\n"
    )


def test_changes_without_a_yearly_rule_get_one_rdate_property_each():
    # Turkey moved its 2015 change to winter time to 8 November (an election); 2014 and 2016 kept the rule.
    zone = ical.vtimezone("Europe/Istanbul", first_year=2013, last_year=2015)
    [winter] = [part for part in zone.subcomponents if part.name == "STANDARD" and str(part["TZNAME"]) == "EET"][1:]

    rdates = winter["RDATE"] if isinstance(winter["RDATE"], list) else [winter["RDATE"]]
    assert winter["DTSTART"].to_ical() == b"20131027T040000"
    assert [rdate.to_ical() for rdate in rdates] == [b"20141026T040000", b"20151108T040000"]
    assert "RRULE" not in winter
    assert b"RDATE:20141026T040000\r\nRDATE:20151108T040000\r\n" in zone.to_ical()


def test_zones_cover_only_the_years_of_the_events_and_come_first():
    calendar = calendar_with("Europe/Prague", "2027-05-05 10:00")

    [zone] = calendar.timezones
    assert calendar.subcomponents[0] is zone
    assert [part["DTSTART"].to_ical() for part in zone.subcomponents] == [
        b"20270101T000000",
        b"20270328T020000",
        b"20271031T030000",
    ]


def test_every_tzid_gets_one_zone_utc_and_unknown_zones_none():
    calendar = calendar_with("Europe/Zagreb", "2026-05-05 10:00")
    for uid, start in [("utc", datetime.datetime(2026, 5, 5, 8, tzinfo=UTC)), ("all-day", datetime.date(2026, 5, 6))]:
        calendar.add_component(Event.new(uid=uid, stamp=STAMP, start=start))
    unknown = Event.new(uid="unknown", stamp=STAMP)
    unknown.add("DTSTART", datetime.datetime(2026, 5, 5, 10), parameters={"TZID": "Mars/Olympus"})
    calendar.add_component(unknown)

    ical.add_timezones(calendar)
    ical.add_timezones(calendar)

    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Zagreb"]


def test_transitions_are_computed_once_per_zone_and_years():
    ical.transitions.cache_clear()
    for _ in range(3):
        ical.vtimezone("Europe/Warsaw", first_year=2026, last_year=2027)

    assert (ical.transitions.cache_info().hits, ical.transitions.cache_info().misses) == (2, 1)
