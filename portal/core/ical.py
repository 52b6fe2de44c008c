"""VTIMEZONE components that calendar programs read as zoneinfo does (RFC 5545 3.6.5).

icalendar's `Timezone.from_tzid` lists every change of one kind in a single
comma-separated RDATE. Mozilla's ical.js (Thunderbird) and vobject read only
its first value, so over the usual 2000-2040 range every summer date and every
Europe/Istanbul date came out an hour wrong. It also finds changes by the UTC
offset alone and so misses Istanbul's 2016 move from summer time to +03 all
year, which kept the offset.

Here the changes come straight from zoneinfo, for the years a calendar needs
only. Each kind of change (STANDARD or DAYLIGHT, offsets before and after,
name) is one observance: its DTSTART is the first change, in the local time
before it as RFC 5545 wants; the later ones follow as a yearly RRULE when they
keep one rule (the same local time on the last or nth weekday of one month),
else as one RDATE property each.
"""

import calendar as month_calendar
import datetime
import functools
import zoneinfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

UTC = datetime.UTC
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SCAN_STEP = datetime.timedelta(days=1)
PRECISION = datetime.timedelta(seconds=1)


def _state(zone, moment):
    """What a zone says at a UTC instant: offset, summer time or not, and name."""
    local = moment.astimezone(zone)
    return local.utcoffset(), bool(local.dst()), local.tzname()


def _change_between(zone, before, after):
    """The first instant in (before, after] whose state differs from `before`'s (one change in between)."""
    state = _state(zone, before)
    while after - before > PRECISION:
        middle = before + (after - before) / 2
        if _state(zone, middle) == state:
            before = middle
        else:
            after = middle
    return after.replace(microsecond=0)


@functools.lru_cache(maxsize=256)
def transitions(tzid, first_year, last_year):
    """The zone's state at the start of `first_year` and every change until the end of `last_year`.

    Returns `(initial_state, ((utc_instant, state_before, state_after), ...))`,
    a state being `(utc_offset, is_summer_time, name)`.
    """
    zone = zoneinfo.ZoneInfo(tzid)
    start = datetime.datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)
    initial = state = _state(zone, start)
    changes = []
    moment = start
    while moment < end:
        step = min(moment + SCAN_STEP, end)
        following = _state(zone, step)
        if following != state:
            instant = _change_between(zone, moment, step)
            changes.append((instant, state, _state(zone, instant)))
            state = _state(zone, instant)
            if state != following:  # a second change within the same step
                moment = instant
                continue
        moment = step
    return initial, tuple(changes)


def _yearly_rule(onsets):
    """The BYMONTH/BYDAY rule every onset (local datetimes, one per year in a row) keeps, or None."""
    first = onsets[0]
    same_clock = all(
        (onset.month, onset.weekday(), onset.time()) == (first.month, first.weekday(), first.time()) for onset in onsets
    )
    consecutive = [onset.year for onset in onsets] == list(range(first.year, first.year + len(onsets)))
    if not (same_clock and consecutive):
        return None
    weekday = WEEKDAYS[first.weekday()]
    if all(onset.day + 7 > month_calendar.monthrange(onset.year, onset.month)[1] for onset in onsets):
        return {"BYMONTH": first.month, "BYDAY": f"-1{weekday}"}
    nth = {(onset.day - 1) // 7 + 1 for onset in onsets}
    if len(nth) == 1:
        return {"BYMONTH": first.month, "BYDAY": f"{nth.pop()}{weekday}"}
    return None


def _observance(*, summer, name, offset_from, offset_to, onsets, last_instant):
    component = TimezoneDaylight() if summer else TimezoneStandard()
    component.add("DTSTART", onsets[0])
    component.add("TZOFFSETFROM", offset_from)
    component.add("TZOFFSETTO", offset_to)
    component.add("TZNAME", name)
    rule = _yearly_rule(onsets) if len(onsets) > 1 else None
    if rule is not None:
        # UNTIL is in UTC (RFC 5545 3.3.10). Some readers compare it with the
        # local DTSTART as if that were UTC too; the later of both readings of
        # the last change keeps that change in every reader, and the next
        # one is a year later.
        until = max(last_instant, onsets[-1].replace(tzinfo=UTC))
        component.add("RRULE", vRecur({"FREQ": "YEARLY", **rule, "UNTIL": until}))
    else:
        for onset in onsets[1:]:
            component.add("RDATE", onset)
    return component


def vtimezone(tzid, *, first_year, last_year):
    """A VTIMEZONE for `tzid` that is right from 1 January `first_year` to 31 December `last_year`."""
    initial, changes = transitions(tzid, first_year, last_year)
    offset, summer, name = initial
    zone = Timezone()
    zone.add("TZID", tzid)
    zone.add_component(
        _observance(
            summer=summer,
            name=name,
            offset_from=offset,
            offset_to=offset,
            onsets=[datetime.datetime(first_year, 1, 1)],
            last_instant=None,
        )
    )
    kinds = {}
    for instant, before, after in changes:
        onset = (instant + before[0]).replace(tzinfo=None)  # local time before the change
        kinds.setdefault((after[1], after[2], before[0], after[0]), []).append((instant, onset))
    for (summer, name, offset_from, offset_to), occurrences in kinds.items():
        zone.add_component(
            _observance(
                summer=summer,
                name=name,
                offset_from=offset_from,
                offset_to=offset_to,
                onsets=[onset for _instant, onset in occurrences],
                last_instant=occurrences[-1][0],
            )
        )
    return zone


def _local_datetimes(calendar):
    """Every (TZID, local datetime) that a calendar's components use."""
    for component in calendar.walk():
        if component.name == "VTIMEZONE" or isinstance(component, TimezoneStandard | TimezoneDaylight):
            continue
        for _name, value in component.property_items(recursive=False, sorted=False):
            tzid = getattr(value, "params", {}).get("TZID")
            if tzid is None:
                continue
            values = value.dts if hasattr(value, "dts") else [value]
            for item in values:
                moment = getattr(item, "dt", None)
                if isinstance(moment, tuple):  # a PERIOD
                    moment = moment[0]
                if isinstance(moment, datetime.datetime):
                    yield tzid, moment


def add_timezones(calendar):
    """Add a VTIMEZONE for every TZID used, covering the years its dates fall in, before the other components.

    Returns the calendar. UTC needs none; a TZID that zoneinfo does not know is
    left out (as icalendar's `add_missing_timezones` does).
    """
    years = {}
    for tzid, moment in _local_datetimes(calendar):
        low, high = years.get(tzid, (moment.year, moment.year))
        years[tzid] = (min(low, moment.year), max(high, moment.year))
    known = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} | {"UTC"}
    position = 0
    for tzid in sorted(years.keys() - known):
        try:
            zone = vtimezone(tzid, first_year=years[tzid][0], last_year=years[tzid][1])
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        calendar.subcomponents.insert(position, zone)
        position += 1
    return calendar
