"""Read .ics files as real calendar programs do, and check that they agree.

Three readers, each giving every VEVENT as `(uid, start, end)` with UTC
instants as "2026-07-01T07:00:00Z" and all-day dates as "2026-07-01":

- Mozilla's ical.js 2 (the engine of Thunderbird), run by `node` on
  `tests/ical_instants.mjs`; it resolves times through the file's VTIMEZONEs;
- vobject, which reads the VTIMEZONEs through dateutil;
- icalendar with zoneinfo, which resolves the TZID by name.

Without `node` the tests that need it are skipped with the reason shown,
except under REQUIRE_BROWSER=1 (CI), where they fail.
"""

import datetime
import json
import os
import pathlib
import shutil
import subprocess

import icalendar
import pytest
import vobject
import vobject.icalendar

SCRIPT = pathlib.Path(__file__).with_name("ical_instants.mjs")
UTC = datetime.UTC


def node():
    """The `node` executable, or a skip (a failure under REQUIRE_BROWSER=1) when it is missing."""
    executable = shutil.which("node")
    if executable is None:
        reason = "needs Node.js (`node` on the PATH) to read calendars with ical.js"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    return executable


def _text(value):
    return value.decode() if isinstance(value, bytes) else value


def _format(value):
    if isinstance(value, datetime.datetime):
        assert value.tzinfo is not None, f"floating time {value}"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def icaljs(*texts):
    """What ical.js reads: for each text, a list of (uid, start, end)."""
    completed = subprocess.run(
        [node(), str(SCRIPT)],
        input=json.dumps([_text(text) for text in texts]),
        capture_output=True,
        text=True,
        cwd=SCRIPT.parent.parent,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return [
        [(event["uid"], event["start"], event["end"]) for event in result["events"]]
        for result in json.loads(completed.stdout)
    ]


def vobject_reads(text):
    # vobject keeps the first VTIMEZONE it meets per TZID for the whole
    # process; forget earlier files so each one is read by its own zones.
    registry = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    vobject.icalendar.registerTzid("UTC", vobject.icalendar.utc)
    calendar = vobject.readOne(_text(text))
    return [
        (event.uid.value, _format(event.dtstart.value), _format(event.dtend.value))
        for event in calendar.contents.get("vevent", [])
    ]


def zoneinfo_reads(text):
    calendar = icalendar.Calendar.from_ical(text)
    return [(str(event["UID"]), _format(event.start), _format(event.end)) for event in calendar.events]


def read_all(*texts):
    """(uid, start, end) of every event of every text, after checking that all three readers agree.

    The Python readers are compared first, so that they are checked even where
    `node` is missing and the ical.js part is skipped.
    """
    results = []
    for text in texts:
        expected = zoneinfo_reads(text)
        assert vobject_reads(text) == expected, f"vobject reads {vobject_reads(text)}, zoneinfo {expected}"
        results.append(expected)
    for from_icaljs, expected in zip(icaljs(*texts), results, strict=True):
        assert from_icaljs == expected, f"ical.js reads {from_icaljs}, zoneinfo {expected}"
    return results
