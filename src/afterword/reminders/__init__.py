"""Reminders: the morning digest and per-action notifications through Apprise channels."""
