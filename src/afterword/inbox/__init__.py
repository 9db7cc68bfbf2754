"""Noticing replies: watch the user's mailbox over IMAP and re-plan when an employer answers.

The pure parts (no Django, no I/O) read one message and decide what it is: ``message`` parses
headers and the first few kilobytes of text, ``kinds`` tells bounces, automatic replies and
newsletters from people, ``matching`` finds the application a message belongs to, and
``meaning`` suggests what a reply says. ``imap`` talks to the server; ``watch`` is the worker job
that puts it together; ``records`` stores what was found and records the events.
"""
