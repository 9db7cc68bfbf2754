"""Sending through the user's own mailbox: SMTP settings, the test email, the outbox of
emails to send and the worker job that sends them, at most once."""
