"""Delivery: the outside world. Sending email through the user's mailbox, the outbox and its
worker, reminders through notification channels, the calendar feed (and, later, replies)."""
