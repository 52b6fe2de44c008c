"""Training materials, seminars, registrations and calendars (see DESIGN.md 4.5, 4.6)."""
