"""The private iCalendar feed of pending follow-ups and interviews, and per-action .ics files."""
