// Print what Mozilla's ical.js (the calendar engine of Thunderbird) reads from .ics files.
//
// Input on stdin: a JSON array of iCalendar texts. Output on stdout: a JSON
// array with, for each text, {"method": ..., "events": [{"uid", "start", "end"}]}
// where start and end are UTC instants ("2026-07-01T07:00:00Z") or, for all-day
// events, dates ("2026-07-01"). Times are resolved only through the file's own
// VTIMEZONE components: a TZID without one is an error, never a silent guess.
import ICAL from 'ical.js';

function instant(component, name) {
  const property = component.getFirstProperty(name);
  if (!property) {
    return null;
  }
  const time = property.getFirstValue();
  if (time.isDate) {
    return time.toString();
  }
  const tzid = property.getParameter('tzid');
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    throw new Error(`${name} uses TZID ${tzid} without a VTIMEZONE`);
  }
  return new Date(time.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
}

function read(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    start: instant(event, 'dtstart'),
    end: instant(event, 'dtend'),
  }));
  return { method: calendar.getFirstPropertyValue('method'), events };
}

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(JSON.stringify(texts.map(read)));
