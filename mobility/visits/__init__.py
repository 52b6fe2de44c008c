"""Study visits (DESIGN.md 4.3, 4.4): peer matching, offers, bookings, reports.

`rules` is the booking state machine; `services` write, `queries` read,
`notifications` are the e-mails the services send, `calendars` the iCalendar
invitations and feed events; `views`, `forms` and `urls` serve the pages.
"""
